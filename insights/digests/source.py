"""What digest sections read, for one scope: trend counts for the period and its comparisons,
short runs of periods for charts, and a few contacts' redacted wording, all read through
``sinks`` (never personal data); caches what several sections share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from functools import cached_property

from sqlalchemy import Engine

from config import ReferenceData, ServiceStandards
from contracts import Period, local_date, periods_between
from insights.analysis import Target, TopicContact
from insights.digests.model import DigestScope
from sinks import ExampleContact, example_contacts, grouped_trend_counts, unsure_contacts

Counts = dict[str, dict[tuple[str, ...], int]]  # period label -> dimension values -> count


class DigestSource:
    """Database reads for one digest scope; every query is limited to the scope's services."""

    def __init__(
        self,
        engine: Engine,
        reference: ReferenceData,
        scope: DigestScope,
        targets: Sequence[Target] = (),
        standards: ServiceStandards | None = None,
        now: datetime | None = None,
    ) -> None:
        self.engine = engine
        self.standards = standards or ServiceStandards()
        self.now = now or datetime.now(UTC)
        self.reference = reference
        self.scope = scope
        self.targets = tuple(targets)
        self.period = scope.period
        self.previous = scope.period.previous()
        self.last_year = scope.period.same_period_last_year()
        self._pools: dict[str, list[ExampleContact]] = {}
        # A period still running is compared like with like: its days so far against the
        # same number of days at the start of each comparison period.
        today = local_date(self.now)
        in_progress = self.period.start <= today < self.period.end
        self.to_date: date | None = today if in_progress else None

    @property
    def elapsed_days(self) -> int:
        """Days of the period counted so far (all of them once it is complete)."""
        end = self.to_date or self.period.end
        return (end - self.period.start).days + 1

    @cached_property
    def comparison_counts(self) -> Counts:
        """Counts by service x category x type x ward in the period and its two comparisons
        (for a period in progress, the comparisons' same first days only)."""
        by = ("service", "category", "contact_type", "ward")
        if self.to_date is None:
            return self.counts(by, (self.period, self.previous, self.last_year))
        out = self.counts(by, (self.period,))
        for earlier in (self.previous, self.last_year):
            out[earlier.label] = self.first_days(by, earlier, self.elapsed_days)
        return out

    def first_days(
        self, by: Sequence[str], period: Period, days: int
    ) -> dict[tuple[str, ...], int]:
        """Counts in the first ``days`` days of ``period`` (at most all of it), summed."""
        last = min(period.start + timedelta(days=days - 1), period.end)
        summed: dict[tuple[str, ...], int] = defaultdict(int)
        for cells in self.counts(by, periods_between("day", period.start, last)).values():
            for key, count in cells.items():
                summed[key] += count
        return dict(summed)

    def rollup(self, by: Sequence[str]) -> Counts:
        """``comparison_counts`` summed to the dimensions ``by`` (a subset of its four)."""
        full = ("service", "category", "contact_type", "ward")
        index = [full.index(d) for d in by]
        out: Counts = {}
        for label, cells in self.comparison_counts.items():
            summed: dict[tuple[str, ...], int] = defaultdict(int)
            for key, count in cells.items():
                summed[tuple(key[i] for i in index)] += count
            out[label] = dict(summed)
        return out

    def counts(self, by: Sequence[str], periods: Sequence[Period]) -> Counts:
        """Trend counts per period label and ``by`` values, for the scope's services."""
        return grouped_trend_counts(
            self.engine,
            by,
            [p.label for p in periods],
            [p.kind for p in periods],
            services=self.scope.services,
        )

    def recent_periods(self, length: int) -> list[Period]:
        """The ``length`` periods ending with the digest's period, oldest first."""
        periods = [self.period]
        while len(periods) < length:
            periods.insert(0, periods[0].previous())
        return periods

    def contacts(
        self,
        contact_type: str,
        *,
        limit: int,
        min_chars: int = 40,
        max_chars: int = 400,
    ) -> list[ExampleContact]:
        """Up to ``limit`` confidently classified contacts of ``contact_type`` from the end of
        the period, between ``min_chars`` and ``max_chars`` long, one per category first."""
        pool = [c for c in self._pool(contact_type) if min_chars <= len(c.text) <= max_chars]
        return spread_by_category(pool, limit)

    def _pool(self, contact_type: str) -> list[ExampleContact]:
        """The period's latest quotable contacts of one type, newest first (read once per
        type)."""
        if contact_type not in self._pools:
            self._pools[contact_type] = example_contacts(
                self.engine,
                self.period.start,
                self.period.end,
                self.scope.services,
                contact_type,
            )
        return self._pools[contact_type]

    def unsure_contacts(self, since: date, *, limit: int) -> list[TopicContact]:
        """The scope's most recent ``limit`` contacts from ``since`` to the period's end that
        the classifier was unsure about (needs review or confidence under 0.6), oldest first."""
        return unsure_contacts(
            self.engine, since, self.period.end, limit=limit, services=self.scope.services
        )


def spread_by_category(contacts: Sequence[ExampleContact], limit: int) -> list[ExampleContact]:
    """Pick up to ``limit`` contacts, one per category in turn, keeping the given order."""
    chosen: list[ExampleContact] = []
    seen: set[str] = set()
    for contact in contacts:
        if len(chosen) == limit:
            return chosen
        if contact.category not in seen:
            chosen.append(contact)
            seen.add(contact.category)
    for contact in contacts:
        if len(chosen) == limit:
            break
        if contact not in chosen:
            chosen.append(contact)
    return chosen
