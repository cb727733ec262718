"""When demo contacts arrive: dates weighted towards recent months, plausible times of day,
and UK local offsets (BST or GMT). Chooses moments only; it knows nothing about content.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

# Relative chance of a contact arriving in each hour of the day (local time).
_HOUR_WEIGHTS: tuple[float, ...] = (
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.0, 4.0, 4.0, 3.5,
    3.5, 3.5, 3.0, 3.0, 2.8, 2.5, 2.5, 3.0, 3.0, 2.5, 1.5, 0.8,
)  # fmt: skip

# Night owls: noise and nuisance reports often come in late.
_NIGHT_HOURS: tuple[int, ...] = (21, 22, 23, 0, 1, 2, 3)

# Months in which a category's contacts are plausible; others are all year round.
SEASONS: dict[str, frozenset[int]] = {
    "winter_gritting": frozenset({11, 12, 1, 2, 3}),
    "garden_waste": frozenset({3, 4, 5, 6, 7, 8, 9, 10, 11}),
    "grass_verges": frozenset({4, 5, 6, 7, 8, 9}),
    "heating_hot_water": frozenset({9, 10, 11, 12, 1, 2, 3, 4}),
    "play_areas": frozenset({3, 4, 5, 6, 7, 8, 9, 10}),
    "pests": frozenset({4, 5, 6, 7, 8, 9, 10, 11}),
}


def in_season(category: str, day: date) -> bool:
    """Whether a contact about ``category`` is plausible on ``day``."""
    months = SEASONS.get(category)
    return months is None or day.month in months


def pick_day(rng: random.Random, start: date, end: date, *, recency: float = 3.0) -> date:
    """A day in ``[start, end]``; later days are up to ``1 + recency`` times likelier."""
    span = (end - start).days
    weights = [1.0 + recency * (offset / span) ** 2 for offset in range(span + 1)]
    offset = rng.choices(range(span + 1), weights=weights)[0]
    return start + timedelta(days=offset)


def pick_moment(rng: random.Random, day: date, *, night_owl: bool = False) -> datetime:
    """A local, offset-aware time on ``day``, mostly in waking hours."""
    if night_owl and rng.random() < 0.5:
        hour = rng.choice(_NIGHT_HOURS)
    else:
        hour = rng.choices(range(24), weights=_HOUR_WEIGHTS)[0]
    moment = time(hour, rng.randrange(60), rng.randrange(60))
    return datetime.combine(day, moment, tzinfo=LONDON)


def iso_local(moment: datetime) -> str:
    """ISO 8601 with the UK offset of the day, e.g. ``2025-10-14T09:31:07+01:00``."""
    return moment.astimezone(LONDON).isoformat(timespec="seconds")
