"""Ward hotspots: which wards drive a service's change between two periods. The change of the
whole is the sum of the wards' changes, so each ward's part of it is exact. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from contracts import Period, parse_period
from insights.analysis.compare import rate_per_1000, rolling_baseline
from insights.analysis.errors import AnalysisError
from insights.analysis.reasons import period_name
from insights.analysis.series import PeriodSeries

Against = Literal["last_year", "previous", "baseline"]


@dataclass(frozen=True)
class Hotspot:
    """One ward's count, its comparison value and its part of the total change."""

    ward: str | None
    count: int
    reference: float | None  # same period last year, previous period or rolling baseline
    change: float | None
    share_of_change: float | None  # change / total change of all wards (same sign: > 0)
    population: int | None
    rate_per_1000: float | None
    reference_rate_per_1000: float | None
    reason: str


def ward_hotspots(
    series: Sequence[PeriodSeries],
    period: Period | str,
    *,
    against: Against = "last_year",
    populations: Mapping[str, int] | None = None,
    window: int = 12,
    top: int | None = None,
) -> list[Hotspot]:
    """Wards of one grouping (series loaded ``by`` ward, e.g. where service = S and type =
    complaint) ordered by how much they drive the total change: wards moving with the total
    first, largest change first; then the rest. ``top`` keeps only the first N."""
    target = parse_period(period) if isinstance(period, str) else period
    if any("ward" not in s.dimensions for s in series):
        raise AnalysisError("ward hotspots need series grouped by ward")
    rows = []
    for s in series:
        count = s.count_at(target) or 0
        reference = _reference(s, target, against, window)
        rows.append((s.dimensions["ward"], count, reference))
    changes = [None if ref is None else count - ref for _, count, ref in rows]
    total = sum(c for c in changes if c is not None)
    out = []
    for (ward, count, reference), change in zip(rows, changes, strict=True):
        population = (populations or {}).get(ward or "")
        share = None if change is None or total == 0 else change / total
        rate = rate_per_1000(count, population)
        ref_rate = None if reference is None else rate_per_1000(reference, population)
        out.append(
            Hotspot(
                ward=ward,
                count=count,
                reference=reference,
                change=change,
                share_of_change=share,
                population=population,
                rate_per_1000=rate,
                reference_rate_per_1000=ref_rate,
                reason=_reason(ward, count, reference, share, total, rate, target, against),
            )
        )
    if total:
        out.sort(key=lambda h: (h.share_of_change is None, -(h.share_of_change or 0.0)))
    else:
        out.sort(key=lambda h: (h.change is None, -abs(h.change or 0.0)))
    return out if top is None else out[:top]


def _reference(s: PeriodSeries, target: Period, against: Against, window: int) -> float | None:
    if against == "last_year":
        value = s.count_at(target.same_period_last_year())
        return None if value is None else float(value)
    if against == "previous":
        value = s.count_at(target.previous())
        return None if value is None else float(value)
    return rolling_baseline(s, target, window)


def _reason(
    ward: str | None,
    count: int,
    reference: float | None,
    share: float | None,
    total: float,
    rate: float | None,
    target: Period,
    against: Against,
) -> str:
    name = ward or "Unknown ward"
    if reference is None:
        return f"{name}: {count} in {period_name(target)}; nothing to compare with."
    if against == "baseline":
        compared = f"about {reference:.0f} in a usual {target.kind}"
    else:
        then = target.same_period_last_year() if against == "last_year" else target.previous()
        compared = f"{reference:g} in {period_name(then)}"
    text = f"{name}: {count} in {period_name(target)} against {compared} ({count - reference:+.0f})"
    if share is not None and share > 0 and total != 0:
        text += f", {share:.0%} of the {'rise' if total > 0 else 'fall'}"
    if rate is not None:
        text += f"; {rate:.1f} per 1,000 residents"
    return text + "."
