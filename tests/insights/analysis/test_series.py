"""Series from the trend table: every grouping over one shared, gap-free span of periods."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, insert

from insights.analysis import AnalysisError, PeriodSeries, build_series, load_series
from sinks.db.tables import TrendCountRow


def row(
    period: str,
    service: str,
    kind: str = "complaint",
    ward: str = "",
    count: int = 1,
    period_kind: str = "month",
) -> dict[str, object]:
    return {
        "period_kind": period_kind,
        "period": period,
        "partner": "council",
        "service": service,
        "category": "",
        "contact_type": kind,
        "ward": ward,
        "count": count,
    }


def test_build_series_fills_gaps_with_zeros() -> None:
    rows = [("2025-01", ("parking",), 3), ("2025-04", ("parking",), 5), ("2025-02", ("waste",), 2)]
    parking, waste = build_series("month", ["service"], rows)
    assert [p.label for p in parking.periods] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert parking.counts == (3, 0, 0, 5) and waste.counts == (0, 2, 0, 0)
    assert parking.count_at("2025-03") == 0 and parking.count_at("2024-12") is None
    assert parking.up_to("2025-02").counts == (3, 0)
    with pytest.raises(AnalysisError):
        parking.up_to("2026-01")


def test_build_series_refuses_mixed_kinds() -> None:
    with pytest.raises(AnalysisError):
        build_series("month", ["service"], [("2025-01", ("a",), 1), ("2025-W02", ("a",), 1)])


def test_load_series_groups_filters_and_spans_the_table(engine: Engine) -> None:
    with engine.begin() as c:
        c.execute(
            insert(TrendCountRow),
            [
                row("2025-01", "parking", ward="Riverside", count=3),
                row("2025-01", "parking", ward="Hale", count=2),
                row("2025-03", "parking", kind="compliment", ward="Hale", count=4),
                row("2025-04", "waste_recycling", ward="", count=7),
                row("2025-W02", "parking", period_kind="week", count=9),
            ],
        )
    by_service = load_series(engine, "month", ["service", "contact_type"])
    assert [
        (s.dimensions["service"], s.dimensions["contact_type"], s.counts) for s in by_service
    ] == [
        ("parking", "complaint", (5, 0, 0, 0)),
        ("parking", "compliment", (0, 0, 4, 0)),
        ("waste_recycling", "complaint", (0, 0, 0, 7)),
    ]
    wards = load_series(
        engine, "month", ["ward"], where={"service": "parking", "contact_type": "complaint"}
    )
    assert {s.dimensions["ward"]: s.counts for s in wards} == {
        "Hale": (2, 0, 0, 0),
        "Riverside": (3, 0, 0, 0),
    }
    unknown = load_series(engine, "month", ["service"], where={"ward": None})
    assert [(s.dimensions["service"], s.counts) for s in unknown] == [
        ("waste_recycling", (0, 0, 0, 7))
    ]
    assert all(
        isinstance(s, PeriodSeries) and s.periods[0].start == date(2025, 1, 1) for s in unknown
    )
    assert load_series(engine, "quarter", ["service"]) == []
    with pytest.raises(AnalysisError):
        load_series(engine, "month", ["colour"])
