"""Timeliness and satisfaction for a reporting period, from what ``sinks`` reads: each
contact measured against its service standard (stage 1, and stage 2 from the escalation
when a complaint was escalated), and ratings tallied against the responded contacts, grouped
by the ``--by`` dimensions. Pure: the caller passes the clock (``now``) and the rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from config import ServiceStandards
from contracts import Period
from insights.errors import AnalysisError, CaseDataError
from insights.group_keys import GroupKey
from insights.satisfaction import SatisfactionRow, Tally, satisfaction_rows, tally
from insights.standards import CaseTimeliness, case_timeliness, standard_for
from insights.timeliness import TimelinessRow, timeliness_rows
from insights.workdays import UK_TIME, WorkingCalendar
from sinks import CaseRecord, RatedContact

CASE_DIMENSIONS: tuple[str, ...] = (
    "partner",
    "service",
    "category",
    "contact_type",
    "ward",
    "stage",
)
RATING_DIMENSIONS: tuple[str, ...] = CASE_DIMENSIONS[:-1]


@dataclass(frozen=True)
class CaseProblem:
    """A contact left out of a measure because its own dates contradict each other."""

    contact_id: str
    reason: str


def period_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period as [start, end) instants: midnight to midnight in the UK."""
    start = datetime.combine(period.start, time(0), tzinfo=UK_TIME)
    end = datetime.combine(period.end + timedelta(days=1), time(0), tzinfo=UK_TIME)
    return start, end


def check_by(by: Sequence[str], allowed: Sequence[str]) -> None:
    unknown = [d for d in by if d not in allowed]
    if unknown or not by:
        raise AnalysisError(
            f"--by {','.join(by) or '(nothing)'}: dimensions are {', '.join(allowed)}"
        )


def measured_stages(
    record: CaseRecord,
    standards: ServiceStandards,
    calendar: WorkingCalendar,
    now: datetime,
) -> list[tuple[int, CaseTimeliness]]:
    """Stage 1 of every contact; stage 2 (or 3) too for an escalated complaint, its clock
    starting when escalation was asked for (or at receipt when the CRM did not say)."""
    ref = str(record.contact_id)

    def measure(stage: int, start: datetime, responded: datetime | None) -> CaseTimeliness:
        standard = standard_for(
            standards,
            partner=record.partner,
            service=record.service,
            contact_type=record.contact_type,
            stage=stage,
        )
        return case_timeliness(
            received_at=start,
            acknowledged_at=record.acknowledged_at if stage == 1 else None,
            responded_at=responded,
            closed_at=record.closed_at if stage == record.stage else None,
            standard=standard,
            now=now,
            calendar=calendar,
            ref=ref,
        )

    first_response = record.responded_at
    if record.stage > 1 and first_response is None:
        first_response = record.escalated_at  # escalated: stage 1 ended there at the latest
    stages = [(1, measure(1, record.received_at, first_response))]
    if record.stage > 1:
        start = record.escalated_at or record.received_at
        stages.append((record.stage, measure(record.stage, start, record.stage_responded_at)))
    return stages


def _key(values: dict[str, Any], by: Sequence[str]) -> GroupKey:
    return tuple(None if values.get(d) is None else str(values[d]) for d in by)


def timeliness_table(
    records: Iterable[CaseRecord],
    by: Sequence[str],
    period: Period,
    standards: ServiceStandards,
    calendar: WorkingCalendar,
    now: datetime,
) -> tuple[list[TimelinessRow], list[CaseProblem]]:
    """One row per group of the contacts received in ``period`` (``records``), and the
    contacts that could not be measured with why."""
    check_by(by, CASE_DIMENSIONS)
    measured: list[tuple[GroupKey, CaseTimeliness]] = []
    problems: list[CaseProblem] = []
    for record in records:
        try:
            stages = measured_stages(record, standards, calendar, now)
        except CaseDataError as exc:
            problems.append(CaseProblem(str(record.contact_id), exc.reason))
            continue
        for stage, case in stages:
            measured.append((_key({**record.__dict__, "stage": stage}, by), case))
    return timeliness_rows(by, period.label, measured), problems


def satisfaction_table(
    ratings: Iterable[RatedContact],
    previous_ratings: Iterable[RatedContact],
    responded: Iterable[CaseRecord],
    by: Sequence[str],
    period: Period,
    satisfied_scores: Sequence[int],
) -> list[SatisfactionRow]:
    """One row per group with ratings or responded contacts in ``period``."""
    check_by(by, RATING_DIMENSIONS)
    return satisfaction_rows(
        by,
        period.label,
        _tallies(ratings, by, satisfied_scores),
        _counts(_key(r.__dict__, by) for r in responded),
        _tallies(previous_ratings, by, satisfied_scores),
    )


def _tallies(
    ratings: Iterable[RatedContact], by: Sequence[str], satisfied_scores: Sequence[int]
) -> dict[GroupKey, Tally]:
    scores: dict[GroupKey, list[int]] = {}
    for rating in ratings:
        scores.setdefault(_key(rating.__dict__, by), []).append(rating.score)
    return {k: tally(v, satisfied_scores) for k, v in scores.items()}


def _counts(keys: Iterable[GroupKey]) -> dict[GroupKey, int]:
    counts: dict[GroupKey, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return counts
