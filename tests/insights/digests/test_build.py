"""Building digests: the table equals a recount of the contact table for every period kind,
direction of travel has the contact type's polarity, sections come in order and only the
redacted wording is quoted. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from config import ReferenceData
from contracts import Period, parse_period
from insights.analysis import parse_targets
from insights.digests import (
    DigestError,
    DigestRenderer,
    DigestScope,
    build_digest,
)
from sinks.db.tables import ContactRow

StoreRandom = Callable[[int], None]
PERSONAL = ("Jo Bloggs", "07700 900123")  # in every stored contact's original text only

SERVICES = ("waste_recycling", "parks_open_spaces", "housing_repairs")


def recount(
    engine: Engine, services: tuple[str, ...], period: Period
) -> dict[tuple[str, ...], int]:
    """Contacts per service x category x type in ``period``, straight from ``contact``."""
    query = (
        select(ContactRow.service, ContactRow.category, ContactRow.contact_type, func.count())
        .where(
            ContactRow.service.in_(services),
            ContactRow.received_on >= period.start,
            ContactRow.received_on <= period.end,
        )
        .group_by(ContactRow.service, ContactRow.category, ContactRow.contact_type)
    )
    with engine.connect() as c:
        return {tuple(r[:3]): int(r[3]) for r in c.execute(query)}


LABELS = ("2025-10", "2025-W41", "2025/26-Q3", "2025/26", "2025-10-14")


def test_table_equals_a_recount_of_the_contact_table(
    engine: Engine, reference: ReferenceData, store_random: StoreRandom, store: Any, spec: Any
) -> None:
    store_random(1500)
    store(  # UK midnight: the first two are on 14 October in London, the last on the 15th
        spec("2025-10-13T23:30:00+00:00", service="parks_open_spaces", category="play_areas"),
        spec("2025-10-14T00:30:00+01:00", contact_type="compliment"),
        spec("2025-10-14T23:30:00+00:00", service="housing_repairs", category="damp_mould"),
    )
    for label in LABELS:  # every kind of period: day, week, month, quarter, year
        period = parse_period(label)
        digest = build_digest(engine, reference, DigestScope(SERVICES, period), sections=())
        comparisons = {
            "count": recount(engine, SERVICES, period),
            "previous": recount(engine, SERVICES, period.previous()),
            "last_year": recount(engine, SERVICES, period.same_period_last_year()),
        }
        for attribute, expected in comparisons.items():
            got = {
                (r.service, r.category, r.contact_type): getattr(r, attribute)
                for r in digest.table
                if getattr(r, attribute)
            }
            assert got == expected, (label, attribute)
        assert sum(r.count for r in digest.table) == sum(comparisons["count"].values()) > 0
        assert digest.previous == period.previous()
        assert digest.last_year == period.same_period_last_year()
    day = build_digest(engine, reference, DigestScope(SERVICES, parse_period("2025-10-14")))
    assert {(r.service, r.contact_type) for r in day.table if r.count} >= {
        ("parks_open_spaces", "complaint"),
        ("waste_recycling", "compliment"),
    }
    next_day = build_digest(engine, reference, DigestScope(SERVICES, parse_period("2025-10-15")))
    assert ("housing_repairs", "complaint") in {(r.service, r.contact_type) for r in next_day.table}


def test_csv_is_the_table(
    engine: Engine, reference: ReferenceData, store_random: StoreRandom
) -> None:
    store_random(600)
    period = parse_period("2025/26-Q3")
    digest = build_digest(engine, reference, DigestScope(SERVICES, period), sections=())
    rendered = DigestRenderer(reference.taxonomy).render(digest)
    rows = list(csv.DictReader(io.StringIO(rendered.csv)))
    assert len(rows) == len(digest.table)
    for row, expected in zip(rows, digest.table, strict=True):
        assert row["period"] == "2025/26-Q3"
        assert row["previous_period"] == "2025/26-Q2"
        assert row["same_period_last_year"] == "2024/25-Q3"
        assert (row["service"], row["category"], row["contact_type"]) == (
            expected.service,
            expected.category,
            expected.contact_type,
        )
        assert int(row["count"]) == expected.count
        assert int(row["previous_count"]) == expected.previous
        assert int(row["same_period_last_year_count"]) == expected.last_year
        assert row["direction_of_travel"] == expected.travel


def test_direction_of_travel_has_polarity(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any
) -> None:
    now, last_year = "2025-10-14T10:00:00+01:00", "2024-10-14T10:00:00+01:00"
    store(
        *[spec(now)] * 3,  # complaints up: worse
        spec(last_year),
        *[spec(now, contact_type="compliment")] * 3,  # compliments up: better
        spec(last_year, contact_type="compliment"),
        spec(now, contact_type="enquiry"),  # enquiries down: neutral, "down"
        *[spec(last_year, contact_type="enquiry")] * 3,
        *[spec(last_year, category="missed_collection")] * 4,  # complaints down: better
    )
    digest = build_digest(
        engine, reference, DigestScope(("waste_recycling",), parse_period("2025-10")), sections=()
    )
    travel = {(r.category, r.contact_type): r.travel for r in digest.table}
    assert travel == {
        ("fly_tipping", "complaint"): "worse",
        ("fly_tipping", "compliment"): "better",
        ("fly_tipping", "enquiry"): "down",
        ("missed_collection", "complaint"): "better",
    }


def test_sections_come_in_order_and_quote_only_redacted_text(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any
) -> None:
    store(
        *[spec(f"2025-10-{d:02d}T10:00:00+01:00") for d in range(1, 29)],
        *[spec(f"2024-10-{d:02d}T10:00:00+01:00") for d in range(1, 9)],
        spec(
            "2025-10-20T10:00:00+01:00",
            contact_type="compliment",
            category="missed_collection",
            text="The crew came back the same afternoon to empty our bin, thank you so much.",
        ),
        spec("2025-10-21T10:00:00+01:00", contact_type="suggestion"),
        spec("2025-10-22T10:00:00+01:00", contact_type="enquiry", needs_review=True),
    )
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"), "Alex Morgan")
    digest = build_digest(engine, reference, scope)
    names = [s.name for s in digest.sections]
    assert names[:3] == ["summary", "changes", "table"]  # no targets given: no targets section
    assert names.index("compliments") < names.index("examples")
    assert "hotspots" in names
    rendered = DigestRenderer(reference.taxonomy).render(digest)
    for text in (rendered.html, rendered.standalone_html, rendered.text, rendered.csv):
        assert all(personal not in text for personal in PERSONAL)
    assert "Call [name] on [phone]." in rendered.text
    assert "The crew came back the same afternoon" in rendered.html
    assert "Dear Alex Morgan" in rendered.text
    examples = next(s for s in digest.sections if s.name == "examples").data["examples"]
    assert all(e["contact_type"] != "enquiry" for e in examples)  # unsure ones are not quoted


def test_an_empty_period_still_builds(engine: Engine, reference: ReferenceData) -> None:
    scope = DigestScope(("parking",), parse_period("2025-W41"))
    digest = build_digest(engine, reference, scope, now=datetime(2025, 10, 13, tzinfo=UTC))
    rendered = DigestRenderer(reference.taxonomy).render(digest)
    assert digest.table == ()
    assert "2025-W41" in rendered.subject and "2025-W41" in rendered.text
    assert rendered.csv.splitlines() == [rendered.csv.splitlines()[0]]


def test_unknown_service_is_refused(engine: Engine, reference: ReferenceData) -> None:
    with pytest.raises(DigestError, match="unknown service"):
        build_digest(engine, reference, DigestScope(("bins",), parse_period("2025-10")))


def test_targets_are_rated_red_amber_green_to_date(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any
) -> None:
    store(
        *[spec(f"2025-10-{d:02d}T10:00:00+01:00") for d in range(1, 13)],  # 12 complaints
        *[spec("2025-10-02T10:00:00+01:00", contact_type="compliment")] * 2,
    )
    targets = parse_targets(
        {
            "targets": [
                # a quarter's target a third of the way through: 12 -> on course for 36
                {"service": "waste_recycling", "measure": "complaint", "per": "quarter", "max": 40},
                {"service": "waste_recycling", "measure": "complaint", "per": "month", "max": 11},
                {"service": "waste_recycling", "measure": "compliment", "per": "month", "min": 5},
                {"service": "parking", "measure": "complaint", "per": "month", "max": 1},
                {"service": "waste_recycling", "measure": "satisfaction", "per": "month", "min": 4},
            ]
        }
    )
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"))
    digest = build_digest(engine, reference, scope, targets=targets)
    names = [s.name for s in digest.sections]
    assert names[:4] == ["summary", "changes", "targets", "table"]
    ratings = next(s for s in digest.sections if s.name == "targets").data["ratings"]
    assert [(r.span, r.measure, r.value, r.rag) for r in ratings] == [
        ("2025/26-Q3 to 2025-10", "complaint", 12, "green"),
        ("2025-10", "complaint", 12, "amber"),  # 12 against at most 11: within 10%
        ("2025-10", "compliment", 2, "red"),
    ]
    assert "on course for 36" in ratings[0].reason
    text = DigestRenderer(reference.taxonomy).render(digest).text
    assert "[AMBER] Waste and recycling complaints, 2025-10: 12 against a target of at most 11" in (
        " ".join(text.split())
    )


def test_a_period_in_progress_is_compared_with_the_same_days(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any
) -> None:
    """On 3 October, October's 3 complaints are set against 1-3 September and 1-3 October
    last year (not against whole months: "3 vs 30, -90%"), and its month target projects."""
    store(
        *[spec(f"2025-09-{d:02d}T10:00:00+01:00") for d in range(1, 31)],  # one a day
        *[spec(f"2024-10-{d:02d}T10:00:00+01:00") for d in range(1, 32)],
        *[spec(f"2025-10-{d:02d}T10:00:00+01:00") for d in range(1, 4)],
    )
    targets = parse_targets(
        {
            "targets": [
                {"service": "waste_recycling", "measure": "complaint", "per": "month", "max": 11}
            ]
        }
    )
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"))
    now = datetime(2025, 10, 3, 15, 0, tzinfo=UTC)
    digest = build_digest(engine, reference, scope, targets=targets, now=now)
    assert digest.to_date == date(2025, 10, 3)
    assert [(r.count, r.previous, r.last_year) for r in digest.table] == [(3, 3, 3)]
    ratings = next(s for s in digest.sections if s.name == "targets").data["ratings"]
    assert [(r.value, r.rag) for r in ratings] == [(3, "red")]  # on course for 31, not 3
    assert "on course for 31" in ratings[0].reason
    text = " ".join(DigestRenderer(reference.taxonomy).render(digest).text.split())
    assert "still in progress" in text and "same number of days" in text

    complete = build_digest(
        engine, reference, scope, targets=targets, now=datetime(2025, 11, 1, 9, tzinfo=UTC)
    )
    assert complete.to_date is None
    assert [(r.count, r.previous, r.last_year) for r in complete.table] == [(3, 30, 31)]
