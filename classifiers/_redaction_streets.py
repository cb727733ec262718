"""The redaction pass for street addresses with a house number ("14 Oak Street", "Flat 3, 22b
High Road") and the street words other passes use. Finds spans; replaces no text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import RIGHT_EDGE, Number, Span, left_edge, matches_at
from contracts import Reporter

__all__ = ("STREET_AFTER", "STREET_WORDS", "address_spans")

_STREETS = """Street St Road Rd Avenue Ave Lane Ln Close Drive Dr Way Court Ct Crescent Cres
    Grove Place Pl Gardens Gdns Terrace Walk View Park Mews Row Square Sq Hill"""
# Street words that are also surnames or common words ("Jo Green", "the bank"): a street only
# after a house number ("43 Clover Bank"), never marking the end of a name elsewhere.
_NUMBERED_STREETS = """Rise Bank Parade Vale Chase Green Mount Boulevard Approach Fold Meadows
    Heights Quay Wharf Yard Brow Wynd Circus Promenade Parkway Gate Side Dale Fields"""
_SUFFIX = "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _STREETS.split())
_NUMBERED_SUFFIX = "|".join(
    f"[{w[0]}{w[0].lower()}]{w[1:]}|{w.upper()}" for w in f"{_STREETS} {_NUMBERED_STREETS}".split()
)
STREET_WORDS = frozenset(w.lower() for w in _STREETS.split())

_ADDRESS = re.compile(
    left_edge("[0-9]") + r"[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:[0-9]{1,4}[A-Za-z]?,?[ \t]+)?"
    rf"((?:[A-Z][\w'\u2019-]*\.?[ \t]+){{1,3}})(?:{_NUMBERED_SUFFIX}){RIGHT_EDGE}"
)
# In capitals, "3 WEEKS FOR THE ROAD" is no address: the street's name holds no such word.
_SMALL_WORDS_TEXT = """a an the and or of for to in on at by with from my our your his her their
    its it is was be been has have had not no so but if as this that these those weeks days
    months years times"""
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
_FLAT_BEFORE = re.compile(r"(?<!\w)(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit)\.?[ \t]+$")
STREET_AFTER = re.compile(rf"[ \t]+(?:{_SUFFIX})(?!\w)")


def address_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    years = ("19", "20")  # "since 2019 Station Road has flooded"
    starts = (
        s for s, e, _ in numbers if e - s < 4 or (e - s == 4 and text[s : s + 2] not in years)
    )
    for match in matches_at(_ADDRESS, text, starts):
        if not _SMALL_WORDS.isdisjoint(match.group(1).lower().split()):
            continue
        flat = _FLAT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        yield (flat.start() if flat else match.start()), match.end()
