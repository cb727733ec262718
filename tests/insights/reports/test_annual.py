"""The annual report: financial-year boundaries by UK date (31 March vs 1 April, across the
clock change), its JSON contract, year-on-year rows, and small-number suppression in the
outputs meant for the public (HTML, CSV) but not in JSON. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from config import ReferenceData, load_service_standards
from contracts import (
    ActionEntry,
    ActionOutcome,
    ActionTheme,
    CaseEvent,
    CaseEventKind,
    Channel,
    LabelSource,
    RatingReceived,
    case_event_id_for,
    contact_id_for,
    parse_period,
)
from insights.digests import DigestError
from insights.reports import (
    COMPLEMENTARY,
    SMALL,
    annual_csv,
    annual_html,
    annual_json,
    annual_report,
    suppress_column,
)
from sinks import SqlContactSink, record_action, store_case_events
from tests.fixtures.contacts import ContactSpec, store_contacts

Row = tuple[str, str, str, str, str | None]  # when, partner, service, type, ward


def store(engine: Engine, rows: list[Row]) -> None:
    categories = {"parking": "illegal_parking", "housing_repairs": "damp_mould"}
    store_contacts(
        engine,
        *(
            ContactSpec(
                str(i),
                when=when,
                partner=partner,
                service=service,
                category=categories.get(service, "grass_verges"),
                contact_type=kind,
                ward=ward,
                text="The grass verge outside the school has not been cut all summer.",
                channel=Channel.email,
                source_system="annual-test",
                label_source=LabelSource.source,
                confidence=1.0,
                model_version=None,
            )
            for i, (when, partner, service, kind, ward) in enumerate(rows)
        ),
    )


BOUNDARIES: list[Row] = [
    # 23:30 on 31 March 2026 in London (BST): still 2025/26
    ("2026-03-31T23:30:00+01:00", "council", "parks_open_spaces", "complaint", "Hale"),
    # 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London: 2026/27
    ("2026-03-31T23:30:00+00:00", "council", "parks_open_spaces", "complaint", "Hale"),
    # 00:10 on 1 April 2025 in London is 23:10 UTC on 31 March: 2025/26
    ("2025-04-01T00:10:00+01:00", "council", "parks_open_spaces", "compliment", "Hale"),
    # 23:59 on 31 March 2025 in London: 2024/25
    ("2025-03-31T23:59:00+01:00", "council", "parks_open_spaces", "complaint", "Hale"),
    # 31 March 2025 00:30 in London during GMT->BST week: 2024/25
    ("2025-03-31T00:30:00+01:00", "police", "parks_open_spaces", "enquiry", None),
]


def test_financial_year_runs_april_to_march_by_uk_date(
    engine: Engine, reference: ReferenceData
) -> None:
    store(engine, BOUNDARIES)
    report = annual_report(engine, reference, parse_period("2025/26"))
    assert report.totals == {"complaint": 1, "compliment": 1, "enquiry": 0, "suggestion": 0}
    assert report.previous_totals == {
        "complaint": 1,
        "compliment": 0,
        "enquiry": 1,
        "suggestion": 0,
    }
    following = annual_report(engine, reference, parse_period("2026/27"))
    assert following.totals["complaint"] == 1 and following.previous_totals["complaint"] == 1
    data = json.loads(annual_json(report))
    assert set(data) == {
        *("year", "from", "to", "totals", "rows", "actions", "timeliness", "satisfaction")
    }
    assert data["actions"] == []  # none recorded
    assert (data["year"], data["from"], data["to"]) == ("2025/26", "2025-04-01", "2026-03-31")
    assert data["rows"] == [
        {
            "partner": "council",
            "partner_name": "Halton Borough Council",
            "service": "parks_open_spaces",
            "service_name": "Parks and open spaces",
            "contact_type": "complaint",
            "count": 1,
            "previous_year_count": 1,
        },
        {
            "partner": "council",
            "partner_name": "Halton Borough Council",
            "service": "parks_open_spaces",
            "service_name": "Parks and open spaces",
            "contact_type": "compliment",
            "count": 1,
            "previous_year_count": 0,
        },
        {
            "partner": "police",
            "partner_name": "Cheshire Constabulary",
            "service": "parks_open_spaces",
            "service_name": "Parks and open spaces",
            "contact_type": "enquiry",
            "count": 0,
            "previous_year_count": 1,
        },
    ]


def test_rows_compare_with_the_year_before_and_rank_categories_and_wards(
    engine: Engine, reference: ReferenceData
) -> None:
    rows: list[Row] = (
        [("2025-06-01T10:00:00+01:00", "council", "parking", "complaint", "Riverside")] * 12
        + [("2024-06-01T10:00:00+01:00", "council", "parking", "complaint", "Riverside")] * 8
        + [("2025-07-01T10:00:00+01:00", "housing_trust", "housing_repairs", "complaint", "Hale")]
        * 6
        + [("2025-07-02T10:00:00+01:00", "council", "parking", "compliment", "Hale")] * 2
    )
    store(engine, rows)
    report = annual_report(engine, reference, parse_period("2025/26"))
    exact = {
        (r.partner, r.service, r.contact_type): (r.count, r.previous_year_count)
        for r in report.rows
    }
    assert exact == {
        ("council", "parking", "complaint"): (12, 8),
        ("council", "parking", "compliment"): (2, 0),
        ("housing_trust", "housing_repairs", "complaint"): (6, 0),
    }
    names = [c.name for c in report.top_categories]
    assert names == ["Obstructive or illegal parking", "Damp and mould"]
    assert report.top_categories[0].detail == "Parking"
    riverside = next(w for w in report.top_wards if w.name == "Riverside")
    assert (riverside.count, riverside.previous_year_count) == (12, 8)
    assert riverside.detail == "2.4"  # per 1,000 of its 5,000 residents

    published = list(csv.DictReader(io.StringIO(annual_csv(report))))
    by_key = {(r["table"], r["partner"], r["service"], r["contact_type"]): r for r in published}
    # The 2 compliments are hidden; published row and grand totals would give them away as
    # 14 - 12, so the complaints beside them are hidden too, and the subtotal of the partner.
    praise = by_key[("partner_service", "Halton Borough Council", "Parking", "compliment")]
    assert (praise["count"], praise["count_published"], praise["change_pct"]) == ("", SMALL, "")
    parking = by_key[("partner_service", "Halton Borough Council", "Parking", "complaint")]
    assert (parking["count"], parking["count_published"]) == ("", COMPLEMENTARY)
    assert (parking["previous_year_count"], parking["previous_year_count_published"]) == ("8", "8")
    council = by_key[("partner_total", "Halton Borough Council", "All services", "complaint")]
    assert council["count_published"] == "[s]" and council["count"] == ""
    repairs = by_key[("partner_service", "Halton Housing Trust", "Housing repairs", "complaint")]
    assert (repairs["count"], repairs["previous_year_count"]) == ("6", "0")
    total = by_key[("total", "All partners", "All services", "all")]
    assert (total["count"], total["previous_year_count"]) == ("20", "8")
    assert total["change_pct"] == "150.0"  # plain numbers a BI tool can sum and compare


def test_html_suppresses_small_numbers_and_json_does_not(
    engine: Engine, reference: ReferenceData
) -> None:
    rows: list[Row] = (
        [("2025-05-01T10:00:00+01:00", "council", "parking", "complaint", "Hale")] * 3
        + [("2025-05-01T10:00:00+01:00", "council", "housing_repairs", "complaint", "Hale")] * 7
        + [("2025-05-01T10:00:00+01:00", "police", "parks_open_spaces", "complaint", "Hale")] * 9
    )
    store(engine, rows)
    report = annual_report(engine, reference, parse_period("2025/26"))
    soup = BeautifulSoup(annual_html(report), "html.parser")
    cells = {
        tuple(cell.get_text(strip=True) for cell in tr.find_all(["th", "td"]))[:3]
        for tr in soup.find_all("tr")
        if tr.find("td")
    }
    assert ("Halton Borough Council", "Parking", SMALL) in cells
    assert ("Halton Borough Council", "Housing repairs", COMPLEMENTARY) in cells  # 19 - 9 - 7
    assert ("Cheshire Constabulary", "Parks and open spaces", "9") in cells
    assert ("Halton Borough Council", "All services", "[s]") in cells  # hides what it adds up
    assert ("All partners", "All services", "19") in cells
    for table in soup.find_all("table"):  # data tables keep their semantics for screen readers
        own_rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        if any(tr.find("th", recursive=False) for tr in own_rows):
            assert table.get("role") is None
            assert table.find("caption", recursive=False) is not None
    assert soup.find(["script", "link"]) is None and soup.find("img") is not None
    assert "Complaints, compliments, enquiries and suggestions 2025/26" in soup.get_text()
    exact = json.loads(annual_json(report))
    assert sorted(r["count"] for r in exact["rows"]) == [3, 7, 9]


def test_only_financial_years_are_accepted(engine: Engine, reference: ReferenceData) -> None:
    with pytest.raises(DigestError, match="not a financial year"):
        annual_report(engine, reference, parse_period("2025/26-Q3"))


@given(st.lists(st.integers(min_value=0, max_value=60), max_size=12))
def test_a_published_column_never_reveals_a_single_hidden_count(counts: list[int]) -> None:
    shown = suppress_column(counts)
    hidden = [i for i, text in enumerate(shown) if text in (SMALL, COMPLEMENTARY)]
    for i, (count, text) in enumerate(zip(counts, shown, strict=True)):
        if 0 < count < 5:
            assert text == SMALL
        elif i not in hidden:
            assert text == f"{count:,}"
    if any(c >= 5 for c in counts):
        assert len(hidden) != 1


A11Y = Path(__file__).resolve().parents[2] / "a11y"  # tests/a11y


def axe_violations(html: str, tmp_path: Path) -> list[dict[str, object]]:
    """axe-core's violations for a page, in Debian's headless Chromium (make test installs both)."""
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    run = subprocess.run(
        ["node", str(A11Y / "axe_check.mjs"), str(page)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, f"the accessibility check did not run: {run.stderr[-2000:]}"
    violations: list[dict[str, object]] = json.loads(run.stdout)["violations"]
    return violations


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_the_published_annual_report_passes_axe_with_no_serious_violations(
    engine: Engine, reference: ReferenceData, tmp_path: Path
) -> None:
    rows: list[Row] = (
        [("2025-06-01T10:00:00+01:00", "council", "parking", "complaint", "Riverside")] * 12
        + [("2024-06-01T10:00:00+01:00", "council", "parking", "complaint", "Riverside")] * 8
        + [("2023-06-01T10:00:00+01:00", "council", "parking", "complaint", "Hale")] * 5
        + [("2025-07-01T10:00:00+01:00", "housing_trust", "housing_repairs", "complaint", "Hale")]
        * 6
        + [("2025-07-02T10:00:00+01:00", "council", "parking", "compliment", "Hale")] * 2
    )
    store(engine, rows)
    theme = ActionTheme(service="parking", category="illegal_parking", ward="Riverside")
    done = "Double yellow lines on Mill Lane; problems to Mrs Jo Bloggs on 07700 900123."
    record_action(engine, ActionEntry(theme=theme, outcome=ActionOutcome.done, summary=done,
                                      taken_on=date(2025, 9, 1)))  # fmt: skip
    respond_and_rate(engine, rows, [4, 2, 5, None] * (len(rows) // 4) + [5] * (len(rows) % 4))
    standards = load_service_standards(Path(__file__).resolve().parents[3] / "config", reference)
    report = annual_report(engine, reference, parse_period("2025/26"), standards=standards)
    html = annual_html(report)
    assert "<table" in html and "<img" in html  # the page under test has its tables and chart
    assert "How quickly we responded" in html and "Satisfaction with our responses" in html
    assert "You said, we did" in html and "Double yellow lines on Mill Lane" in html
    assert "07700" not in html and "Jo Bloggs" not in html  # public: personal data removed
    [action] = json.loads(annual_json(report))["actions"]
    assert (action["contacts"], action["ward"]) == (20, "Riverside")  # both years: no period
    violations = axe_violations(html, tmp_path)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(serious, indent=2)
    assert not violations, json.dumps(violations, indent=2)  # moderate ones (landmarks) too


def test_the_accessibility_check_reports_what_it_finds(tmp_path: Path) -> None:
    """The check itself can fail: an image without alt text and unlabelled input are caught."""
    page = (
        '<html lang="en"><title>x</title><body><main><img src="data:,"><input></main></body></html>'
    )
    found = {str(v["id"]) for v in axe_violations(page, tmp_path)}
    assert {"image-alt", "label"} <= found


def respond_and_rate(engine: Engine, rows: list[Row], scores: list[int | None]) -> None:
    """Each stored contact (same refs as ``store``) responded to 3 days after it came in, and
    rated with its score in ``scores`` (None: not rated)."""
    events, sink = [], SqlContactSink(engine)
    for i, (when, *_rest) in enumerate(rows):
        contact_id = contact_id_for("annual-test", str(i))
        responded = datetime.fromisoformat(when) + timedelta(days=3)
        events.append(
            CaseEvent(
                event_id=case_event_id_for(contact_id, CaseEventKind.responded, responded),
                contact_id=contact_id,
                kind=CaseEventKind.responded,
                occurred_at=responded,
            )
        )
        if scores[i] is not None:
            sink.add_rating(
                RatingReceived(
                    rating_id=uuid.uuid4(),
                    contact_id=contact_id,
                    rated_at=responded + timedelta(days=1),
                    score=int(scores[i] or 0),
                )
            )
    store_case_events(engine, events)
    sink.flush()


def test_the_year_shows_timeliness_and_satisfaction_by_partner_and_service(
    engine: Engine, reference: ReferenceData
) -> None:
    rows: list[Row] = [
        ("2025-06-02T10:00:00+01:00", "council", "parking", "complaint", "Hale")
    ] * 12 + [("2025-06-02T10:00:00+01:00", "police", "parking", "complaint", "Hale")] * 3
    store(engine, rows)
    council: list[int | None] = [5, 5, 4, 4, 4, 2, 1, 5, 5, 4, None, None]
    respond_and_rate(engine, rows, [*council, 5, 5, 1])
    standards = load_service_standards(Path(__file__).resolve().parents[3] / "config", reference)
    report = annual_report(engine, reference, parse_period("2025/26"), standards=standards)
    data = json.loads(annual_json(report))
    quality = {(r["partner"], r["service"]): r for r in data["timeliness"]}
    council = quality[("council", "parking")]
    assert (council["responded"], council["open_overdue"]) == (12, 0)
    assert council["median_working_days"] == 3.0 and council["period"] == "2025/26"
    [rated] = [r for r in data["satisfaction"] if r["partner"] == "council"]
    assert (rated["ratings"], rated["satisfied"], rated["satisfied_pct"]) == (10, 8, 80.0)
    assert rated["satisfied_ci"][0] < 80.0 < rated["satisfied_ci"][1]

    soup = BeautifulSoup(annual_html(report), "html.parser")
    cells = {
        tuple(cell.get_text(strip=True) for cell in tr.find_all(["th", "td"]))
        for tr in soup.find_all("tr")
        if tr.find("td")
    }
    assert ("Halton Borough Council", "Parking", "10", "80%") in {c[:4] for c in cells}
    police = [c for c in cells if c[0] == "Cheshire Constabulary" and len(c) == 6]
    assert police and all(c[2] == SMALL and "not shown" in c for c in police)  # 3 of them
