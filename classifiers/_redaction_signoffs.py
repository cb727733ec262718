"""The writer's name where a text ends: after a closing ("Kind regards,\nDr Jo Bloggs", "ta
ailsa") or alone ("...\n--\nSue", "... the lorry? Nasreen"). Passes of the gazetteer pass's
module (``_redaction_people``), which gives them to ``redaction``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_candidates import unknown_lower
from classifiers._redaction_gazetteer import english, fold, gazetteer
from classifiers._redaction_spans import Span, line_starts, matches_at, words_of
from classifiers._redaction_words import NEVER_NAMES, PLACE_WORDS

__all__ = ("closing_names", "unsigned_names")

_CLOSERS_TEXT = "ta thanks thank you cheers best wishes regards love yours again"
_CLOSERS = frozenset(_CLOSERS_TEXT.split())
# A closing's words (but "thank you"), as whole words
_CLOSING_WORD_SET = frozenset(
    ["ta", "thanks", "cheers", "best", "regards", "wishes", "love", "yours"]
)
_THANK_YOU = re.compile(r"\bthank you\b")
_CLOSING_STOPS = NEVER_NAMES | PLACE_WORDS | _CLOSERS  # words no name after a closing holds
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:many |with )?(?:all the best|best wishes|kind regards|thank you|thanks|"
    r"ta|cheers|best|regards|love|yours)(?:[ \t]+(?:again|so much|very much|a lot))?"
    r"[ \t]*[,.!]*(?:[ \t]*\n)*[ \t]*[-\u2013\u2014]?[ \t]*"
    r"(?P<name>(?:[A-Z]\.(?:[ \t]?[A-Z]\.)*[ \t]*(?=[A-Z]))?"  # initials: "J. Okoro", "R.J. Hill"
    r"[^\W\d_][\w'\u2019-]*(?:[ \t]+[^\W\d_][\w'\u2019-]*){0,2})[ \t]*[.!]?[ \t]*$"
)
# The last line alone, unsigned: a given name and up to two capitalised words ("--\nSue")
_LAST_LINE = re.compile(
    r"\n[ \t]*[-\u2013\u2014]?[ \t]*(?P<name>(?P<first>[A-Z][^\W\d_]+)"
    r"(?:[ \t]+[A-Z][\w'\u2019-]*){0,2})[ \t]*[.!]?\s*$"
)
_LAST_WORD = re.compile(r"[.?!][ \t]+(?P<name>[A-Z][^\W\d_]+)[ \t]*$")  # "... lorry? Nasreen"


def closing_names(text: str, lowered: str) -> Iterator[Span]:
    """A name alone on the line after a closing, or after it on its line, at the end of a
    line: "ta\nailsa", "thanks again, senthil", "All the best,\n\nDr Jo Bloggs"."""
    in_text = words_of(lowered)  # a closing's words are whole words
    if _CLOSING_WORD_SET.isdisjoint(in_text) and not _thank_you(lowered, in_text):
        return
    known = gazetteer()
    for found in matches_at(_CLOSING, text, line_starts(text)):  # as finditer: it has ^
        words = [fold(w) for w in found.group("name").split()]
        if not _CLOSING_STOPS.isdisjoint(words) or found.group("name").isupper():
            continue
        capital = found.group("name")[0].isupper()
        if capital or words[0] in known.all_given or unknown_lower(words[0]):
            yield found.span("name")


def _thank_you(lowered: str, in_text: frozenset[str]) -> bool:
    return "thank" in in_text and "you" in in_text and _THANK_YOU.search(lowered) is not None


def unsigned_names(text: str, lowered: str) -> Iterator[Span]:
    """The writer's name ending the text without a closing: a known given name and up to two
    capitalised words alone on the last line ("...\n--\nSue"), or a given name that is no
    English word after the last sentence ("... the lorry? Nasreen")."""
    last = _LAST_LINE.search(text, max(0, len(text) - 60))
    known = gazetteer()
    if last and fold(last.group("first")) in known.all_given:
        words = [fold(w) for w in last.group("name").split()]
        if not any(w in NEVER_NAMES or w in PLACE_WORDS for w in words):
            yield last.span("name")
            return
    single = _LAST_WORD.search(text, max(0, len(text) - 40))
    if single and (word := fold(single.group("name"))) in known.given and not english(word):
        yield single.span("name")
