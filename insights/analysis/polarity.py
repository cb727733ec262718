"""Direction of travel with polarity (more complaints is worse, more compliments is better,
higher satisfaction is better, enquiries and suggestions are neutral) and red/amber/green
status against optional targets. Pure functions; targets are passed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from contracts import PeriodKind


class Polarity(StrEnum):
    higher_is_better = "higher is better"
    lower_is_better = "lower is better"
    neutral = "neutral"


class Travel(StrEnum):
    """Direction of travel against a comparison period (council reports: the same period
    last year). ``up``/``down`` are for measures that are neither good nor bad."""

    better = "better"
    same = "same"
    worse = "worse"
    up = "up"
    down = "down"
    not_comparable = "n/a"


class Rag(StrEnum):
    green = "green"  # the target is met (or on course to be)
    amber = "amber"  # missed, but within the amber margin: uncertain or too early to say
    red = "red"  # missed by more than the margin: will not be met without action


POLARITY: dict[str, Polarity] = {
    "complaint": Polarity.lower_is_better,
    "compliment": Polarity.higher_is_better,
    "enquiry": Polarity.neutral,
    "suggestion": Polarity.neutral,
    "satisfaction": Polarity.higher_is_better,
}
SUMMED_MEASURES = frozenset({"complaint", "compliment", "enquiry", "suggestion"})


def polarity_of(measure: str | None) -> Polarity:
    """The polarity of a contact type (``complaint`` ...) or ``satisfaction``; other and
    unknown measures are neutral."""
    return POLARITY.get(measure or "", Polarity.neutral)


def direction_of_travel(
    measure: str | None, now: float, then: float | None, *, tolerance: float = 0.05
) -> Travel:
    """Better, same or worse (up, same or down for neutral measures) comparing ``now`` with
    ``then``; a relative change within ``tolerance`` is the same; n/a when ``then`` is None."""
    if then is None:
        return Travel.not_comparable
    change = (now - then) / abs(then) if then else (0.0 if now == 0 else 1.0)
    if abs(change) <= tolerance:
        return Travel.same
    rising = change > 0
    polarity = polarity_of(measure)
    if polarity == Polarity.neutral:
        return Travel.up if rising else Travel.down
    good = rising == (polarity == Polarity.higher_is_better)
    return Travel.better if good else Travel.worse


@dataclass(frozen=True)
class Target:
    """A limit for one service's measure per period: ``bound`` max (at most ``limit``, e.g.
    complaints per quarter) or min (at least, e.g. mean satisfaction). ``amber_margin`` is the
    fraction of the limit by which it may be missed and still be amber."""

    service: str
    measure: str
    per: PeriodKind
    limit: float
    bound: Literal["max", "min"]
    amber_margin: float = 0.1


def rag_status(value: float, target: Target, *, elapsed: float = 1.0) -> Rag:
    """Red, amber or green for ``value`` against ``target``. ``elapsed`` (0-1] is the share of
    the target's period that has passed: counts are projected pro rata to the whole period
    ("on course to be achieved"); satisfaction is not projected."""
    if not 0 < elapsed <= 1:
        raise ValueError(f"elapsed must be in (0, 1], not {elapsed}")
    projected = value / elapsed if target.measure in SUMMED_MEASURES else value
    if target.bound == "max":
        if projected <= target.limit:
            return Rag.green
        return Rag.amber if projected <= target.limit * (1 + target.amber_margin) else Rag.red
    if projected >= target.limit:
        return Rag.green
    return Rag.amber if projected >= target.limit * (1 - target.amber_margin) else Rag.red


def target_for(
    targets: Iterable[Target], service: str | None, measure: str | None, per: PeriodKind
) -> Target | None:
    """The target set for ``service``'s ``measure`` per ``per``, if any."""
    for target in targets:
        if (target.service, target.measure, target.per) == (service, measure, per):
            return target
    return None
