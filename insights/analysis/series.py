"""Period series: the count of one grouping (e.g. service x contact type) in every period of
one kind, built from the trend counts that ``sinks`` reads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine

from contracts import Period, PeriodKind, parse_period
from insights.analysis.errors import AnalysisError
from sinks import TREND_DIMENSIONS, trend_series_rows

DimensionValues = tuple[str | None, ...]


@dataclass(frozen=True)
class PeriodSeries:
    """Counts of one grouping over contiguous periods, oldest first (zeros filled in).

    ``dimensions`` maps each grouping dimension to its value; ``None`` means unknown."""

    kind: PeriodKind
    dimensions: Mapping[str, str | None]
    periods: tuple[Period, ...]
    counts: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.periods) != len(self.counts):
            raise AnalysisError("a series needs one count per period")

    @property
    def values(self) -> NDArray[np.float64]:
        return np.asarray(self.counts, dtype=float)

    def index_of(self, period: Period | str) -> int | None:
        """Position of ``period`` in the series, or None when it is outside the series."""
        label = period if isinstance(period, str) else period.label
        for i, p in enumerate(self.periods):
            if p.label == label:
                return i
        return None

    def count_at(self, period: Period | str) -> int | None:
        """The count in ``period``; None when the period is outside the series."""
        i = self.index_of(period)
        return None if i is None else self.counts[i]

    def up_to(self, period: Period | str) -> PeriodSeries:
        """The series cut after ``period`` (inclusive)."""
        i = self.index_of(period)
        if i is None:
            raise AnalysisError(f"{period} is outside the series")
        return PeriodSeries(self.kind, self.dimensions, self.periods[: i + 1], self.counts[: i + 1])


def build_series(
    kind: PeriodKind,
    by: Sequence[str],
    rows: Iterable[tuple[str, DimensionValues, int]],
    *,
    first: Period | None = None,
    last: Period | None = None,
) -> list[PeriodSeries]:
    """Series from ``(period label, dimension values, count)`` rows. Every series spans the same
    periods: from the earliest to the latest in ``rows`` (or ``first``/``last``), zeros filled."""
    cells: dict[DimensionValues, dict[str, int]] = defaultdict(dict)
    labels: set[str] = set()
    for label, key, count in rows:
        if len(key) != len(by):
            raise AnalysisError(f"row {label} has {len(key)} dimension values for {list(by)}")
        norm = tuple(v or None for v in key)
        cells[norm][label] = cells[norm].get(label, 0) + int(count)
        labels.add(label)
    if not labels and (first is None or last is None):
        return []
    seen = sorted((parse_period(p) for p in labels), key=lambda p: p.start)
    if any(p.kind != kind for p in seen):
        raise AnalysisError(f"rows mix period kinds; expected only {kind}")
    start = first or seen[0]
    end = last or seen[-1]
    periods: list[Period] = []
    current = start
    while current.start <= end.start:
        periods.append(current)
        current = current.next()
    span = tuple(periods)
    out = []
    for key in sorted(cells, key=lambda k: tuple(v or "" for v in k)):
        counts = tuple(cells[key].get(p.label, 0) for p in span)
        out.append(PeriodSeries(kind, dict(zip(by, key, strict=True)), span, counts))
    return out


def load_series(
    engine: Engine,
    kind: PeriodKind,
    by: Sequence[str],
    *,
    where: Mapping[str, str | None] | None = None,
) -> list[PeriodSeries]:
    """Every series of ``kind`` grouped by ``by`` (e.g. ``["service", "contact_type"]``),
    optionally only where dimensions equal given values (``None`` = unknown). All series span
    the periods from the first to the latest in the whole table for that kind."""
    where = dict(where or {})
    unknown = [d for d in (*by, *where) if d not in TREND_DIMENSIONS]
    if unknown:
        raise AnalysisError(
            f"unknown dimension(s) {', '.join(unknown)}; use {', '.join(TREND_DIMENSIONS)}"
        )
    found = trend_series_rows(engine, kind, by, where=where)
    if not found.period_labels:
        return []
    periods = sorted((parse_period(p) for p in found.period_labels), key=lambda p: p.start)
    return build_series(kind, by, found.rows, first=periods[0], last=periods[-1])
