"""Digest sections about how contacts were answered: satisfaction with the response (with
the satisfaction targets of ``targets.yaml``), timeliness against the service standards, and
open and overdue follow-ups of dissatisfaction (overdue ones escalated at the top). Same
shape as ``sections``: a name and a ``build`` returning template data, or None."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from contracts import Period, period_of
from insights.analysis import rag_status
from insights.case_reports import period_bounds, satisfaction_table, timeliness_table
from insights.digests.model import Section, TableRow
from insights.digests.source import DigestSource
from insights.followups import follow_up_views
from insights.workdays import WorkingCalendar
from sinks import (
    RatedContact,
    cases_received_between,
    cases_responded_between,
    follow_ups,
    ratings_between,
)

LONGER = {"month": ("quarter", "year"), "quarter": ("year",)}


def _scoped(source: DigestSource, rows: Sequence[Any]) -> list[Any]:
    return [r for r in rows if r.service in source.scope.services]


def _ratings(source: DigestSource, first: Period, last: Period) -> list[RatedContact]:
    start, _ = period_bounds(first)
    _, end = period_bounds(last)
    return _scoped(source, ratings_between(source.engine, start, end))


@dataclass(frozen=True)
class SatisfactionSection:
    """Share satisfied with its 95% interval, mean score and response rate per service,
    against the previous period (better or worse only when the change is significant), and
    red/amber/green for the satisfaction targets (mean score, to date in a longer period)."""

    name: str = "satisfaction"

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        period, scores = source.period, source.standards.satisfied_scores
        now = _ratings(source, period, period)
        before = _ratings(source, source.previous, source.previous)
        responded = _scoped(source, cases_responded_between(source.engine, *period_bounds(period)))
        rows = satisfaction_table(now, before, responded, ["service"], period, scores)
        targets = self._targets(source)
        if not now and not targets:
            return None
        taxonomy = source.reference.taxonomy
        shown = [
            {**r.json_row(), "name": taxonomy.service_name(r.by["service"] or "")}
            for r in rows
            if r.ratings
        ]
        return Section(
            self.name, "Satisfaction with our responses", {"rows": shown, "targets": targets}
        )

    def _targets(self, source: DigestSource) -> list[dict[str, Any]]:
        period, out = source.period, []
        for target in source.targets:
            if target.measure != "satisfaction" or target.service not in source.scope.services:
                continue
            if target.per == period.kind:
                first = period
            elif target.per in LONGER.get(period.kind, ()):
                # To date in the target's longer period: from its first month or quarter.
                first = period_of(period.kind, period_of(target.per, period.start).start)
            else:
                continue
            scores = [
                r.score for r in _ratings(source, first, period) if r.service == target.service
            ]
            if not scores:
                continue
            mean = sum(scores) / len(scores)
            rag = rag_status(mean, target)
            name = source.reference.taxonomy.service_name(target.service)
            span = period.label if first == period else f"{first.label} to {period.label}"
            limit = f"{'at most' if target.bound == 'max' else 'at least'} {target.limit:g}"
            out.append(
                {
                    "service": name,
                    "span": span,
                    "value": round(mean, 2),
                    "ratings": len(scores),
                    "rag": rag.value,
                    "reason": f"{name} mean satisfaction, {span}: {mean:.2f} from "
                    f"{len(scores)} rating(s) against a target of {limit} a {target.per}: "
                    f"{rag.value}.",
                }
            )
        return out


@dataclass(frozen=True)
class TimelinessSection:
    """Contacts received in the period against the service standards: responses within
    target, median working days to respond, and contacts still open past a due date."""

    name: str = "timeliness"

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        records = _scoped(
            source, cases_received_between(source.engine, *period_bounds(source.period))
        )
        rows, problems = timeliness_table(
            records,
            ["service", "stage"],
            source.period,
            source.standards,
            WorkingCalendar(),
            source.now,
        )
        rows = [r for r in rows if r.responded or r.open_overdue]
        if not rows:
            return None
        taxonomy = source.reference.taxonomy
        shown = [
            {**r.json_row(), "name": taxonomy.service_name(r.by["service"] or "")} for r in rows
        ]
        return Section(self.name, "Responding on time", {"rows": shown, "left_out": len(problems)})


@dataclass(frozen=True)
class FollowUpsSection:
    """Follow-ups of dissatisfied ratings still open; overdue ones first, escalated."""

    name: str = "followups"
    limit: int = 10

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        records = [r for r in follow_ups(source.engine) if r.service in source.scope.services]
        views = follow_up_views(records, source.standards.follow_up, WorkingCalendar(), source.now)
        open_ones = [v for v in views if not v.status.finished]
        if not open_ones:
            return None
        overdue = [v for v in open_ones if v.overdue]
        taxonomy = source.reference.taxonomy
        listed = [
            {
                "followup_id": v.followup_id,
                "service": taxonomy.service_name(v.service or ""),
                "opened": f"{v.opened_at:%Y-%m-%d}",
                "due": v.due,
                "status": v.status.value.replace("_", " "),
                "owner": v.owner or "not assigned",
                "reason": v.reason,
            }
            for v in overdue[: self.limit]
        ]
        return Section(
            self.name,
            "Follow-ups of dissatisfied residents",
            {"open": len(open_ones), "overdue": len(overdue), "listed": listed},
        )
