"""Matching a contact to its service standard, and measuring it against the standard."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from config import ServiceStandard, ServiceStandards, load_service_standards
from insights import CaseDataError, CaseTimeliness, WorkingCalendar, case_timeliness, standard_for
from insights.workdays import UK_TIME

CONFIG = Path(__file__).resolve().parents[2] / "config"
CALENDAR = WorkingCalendar()
COMPLAINT_1 = ServiceStandard(contact_type="complaint", stage=1, acknowledge=3, respond=10)


def uk(year: int, month: int, day: int, hour: int) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UK_TIME)


STANDARDS = ServiceStandards(
    standards=(
        ServiceStandard(contact_type="complaint", acknowledge=3, respond=10),
        COMPLAINT_1,
        ServiceStandard(contact_type="complaint", stage=2, acknowledge=3, respond=20),
        ServiceStandard(service="housing_repairs", contact_type="complaint", respond=15),
        ServiceStandard(partner="housing_trust", contact_type="complaint", acknowledge=5),
        ServiceStandard(
            partner="housing_trust",
            service="housing_repairs",
            contact_type="complaint",
            stage=2,
            respond=25,
        ),
        ServiceStandard(acknowledge=5),
    )
)


@pytest.mark.parametrize(
    ("partner", "service", "contact_type", "stage", "expected"),
    [
        ("council", "waste_recycling", "complaint", 1, COMPLAINT_1),
        ("council", "waste_recycling", "complaint", None, STANDARDS.standards[0]),
        ("council", "waste_recycling", "complaint", 2, STANDARDS.standards[2]),
        # the service outranks the stage
        ("council", "housing_repairs", "complaint", 2, STANDARDS.standards[3]),
        # the partner outranks the service
        ("housing_trust", "housing_repairs", "complaint", 1, STANDARDS.standards[4]),
        # partner + service + type + stage beats everything
        ("housing_trust", "housing_repairs", "complaint", 2, STANDARDS.standards[5]),
        # only the catch-all matches
        ("council", "parking", "enquiry", None, STANDARDS.standards[6]),
    ],
)
def test_the_most_specific_standard_wins(
    partner: str,
    service: str,
    contact_type: str,
    stage: int | None,
    expected: ServiceStandard,
) -> None:
    found = standard_for(
        STANDARDS, partner=partner, service=service, contact_type=contact_type, stage=stage
    )
    assert found == expected


def test_no_standard_matches_when_none_applies() -> None:
    shipped = load_service_standards(CONFIG)
    assert standard_for(shipped, partner=None, service=None, contact_type=None) is None
    compliment = standard_for(shipped, partner="council", service=None, contact_type="compliment")
    assert compliment is not None and (compliment.acknowledge, compliment.respond) == (3, None)


def measure(**kwargs: object) -> CaseTimeliness:
    arguments: dict[str, object] = {
        "received_at": uk(2022, 12, 23, 10),  # Friday before Christmas 2022
        "acknowledged_at": None,
        "responded_at": None,
        "closed_at": None,
        "standard": COMPLAINT_1,
        "now": uk(2023, 2, 1, 9),
        "calendar": CALENDAR,
        "ref": "C-1",
    }
    arguments.update(kwargs)
    return case_timeliness(**arguments)  # type: ignore[arg-type]


def test_a_complaint_answered_in_time_across_christmas() -> None:
    case = measure(acknowledged_at=uk(2022, 12, 30, 11), responded_at=uk(2023, 1, 9, 15))
    assert case.clock_start == date(2022, 12, 23)
    assert case.acknowledge_due == date(2022, 12, 30)
    assert case.respond_due == date(2023, 1, 11)
    assert case.acknowledge_working_days == 3
    assert case.respond_working_days == 8
    assert case.acknowledged_within_target is True
    assert case.responded_within_target is True
    assert not case.open and not case.overdue and not case.open_overdue


def test_a_late_response_is_overdue_but_not_open() -> None:
    case = measure(acknowledged_at=uk(2022, 12, 28, 9), responded_at=uk(2023, 1, 12, 9))
    assert case.respond_working_days == 11
    assert case.responded_within_target is False
    assert case.overdue and not case.open_overdue


def test_a_quick_full_response_also_acknowledges() -> None:
    case = measure(responded_at=uk(2022, 12, 28, 9))
    assert case.acknowledge_working_days == 1
    assert case.acknowledged_within_target is True


@pytest.mark.parametrize(
    ("now", "open_overdue"),
    [
        (uk(2022, 12, 30, 17), False),  # acknowledgement due today: not yet late
        (uk(2023, 1, 3, 9), True),  # not acknowledged by its due date
    ],
)
def test_an_unacknowledged_open_case_becomes_overdue_after_its_due_date(
    now: datetime, open_overdue: bool
) -> None:
    case = measure(now=now)
    assert case.open
    assert case.open_overdue is open_overdue


@pytest.mark.parametrize(
    ("now", "open_overdue"),
    [(uk(2023, 1, 11, 17), False), (uk(2023, 1, 12, 9), True)],
)
def test_an_acknowledged_open_case_becomes_overdue_after_its_response_due_date(
    now: datetime, open_overdue: bool
) -> None:
    case = measure(acknowledged_at=uk(2022, 12, 28, 9), now=now)
    assert case.acknowledged_within_target is True
    assert case.responded_within_target is None
    assert case.open_overdue is open_overdue


def test_a_case_closed_without_a_response_is_not_open() -> None:
    case = measure(acknowledged_at=uk(2022, 12, 28, 9), closed_at=uk(2023, 1, 20, 9))
    assert not case.open and not case.open_overdue
    assert case.responded_within_target is None


def test_without_a_standard_only_working_days_are_counted() -> None:
    case = measure(standard=None, responded_at=uk(2023, 1, 4, 9))
    assert case.respond_working_days == 5
    assert case.respond_due is None and case.responded_within_target is None
    assert not case.overdue


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"responded_at": uk(2022, 12, 22, 9)}, "contact C-1: responded at .* before received"),
        ({"now": uk(2022, 12, 1, 9)}, "contact C-1: now at .* before received"),
        ({"closed_at": datetime(2023, 1, 2, 9)}, "contact C-1: closed at .* no time zone"),
    ],
)
def test_impossible_dates_are_refused_naming_the_contact(
    kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(CaseDataError, match=message):
        measure(**kwargs)
