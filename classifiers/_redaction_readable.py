"""The text as a person reads it, which is what redaction must look at.

Exports and web forms often carry HTML character references ("Mrs O&#039;Brien",
"07700&nbsp;900123", "jo&#64;example.com"), sometimes escaped twice ("&amp;#039;"), and line
tags ("<br>"); text pasted from a word processor carries non-breaking, narrow and thin spaces,
zero-width spaces and soft hyphens. Each of them hides personal data from passes that look for
letters, digits and plain spaces (all of the examples above leaked before this step). So the
references are resolved, line tags become line breaks and those spaces plain spaces, before
anything else. Nothing else is touched: other tags, and "&" that starts no reference, stay.
"""

from __future__ import annotations

import html
import re

__all__ = ("readable_text",)

# A complete reference: decimal, hexadecimal or named (html.unescape knows which names exist,
# and leaves an unknown one, "R&D;", as it is). A reference without its ";" is left alone:
# "Fish &chips" and "AT&T" are words.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_TAG = re.compile(r"<(?:br|/?p|/?div)\s*/?>", re.IGNORECASE)
# Unicode's space separators read as a space; line and paragraph separators as a line break;
# characters that show nothing between two letters or digits (zero-width space, word joiner,
# byte order mark, soft hyphen) as nothing. The zero-width joiner is kept: emoji are built
# with it.
_SPACES = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_READABLE: dict[int, str | None] = {
    **{ord(space): " " for space in _SPACES[1:] + "\u202f\u205f\u3000"},
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
    **dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad")),
}


def readable_text(text: str) -> str:
    """``text`` with character references resolved (repeatedly: "&amp;#039;" is "'"), line
    tags as line breaks and invisible or special spaces as plain ones. Idempotent."""
    if "&" not in text and "<" not in text and text.isascii():
        return text  # most texts: one look each
    # Until nothing changes: a resolved reference may be a space or a tag, and a dropped soft
    # hyphen may complete a reference ("&amp\u00ad;"). Every pass that changes something
    # shortens the text or leaves no special space in it, so this ends.
    while (readable := _one_pass(text)) != text:
        text = readable
    return text


def _one_pass(text: str) -> str:
    if "&" in text:
        text = _REFERENCE.sub(_resolve, text)
    if "<" in text:
        text = _LINE_TAG.sub("\n", text)
    return text if text.isascii() else text.translate(_READABLE)


def _resolve(reference: re.Match[str]) -> str:
    return html.unescape(reference.group())
