"""Reading the service standards file: the shipped defaults, and clear refusals of bad ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import (
    ReferenceDataError,
    ServiceStandards,
    load_reference_data,
    load_service_standards,
    parse_service_standards,
)
from contracts import ContactType

CONFIG = Path(__file__).resolve().parents[2] / "config"


def test_the_shipped_standards_are_the_issue_defaults() -> None:
    standards = load_service_standards(CONFIG, load_reference_data(CONFIG))
    by_scope = {(s.contact_type, s.stage): (s.acknowledge, s.respond) for s in standards.standards}
    assert by_scope[(ContactType.complaint, 1)] == (3, 10)
    assert by_scope[(ContactType.complaint, 2)] == (3, 20)
    assert by_scope[(ContactType.complaint, None)] == (3, 10)
    assert by_scope[(ContactType.enquiry, None)] == (3, 10)
    assert by_scope[(ContactType.compliment, None)] == (3, None)
    assert by_scope[(ContactType.suggestion, None)] == (3, None)
    assert standards.satisfied_scores == (4, 5)


def test_an_absent_file_sets_no_standards(tmp_path: Path) -> None:
    assert load_service_standards(tmp_path) == ServiceStandards()


def test_satisfied_scores_are_configurable_and_normalised() -> None:
    standards = parse_service_standards({"satisfied_scores": [5, 3, 4, 4]}, "test")
    assert standards.satisfied_scores == (3, 4, 5)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"standards": [{"contact_type": "complaint", "respond": -1}]}, "greater than or equal"),
        ({"standards": [{"contact_type": "grumble", "respond": 10}]}, "contact_type"),
        ({"standards": [{"contact_type": "complaint", "reply": 10}]}, "reply"),
        ({"satisfied_scores": []}, "at least one score"),
        ({"satisfied_scores": [6]}, "less than or equal"),
        (
            {"standards": [{"contact_type": "enquiry", "respond": 10}] * 2},
            "standard 2 \\(contact_type=enquiry\\): same scope as standard 1",
        ),
    ],
)
def test_bad_standards_are_refused_with_the_reason(data: object, message: str) -> None:
    with pytest.raises(ReferenceDataError, match=message):
        parse_service_standards(data, "standards.yaml")


def test_partner_and_service_ids_are_checked_against_reference_data() -> None:
    reference = load_reference_data(CONFIG)
    good = {"standards": [{"partner": "housing_trust", "service": "housing_repairs"}]}
    assert parse_service_standards(good, "test", reference).standards[0].partner == "housing_trust"
    with pytest.raises(ReferenceDataError, match="unknown partner id; known: council"):
        parse_service_standards({"standards": [{"partner": "hht"}]}, "test", reference)
    with pytest.raises(ReferenceDataError, match="unknown service id"):
        parse_service_standards({"standards": [{"service": "bins"}]}, "test", reference)


def test_a_file_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    (tmp_path / "standards.yaml").write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="expected a mapping"):
        load_service_standards(tmp_path)
