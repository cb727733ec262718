"""The three-year CRM export: determinism, about 40 case types, 10% misfiled, and drift
(codes added, new topics, the app channel) placed in time."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from config import Taxonomy, load_taxonomy
from samples import CRM_HEADER, CrmCase, crm_csv, generate_crm
from samples.crm_drift import APP_LAUNCH, CASE_TYPES, NEW_TOPICS, RECODED
from samples.crm_export import CRM_END, CRM_START

REPO = Path(__file__).resolve().parents[2]
ROWS = 3_000


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(REPO / "config")


@pytest.fixture(scope="module")
def cases(taxonomy: Taxonomy) -> list[CrmCase]:
    return generate_crm(taxonomy, rows=ROWS)


def test_one_seed_one_export_and_another_seed_another(
    taxonomy: Taxonomy, cases: list[CrmCase]
) -> None:
    assert generate_crm(taxonomy, rows=ROWS) == cases
    assert generate_crm(taxonomy, seed=1, rows=200) != generate_crm(taxonomy, seed=2, rows=200)


def test_three_years_oldest_first_and_busier_each_year(cases: list[CrmCase]) -> None:
    days = [c.logged.date() for c in cases]
    assert days == sorted(days)
    assert CRM_START <= days[0] < date(2023, 5, 1) and date(2026, 3, 1) <= days[-1] <= CRM_END
    per_year = Counter((d - CRM_START).days // 366 for d in days)
    assert per_year[0] < per_year[1] < per_year[2]


def test_about_40_case_types_and_10_percent_misfiled(taxonomy: Taxonomy) -> None:
    cases = generate_crm(taxonomy, rows=8_000)
    defined = set(CASE_TYPES) | {t for _, _, t in RECODED} | {t for _, _, t, _ in NEW_TOPICS}
    seen = Counter(c.case_type for c in cases)
    assert set(seen) <= defined and 38 <= len(seen) <= 46
    assert sum(c.case_type != c.true_case_type for c in cases) == round(0.1 * len(cases))
    assert max(seen.values()) / min(seen.values()) >= 50


def test_drift_comes_when_it_should(cases: list[CrmCase]) -> None:
    def first(case_type: str) -> date:
        return min(c.logged.date() for c in cases if c.true_case_type == case_type)

    for start, _, case_type in RECODED:
        assert first(case_type) >= start
    for start, _, case_type, _ in NEW_TOPICS:
        assert first(case_type) >= start
    app = [c.logged.date() for c in cases if c.channel == "App"]
    assert app and min(app) >= APP_LAUNCH
    late = [c.description for c in cases if c.logged.date() >= date(2025, 4, 1)]
    early = [c.description for c in cases if c.logged.date() < date(2024, 3, 1)]
    assert any("customer portal" in t for t in late)
    assert not any("customer portal" in t for t in early)


def test_the_csv_has_uk_dates_and_reads_back(cases: list[CrmCase]) -> None:
    read = list(csv.DictReader(io.StringIO(crm_csv(cases), newline="")))
    assert tuple(read[0]) == CRM_HEADER and len(read) == len(cases)
    for row, case in zip(read, cases, strict=True):
        assert datetime.strptime(row["Date Logged"], "%d/%m/%Y %H:%M") == case.logged
        assert row["Description"] == case.description
