"""Scanning primitives shared by the redaction passes: spans, runs of digits and word edges.
Knows no kind of personal data itself; the passes in ``_redaction_*`` modules do."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from classifiers.ascii_words import WORD_CHARACTERS, ascii_pieces

__all__ = (
    "RIGHT_EDGE",
    "Number",
    "Span",
    "digits_of",
    "find_numbers",
    "found_at",
    "free_before",
    "left_edge",
    "line_starts",
    "lower_in_place",
    "matches_at",
    "words_of",
)

Span = tuple[int, int]
Number = tuple[int, int, int]  # a run of digits, and where the number it begins ends


def left_edge(first: str) -> str:
    # A one-character class not glued to a word or a placeholder before it. The checks follow
    # the character so that ``re`` can skip ahead to candidates fast.
    return rf"{first}(?<!\w{first})(?<![a-z]\]{first})"


RIGHT_EDGE = r"(?!\w)(?!\[[a-z])"  # ... nor glued to a word or a placeholder after it

_DIGITS = re.compile(r"[0-9]+")
_DIGIT_SHAPES = bytes(ord("0") if chr(byte) in "0123456789" else ord("x") for byte in range(256))
_WORDS = re.compile(r"\w+")


def lower_in_place(text: str) -> str:
    """``text.lower()``, keeping characters whose lower case is longer, so indexes still match."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def free_before(text: str, index: int) -> bool:
    """Whether ``index`` starts a word that is not glued to a placeholder."""
    before = text[index - 1 : index] if index else " "
    if before.isalnum() or before == "_":
        return False
    return not (before == "]" and text[index - 2 : index - 1].islower())


def digits_of(text: str) -> str:
    return "".join(ch for ch in text if "0" <= ch <= "9")


def find_numbers(text: str) -> list[Number]:
    """Runs of digits, each with where its number ends if up to two of `` ().-`` join runs."""
    if not _has_digit(text):
        return []  # three texts in four
    numbers: list[Number] = []
    for start, end in reversed([m.span() for m in _DIGITS.finditer(text)]):
        joined = numbers and numbers[-1][0] - end <= 2
        if joined and not text[end : numbers[-1][0]].strip(" ().-"):
            numbers.append((start, end, numbers[-1][2]))
        else:
            numbers.append((start, end, end))
    return numbers[::-1]


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds an ASCII digit (what ``_DIGITS`` finds), asked of a translated
    copy in C: ``re`` tries a character class at every character, about five times slower.
    ``replace`` turns each other character into one "?", which the table turns into "x"."""
    return b"0" in text.encode("ascii", "replace").translate(_DIGIT_SHAPES)


def line_starts(text: str) -> Iterator[int]:
    """Where each line of ``text`` starts: the only places a pattern opening with ``^`` (in
    multi-line mode) can match, which ``re`` would otherwise try at every character."""
    yield 0
    at = text.find("\n")
    while at != -1:
        yield at + 1
        at = text.find("\n", at + 1)


def found_at(lowered: str, word: str) -> Iterator[int]:
    """Where ``word`` occurs in ``lowered`` (overlapping, in any context): the only places a
    pattern opening with it can match, found by ``str.find`` instead of ``re`` trying every
    character."""
    at = lowered.find(word)
    while at != -1:
        yield at
        at = lowered.find(word, at + 1)


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, trying only ``starts`` (in order)."""
    done = 0
    for start in starts:
        if start >= done and (match := pattern.match(text, start)):
            done = match.end()
            yield match


@lru_cache(maxsize=8)
def words_of(lowered: str) -> frozenset[str]:
    """The ``\\w+`` words of a lower-case text. A pass whose cue is whole words checks for
    them here before it scans the text; the passes share it until the text changes."""
    if lowered.isascii():  # the usual case: ``translate`` and ``split`` in C are far faster
        return frozenset(ascii_pieces(lowered, WORD_CHARACTERS))
    return frozenset(_WORDS.findall(lowered))
