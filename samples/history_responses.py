"""How the back-filled history was answered: acknowledgements, responses (most on time, some
late, a few still open), stage-2 escalations of complaints and ratings of the responses, with
late responses rated worse. Deterministic per contact, so a second back-fill changes nothing."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from contracts import (
    CaseEvent,
    CaseEventKind,
    ContactReceived,
    ContactType,
    RatingReceived,
    case_event_id_for,
    rating_id_for,
)

ON_TIME_SCORES = ((5, 35), (4, 30), (3, 15), (2, 10), (1, 10))
LATE_SCORES = ((5, 10), (4, 15), (3, 20), (2, 25), (1, 30))


@dataclass(frozen=True)
class Handling:
    """What happened to one contact after it arrived."""

    events: tuple[CaseEvent, ...]
    rating: RatingReceived | None


def handling_of(contact: ContactReceived, kind: ContactType, until: datetime) -> Handling:
    """The case events and rating of one historic contact; nothing happens after ``until``."""
    rng = random.Random(contact.contact_id.int)
    received = contact.received_at
    events: list[CaseEvent] = []

    def step(what: CaseEventKind, at: datetime, stage: int | None = None) -> None:
        if at <= until:
            event_id = case_event_id_for(contact.contact_id, what, at, stage)
            events.append(CaseEvent(event_id=event_id, contact_id=contact.contact_id,
                                    kind=what, occurred_at=at, stage=stage))  # fmt: skip

    step(CaseEventKind.acknowledged, received + timedelta(hours=rng.uniform(1, 96)))
    if kind is ContactType.compliment or rng.random() < 0.03:  # praise, or still open
        return Handling(tuple(events), None)
    late = rng.random() < 0.15
    responded = received + timedelta(days=rng.uniform(16, 40) if late else rng.uniform(1, 12))
    step(CaseEventKind.responded, responded)
    if kind is ContactType.complaint and rng.random() < 0.08:
        escalated = responded + timedelta(days=rng.uniform(2, 20))
        step(CaseEventKind.escalated, escalated, stage=2)
        step(CaseEventKind.responded, escalated + timedelta(days=rng.uniform(8, 35)), stage=2)
    step(CaseEventKind.closed, responded + timedelta(days=rng.uniform(0, 5)))
    rated = responded + timedelta(days=rng.uniform(0.5, 7))
    if rng.random() >= 0.12 or rated > until:
        return Handling(tuple(events), None)
    scores, weights = zip(*(LATE_SCORES if late else ON_TIME_SCORES), strict=True)
    score = rng.choices(scores, weights)[0]
    rating = RatingReceived(
        rating_id=rating_id_for(contact.contact_id, "backfill"),
        contact_id=contact.contact_id,
        rated_at=rated,
        score=score,
        follow_up_requested=score <= 2 and rng.random() < 0.2,
    )
    return Handling(tuple(events), rating)
