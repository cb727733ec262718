"""The digest's satisfaction, timeliness and follow-up sections (SQLite and PostgreSQL):
satisfaction targets rated, overdue follow-ups escalated (clock injected), rendered in HTML
and text with real table semantics."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from config import ReferenceData, ServiceStandard, ServiceStandards
from contracts import (
    CaseEvent,
    CaseEventKind,
    RatingReceived,
    case_event_id_for,
    parse_period,
    rating_id_for,
)
from insights.analysis import parse_targets
from insights.digests import DigestRenderer, DigestScope, build_digest
from sinks import SqlContactSink, store_case_events

STANDARDS = ServiceStandards(
    standards=(ServiceStandard(contact_type="complaint", acknowledge=3, respond=10),)
)


def test_lifecycle_sections_rate_targets_and_escalate_overdue_follow_ups(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any
) -> None:
    contacts = store(*[spec(f"2025-10-{d:02d}T10:00:00+01:00") for d in range(1, 11)])
    events, sink = [], SqlContactSink(engine)
    for i, contact in enumerate(contacts):
        when = datetime(2025, 10, 20 + i % 3, 12, tzinfo=UTC)
        events.append(
            CaseEvent(
                event_id=case_event_id_for(contact.contact_id, CaseEventKind.responded, when),
                contact_id=contact.contact_id,
                kind=CaseEventKind.responded,
                occurred_at=when,
            )
        )
        sink.add_rating(
            RatingReceived(
                rating_id=rating_id_for(contact.contact_id, "link"),
                contact_id=contact.contact_id,
                rated_at=when,
                score=1 if i < 3 else 5,  # three dissatisfied: three follow-ups
            )
        )
    store_case_events(engine, events)
    sink.flush()
    targets = parse_targets(
        {
            "targets": [
                {
                    "service": "waste_recycling",
                    "measure": "satisfaction",
                    "per": "quarter",
                    "min": 4.0,
                }
            ]
        },
        "targets.yaml",
    )
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"))
    digest = build_digest(
        engine,
        reference,
        scope,
        targets=targets,
        standards=STANDARDS,
        now=datetime(2025, 11, 3, 9, tzinfo=UTC),
    )
    sections = {s.name: s for s in digest.sections}
    satisfaction = sections["satisfaction"].data
    (row,) = satisfaction["rows"]
    assert (row["ratings"], row["satisfied"], row["response_rate"]) == (10, 7, 1.0)
    (target,) = satisfaction["targets"]
    assert target["value"] == 3.8 and target["rag"] == "amber"  # 3.8 against at least 4.0
    assert "2025/26-Q3" not in target["span"] and "2025-10" in target["span"]
    timeliness = sections["timeliness"].data["rows"]
    # working days: 13, 13, 13, 10, 11, 12, 9, 9, 9, 6 against a target of 10
    assert [(r["responded"], r["within_target"]) for r in timeliness] == [(10, 5)]
    follow_ups = sections["followups"].data
    assert (follow_ups["open"], follow_ups["overdue"]) == (3, 3)  # due 27-29 October
    rendered = DigestRenderer(reference.taxonomy).render(digest)
    assert "3 OVERDUE (escalated)" in rendered.text
    assert "<caption" in rendered.html and "Satisfaction by service" in rendered.html
    early = build_digest(
        engine, reference, scope, standards=STANDARDS, now=datetime(2025, 10, 21, 9, tzinfo=UTC)
    )
    early_follow_ups = next(s for s in early.sections if s.name == "followups").data
    assert early_follow_ups["overdue"] == 0
