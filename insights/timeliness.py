"""Timeliness rows for ``civicpulse timeliness``: measured contacts grouped by the ``--by``
keys into one row each, with exactly the keys the issue names. Pure; the caller chooses which
contacts belong to the period and measures them with ``insights.standards``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from statistics import median
from typing import Any

from pydantic import BaseModel, ConfigDict

from insights.group_keys import GroupKey, check_dimensions, check_key, sorted_keys
from insights.standards import CaseTimeliness

TIMELINESS_FIELDS: tuple[str, ...] = (
    "period",
    "responded",
    "within_target",
    "within_target_pct",
    "median_working_days",
    "open_overdue",
)


class TimelinessRow(BaseModel):
    """One group. ``responded`` counts responses that had a response target to meet (a
    compliment, acknowledged only, is not in it); ``within_target_pct`` is a percentage of
    those (None when there are none); ``median_working_days`` is their median working days
    to respond; ``open_overdue`` counts contacts still open past a due date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    by: dict[str, str | None]
    period: str
    responded: int
    within_target: int
    within_target_pct: float | None
    median_working_days: float | None
    open_overdue: int

    def json_row(self) -> dict[str, Any]:
        """The ``--by`` keys, then ``TIMELINESS_FIELDS``, in that order."""
        fields = self.model_dump(include=set(TIMELINESS_FIELDS))
        return {**self.by, **{name: fields[name] for name in TIMELINESS_FIELDS}}


def timeliness_row(
    by: dict[str, str | None], period: str, cases: Iterable[CaseTimeliness]
) -> TimelinessRow:
    """Summarise one group's measured contacts."""
    cases = list(cases)
    days = [c.respond_working_days for c in cases if c.measured_response]
    within = sum(1 for c in cases if c.responded_within_target)
    return TimelinessRow(
        by=by,
        period=period,
        responded=len(days),
        within_target=within,
        within_target_pct=round(100 * within / len(days), 1) if days else None,
        median_working_days=float(median(d for d in days if d is not None)) if days else None,
        open_overdue=sum(1 for c in cases if c.open_overdue),
    )


def timeliness_rows(
    by: Sequence[str], period: str, cases: Iterable[tuple[GroupKey, CaseTimeliness]]
) -> list[TimelinessRow]:
    """One row per distinct group key (values in the order of ``by``), sorted by key with
    unknown (None) values last."""
    check_dimensions(by, TIMELINESS_FIELDS)
    groups: dict[GroupKey, list[CaseTimeliness]] = {}
    for key, case in cases:
        groups.setdefault(check_key(key, by), []).append(case)
    return [
        timeliness_row(dict(zip(by, key, strict=True)), period, groups[key])
        for key in sorted_keys(groups)
    ]
