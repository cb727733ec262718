"""The redaction pass that completes an address another pass found: the flat, room, pitch or
mooring before it ("Flat 2C, [address]", "Room [address]", "2/[address]" in a Glasgow close,
"61-[address]", "no. [address]"), a flat alone ("Flat 9"), a unit in a named building
("Apartment 12, Quayside Lofts", "Pitch 6, Hill Top Site"), and the street after a house's name
("[address], Chapel Lane", "[address], Heol y Felin"): a house's street, and the flat within
it, are part of where someone lives. Also the unit in brackets after a person found ("[name]
(Room 7)"). Finds spans; replaces no text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import Span, found_at, matches_at, words_of
from classifiers._redaction_streets import NUMBERED_SUFFIX, WELSH_STREETS

__all__ = ("unit_after_name_spans", "unit_spans")

_UNIT_WORDS = "flat|apartment|apt|unit|room|pitch|bay|plot|suite|studio|mooring|berth|maisonette"
_UNIT_WORD_SET = frozenset(_UNIT_WORDS.split("|"))
_FLOOR = (  # "Ground floor flat", "2nd floor flat"
    r"(?i:ground|first|second|third|top|basement|lower|upper|[0-9](?:st|nd|rd|th))[ \t]+"
    r"(?:(?i:floor)[ \t]+)?"
)
_EDGE = r"(?<![\w'\u2019])"  # not inside a word
_UNIT_WORD = rf"(?i:{_UNIT_WORDS})\.?"
_UNIT_ID = r"[ \t]*(?:(?i:no)\.?[ \t]*)?(?:[0-9]{1,4}[A-Za-z]?|[A-Za-z])(?![\w'\u2019])"
# A flat of a Glasgow close ("2/1") or a range of house numbers ("61-63") before an address
_NUMBER = r"[0-9]{1,4}[A-Za-z]?[ \t]?[/\u2013-][ \t]?"
_NUMBER_BEFORE = re.compile(rf"(?<![\w/\]-])(?:{_NUMBER}|(?i:no|number)\.?[ \t]*)\[address\]")
# A flat alone, capitalised as its address is: "[name] is in Flat 9."
_FLAT_ALONE = re.compile(  # tried where "flat" or "apartment" is
    rf"{_EDGE}(?:Flat|FLAT|Apartment|APARTMENT)[ \t]+(?:[Nn]o\.?[ \t]*)?[0-9]{{1,4}}[A-Za-z]?"
    r"(?![\w'\u2019])(?!\[[a-z])"
)
_UNIT_BEFORE = re.compile(  # "Flat 2, Flat [address]": each unit word is part of the address
    rf"{_EDGE}(?:(?:{_FLOOR})?{_UNIT_WORD}(?:{_UNIT_ID})?[ \t]*,?[ \t]*)+(?:{_NUMBER})?\[address\]"
)
_BUILDINGS = """Tower Towers Lofts Site Basin Estate Lodge Mill Buildings Mansions Point Heights
    Apartments Block Wharf Quay Marina Works Hall Gardens Court House Park Place Centre"""
_IN_BUILDING = re.compile(  # tried where a unit word is (``found_at``)
    rf"{_EDGE}{_UNIT_WORD}{_UNIT_ID}[ \t]*,?[ \t]+"
    rf"(?:[A-Z][\w'\u2019-]*[ \t]+){{0,3}}(?:{'|'.join(_BUILDINGS.split())})(?![\w'\u2019])"
)
_STREET_AFTER = re.compile(
    r"\[address\][ \t]*,[ \t]*"
    rf"(?:(?:[A-Z][\w'\u2019-]*[ \t]+){{1,3}}(?:{NUMBERED_SUFFIX})"
    rf"|(?:{WELSH_STREETS})(?:[ \t]+(?:y|yr|[A-Z][\w'\u2019-]*)){{1,2}})(?![\w'\u2019])"
)


# Where a person found lives, in brackets after their name: "[name] (Room 7)", "[name] and
# [name] (flat 6)", "[name] (3/1)", "Neighbour [name] (no. 12)"
_UNIT_AFTER_NAME = re.compile(
    r"\[name\](?:[ \t]+(?:and|&)[ \t]+\[name\])?[ \t]*\([ \t]*"
    rf"(?P<unit>(?:{_UNIT_WORD}|(?i:no|number)\.?)[ \t]*[0-9]{{1,4}}[A-Za-z]?"
    r"|[0-9]{1,2}/[0-9]{1,2})[ \t]*\)"
)


def unit_spans(text: str, lowered: str) -> Iterator[Span]:
    """The unit before an address found ("Flat 2C, [address]"), a unit in a named building,
    and the street after an address found ("[address], Chapel Lane")."""
    units = _UNIT_WORD_SET.intersection(words_of(lowered))  # a unit is a whole word
    if units:
        at = sorted({at for unit in units for at in found_at(lowered, unit)})
        yield from (found.span() for found in matches_at(_IN_BUILDING, text, at))
        yield from (found.span() for found in matches_at(_FLAT_ALONE, text, at))
    if "[address]" not in text:
        return
    for pattern in (_UNIT_BEFORE, _NUMBER_BEFORE, _STREET_AFTER):
        yield from (found.span() for found in pattern.finditer(text))


def unit_after_name_spans(text: str) -> Iterator[Span]:
    """Where a person found lives, in brackets after their name ("[name] (Room 7)"): runs
    after the name passes."""
    for found in matches_at(_UNIT_AFTER_NAME, text, found_at(text, "[name]")):
        yield found.span("unit")
