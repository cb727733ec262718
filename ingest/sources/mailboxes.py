"""Reading raw emails from a path: one .eml file, a folder of them, a Maildir or an mbox file.

Yields bytes per message and never parses them; one unreadable message never stops the rest.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ingest.errors import IngestError, MalformedEmailError

__all__ = ("RawEmail", "read_mailbox")

# A message starts with a header field ("Name: value") or, in mbox files, a "From " line.
_FIRST_LINE = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]+[ \t]*:|From )")
_MAILDIR_PARTS = ("new", "cur")


class RawEmail(NamedTuple):
    """One message's bytes and where they came from (file path, or ``mbox#n``)."""

    source: str
    raw: bytes


def read_mailbox(path: Path) -> Iterator[RawEmail | MalformedEmailError]:
    """Every message under ``path``, in a stable order; a bad one yields its error instead.

    Raises IngestError only when ``path`` itself does not exist.
    """
    if path.is_dir():
        if _is_maildir(path):
            yield from _read_maildir(path)
        else:
            yield from _read_folder(path)
    elif path.is_file():
        yield from _read_file(path)
    else:
        raise IngestError(f"{path}: no such file or folder")


def _read_file(path: Path) -> Iterator[RawEmail | MalformedEmailError]:
    if path.suffix.lower() == ".mbox" or (path.suffix.lower() != ".eml" and _starts_mbox(path)):
        yield from _read_mbox(path)
    else:
        yield _read_message_file(path)


def _read_folder(path: Path) -> Iterator[RawEmail | MalformedEmailError]:
    """.eml and .mbox files anywhere under ``path``, and any Maildirs in it, sorted by path."""
    maildirs = sorted(p for p in path.rglob("*") if p.is_dir() and _is_maildir(p))
    for maildir in maildirs:
        yield from _read_maildir(maildir)
    inside_maildir = tuple(maildirs)
    for candidate in sorted(path.rglob("*")):
        if candidate.suffix.lower() not in (".eml", ".mbox"):
            continue
        if any(parent in inside_maildir for parent in candidate.parents):
            continue
        if candidate.is_dir():
            yield MalformedEmailError("is a folder, not an email file", source=str(candidate))
        else:
            yield from _read_file(candidate)


def _is_maildir(path: Path) -> bool:
    return all((path / part).is_dir() for part in _MAILDIR_PARTS)


def _read_maildir(path: Path) -> Iterator[RawEmail | MalformedEmailError]:
    """Delivered messages in ``new/`` and ``cur/``; ``tmp/`` holds deliveries in progress."""
    for part in _MAILDIR_PARTS:
        for candidate in sorted((path / part).iterdir()):
            if not candidate.name.startswith(".") and candidate.is_file():
                yield _read_message_file(candidate)


def _read_mbox(path: Path) -> Iterator[RawEmail | MalformedEmailError]:
    try:
        box = mailbox.mbox(path, create=False)
        keys = sorted(box.keys())
    except (OSError, mailbox.Error) as exc:
        yield MalformedEmailError(f"cannot read mbox: {exc}", source=str(path))
        return
    try:
        for number, key in enumerate(keys, start=1):
            source = f"{path}#{number}"
            try:
                yield _checked(source, box.get_bytes(key))
            except (OSError, KeyError, ValueError, mailbox.Error) as exc:
                yield MalformedEmailError(f"cannot read message: {exc}", source=source)
    finally:
        box.close()


def _read_message_file(path: Path) -> RawEmail | MalformedEmailError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return MalformedEmailError(f"cannot read file: {exc.strerror or exc}", source=str(path))
    return _checked(str(path), raw)


def _checked(source: str, raw: bytes) -> RawEmail | MalformedEmailError:
    """``raw`` if it looks like an email message at all (a header first), else an error."""
    if not raw.strip():
        return MalformedEmailError("empty message", source=source)
    if not _FIRST_LINE.match(raw.lstrip(b"\r\n")):
        return MalformedEmailError("not an email message (no header at the start)", source=source)
    return RawEmail(source, raw)


def _starts_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False
