"""Grouped reads of the ``trend_count`` table for insight: counts per period and dimensions,
the rows behind period series, and yearly totals by contact type. Never writes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from contracts import PeriodKind
from sinks.db.errors import database_errors
from sinks.db.queries import TREND_DIMENSIONS, trend_counts_query
from sinks.db.tables import TrendCountRow

PeriodCounts = dict[str, dict[tuple[str, ...], int]]  # period label -> dimension values -> count
DimensionValues = tuple[str | None, ...]


@dataclass(frozen=True)
class SeriesRows:
    """Trend counts of one period kind grouped by dimensions, and every period label of that
    kind in the whole table (so series built from them share one span)."""

    rows: tuple[tuple[str, DimensionValues, int], ...]
    period_labels: tuple[str, ...]


def grouped_trend_counts(
    engine: Engine,
    by: Sequence[str],
    period_labels: Sequence[str],
    kinds: Sequence[PeriodKind],
    *,
    services: Sequence[str] | None = None,
) -> PeriodCounts:
    """Counts per period label and ``by`` values for the given periods (every label appears,
    possibly empty), optionally only for ``services``; zero cells are left out."""
    if not period_labels:
        return {}
    _check_dimensions(by)
    cols = [getattr(TrendCountRow, d) for d in by]
    query = select(TrendCountRow.period, *cols, func.sum(TrendCountRow.count)).where(
        TrendCountRow.period_kind.in_(set(kinds)),
        TrendCountRow.period.in_(list(period_labels)),
    )
    if services is not None:
        query = query.where(TrendCountRow.service.in_(list(services)))
    query = query.group_by(TrendCountRow.period, *cols)
    out: PeriodCounts = {label: {} for label in period_labels}
    with database_errors("read"), engine.connect() as connection:
        for label, *rest in connection.execute(query):
            total = int(rest[-1] or 0)
            if total:
                out[label][tuple(str(v) for v in rest[:-1])] = total
    return out


def trend_series_rows(
    engine: Engine,
    kind: PeriodKind,
    by: Sequence[str],
    *,
    where: Mapping[str, str | None] | None = None,
) -> SeriesRows:
    """Counts of ``kind`` grouped by ``by``, optionally only where dimensions equal given
    values (``None`` = unknown), with every period label of that kind in the table."""
    where = dict(where or {})
    _check_dimensions((*by, *where))
    query = trend_counts_query(kind, by)
    for dim, value in where.items():
        query = query.where(getattr(TrendCountRow, dim) == (value or ""))
    span = select(TrendCountRow.period).where(TrendCountRow.period_kind == kind).distinct()
    with database_errors("read"), engine.connect() as connection:
        rows = tuple(
            (period, tuple(rest[:-1]), int(rest[-1] or 0))
            for period, *rest in connection.execute(query)
        )
        labels = tuple(p for (p,) in connection.execute(span))
    return SeriesRows(rows, labels)


def yearly_type_totals(engine: Engine) -> dict[str, dict[str, int]]:
    """Contacts per financial year and contact type, oldest year first (zeros left out)."""
    query = (
        select(TrendCountRow.period, TrendCountRow.contact_type, func.sum(TrendCountRow.count))
        .where(TrendCountRow.period_kind == "year")
        .group_by(TrendCountRow.period, TrendCountRow.contact_type)
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    with database_errors("read"), engine.connect() as connection:
        for label, contact_type, n in connection.execute(query):
            if int(n or 0):
                out[label][contact_type] = int(n)
    return dict(sorted(out.items()))


def _check_dimensions(dimensions: Sequence[str]) -> None:
    unknown = [d for d in dimensions if d not in TREND_DIMENSIONS]
    if unknown:
        raise ValueError(
            f"unknown dimension(s) {', '.join(unknown)}; use {', '.join(TREND_DIMENSIONS)}"
        )
