"""A file of web-form submissions (a JSON array of objects) -> the bodies to post, as written.

Each body is judged by the intake API, one at a time, so one bad submission never stops a file;
only a file that is not a JSON array at all is refused here, naming the file and the position.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from ingest.errors import MalformedFileError

__all__ = ("read_submissions",)

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_submissions(path: Path) -> list[Any]:
    """The array in ``path``, element by element (each one a body to post, even if it is not an
    object). Raises ``MalformedFileError`` for unreadable text, invalid JSON or a non-array."""
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MalformedFileError(f"cannot read the file ({exc.strerror})", source=source) from exc
    text = _text(raw, source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedFileError(
            f"not valid JSON: {exc.msg} (character {exc.pos})",
            source=source,
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    except (RecursionError, ValueError) as exc:  # nesting too deep; an over-long integer
        raise MalformedFileError(f"not readable as JSON: {exc}", source=source) from exc
    if not isinstance(document, list):
        raise MalformedFileError(
            f"expected a JSON array of form submissions, found {_kind(document)}", source=source
        )
    return document


def _text(raw: bytes, source: str) -> str:
    codec = "utf-16" if raw.startswith(_UTF16_BOMS) else "utf-8-sig"
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        reason = (
            f"not {codec.removesuffix('-sig').upper()} text: byte 0x{raw[exc.start]:02x} "
            f"at offset {exc.start} ({exc.reason})"
        )
        if codec == "utf-16":
            raise MalformedFileError(reason, source=source) from exc
        before = raw[: exc.start]
        line, column = before.count(b"\n") + 1, exc.start - before.rfind(b"\n")
        raise MalformedFileError(reason, source=source, line=line, column=column) from exc


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else f"a {type(value).__name__}"
