"""What digest sections read, for one scope: trend counts for the period and its comparisons,
short runs of periods for charts, and a few contacts' redacted wording. Reads ``contact`` and
``trend_count`` only (never ``contact_personal``); caches what several sections share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import InstrumentedAttribute

from config import ReferenceData
from contracts import Period
from sinks.analysis import Target, TopicContact
from sinks.analysis.contacts import topic_contacts, unsure_contacts_query
from sinks.db.tables import ContactRow, TrendCountRow
from sinks.digests.model import DigestScope

Counts = dict[str, dict[tuple[str, ...], int]]  # period label -> dimension values -> count
POOL = 60  # contacts per type read for quoting
EXAMPLE_CHARS = (40, 600)  # only contacts this long are ever quoted


@dataclass(frozen=True)
class ExampleContact:
    """A contact's redacted wording and where it sits, for quoting in a digest."""

    received_on: date
    channel: str
    partner: str | None
    ward: str | None
    service: str
    category: str
    contact_type: str
    subject: str | None
    text: str


class DigestSource:
    """Database reads for one digest scope; every query is limited to the scope's services."""

    def __init__(
        self,
        engine: Engine,
        reference: ReferenceData,
        scope: DigestScope,
        targets: Sequence[Target] = (),
    ) -> None:
        self.engine = engine
        self.reference = reference
        self.scope = scope
        self.targets = tuple(targets)
        self.period = scope.period
        self.previous = scope.period.previous()
        self.last_year = scope.period.same_period_last_year()
        self._pools: dict[str, list[ExampleContact]] = {}

    @cached_property
    def comparison_counts(self) -> Counts:
        """Counts by service x category x type x ward in the period and its two comparisons."""
        return self.counts(
            ("service", "category", "contact_type", "ward"),
            (self.period, self.previous, self.last_year),
        )

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
        if not periods:
            return {}
        kinds = {p.kind for p in periods}
        cols = [getattr(TrendCountRow, d) for d in by]
        query = (
            select(TrendCountRow.period, *cols, func.sum(TrendCountRow.count))
            .where(
                TrendCountRow.period_kind.in_(kinds),
                TrendCountRow.period.in_([p.label for p in periods]),
                TrendCountRow.service.in_(self.scope.services),
            )
            .group_by(TrendCountRow.period, *cols)
        )
        out: Counts = {p.label: {} for p in periods}
        with self.engine.connect() as connection:
            for label, *rest in connection.execute(query):
                total = int(rest[-1] or 0)
                if total:
                    out[label][tuple(str(v) for v in rest[:-1])] = total
        return out

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
        """The period's latest ``POOL`` quotable contacts of one type (read once per type).
        Newest first along the date index, so the read stops early however busy the period."""
        if contact_type not in self._pools:
            length = func.length(ContactRow.text)
            query = (
                select(
                    ContactRow.received_on,
                    ContactRow.channel,
                    ContactRow.partner,
                    ContactRow.ward,
                    ContactRow.service,
                    ContactRow.category,
                    ContactRow.contact_type,
                    ContactRow.subject,
                    ContactRow.text,
                    ContactRow.needs_review,
                )
                .where(
                    ContactRow.received_on >= self.period.start,
                    ContactRow.received_on <= self.period.end,
                    not_indexed(ContactRow.service).in_(self.scope.services),
                    ContactRow.contact_type == contact_type,
                    length >= EXAMPLE_CHARS[0],
                    length <= EXAMPLE_CHARS[1],
                )
                .order_by(ContactRow.received_on.desc(), ContactRow.contact_id)
                .limit(POOL)
            )
            with self.engine.connect() as connection:
                rows = connection.execute(query).all()
            self._pools[contact_type] = [  # unsure classifications are not quoted
                ExampleContact(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
                for r in rows
                if not r.needs_review
            ]
        return self._pools[contact_type]

    def unsure_contacts(self, since: date, *, limit: int) -> list[TopicContact]:
        """The scope's most recent ``limit`` contacts from ``since`` to the period's end that
        the classifier was unsure about (needs review or confidence under 0.6), oldest first."""
        query = unsure_contacts_query(
            since,
            self.period.end,
            limit=limit,
            where=[not_indexed(ContactRow.service).in_(self.scope.services)],
        )
        with self.engine.connect() as connection:
            return topic_contacts(connection.execute(query).all())


def not_indexed(column: InstrumentedAttribute[str]) -> ColumnElement[str]:
    """``column`` in a form no index matches, so the planner walks the date index instead of
    a service's whole history (SQLite has no statistics unless ANALYZE has run)."""
    return func.coalesce(column, "")


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
