"""Direction of travel with polarity, and red/amber/green against targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import ReferenceData
from insights.analysis import (
    AnalysisError,
    Polarity,
    Rag,
    Target,
    Travel,
    direction_of_travel,
    load_targets,
    parse_targets,
    polarity_of,
    rag_status,
    target_for,
)

CONFIG = Path(__file__).resolve().parents[3] / "config"


@pytest.mark.parametrize(
    ("measure", "now", "then", "travel"),
    [
        ("complaint", 40, 30, Travel.worse),  # more complaints is worse
        ("complaint", 20, 30, Travel.better),
        ("compliment", 40, 30, Travel.better),  # more compliments is better
        ("compliment", 20, 30, Travel.worse),
        ("satisfaction", 4.2, 3.9, Travel.better),
        ("satisfaction", 3.5, 3.9, Travel.worse),
        ("enquiry", 40, 30, Travel.up),  # neither good nor bad
        ("suggestion", 20, 30, Travel.down),
        ("complaint", 101, 100, Travel.same),  # within 5%
        ("complaint", 0, 0, Travel.same),
        ("complaint", 3, 0, Travel.worse),
        ("complaint", 3, None, Travel.not_comparable),
    ],
)
def test_direction_of_travel(measure: str, now: float, then: float | None, travel: Travel) -> None:
    assert direction_of_travel(measure, now, then) == travel


def test_polarity_of_measures() -> None:
    assert polarity_of("complaint") == Polarity.lower_is_better
    assert polarity_of("compliment") == Polarity.higher_is_better
    assert polarity_of("satisfaction") == Polarity.higher_is_better
    assert polarity_of("enquiry") == Polarity.neutral
    assert polarity_of(None) == Polarity.neutral


def test_rag_against_a_maximum() -> None:
    target = Target("waste_recycling", "complaint", "quarter", 100, "max")
    assert rag_status(95, target) == Rag.green
    assert rag_status(100, target) == Rag.green
    assert rag_status(108, target) == Rag.amber  # missed by less than 10%
    assert rag_status(115, target) == Rag.red
    # two months into the quarter, 70 complaints are on course for 105: amber
    assert rag_status(70, target, elapsed=2 / 3) == Rag.amber


def test_rag_against_a_minimum() -> None:
    target = Target("customer_service", "satisfaction", "month", 4.0, "min", amber_margin=0.05)
    assert rag_status(4.1, target) == Rag.green
    assert rag_status(3.85, target) == Rag.amber
    assert rag_status(3.7, target) == Rag.red
    assert rag_status(3.85, target, elapsed=0.5) == Rag.amber  # a mean is not projected
    with pytest.raises(ValueError):
        rag_status(1, target, elapsed=0)


def test_shipped_targets_parse_and_name_real_services(reference: ReferenceData) -> None:
    targets = load_targets(CONFIG / "targets.yaml")
    assert targets
    assert {t.service for t in targets} <= set(reference.taxonomy.service_ids)
    found = target_for(targets, "waste_recycling", "complaint", "quarter")
    assert found is not None and found.bound == "max"
    assert target_for(targets, "waste_recycling", "complaint", "week") is None
    assert load_targets(CONFIG / "no-such-file.yaml") == ()


@pytest.mark.parametrize(
    "entry",
    [
        {"service": "x", "measure": "complaint", "per": "month"},  # no limit
        {"service": "x", "measure": "complaint", "per": "month", "max": 1, "min": 0},
        {"service": "x", "measure": "moods", "per": "month", "max": 1},
        {"service": "x", "measure": "complaint", "per": "fortnight", "max": 1},
        {"service": "x", "measure": "complaint", "per": "month", "max": "lots"},
        {"service": "x", "measure": "complaint", "per": "month", "max": 1, "colour": "red"},
    ],
)
def test_bad_targets_are_refused(entry: dict[str, object]) -> None:
    with pytest.raises(AnalysisError):
        parse_targets({"targets": [entry]})
