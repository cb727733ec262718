"""The case lifecycle through the real path: publisher -> real broker -> the worker process
-> the database -> ``civicpulse timeliness | satisfaction | followups``. Case events and
ratings arrive before their contacts, out of order and twice, and the stored state (and so
every table) is the same as when they arrive once, in order."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app as cli_app
from config import Settings
from contracts import (
    CaseEvent,
    CaseEventKind,
    CaseOutcome,
    Channel,
    ContactReceived,
    ContactType,
    RatingReceived,
    case_event_id_for,
    contact_id_for,
    rating_id_for,
)
from ingest import KafkaPublisher, publish_case_events, publish_contacts, publish_ratings
from tests.e2e.conftest import Pipeline

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def contact(ward: str, ref: str) -> ContactReceived:
    return ContactReceived(
        contact_id=contact_id_for("lifecycle-e2e", f"{ward}:{ref}"),
        received_at=at("2024-03-04T09:00:00+00:00"),  # a Monday
        channel=Channel.crm_export,
        source_system="lifecycle-e2e",
        source_ref=f"{ward}:{ref}",
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category="missed_collection",
        text="The bins on our street were missed again this week",
        ward=ward,
    )


def step(
    c: ContactReceived,
    kind: CaseEventKind,
    when: str,
    stage: int | None = None,
    outcome: CaseOutcome | None = None,
) -> CaseEvent:
    moment = at(when)
    return CaseEvent(
        event_id=case_event_id_for(c.contact_id, kind, moment, stage),
        contact_id=c.contact_id,
        kind=kind,
        occurred_at=moment,
        stage=stage,
        outcome=outcome,
    )


def rating(c: ContactReceived, score: int, when: str) -> RatingReceived:
    return RatingReceived(
        rating_id=rating_id_for(c.contact_id, "rating-link"),
        contact_id=c.contact_id,
        rated_at=at(when),
        score=score,
    )


def scenario(ward: str) -> tuple[list[ContactReceived], list[CaseEvent], list[RatingReceived]]:
    quick, slow, escalated = (contact(ward, r) for r in ("quick", "slow", "escalated"))
    events = [
        step(quick, CaseEventKind.acknowledged, "2024-03-05T10:00:00+00:00"),
        step(quick, CaseEventKind.responded, "2024-03-08T10:00:00+00:00", 1),  # 4 days
        step(slow, CaseEventKind.responded, "2024-03-22T10:00:00+00:00", 1),  # 14 days
        step(escalated, CaseEventKind.responded, "2024-03-06T10:00:00+00:00", 1),  # 2 days
        step(escalated, CaseEventKind.escalated, "2024-03-07T10:00:00+00:00", 2),
        step(
            escalated,
            CaseEventKind.responded,
            "2024-03-20T10:00:00+00:00",
            2,
            CaseOutcome.upheld,
        ),
    ]
    ratings = [
        rating(quick, 5, "2024-03-11T10:00:00+00:00"),
        rating(slow, 1, "2024-03-25T10:00:00+00:00"),  # dissatisfied: a follow-up
        rating(escalated, 2, "2024-03-21T10:00:00+00:00"),  # dissatisfied ...
        rating(escalated, 4, "2024-03-22T10:00:00+00:00"),  # ... then changes their mind
    ]
    return [quick, slow, escalated], events, ratings


def tables(pipeline: Pipeline, ward: str, ids: set[str]) -> dict[str, object]:
    """The three tables as a user's commands print them (run in this process: on a loaded
    machine a fresh interpreter per command costs half a minute)."""
    runner = CliRunner()
    out: dict[str, object] = {}
    by = ["--period", "2024-03", "--by", "ward,service", "--format", "json"]
    for command in ("timeliness", "satisfaction"):
        done = runner.invoke(cli_app, [command, *by], env=pipeline.env)
        assert done.exit_code == 0, done.output
        out[command] = [r for r in json.loads(done.stdout) if r["ward"] == ward]
    done = runner.invoke(cli_app, ["followups", "--format", "json"], env=pipeline.env)
    assert done.exit_code == 0, done.output
    out["followups"] = [r for r in json.loads(done.stdout) if r["contact_id"] in ids]
    return out


def test_events_and_ratings_in_any_order_and_twice_give_the_same_tables(
    pipeline: Pipeline,
) -> None:
    settings: Settings = pipeline.settings
    in_order, shuffled = f"InOrder-{uuid.uuid4().hex[:6]}", f"Shuffled-{uuid.uuid4().hex[:6]}"
    publisher = KafkaPublisher(settings)
    try:
        contacts, events, ratings = scenario(in_order)
        publish_contacts(publisher, contacts)
        publish_case_events(publisher, events)
        publish_ratings(publisher, ratings)

        # The same story, but everything before its contact, backwards and twice.
        contacts_2, events_2, ratings_2 = scenario(shuffled)
        publish_case_events(publisher, events_2[::-1] + events_2)
        publish_ratings(publisher, ratings_2[::-1] + ratings_2[::-1])
        pipeline.wait_idle()
        publish_contacts(publisher, contacts_2)
        pipeline.wait_idle()
    finally:
        publisher.close()

    first = tables(pipeline, in_order, {str(c.contact_id) for c in contacts})
    second = tables(pipeline, shuffled, {str(c.contact_id) for c in contacts_2})

    (stage_rows,) = [first["timeliness"]]
    assert stage_rows == [
        {
            "ward": in_order,
            "service": "waste_recycling",
            "period": "2024-03",
            "responded": 4,  # three stage 1 responses and one stage 2
            "within_target": 3,
            "within_target_pct": 75.0,
            "median_working_days": 6.5,  # 2, 4, 9 (stage 2) and 14 working days
            "open_overdue": 0,
        }
    ]
    (satisfied,) = first["satisfaction"]  # type: ignore[misc]
    assert (satisfied["ratings"], satisfied["satisfied"], satisfied["response_rate"]) == (3, 2, 1.0)
    follow_ups = first["followups"]
    assert len(follow_ups) == 2  # exactly one per dissatisfied rating, the changed one too
    assert {f["status"] for f in follow_ups} == {"open"}
    assert all(f["overdue"] for f in follow_ups)  # due in March 2024

    def without_ward(table: object) -> object:
        return [{k: v for k, v in row.items() if k not in ("ward",)} for row in table]  # type: ignore[attr-defined]

    for name in ("timeliness", "satisfaction"):
        assert without_ward(second[name]) == without_ward(first[name])
    strip = ("followup_id", "contact_id")
    assert sorted(
        [{k: v for k, v in f.items() if k not in strip} for f in second["followups"]],  # type: ignore[attr-defined]
        key=str,
    ) == sorted(
        [{k: v for k, v in f.items() if k not in strip} for f in follow_ups],  # type: ignore[attr-defined]
        key=str,
    )
