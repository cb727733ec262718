"""Redaction passes for names written in other orders and forms than "Given Surname": a CRM's
surname first ("MENSAH, [name]", "Zhang [name]"), initials before a surname ("J. Okoro") and a
family by its surname ("the Okafors").
Each runs after the other name passes, finds spans and replaces no text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_candidates import surname as known_surname
from classifiers._redaction_gazetteer import english, fold, gazetteer
from classifiers._redaction_spans import Span, found_at, matches_at
from classifiers._redaction_streets import STREET_AFTER
from classifiers._redaction_words import NEVER_NAMES, PLACE_WORDS

__all__ = ("family_names", "initialled_names", "inverted_names")

_INVERTED = re.compile(  # "MENSAH, [name]": a CRM's surname first, at the start of a line
    r"^[ \t]*(?:(?i:customer|caller|name|tenant|resident|complainant|applicant|client)[ \t]*:"
    r"[ \t]*)?(?P<surname>[A-Z][^\W\d_]*(?:['\u2019-][A-Z][^\W\d_]*)?),[ \t]*\[name\]",
    re.MULTILINE,
)
# Initials before a surname ("J. Okoro", "R.J. Thistlewood", "P Hughes") or a name found
_INITIALLED = re.compile(  # the first capital first, so that re skips ahead to one
    r"(?P<initials>[A-Z](?<![\w.'\u2019\]][A-Z])"
    r"(?:\.[ \t]?(?:[A-Z]\.[ \t]?){0,2}|(?<=[A-HJ-Z])[ \t]))"
    r"(?:(?P<surname>[A-Z][a-z][\w'\u2019-]*)|\[name\])"
)
# A family by its surname: "the Okafors", "the Joneses"
_FAMILY = re.compile(  # tried only where "the" is (``found_at``)
    r"(?<![\w'\u2019])[Tt]he[ \t]+(?P<surname>[A-Z][a-z'\u2019]+?)(?:es|s)(?![\w'\u2019])"
)
_BEFORE_NAME = re.compile(r"(?<![\w'\u2019\]-])(?P<word>[A-Z][^\W\d_]+)[ \t]+\[name\]")


def inverted_names(text: str, lowered: str) -> Iterator[Span]:
    """A surname before a name found, as CRMs list people ("MENSAH, [name]", "Okafor, [name]",
    in capitals or no English word: "Thanks, [name]" is no surname), or as Chinese and
    Hungarian names are written ("Zhang [name]": a known name that is no English word)."""
    if "[name]" not in text:
        return
    for found in _INVERTED.finditer(text):
        surname = found.group("surname")
        word = fold(surname)
        if word in NEVER_NAMES or word in PLACE_WORDS:
            continue
        if (surname.isupper() and len(word) > 1) or not english(word):
            yield found.span("surname")
    known = gazetteer()
    for found in _BEFORE_NAME.finditer(text):  # "Zhang [name]": a surname first, unlike ours
        word = fold(found.group("word"))
        if (word in known.surnames or word in known.given) and word not in NEVER_NAMES:
            yield found.span("word")


def initialled_names(text: str, lowered: str) -> Iterator[Span]:
    """A surname after initials: "J. Okoro", "R.J. Thistlewood", and the initials before a name
    found ("A. [name]"). Without a full stop only a known surname that is no English word
    ("P Hughes", not "A Road" or "B Block")."""
    known = gazetteer()
    for found in _INITIALLED.finditer(text):
        surname = found.group("surname")
        if surname is None:
            yield found.span()  # "A. [name]": the initial is part of the name
            continue
        word = fold(surname)
        if word in NEVER_NAMES or word in PLACE_WORDS or STREET_AFTER.match(text, found.end()):
            continue  # "Plan B. Smith Street"
        dotted = "." in found.group("initials")
        if word in known.surnames or (
            dotted and (word in known.surname_words or not english(word))
        ):
            yield found.span()


def family_names(text: str, lowered: str) -> Iterator[Span]:
    """A family named by its surname that is no English word: "our neighbours the Okafors",
    "the Joneses", not "the Browns" (a word) nor "the Rangers"."""
    if "the " not in lowered:
        return
    known = gazetteer()
    for found in matches_at(_FAMILY, text, found_at(lowered, "the")):
        word = fold(found.group("surname"))
        plural = fold(found.group()[found.start("surname") - found.start() :])
        named = len(word) >= 4 and known_surname(word, known)  # not "the Otis lift"
        if named and not english(plural) and word not in NEVER_NAMES:
            yield found.start("surname"), found.end()
