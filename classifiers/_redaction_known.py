"""The reporter's own details wherever the text repeats them: their name (and its uncommon
words where capitalised), their email, the first line of their address, their phone number
however it is spaced. Whole words only, with the rest of a double-barrelled name."""

from __future__ import annotations

import re

from classifiers._redaction_candidates import TOKEN
from classifiers._redaction_numbers import national_digits
from classifiers._redaction_spans import Number, Span, digits_of, free_before, lower_in_place
from classifiers._redaction_streets import STREET_AFTER, STREET_WORDS
from classifiers._redaction_words import COMMON
from contracts import Reporter

__all__ = ("address_lines", "known_name_spans", "known_phone_spans", "known_spans")

_ADDRESS_PARTS = re.compile(r"[,\n]")
_FLAT_ONLY = re.compile(r"(?i:(?:flat|apartment|apt|unit)\.?\s*)?[0-9]+[A-Za-z]?")


def known_phone_spans(text: str, numbers: list[Number], reporter: Reporter | None) -> list[Span]:
    """Numbers holding the reporter's phone number, however it is spaced or prefixed."""
    core = national_digits(digits_of(reporter.phone)) if reporter and reporter.phone else ""
    spans: list[Span] = []
    for start, _, stop in numbers if len(core) >= 7 else ():
        fresh = stop - start >= len(core) and (not spans or start > spans[-1][1])
        if fresh and core in national_digits(digits_of(text[start:stop])):
            spans.append((start - (text[start - 1 : start] in ("+", "(")), stop))
    return spans


def address_lines(address: str) -> list[str]:
    """What of the reporter's address to look for: its first line, and with a flat's number
    first both "Flat 3, 14 Oak Street" and "14 Oak Street"."""
    parts = [part.strip() for part in _ADDRESS_PARTS.split(address) if part.strip()]
    if len(parts) > 1 and _FLAT_ONLY.fullmatch(parts[0]):
        return [f"{parts[0]}, {parts[1]}", parts[1]]  # "Flat 3, 14 Oak Street"
    return parts[:1]


def known_name_spans(text: str, lowered: str, name: str) -> list[Span]:
    """The full name; its uncommon words where capitalised, but not "Smith Street"."""
    words = [w for w in name.replace(",", " ").split() if w.lower().rstrip(".") not in COMMON]
    if not any(lower_in_place(word) in lowered for word in words):
        return known_spans(text, lowered, [name])  # the usual case: the text never names them
    spans = known_spans(text, lowered, [name, " ".join(words)])
    for word in (lower_in_place(w) for w in words if len(w) >= 3 and "[" not in w and "]" not in w):
        spans += [
            span
            for span in _occurrences(text, lowered, word)
            if text[span[0]].isupper()
            and not STREET_AFTER.match(text, span[1])
            and not (
                word in STREET_WORDS and _STREET_BEFORE.search(text, max(0, span[0] - 30), span[0])
            )
        ]
    return spans


def known_spans(text: str, lowered: str, phrases: list[str]) -> list[Span]:
    """Whole-word, case-insensitive occurrences of ``phrases`` (without brackets)."""
    wanted = {" ".join(lower_in_place(phrase).split()) for phrase in phrases}
    wanted = {p for p in wanted if len(p) >= 2 and "[" not in p and "]" not in p and p in lowered}
    return [span for phrase in wanted for span in _occurrences(text, lowered, phrase)]


def _occurrences(text: str, lowered: str, phrase: str) -> list[Span]:
    """Where ``phrase`` stands as whole words, with the rest of a double-barrelled name it is
    part of ("Hartley" in "Hartley-Singh" takes "-Singh" too: half a surname is no redaction)."""
    spans: list[Span] = []
    start = lowered.find(phrase)
    while start != -1:
        if _standalone(text, start, start + len(phrase)):
            before = _BARRELLED_BEFORE.search(text, max(0, start - 30), start)
            after = _BARRELLED_AFTER.match(text, start + len(phrase))
            spans.append(
                (before.start() if before else start, after.end() if after else start + len(phrase))
            )
        start = lowered.find(phrase, start + 1)
    return spans


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words, not inside or next to a placeholder."""
    after = text[end : end + 1]
    if not free_before(text, start) or after.isalnum() or after == "_":
        return False
    if after == "[" and text[end + 1 : end + 2].islower():
        return False
    return not (text[start - 1 : start] == "[" and after == "]")


# The other part of a double-barrelled name around a word found: "Kaur-[Bassi]", "[Hartley]-Singh"
_BARRELLED_AFTER = re.compile(r"(?:-[^\W\d_][\w'\u2019]*)+")
_BARRELLED_BEFORE = re.compile(rf"(?<![\w'\u2019\]-]){TOKEN.pattern}-$")  # a word, as TOKEN
# A street's name before its street word: "Gemma Lane" is named again, not "Wharf Lane"
_STREET_BEFORE = re.compile(r"[A-Z][\w'\u2019-]*[ \t]+$")
