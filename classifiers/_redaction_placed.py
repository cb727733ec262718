"""Redaction passes for people's names found by where they stand, with no word announcing them:
paired with the writer ("Sarah and I"), right before contact details ("Jo Bloggs, [phone]"), a
known given name before a capitalised surname ("Liam Hope"), a letter's heading line or "Jo
Bloggs here". The passes after a cue word are in ``_redaction_names``. Each finds spans; none
replaces text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from classifiers._redaction_gazetteer import fold, gazetteer, known_given
from classifiers._redaction_names import strong_name
from classifiers._redaction_spans import Span, found_at, matches_at, words_of
from classifiers._redaction_streets import STREET_AFTER
from classifiers._redaction_words import (
    ORGANISATIONS,
    PARTICLES,
    PLACES,
    SIGNED_STOPS,
)

__all__ = ("detailed_names", "given_names", "heading_names", "paired_names")

_PAIR = re.compile(  # a capitalised pair of words
    r"(?<![\w'\u2019\]-])([A-Z][a-z]+)[ \t]+"
    r"([A-Z][a-z'\u2019]*(?:[A-Z-][a-z']+)?[^\W\d_]*)(?![\w-])"
)
_CAPITALISED = re.compile(r"[A-Z][a-z]+")  # what ``_PAIR``'s given name may be
_DETAILS = re.compile(r"[ \t]*[,(<-][ \t]*\[(?:phone|email|address|postcode)\]")
_STOPS_OR_PLACES = SIGNED_STOPS | PLACES
_PLACE_AFTER = re.compile(rf"[ \t]+(?i:{'|'.join(PLACES)})(?!\w)")
_AND_I = re.compile(r"[ \t]+and[ \t]+(?:I|i|me|myself)(?!\w)")
_WRITER = frozenset(("i", "me", "myself"))
_WORDS_BEFORE = re.compile(
    r"(?<![\w'\u2019-])((?:[^\W\d_][\w'\u2019-]*[ \t]+)?[^\W\d_][\w'\u2019-]*)$"
)
_HEADING = re.compile(
    r"^[ \t]*((?:[^\W\d_][\w'\u2019.-]*[ \t]+){1,2}[^\W\d_][\w'\u2019-]*)[ \t]*,?[ \t]*\r?\n"
    r"[ \t]*(?=\[address\]|\[postcode\]|[0-9]{1,4}[A-Za-z]?[ \t,]|[Ff]lat\b)",
    re.MULTILINE,
)
_ADDRESS_OPENINGS = frozenset("[0123456789Ff")  # what _HEADING's next line opens with
_HERE = re.compile(
    r"^[ \t]*((?:[^\W\d_][\w'\u2019-]*[ \t]+){0,2}[^\W\d_][\w'\u2019-]*)[ \t]+here\b",
    re.MULTILINE | re.IGNORECASE,
)


def paired_names(text: str, lowered: str) -> Iterator[Span]:
    """A name that pairs with the writer: "Sarah and I", "Tom Hughes and me"."""
    words_here = words_of(lowered)
    writer = "and" in words_here and not _WRITER.isdisjoint(words_here)  # whole words in _AND_I
    ands = _spaces_before(text, found_at(lowered, "and")) if writer and " and " in lowered else ()
    for pair in matches_at(_AND_I, text, ands):
        found = _WORDS_BEFORE.search(text, max(0, pair.start() - 40), pair.start())
        words = found.group(1).split() if found else []
        if words and not known_given(words[0].lower()):
            capitalised = len(words) == 2 and all(w[0].isupper() for w in words)
            if not capitalised or any(w.lower() in SIGNED_STOPS for w in words):
                continue
        if words and not any(w.lower() in SIGNED_STOPS for w in words):
            yield found.start(1) if found else 0, pair.start()


def detailed_names(text: str, lowered: str) -> Iterator[Span]:
    """Two capitalised words right before contact details: "Jo Bloggs, [address]"."""
    for detail in matches_at(_DETAILS, text, _details_starts(text)) if "]" in text else ():
        found = _WORDS_BEFORE.search(text, max(0, detail.start() - 40), detail.start())
        words = found.group(1).split() if found else []
        named = len(words) == 2 and all(w[0].isupper() and not w.isupper() for w in words)
        if found and named and not any(_bare(w) in _STOPS_OR_PLACES for w in words):
            yield found.span(1)


def _details_starts(text: str) -> Iterator[int]:
    """Where a ``_DETAILS`` match may start (in order): the spaces before the ",", "(", "<" or
    "-" before the spaces before each "[". ``finditer`` finds a match there, at the first of
    those spaces; none reaches over another such place, as each ends at its "]"."""
    for at in found_at(text, "["):
        mark = len(text[:at].rstrip(" \t")) - 1
        if mark >= 0 and text[mark] in ",(<-":
            yield len(text[:mark].rstrip(" \t"))


def given_names(text: str, lowered: str) -> Iterator[Span]:
    """A known given name and a capitalised surname anywhere ("I care for Liam Hope"), but
    not a street or a place named after someone ("Victoria Park", "Grace Road")."""
    if not _may_pair_given(text, lowered):
        return  # no capitalised word is a given name: no pair starts with one
    for pair in _PAIR.finditer(text):
        given, surname = pair.group(1), pair.group(2)
        stops = _bare(given) in SIGNED_STOPS or _bare(surname) in SIGNED_STOPS  # "An Amber"
        if stops or not known_given(given.lower()):
            continue
        if fold(surname) in PARTICLES:
            continue  # "Seren Ní Bhraonáin": the gazetteer pass takes the whole name
        if surname.lower() in PLACES or STREET_AFTER.match(text, pair.start(2) - 1):
            continue
        if not STREET_AFTER.match(text, pair.end()) and not _PLACE_AFTER.match(text, pair.end()):
            yield pair.span()


def _may_pair_given(text: str, lowered: str) -> bool:
    """Whether a capitalised word of ``text`` is a known given name, as a ``_PAIR`` must start.
    In ASCII a pair's given name is a whole word of ``lowered`` (``_PAIR`` allows no word
    character on either side) whose capitalised form is in ``text``: the shared ``words_of``
    and ``str`` ``in`` answer that without cutting every capitalised word out of ``text``."""
    given = gazetteer().all_given
    if not lowered.isascii():
        return not given.isdisjoint({word.lower() for word in _CAPITALISED.findall(text)})
    return any(word.capitalize() in text for word in words_of(lowered).intersection(given))


def heading_names(text: str, lowered: str) -> Iterator[Span]:
    """A letter's heading: a line holding only a name, above an address line; a line that
    opens with a name and "here" ("Jo Bloggs here, ...")."""
    for line in _HERE.finditer(text) if "here" in words_of(lowered) else ():
        words = line.group(1).split()
        stops = any(_bare(w) in SIGNED_STOPS for w in words)  # "It's Grim here"
        known = known_given(words[0].lower()) or all(w[0].isupper() for w in words)
        if known and not stops and strong_name(line.group(1)):
            yield line.span(1)
    for line in matches_at(_HEADING, text, _above_addresses(text)) if "\n" in text else ():
        words = line.group(1).split()
        known = known_given(words[0].lower())
        if any(w.lower() in SIGNED_STOPS or w.lower() in ORGANISATIONS for w in words):
            continue
        if known or all(w[0].isupper() and not w.isupper() for w in words):
            yield line.span(1)


def _spaces_before(text: str, starts: Iterable[int]) -> Iterator[int]:
    """Where the spaces and tabs right before each of ``starts`` begin (in order, if any): the
    only place an ``_AND_I`` match can start, as ``finditer`` finds it (no match ends in a
    space, so none reaches over such a place)."""
    for at in starts:
        spaces = len(text[:at].rstrip(" \t"))
        if spaces < at:
            yield spaces


def _above_addresses(text: str) -> Iterator[int]:
    """The start of each line followed by one that opens (past spaces and tabs) as an address
    line must for ``_HEADING``: with a placeholder, a digit or "F"/"f" ("Flat"). Only there may
    a heading's name stand; a subset of ``line_starts`` holding every line ``_HEADING`` can
    match, tried in the same order."""
    for at in found_at(text, "\n"):
        if text[at + 1 :].lstrip(" \t")[:1] in _ADDRESS_OPENINGS:
            yield text.rfind("\n", 0, at) + 1


def _bare(word: str) -> str:
    """A word in lower case without its "'s" or "'m" ("It's" -> "it")."""
    return word.lower().replace("\u2019", "'").split("'")[0]
