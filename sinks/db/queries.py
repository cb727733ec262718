"""Read queries for the command line, digests and later the web side. Never writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, Select, func, select

from contracts import PeriodKind, parse_period
from sinks.db.errors import database_errors
from sinks.db.tables import (
    ContactRow,
    DeadLetterRow,
    RatingRow,
    TrendCountRow,
    WorkerHeartbeatRow,
)
from sinks.db.trends import Cell, Dimensions

TREND_DIMENSIONS: tuple[str, ...] = Dimensions._fields
EXPORT_FIELDS: tuple[str, ...] = (
    "contact_id",
    "source_ref",
    "received_at",
    "channel",
    "partner",
    "contact_type",
    "service",
    "category",
    "confidence",
    "label_source",
    "model_version",
    "ward",
    "subject",
    "text",
)


@dataclass(frozen=True)
class TrendRow:
    """One period x dimensions row with its comparisons."""

    period: str
    dimensions: dict[str, str | None]
    count: int
    previous_count: int
    same_period_last_year_count: int

    def record(self, names: Sequence[str] | None = None) -> dict[str, Any]:
        """The row as the ``trends --format json`` contract spells it: a key per dimension
        (named ``names``, in order, when given) plus ``period`` and the three counts."""
        keys = names if names is not None else list(self.dimensions)
        return {
            **dict(zip(keys, self.dimensions.values(), strict=True)),
            "period": self.period,
            "count": self.count,
            "previous_count": self.previous_count,
            "same_period_last_year_count": self.same_period_last_year_count,
        }


def trend_counts_query(kind: PeriodKind, by: Sequence[str]) -> Select[*tuple[Any, ...]]:
    """Trend counts of ``kind`` summed per period and ``by`` dimensions, as rows of
    (period, *dimension values, count); ``ValueError`` names an unknown dimension."""
    unknown = [d for d in by if d not in TREND_DIMENSIONS]
    if unknown:
        raise ValueError(
            f"unknown dimension(s) {', '.join(unknown)}; use {', '.join(TREND_DIMENSIONS)}"
        )
    dim_cols = [getattr(TrendCountRow, d) for d in by]
    return (
        select(TrendCountRow.period, *dim_cols, func.sum(TrendCountRow.count))
        .where(TrendCountRow.period_kind == kind)
        .group_by(TrendCountRow.period, *dim_cols)
    )


def trend_table(
    engine: Engine, kind: PeriodKind, by: Sequence[str], last: int | None = None
) -> list[TrendRow]:
    """Counts per period and ``by`` dimensions, with the previous period and the same period
    last year. Covers every period from the first to the latest in the data (or the last N)."""
    query = trend_counts_query(kind, by)
    counts: dict[str, dict[tuple[str, ...], int]] = defaultdict(dict)
    with database_errors("read"), engine.connect() as connection:
        for period, *rest in connection.execute(query):
            total = int(rest[-1] or 0)
            if total:
                counts[period][tuple(rest[:-1])] = total
    if not counts:
        return []
    periods = sorted((parse_period(p) for p in counts), key=lambda p: p.start)
    shown = []
    current = periods[0]
    while current.start <= periods[-1].start:
        shown.append(current)
        current = current.next()
    if last is not None:
        shown = shown[-last:] if last > 0 else []
    rows: list[TrendRow] = []
    for period in shown:
        previous = counts.get(period.previous().label, {})
        last_year = counts.get(period.same_period_last_year().label, {})
        here = counts.get(period.label, {})
        for key in sorted(set(here) | set(previous) | set(last_year)):
            rows.append(
                TrendRow(
                    period=period.label,
                    dimensions={d: (v or None) for d, v in zip(by, key, strict=True)},
                    count=here.get(key, 0),
                    previous_count=previous.get(key, 0),
                    same_period_last_year_count=last_year.get(key, 0),
                )
            )
    return rows


def export_contacts(engine: Engine, since: date | None = None) -> Iterator[dict[str, Any]]:
    """Contacts without personal data, oldest first, streamed."""
    cols = [getattr(ContactRow, f) for f in EXPORT_FIELDS]
    query = select(*cols).order_by(ContactRow.received_at, ContactRow.contact_id)
    if since is not None:
        query = query.where(ContactRow.received_on >= since)
    with database_errors("read"), engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=1000).execute(query)
        for row in result.mappings():
            out = dict(row)
            out["contact_id"] = str(out["contact_id"])
            received = out["received_at"]
            if received.tzinfo is None:  # SQLite drops the zone; we store UTC
                received = received.replace(tzinfo=UTC)
            out["received_at"] = received.isoformat()
            yield out


@dataclass(frozen=True)
class StoreStatus:
    contacts: int
    ratings: int
    ratings_awaiting_contact: int
    dead_letters: int
    workers_alive: list[dict[str, Any]]
    # Workers not stopped whose heartbeat is late: what they last said, to explain it.
    workers_silent: list[dict[str, Any]] = field(default_factory=list)


def store_status(engine: Engine, alive_within: float) -> StoreStatus:
    cutoff = datetime.now(UTC) - timedelta(seconds=alive_within)
    with database_errors("read"), engine.connect() as c:
        contacts = c.scalar(select(func.count()).select_from(ContactRow)) or 0
        ratings = c.scalar(select(func.count()).select_from(RatingRow)) or 0
        waiting = c.scalar(select(func.count()).where(RatingRow.contact_linked.is_(False))) or 0
        dead = c.scalar(select(func.count()).select_from(DeadLetterRow)) or 0
        workers: list[dict[str, Any]] = []
        silent: list[dict[str, Any]] = []
        for row in c.execute(
            select(WorkerHeartbeatRow)
            .where(WorkerHeartbeatRow.stopped_at.is_(None))
            .order_by(WorkerHeartbeatRow.last_seen_at)
        ).mappings():
            seen = row["last_seen_at"]
            if seen.tzinfo is None:
                seen = seen.replace(tzinfo=UTC)
            worker = {
                "worker_id": row["worker_id"],
                "pid": row["pid"],
                "host": row["host"],
                "last_seen_at": seen.isoformat(),
                "contacts_processed": row["contacts_processed"],
                "model_version": row["model_version"],
                "problem": row["problem"],
            }
            (workers if seen >= cutoff else silent).append(worker)
    return StoreStatus(contacts, ratings, waiting, dead, workers, silent[-5:])


def stored_trend_counts(engine: Engine) -> dict[Cell, int]:
    """The trend table as stored (non-zero cells)."""
    with database_errors("read"), engine.connect() as c:
        rows = c.execute(select(TrendCountRow.__table__)).mappings()
        return {Cell(*(r[f] for f in Cell._fields)): r["count"] for r in rows if r["count"]}


def contact_dimensions(engine: Engine) -> Iterator[tuple[date, Dimensions]]:
    """Each stored contact's day and dimensions, for recounts."""
    query = select(
        ContactRow.received_on,
        ContactRow.partner,
        ContactRow.service,
        ContactRow.category,
        ContactRow.contact_type,
        ContactRow.ward,
    )
    with database_errors("read"), engine.connect() as c:
        for row in c.execute(query):
            yield row[0], Dimensions(row[1] or "", row[2], row[3], row[4], row[5] or "")


def count_stored(engine: Engine, contact_ids: Sequence[Any]) -> int:
    """How many of ``contact_ids`` are stored."""
    ids = list(contact_ids)
    total = 0
    with database_errors("read"), engine.connect() as c:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            total += c.scalar(select(func.count()).where(ContactRow.contact_id.in_(chunk))) or 0
    return total


def trend_total(engine: Engine, kind: PeriodKind = "year") -> int:
    """All contacts as counted by the trend table (one period kind, so each contact once)."""
    with database_errors("read"), engine.connect() as c:
        return int(
            c.scalar(
                select(func.coalesce(func.sum(TrendCountRow.count), 0)).where(
                    TrendCountRow.period_kind == kind
                )
            )
            or 0
        )
