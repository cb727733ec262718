"""Fills ``{slot}`` placeholders in phrase-bank sentences with plausible local detail.

Each message gets its own ``SlotFiller`` so a slot used twice (say ``{street}``) agrees with
itself. Street names are invented; most of the time a resident just says "our road".
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

_SLOT = re.compile(r"\{(\w+)\}")

STREET_NAMES: tuple[str, ...] = (
    "Oak Street", "Elm Road", "Beech Close", "Victoria Road", "Church Lane", "Mill Lane",
    "Park Avenue", "Station Road", "Hawthorn Drive", "Meadow Way", "Chester Road",
    "Queens Avenue", "Albert Street", "Rowan Close", "Cherry Tree Walk", "Moor Lane",
    "Lowther Street", "Holly Bank", "Ashridge Street", "Priory Close", "Canal Side",
    "Kingsley Road", "Brook Street", "Sycamore Drive", "Wellington Terrace", "Birch Grove",
    "Laburnum Avenue", "Grenville Crescent", "Mersey View", "Lime Grove",
)  # fmt: skip

_UNNAMED_STREETS: tuple[str, ...] = (
    "our road", "our street", "my road", "the cul-de-sac", "our close", "the main road",
    "the road behind us", "our estate",
)  # fmt: skip

_VALUES: dict[str, tuple[str, ...]] = {
    "area": (
        "the estate", "Castlefields", "Palace Fields", "Murdishaw", "Windmill Hill",
        "Hough Green", "Ditton", "West Bank", "Halton Brook", "Upton Rocks", "Brookvale",
        "Halton Lea", "Beechwood", "Norton", "Hale Village", "Appleton", "Farnworth",
        "Grange", "our area", "the village", "Sandymoor", "Halton View",
    ),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
    "when": (
        "last night", "yesterday", "this morning", "on Saturday", "over the weekend",
        "last week", "on Sunday night", "yesterday afternoon", "a couple of days ago",
    ),
    "period": (
        "two weeks", "three weeks", "a fortnight", "over a month", "six weeks",
        "nearly two months", "10 days", "three months", "over a week", "four weeks",
    ),
    "times": ("three times", "twice", "four times", "at least five times", "several times"),
    "park": (
        "Victoria Park", "Town Park", "Phoenix Park", "the park", "the rec", "the playing fields",
        "the park near us", "Runcorn Hill", "Spike Island", "Pickerings Pasture",
    ),
    "library": (
        "Halton Lea library", "Widnes library", "Ditton library", "Runcorn library",
        "the library", "our local library",
    ),
    "leisure": (
        "Kingsway Leisure Centre", "Brookvale Leisure Centre", "the leisure centre",
        "the swimming baths", "Runcorn pool", "the gym at the leisure centre",
    ),
    "officer": (
        "Sarah", "Dave", "Jo", "Mark", "Lisa", "Paul", "Gemma", "Tony", "Karen", "Steve",
        "Amir", "Priya", "Gary", "Michelle", "Chris", "Bev", "Sue", "Rob", "Nadia", "Dean",
    ),
    "school": (
        "the primary school", "the school", "St Mary's", "the high school", "our local primary",
        "the juniors", "the academy",
    ),
    "bin": (
        "grey bin", "blue bin", "black bin", "green bin", "recycling bin", "wheelie bin",
        "general waste bin", "blue recycling bin",
    ),
}  # fmt: skip


class SlotFiller:
    """Chooses a value for each slot once per message, so repeated slots agree."""

    def __init__(
        self,
        rng: random.Random,
        *,
        teams: Sequence[str] = (),
        named_street_rate: float = 0.3,
    ) -> None:
        self._rng = rng
        self._teams = tuple(teams)
        self._named_street_rate = named_street_rate
        self._chosen: dict[str, str] = {}

    def fill(self, sentence: str) -> str:
        """``sentence`` with every ``{slot}`` replaced (teams may hold slots of their own)."""
        return _SLOT.sub(lambda match: self._value(match.group(1)), sentence)

    def _value(self, slot: str) -> str:
        if slot not in self._chosen:
            self._chosen[slot] = self._choose(slot)
        return self._chosen[slot]

    def _choose(self, slot: str) -> str:
        rng = self._rng
        if slot == "street":
            named = rng.random() < self._named_street_rate
            return rng.choice(STREET_NAMES if named else _UNNAMED_STREETS)
        if slot == "team":
            return self.fill(rng.choice(self._teams)) if self._teams else "your staff"
        if slot == "ref":
            return f"{rng.choice(('', 'CR', 'REF', 'SR'))}{rng.randint(100000, 9999999)}"
        return rng.choice(_VALUES[slot])
