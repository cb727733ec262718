"""One-sentence explanations a service manager understands: what a series is called, what
happened in a period, how it compares with the record. Pure string building; no statistics."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from config import ReferenceData
from contracts import Period, financial_quarter, financial_year_label
from insights.analysis.polarity import Travel
from insights.analysis.series import PeriodSeries

Labels = Mapping[str, Mapping[str, str]]
Direction = Literal["up", "down"]
PLURALS = {
    "complaint": "complaints",
    "compliment": "compliments",
    "enquiry": "enquiries",
    "suggestion": "suggestions",
}
TRAVEL_WORDS = {
    Travel.better: "better than",
    Travel.worse: "worse than",
    Travel.same: "the same as",
    Travel.up: "up on",
    Travel.down: "down on",
}
MIN_GAP_SEASONS = 2  # "the highest October since ..." only when last year's was lower
MIN_GAP_PERIODS = 8  # likewise for weeks and days


def labels_from_reference(reference: ReferenceData) -> dict[str, dict[str, str]]:
    """Display names by dimension: service, category and partner ids to their names."""
    return {
        "service": {s.id: s.name for s in reference.taxonomy.services},
        "category": {c.id: c.name for s in reference.taxonomy.services for c in s.categories},
        "partner": {p.id: p.name for p in reference.partners},
    }


def series_label(dimensions: Mapping[str, str | None], labels: Labels | None = None) -> str:
    """E.g. ``Fly-tipping complaints in Riverside``, ``Parking compliments``, ``All contacts``."""
    labels = labels or {}

    def name(dim: str) -> str | None:
        if dim not in dimensions:
            return None
        value = dimensions[dim]
        return labels.get(dim, {}).get(value, value) if value else f"unknown {dim}"

    subject = name("category") or name("service")
    kind = dimensions.get("contact_type")
    noun = PLURALS.get(kind or "", "contacts") if "contact_type" in dimensions else "contacts"
    if "contact_type" in dimensions and not kind:
        noun = "contacts of unknown type"
    text = f"{subject} {noun}" if subject else ("All contacts" if noun == "contacts" else noun)
    if "ward" in dimensions:
        ward = dimensions["ward"]
        text += f" in {ward}" if ward else " in an unknown ward"
    partner = name("partner")
    if partner:
        text += f" ({partner})"
    return text[0].upper() + text[1:]


def period_name(period: Period) -> str:
    """``October 2025``, ``2025/26-Q3``, ``week 2025-W41``, ``14 October 2025``, ``2025/26``."""
    if period.kind == "month":
        return f"{period.start:%B %Y}"
    if period.kind == "week":
        return f"week {period.label}"
    if period.kind == "day":
        return f"{period.start.day} {period.start:%B %Y}"
    return period.label


def expected_text(expected: float) -> str:
    if expected < 0.5:
        return "almost none"
    return f"about {expected:.0f}" if expected >= 10 else f"about {expected:.1f}"


def record_phrase(series: PeriodSeries, index: int, direction: Direction) -> str | None:
    """``the highest October since 2021`` / ``the lowest 2025/26-Q3 ...``: how the count at
    ``index`` ranks against earlier same-season periods (or earlier weeks/days), counting only
    from the series' first contact; None when that is not notable."""
    counts = series.counts
    first = next((i for i, c in enumerate(counts) if c), index)
    y, word = counts[index], "highest" if direction == "up" else "lowest"

    def beaten(c: int) -> bool:
        return c >= y if direction == "up" else c <= y

    period = series.periods[index]
    if period.kind in ("month", "quarter"):
        step = 12 if period.kind == "month" else 4
        earlier = list(range(index - step, first - 1, -step))
        season = f"{period.start:%B}" if period.kind == "month" else f"Q{_quarter(period)}"
        for gap, j in enumerate(earlier, start=1):
            if beaten(counts[j]):
                if gap < MIN_GAP_SEASONS:
                    return None
                return f"the {word} {season} since {_year_of(series.periods[j])}"
        if len(earlier) < MIN_GAP_SEASONS:
            return None
        return f"the {word} {season} in the {len(earlier) + 1} years on record"
    unit = {"week": "week", "day": "day"}.get(period.kind, period.kind)
    for j in range(index - 1, first - 1, -1):
        if beaten(counts[j]):
            if index - j < MIN_GAP_PERIODS:
                return None
            return f"the {word} {unit} since {series.periods[j].label}"
    if index - first < MIN_GAP_PERIODS:
        return None
    return f"the {word} {unit} in the {index - first + 1} {unit}s on record"


def _quarter(period: Period) -> int:
    return financial_quarter(period.start)


def _year_of(period: Period) -> str:
    if period.kind == "month":
        return str(period.start.year)
    start = period.start.year if period.start.month >= 4 else period.start.year - 1
    return financial_year_label(start)


def alert_reason(
    label: str,
    period: Period,
    observed: int,
    expected: float,
    *,
    record: str | None = None,
    level_since: Period | None = None,
) -> str:
    """``Fly-tipping complaints in Riverside: 31 in October 2025 against about 12 expected;
    the highest October since 2021.``"""
    text = (
        f"{label}: {observed} in {period_name(period)} against {expected_text(expected)} expected"
    )
    if level_since is not None:
        text += f" at the level seen since {period_name(level_since)}"
    if record:
        text += f"; {record}"
    return text + "."


def stop_reason(label: str, period: Period, expected: float, since: Period) -> str:
    """``Street reports (Northtown Council): no contacts received in April 2020 against about
    1400 expected; has a feed stopped or a partner left?`` for the first period without any,
    ``...: still no contacts received since April 2020.`` for the periods after it."""
    if since != period:
        return f"{label}: still no contacts received since {period_name(since)}."
    return (
        f"{label}: no contacts received in {period_name(period)} against "
        f"{expected_text(expected)} expected; has a feed stopped or a partner left?"
    )


def travel_reason(
    label: str, period: Period, now: float, then: float | None, travel: Travel
) -> str:
    """``Parking complaints: 15 in 2025/26-Q1 against 31 in 2024/25-Q1 (-52%), better than
    the same period last year.``"""
    last = period.same_period_last_year()
    if then is None or travel == Travel.not_comparable:
        return f"{label}: {now:g} in {period_name(period)}; no figure for {period_name(last)}."
    pct = f" ({(now - then) / then:+.0%})" if then else ""
    return (
        f"{label}: {now:g} in {period_name(period)} against {then:g} in {period_name(last)}{pct}, "
        f"{TRAVEL_WORDS[travel]} the same period last year."
    )
