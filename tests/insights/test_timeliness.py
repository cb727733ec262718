"""Timeliness rows: exactly the issue's JSON keys, grouped by the ``--by`` keys."""

from __future__ import annotations

from datetime import datetime

import pytest

from config import ServiceStandard
from insights import (
    TIMELINESS_FIELDS,
    CaseTimeliness,
    InsightError,
    WorkingCalendar,
    case_timeliness,
    timeliness_rows,
)
from insights.workdays import UK_TIME

CALENDAR = WorkingCalendar()
ENQUIRY = ServiceStandard(contact_type="enquiry", acknowledge=3, respond=10)
COMPLIMENT = ServiceStandard(contact_type="compliment", acknowledge=3)
NOW = datetime(2025, 7, 1, 9, tzinfo=UK_TIME)


def case(
    days_to_respond: int | None, standard: ServiceStandard = ENQUIRY, acknowledged: bool = True
) -> CaseTimeliness:
    received = datetime(2025, 5, 1, 10, tzinfo=UK_TIME)  # Thursday
    responded = None
    if days_to_respond is not None:
        day = CALENDAR.add_working_days(received, days_to_respond)
        responded = datetime(day.year, day.month, day.day, 15, tzinfo=UK_TIME)
    return case_timeliness(
        received_at=received,
        acknowledged_at=received if acknowledged else None,
        responded_at=responded,
        closed_at=None,
        standard=standard,
        now=NOW,
        calendar=CALENDAR,
    )


def test_rows_have_the_by_keys_then_exactly_the_issue_keys() -> None:
    cases = [
        (("waste", "web"), case(2)),
        (("waste", "web"), case(10)),
        (("waste", "web"), case(13)),
        (("waste", "web"), case(None)),  # still open, long past its due date
        (("waste", "web"), case(None, COMPLIMENT, acknowledged=False)),  # open, unacknowledged
        (("waste", "web"), case(1, COMPLIMENT)),  # acknowledged only: no response target
        ((None, "email"), case(4)),
        (("parks", "email"), case(5)),
        (("parks", "email"), case(6)),
    ]
    rows = timeliness_rows(["service", "channel"], "2025/26-Q1", cases)
    assert [r.by for r in rows] == [
        {"service": "parks", "channel": "email"},
        {"service": "waste", "channel": "web"},
        {"service": None, "channel": "email"},
    ]
    waste = rows[1].json_row()
    assert list(waste) == ["service", "channel", *TIMELINESS_FIELDS]
    assert waste == {
        "service": "waste",
        "channel": "web",
        "period": "2025/26-Q1",
        "responded": 3,
        "within_target": 2,
        "within_target_pct": 66.7,
        "median_working_days": 10.0,
        "open_overdue": 2,
    }
    assert rows[0].median_working_days == 5.5
    assert rows[0].within_target_pct == 100.0


def test_a_group_with_no_measured_responses_has_no_percentage_or_median() -> None:
    [row] = timeliness_rows(["service"], "2025-06", [(("waste",), case(None))])
    assert (row.responded, row.within_target, row.open_overdue) == (0, 0, 1)
    assert row.within_target_pct is None and row.median_working_days is None


@pytest.mark.parametrize(
    ("by", "key", "message"),
    [
        (["service", "service"], ("a", "b"), "distinct"),
        (["period"], ("a",), "not one of period"),
        (["service"], ("a", "b"), "does not match --by service"),
    ],
)
def test_bad_grouping_is_refused(by: list[str], key: tuple[str, ...], message: str) -> None:
    with pytest.raises(InsightError, match=message):
        timeliness_rows(by, "2025-06", [(key, case(2))])
