"""Timeliness and satisfaction tables for a period, from typed rows (no database): stage 2
measured from the escalation, the exact JSON keys, follow-ups overdue after their due date
with the clock injected."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from config import FollowUpRule, ServiceStandard, ServiceStandards
from contracts import FollowUpStatus, parse_period
from insights import (
    FOLLOW_UP_FIELDS,
    SATISFACTION_FIELDS,
    TIMELINESS_FIELDS,
    WorkingCalendar,
    follow_up_views,
    satisfaction_table,
    timeliness_table,
)
from sinks import CaseRecord, FollowUpRecord, RatedContact

STANDARDS = ServiceStandards(
    standards=(
        ServiceStandard(contact_type="complaint", stage=1, acknowledge=3, respond=10),
        ServiceStandard(contact_type="complaint", stage=2, acknowledge=3, respond=20),
        ServiceStandard(contact_type="enquiry", acknowledge=3, respond=10),
    )
)
CALENDAR = WorkingCalendar()
Q3 = parse_period("2025/26-Q3")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def case(**changes: object) -> CaseRecord:
    fields: dict[str, object] = {
        "contact_id": uuid.uuid4(),
        "received_at": at("2025-10-06T09:00:00+01:00"),  # a Monday
        "partner": "council",
        "service": "waste",
        "category": "missed_collection",
        "contact_type": "complaint",
        "ward": "Ditton",
        "acknowledged_at": None,
        "responded_at": None,
        "closed_at": None,
        "stage": 1,
        "escalated_at": None,
        "stage_responded_at": None,
        "outcome": None,
    }
    fields.update(changes)
    return CaseRecord(**fields)  # type: ignore[arg-type]


def test_timeliness_counts_stage_two_from_the_escalation() -> None:
    on_time = case(responded_at=at("2025-10-17T12:00:00+01:00"))  # 9 working days
    late = case(responded_at=at("2025-10-21T12:00:00+01:00"))  # 11 working days
    escalated = case(
        responded_at=at("2025-10-10T12:00:00+01:00"),  # 4 working days
        stage=2,
        escalated_at=at("2025-10-13T09:00:00+01:00"),
        stage_responded_at=at("2025-11-07T12:00:00+00:00"),  # 19 working days after escalation
    )
    still_open = case()  # nothing since 6 October: overdue by 1 December
    rows, problems = timeliness_table(
        [on_time, late, escalated, still_open],
        ["service", "stage"],
        Q3,
        STANDARDS,
        CALENDAR,
        now=at("2025-12-01T09:00:00+00:00"),
    )
    assert problems == []
    stage_1, stage_2 = (r.json_row() for r in rows)
    assert list(stage_1) == ["service", "stage", *TIMELINESS_FIELDS]
    assert stage_1 == {
        "service": "waste",
        "stage": "1",
        "period": "2025/26-Q3",
        "responded": 3,
        "within_target": 2,
        "within_target_pct": 66.7,
        "median_working_days": 9.0,
        "open_overdue": 1,
    }
    assert (stage_2["responded"], stage_2["within_target"], stage_2["median_working_days"]) == (
        1,
        1,
        19.0,
    )


def test_a_contact_with_impossible_dates_is_reported_not_counted() -> None:
    bad = case(responded_at=at("2025-10-01T09:00:00+01:00"))  # before it was received
    rows, problems = timeliness_table(
        [bad, case(responded_at=at("2025-10-07T09:00:00+01:00"))],
        ["service"],
        Q3,
        STANDARDS,
        CALENDAR,
        now=at("2025-12-01T09:00:00+00:00"),
    )
    assert [p.contact_id for p in problems] == [str(bad.contact_id)]
    assert "before received" in problems[0].reason
    assert rows[0].responded == 1


def rated(
    score: int, service: str = "waste", when: str = "2025-10-20T10:00:00+01:00"
) -> RatedContact:
    return RatedContact(
        rating_id=uuid.uuid4(),
        contact_id=uuid.uuid4(),
        rated_at=at(when),
        score=score,
        follow_up_requested=False,
        partner="council",
        service=service,
        category="missed_collection",
        contact_type="complaint",
        ward="Ditton",
        versions=1,
    )


def test_satisfaction_rows_have_the_issue_keys_and_judge_direction_on_intervals() -> None:
    now = [rated(5)] * 40 + [rated(1)] * 10  # 80% satisfied
    before = [rated(5)] * 20 + [rated(2)] * 30  # 40% satisfied
    responded = [case(responded_at=at("2025-10-10T12:00:00+01:00"))] * 100
    (row,) = satisfaction_table(now, before, responded, ["service"], Q3, (4, 5))
    got = row.json_row()
    assert list(got) == ["service", *SATISFACTION_FIELDS]
    assert got["ratings"] == 50 and got["satisfied"] == 40 and got["satisfied_pct"] == 80.0
    assert got["satisfied_ci"] == [67.0, 88.8]  # Wilson 95% for 40/50: 0.6696 to 0.8876
    assert got["mean_score"] == 4.2
    assert got["response_rate"] == 0.5
    assert got["previous_satisfied_pct"] == 40.0
    assert got["direction"] == "better"
    (same,) = satisfaction_table(now[:5], before[:5], [], ["service"], Q3, (4, 5))
    assert same.json_row()["direction"] == "no significant change"


def follow_up(status: str = "open") -> FollowUpRecord:
    opened = at("2025-12-19T15:00:00+00:00")  # Friday before Christmas
    return FollowUpRecord(
        followup_id=uuid.uuid4(),
        rating_id=uuid.uuid4(),
        contact_id=uuid.uuid4(),
        service="waste",
        partner="council",
        opened_at=opened,
        reason="score 1",
        status=status,
        status_reason=None,
        owner=None,
        updated_at=opened,
    )


def test_follow_up_is_due_in_working_days_and_overdue_only_after_that() -> None:
    rule = FollowUpRule(due_working_days=5)
    # 22, 23, 24, 29, 30 December (25, 26 are bank holidays): due on the 30th.
    on_due_day = follow_up_views([follow_up()], rule, CALENDAR, at("2025-12-30T17:00:00+00:00"))
    assert (on_due_day[0].due, on_due_day[0].overdue) == ("2025-12-30", False)
    next_day = at("2025-12-31T09:00:00+00:00")
    (late,) = follow_up_views([follow_up()], rule, CALENDAR, next_day, overdue_only=True)
    assert late.overdue and set(FOLLOW_UP_FIELDS) <= set(late.json_row())
    finished = follow_up(FollowUpStatus.resolved.value)
    assert follow_up_views([finished], rule, CALENDAR, next_day, overdue_only=True) == []
