"""Email text clean-up: bytes and encoded words to str, HTML to plain text, and dropping
quoted reply history and signatures while unwrapping forwards. Knows nothing of contacts.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
import warnings
from dataclasses import dataclass

__all__ = (
    "CleanedBody",
    "clean_body",
    "decode_bytes",
    "decode_header_text",
    "html_to_text",
    "normalise_whitespace",
)

# Labels that really mean windows-1252 in mail (as browsers treat them, per WHATWG).
_CP1252_ALIASES = frozenset({"iso8859-1", "latin-1", "cp1252"})
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")

# HTML layout markers, resolved after get_text(): soft line break, paragraph, quote in/out.
_LINE, _PARA, _QUOTE_IN, _QUOTE_OUT = "\x01", "\x02", "\x03", "\x04"
_DROP_TAGS = ("script", "style", "head", "title", "noscript", "template", "svg", "object")
_LINE_TAGS = (
    "div",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "address",
    "pre",
    "hr",
    "form",
    "fieldset",
    "figure",
)
_PARA_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6")

_FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded|original)\s+message\s*-{2,}|begin forwarded message:?)\s*$",
    re.IGNORECASE,
)
_OUTLOOK_SEPARATOR = re.compile(r"^\s*(?:-{3,}\s*original message\s*-{3,}|_{10,})\s*$", re.I)
_HEADER_LINE = re.compile(r"^\s*\**(from|sent|date|to|cc|bcc|subject|reply-to)\**\s*:", re.I)
_ATTRIBUTION_START = re.compile(r"^\s*on\s.{4,}", re.IGNORECASE)
_ATTRIBUTION_END = re.compile(r"\bwrote\s*:\s*$", re.IGNORECASE)
_SIGNATURE_DELIMITER = re.compile(r"^--\s?$")
_VALEDICTION = re.compile(
    r"^\s*(?:(?:kind|best|warm|many)\s+(?:regards|wishes|thanks)|regards|thanks|thank you|"
    r"many thanks|best|cheers|yours\s+(?:sincerely|faithfully|truly)|sincerely)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_MOBILE_FOOTER = re.compile(
    r"^\s*(?:sent from my|sent from (?:mail|outlook) for|get outlook for)\b[^.]{0,40}$", re.I
)
_SIGN_OFF_MAX_LINES = 7


@dataclass(frozen=True)
class CleanedBody:
    """The words the sender wrote now, plus what was cut that may still be useful."""

    text: str
    signature: str = ""
    forwarded_from: str | None = None


def decode_bytes(data: bytes, declared: str | None) -> str:
    """Text from bytes: the declared charset if it fits, else UTF-8, else windows-1252, else
    latin-1 with replacement. Mislabelled mail is common, so a wrong label never fails."""
    candidates: list[str] = []
    if declared:
        try:
            codec = codecs.lookup(declared.strip().strip("\"'")).name
        except (LookupError, ValueError):
            codec = "ascii"
        # "us-ascii" over 8-bit bytes is a lie: the fallbacks (UTF-8, windows-1252) decide.
        if codec != "ascii":
            candidates.append("cp1252" if codec in _CP1252_ALIASES else codec)
    for codec in (*candidates, "utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError, ValueError):
            continue
    return data.decode("latin-1", errors="replace")


def decode_header_text(value: str) -> str:
    """A header value with RFC 2047 encoded words decoded, tolerating unknown charsets."""

    def word(match: re.Match[str]) -> str:
        charset, encoding, payload = match.groups()
        try:
            if encoding.upper() == "B":
                data = base64.b64decode(payload + "=" * (-len(payload) % 4))
            else:
                data = quopri.decodestring(payload.replace("_", " ").encode("ascii", "replace"))
        except (binascii.Error, ValueError):
            return match.group(0)
        return decode_bytes(data, charset.split("*", 1)[0])

    joined = re.sub(r"(\?=)\s+(=\?)", r"\1\2", value)  # space between words is not text
    return _ENCODED_WORD.sub(word, joined)


def normalise_whitespace(text: str) -> str:
    """Unix newlines, no trailing spaces, no runs of blank lines, no blank edges, no NULs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\x00", "")  # stray NULs from broken mailers: storage refuses them
    lines = [re.sub(r"[ \t\f\v]+$", "", line) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n").strip()


def html_to_text(html: str) -> str:
    """Readable plain text from HTML: blocks become lines, blockquotes become ``> `` lines."""
    # Imported here: only HTML mail needs bs4, and every command that imports ingest would
    # otherwise pay for it at start.
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
    )

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "html.parser")
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
            node.extract()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for node in soup.find_all(string=True):
        if not isinstance(node, NavigableString) or node.find_parent("pre") is not None:
            continue
        node.replace_with(re.sub(r"[ \t\r\n\f\v]+", " ", str(node)))
    for tag in soup.find_all("br"):
        tag.replace_with("\n")
    for tag in soup.find_all(True):
        name = tag.name
        if name == "blockquote":
            tag.insert(0, _QUOTE_IN)
            tag.append(_QUOTE_OUT)
        elif name in _PARA_TAGS:
            tag.insert(0, _PARA)
            tag.append(_PARA)
        elif name in _LINE_TAGS:
            tag.insert(0, _LINE + ("- " if name == "li" else ""))
            tag.append(_LINE)
        elif name in ("td", "th"):
            tag.append(" ")
    return normalise_whitespace(_layout(soup.get_text()))


def _layout(marked: str) -> str:
    lines: list[str] = []
    current: list[str] = []
    depth = 0

    def end_line(hard: bool) -> None:
        text = re.sub(r"[ \t\xa0]+", " ", "".join(current)).strip()
        current.clear()
        if text or hard:
            lines.append((">" * depth + " " if depth else "") + text)

    for token in re.split(r"([\n\x01-\x04])", marked):
        if token == "\n":
            end_line(hard=True)
        elif token in (_LINE, _PARA, _QUOTE_IN, _QUOTE_OUT):
            end_line(hard=False)
            if token == _PARA and lines and lines[-1].strip("> "):
                lines.append(">" * depth)
            depth = depth + 1 if token == _QUOTE_IN else depth
            depth = max(depth - 1, 0) if token == _QUOTE_OUT else depth
        else:
            current.append(token)
    end_line(hard=False)
    return "\n".join(line.rstrip() for line in lines)


def clean_body(text: str, *, forwarded: bool = False) -> CleanedBody:
    """Keep what the sender wrote: drop reply history and signatures, unwrap forwards.

    ``forwarded`` says the message is a forward (subject ``Fwd:``/``FW:``), so an Outlook
    ``From:/Sent:`` block introduces the forwarded complaint instead of reply history.
    """
    return _clean(normalise_whitespace(text), forwarded=forwarded, depth=0)


def _clean(text: str, *, forwarded: bool, depth: int) -> CleanedBody:
    lines = text.split("\n")
    split = _find_forward(lines, outlook_too=forwarded) if depth < 3 else None
    if split is not None:
        start, body_start, sender = split
        note = _strip_reply_and_signature(lines[:start])
        # Inside the forwarded text an Outlook block is that message's own reply history.
        inner = _clean("\n".join(lines[body_start:]), forwarded=False, depth=depth + 1)
        combined = "\n\n".join(part for part in (note.text, inner.text) if part)
        signature = "\n".join(part for part in (note.signature, inner.signature) if part)
        return CleanedBody(
            normalise_whitespace(combined), signature, sender or inner.forwarded_from
        )
    return _strip_reply_and_signature(lines)


def _find_forward(lines: list[str], *, outlook_too: bool) -> tuple[int, int, str | None] | None:
    """(marker line, first line of forwarded text, forwarded From value) or None."""
    for index, line in enumerate(lines):
        if _FORWARD_MARKER.match(line):
            if re.search(r"original message", line, re.I) and not outlook_too:
                continue
            body_start, sender = _skip_header_block(lines, index + 1)
            return index, body_start, sender
        if outlook_too and _outlook_block_at(lines, index):
            first = index + 1 if _OUTLOOK_SEPARATOR.match(line) else index
            body_start, sender = _skip_header_block(lines, first)
            return index, body_start, sender
    return None


def _skip_header_block(lines: list[str], start: int) -> tuple[int, str | None]:
    index, sender = start, None
    while index < len(lines) and not lines[index].strip():
        index += 1
    while index < len(lines) and _HEADER_LINE.match(lines[index]):
        name, _, value = lines[index].partition(":")
        if name.strip(" *").lower() == "from" and sender is None:
            sender = value.strip() or None
        index += 1
        # Long header values wrap onto indented or unlabelled continuation lines.
        while index < len(lines) and lines[index].startswith((" ", "\t")) and lines[index].strip():
            index += 1
    return index, sender


def _outlook_block_at(lines: list[str], index: int) -> bool:
    """An Outlook history header: a separator line, or ``From:`` followed by ``Sent:``/``Date:``."""
    line = lines[index]
    if _OUTLOOK_SEPARATOR.match(line):
        following = [candidate for candidate in lines[index + 1 : index + 3] if candidate.strip()]
        return bool(following) and bool(_HEADER_LINE.match(following[0]))
    if not re.match(r"^\s*\**from\**\s*:", line, re.IGNORECASE):
        return False
    window = lines[index + 1 : index + 4]
    return any(re.match(r"^\s*\**(sent|date)\**\s*:", candidate, re.I) for candidate in window)


def _strip_reply_and_signature(lines: list[str]) -> CleanedBody:
    lines = _strip_reply_history(lines)
    lines = [line for line in lines if not _MOBILE_FOOTER.match(line)]
    body, signature = _split_signature(lines)
    return CleanedBody(normalise_whitespace("\n".join(body)), normalise_whitespace(signature))


def _strip_reply_history(lines: list[str]) -> list[str]:
    cut = _history_start(lines)
    if cut is not None:
        start, header_end = cut
        # Bottom-posted (nothing new above the history): keep what follows it instead.
        new_above = any(line.strip() for line in lines[:start])
        lines = lines[:start] if new_above else lines[header_end:]
    return [line for line in lines if not line.lstrip().startswith(">")]


def _history_start(lines: list[str]) -> tuple[int, int] | None:
    """(first line of reply history, first line after its header) or None."""
    for index, line in enumerate(lines):
        if _ATTRIBUTION_START.match(line):
            for span in (1, 2, 3):
                joined = " ".join(lines[index : index + span])
                if _ATTRIBUTION_END.search(joined) and len(joined) < 400:
                    return index, index + span
        elif _ATTRIBUTION_END.search(line) and len(line) < 200 and _quoted_next(lines, index):
            return index, index + 1
        elif _OUTLOOK_SEPARATOR.match(line) or _outlook_block_at(lines, index):
            first = index + 1 if _OUTLOOK_SEPARATOR.match(line) else index
            return index, _skip_header_block(lines, first)[0]
    return None


def _quoted_next(lines: list[str], index: int) -> bool:
    following = [line for line in lines[index + 1 : index + 3] if line.strip()]
    return bool(following) and following[0].lstrip().startswith(">")


def _split_signature(lines: list[str]) -> tuple[list[str], str]:
    for index, line in enumerate(lines):
        if _SIGNATURE_DELIMITER.match(line):
            return lines[:index], "\n".join(lines[index + 1 :])
    # No delimiter: a bare sign-off ("Kind regards,") near the end starts the signature.
    content = [i for i, line in enumerate(lines) if line.strip()]
    for index in content[-_SIGN_OFF_MAX_LINES:]:
        if _VALEDICTION.match(lines[index]) and index != content[0]:
            tail = [line for line in lines[index + 1 :] if line.strip()]
            if all(len(line) <= 80 for line in tail):
                return lines[:index], "\n".join(lines[index:])
    return lines, ""
