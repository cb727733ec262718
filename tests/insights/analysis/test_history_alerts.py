"""The detector on ``civicpulse backfill``'s five-year history (seasons, weekdays, growth and
the events it injects), counted by category and month as the trend tables hold it: the
leisure centre's closure for refurbishment (August 2025, a quarter of its usual contacts) is
found. The detector before the month shrinkage (stop 26) missed it: 2 against 14 expected."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from config import ReferenceData
from contracts import Period, local_date, period_of
from insights.analysis import PeriodSeries, assess
from samples import HistoryPlan, generate_history, load_texts

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def by_category(reference: ReferenceData) -> list[PeriodSeries]:
    plan = HistoryPlan()
    texts = load_texts(REPO / "classifiers" / "data" / "starter_contacts.csv")
    counts: Counter[tuple[str, str]] = Counter()
    for item in generate_history(plan, reference, texts):
        month = period_of("month", local_date(item.contact.received_at))
        counts[item.classified.category, month.label] += 1
    months: list[Period] = [period_of("month", plan.start)]
    while months[-1].end < plan.end:
        months.append(months[-1].next())
    categories = sorted({category for category, _ in counts})
    return [
        PeriodSeries(
            "month",
            {"category": category},
            tuple(months),
            tuple(counts[category, m.label] for m in months),
        )
        for category in categories
    ]


def test_the_leisure_centre_closure_is_found(by_category: list[PeriodSeries]) -> None:
    alerts = [a for a in assess(by_category, "2025-08") if a.alert]
    closure = [a for a in alerts if a.dimensions["category"] == "leisure_centres"]
    assert len(closure) == 1
    assert closure[0].direction == "down"
    assert closure[0].observed < 0.4 * closure[0].expected
