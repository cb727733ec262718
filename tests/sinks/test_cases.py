"""The case lifecycle in the database (SQLite and PostgreSQL): events in any order and twice
give the same case; a changed rating is recorded as a change of mind; a dissatisfied rating
opens exactly one follow-up whatever the deliveries."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select

from config import FollowUpRule
from contracts import (
    CaseEvent,
    CaseEventKind,
    CaseOutcome,
    FollowUpStatus,
    RatingReceived,
    case_event_id_for,
    rating_id_for,
)
from sinks import (
    SqlContactSink,
    UnknownFollowUpError,
    follow_ups,
    ratings_between,
    store_case_events,
    update_follow_up,
)
from sinks.db.case_tables import CaseStateRow, FollowUpRow, RatingRevisionRow
from tests.sinks.test_sql import classify, make_contact, store

CONTACT = uuid.UUID("7f1d0c3e-2f4b-4c55-9a1e-1b2c3d4e5f60")


def event(
    kind: CaseEventKind,
    when: str,
    stage: int | None = None,
    outcome: CaseOutcome | None = None,
    contact_id: uuid.UUID = CONTACT,
) -> CaseEvent:
    at = datetime.fromisoformat(when)
    return CaseEvent(
        event_id=case_event_id_for(contact_id, kind, at, stage),
        contact_id=contact_id,
        kind=kind,
        occurred_at=at,
        stage=stage,
        outcome=outcome,
    )


LIFECYCLE = [
    event(CaseEventKind.acknowledged, "2025-10-15T10:00:00+01:00"),
    event(CaseEventKind.responded, "2025-10-20T10:00:00+01:00", 1, CaseOutcome.not_upheld),
    event(CaseEventKind.escalated, "2025-10-22T10:00:00+01:00", 2),
    event(CaseEventKind.responded, "2025-11-10T10:00:00+00:00", 2, CaseOutcome.partly_upheld),
    event(CaseEventKind.closed, "2025-11-11T10:00:00+00:00", 2),
]


def state(engine: Engine) -> dict[str, object]:
    with engine.connect() as c:
        table = CaseStateRow.__table__
        row = c.execute(select(table).where(table.c.contact_id == CONTACT)).one()
    out = dict(row._mapping)
    for key, value in out.items():  # SQLite hands back naive UTC datetimes
        if isinstance(value, datetime) and value.tzinfo is None:
            out[key] = value.replace(tzinfo=UTC)
    return out


def test_case_state_is_what_the_events_say(engine: Engine) -> None:
    store_case_events(engine, LIFECYCLE)
    got = state(engine)
    assert got["acknowledged_at"] == datetime(2025, 10, 15, 9, tzinfo=UTC)
    assert got["responded_at"] == datetime(2025, 10, 20, 9, tzinfo=UTC)
    assert got["stage"] == 2
    assert got["escalated_at"] == datetime(2025, 10, 22, 9, tzinfo=UTC)
    assert got["stage_responded_at"] == datetime(2025, 11, 10, 10, tzinfo=UTC)
    assert got["closed_at"] == datetime(2025, 11, 11, 10, tzinfo=UTC)
    assert got["outcome"] == "partly_upheld"  # the stage 2 outcome, not stage 1's
    assert got["events"] == 5


@pytest.mark.parametrize("order", [1, 7, 42, 99])
def test_same_state_in_any_order_and_when_delivered_twice(engine: Engine, order: int) -> None:
    store_case_events(engine, LIFECYCLE)
    expected = state(engine)
    with engine.begin() as c:
        c.execute(CaseStateRow.__table__.delete())
    from sinks.db.case_tables import CaseEventRow

    with engine.begin() as c:
        c.execute(CaseEventRow.__table__.delete())
    shuffled = list(itertools.permutations(LIFECYCLE))[order]
    for start in range(0, len(shuffled), 2):  # batches of two, each delivered twice
        store_case_events(engine, shuffled[start : start + 2])
        store_case_events(engine, shuffled[start : start + 2])
    store_case_events(engine, shuffled[:1])  # and one event a third time, alone
    assert state(engine) == expected


def test_events_for_an_unknown_contact_wait_for_it(engine: Engine) -> None:
    from sinks import cases_received_between

    contact = make_contact("lifecycle-late")
    store_case_events(
        engine,
        [event(CaseEventKind.responded, "2025-10-16T10:00:00+01:00", 1, None, contact.contact_id)],
    )
    window = (datetime(2025, 10, 1, tzinfo=UTC), datetime(2025, 11, 1, tzinfo=UTC))
    assert cases_received_between(engine, *window) == []
    store(engine, (contact, classify(contact)))
    (case,) = cases_received_between(engine, *window)
    assert case.responded_at == datetime(2025, 10, 16, 9, tzinfo=UTC)


def rating(score: int, when: str, requested: bool = False) -> RatingReceived:
    return RatingReceived(
        rating_id=rating_id_for(CONTACT, "link"),
        contact_id=CONTACT,
        rated_at=datetime.fromisoformat(when),
        score=score,
        follow_up_requested=requested,
    )


def count(engine: Engine, table: object) -> int:
    with engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


@pytest.mark.parametrize("order", ["in order", "reversed", "same batch", "twice"])
def test_a_second_rating_replaces_the_first_and_one_follow_up_opens(
    engine: Engine, order: str
) -> None:
    first = rating(1, "2025-10-20T10:00:00+00:00")
    second = rating(4, "2025-10-21T10:00:00+00:00")
    sink = SqlContactSink(engine, FollowUpRule())
    batches = {
        "in order": [[first], [second]],
        "reversed": [[second], [first]],
        "same batch": [[second, first]],
        "twice": [[first], [second], [first, second], [second]],
    }[order]
    for batch in batches:
        for r in batch:
            sink.add_rating(r)
        sink.flush()
    window = (datetime(2025, 10, 1, tzinfo=UTC), datetime(2025, 11, 1, tzinfo=UTC))
    (stored,) = ratings_between(engine, *window)
    assert (stored.score, stored.versions) == (4, 2)  # the later opinion; a change of mind
    assert count(engine, RatingRevisionRow) == 2
    assert count(engine, FollowUpRow) == 1
    (follow_up,) = follow_ups(engine)
    assert follow_up.opened_at == first.rated_at
    assert (follow_up.reason, follow_up.status) == ("score 1", "open")


def test_follow_up_rule_is_configurable(engine: Engine) -> None:
    sink = SqlContactSink(engine, FollowUpRule(scores=(1,), when_requested=False))
    for r in (rating(2, "2025-10-20T10:00:00+00:00", requested=True),):
        sink.add_rating(r)
    sink.flush()
    assert count(engine, FollowUpRow) == 0
    sink = SqlContactSink(engine, FollowUpRule(scores=(1,), when_requested=True))
    sink.add_rating(rating(3, "2025-10-22T10:00:00+00:00", requested=True))
    sink.flush()
    (follow_up,) = follow_ups(engine)
    assert follow_up.reason == "follow-up requested"


def test_updating_a_follow_up_records_the_change(engine: Engine) -> None:
    sink = SqlContactSink(engine)
    sink.add_rating(rating(1, "2025-10-20T10:00:00+00:00"))
    sink.flush()
    (opened,) = follow_ups(engine)
    now = datetime(2025, 10, 21, 12, tzinfo=UTC)
    updated = update_follow_up(
        engine,
        opened.followup_id,
        FollowUpStatus.contacted,
        note="rang back",
        owner="waste team",
        now=now,
    )
    assert (updated.status, updated.status_reason, updated.owner) == (
        "contacted",
        "rang back",
        "waste team",
    )
    sink.add_rating(rating(1, "2025-10-20T10:00:00+00:00"))  # redelivered: status kept
    sink.flush()
    assert follow_ups(engine)[0].status == "contacted"
    with pytest.raises(UnknownFollowUpError, match="no follow-up"):
        update_follow_up(
            engine, uuid.uuid4(), FollowUpStatus.resolved, note=None, owner=None, now=now
        )
