"""Storing the case lifecycle: case events (once each, by id), each contact's case state
derived from all of its events, changes of mind on ratings, and the follow-ups that
dissatisfied ratings open. Same end state whatever the order or number of deliveries.

A case state is a function of the set of events, never of their arrival: the first
acknowledgement and response, the last closure, the highest stage reached, and the outcome of
the latest event that carries one (ties broken by event id).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from config import FollowUpRule
from contracts import CaseEvent, CaseEventKind, FollowUpStatus, RatingReceived
from sinks.db.case_tables import CaseEventRow, CaseStateRow, FollowUpRow, RatingRevisionRow
from sinks.db.engine import upsert_insert, write_transaction
from sinks.errors import SinkError, SinkUnavailableError

_FOLLOW_UP_NAMESPACE = uuid.UUID("0c7d9a52-3f1e-4b8a-a6d4-2e5f9b1c8d70")
OPEN = FollowUpStatus.open.value


@dataclass(frozen=True)
class CaseWriteResult:
    events_written: int
    contacts_touched: int


@dataclass(frozen=True)
class StoredCaseEvent:
    """A stored event, as the state derivation needs it."""

    event_id: uuid.UUID
    kind: str
    stage: int | None
    outcome: str | None
    occurred_at: datetime


def followup_id_for(rating_id: uuid.UUID) -> uuid.UUID:
    """The one follow-up a rating can open: its id follows from the rating's."""
    return uuid.uuid5(_FOLLOW_UP_NAMESPACE, f"follow-up:{rating_id}")


def store_case_events(engine: Engine, events: Sequence[CaseEvent]) -> CaseWriteResult:
    """Store ``events`` and recompute the state of every contact they name, in one
    transaction. SinkUnavailableError (retry later) or SinkError: nothing was written."""
    if not events:
        return CaseWriteResult(0, 0)
    try:
        with write_transaction(engine) as connection:
            return write_case_events(connection, events)
    except OperationalError as exc:
        raise SinkUnavailableError(f"database unavailable: {exc.orig}", retry_after=1.0) from exc
    except SQLAlchemyError as exc:
        raise SinkError(f"case events could not be stored: {exc}") from exc


def write_case_events(connection: Connection, events: Sequence[CaseEvent]) -> CaseWriteResult:
    latest = {e.event_id: e for e in events}  # within a batch the last delivery wins
    rows = [
        {
            "event_id": e.event_id,
            "contact_id": e.contact_id,
            "kind": e.kind.value,
            "stage": e.stage,
            "outcome": e.outcome.value if e.outcome else None,
            "occurred_at": e.occurred_at,
            "source_system": e.source_system,
        }
        for e in latest.values()
    ]
    insert = upsert_insert(connection)
    stmt = insert(CaseEventRow.__table__)
    table = CaseEventRow.__table__
    connection.execute(
        stmt.on_conflict_do_update(
            index_elements=["event_id"],
            set_={c.name: stmt.excluded[c.name] for c in table.c if c.name != "event_id"},
        ),
        rows,
    )
    contacts = sorted({e.contact_id for e in latest.values()})
    _recompute_states(connection, contacts)
    return CaseWriteResult(len(rows), len(contacts))


def _recompute_states(connection: Connection, contacts: list[uuid.UUID]) -> None:
    by_contact: dict[uuid.UUID, list[StoredCaseEvent]] = {c: [] for c in contacts}
    for start in range(0, len(contacts), 500):
        chunk = contacts[start : start + 500]
        query = select(
            CaseEventRow.contact_id,
            CaseEventRow.event_id,
            CaseEventRow.kind,
            CaseEventRow.stage,
            CaseEventRow.outcome,
            CaseEventRow.occurred_at,
        ).where(CaseEventRow.contact_id.in_(chunk))
        for row in connection.execute(query):
            by_contact[row.contact_id].append(
                StoredCaseEvent(
                    row.event_id, row.kind, row.stage, row.outcome, _utc(row.occurred_at)
                )
            )
    states = [{"contact_id": c, **case_state_of(evs)} for c, evs in by_contact.items()]
    insert = upsert_insert(connection)
    stmt = insert(CaseStateRow.__table__)
    table = CaseStateRow.__table__
    connection.execute(
        stmt.on_conflict_do_update(
            index_elements=["contact_id"],
            set_={c.name: stmt.excluded[c.name] for c in table.c if c.name != "contact_id"},
        ),
        states,
    )


def case_state_of(events: Iterable[StoredCaseEvent]) -> dict[str, Any]:
    """The case as a set of events describes it (independent of their order)."""
    events = sorted(events, key=lambda e: (e.occurred_at, str(e.event_id)))

    def moments(kind: CaseEventKind, stages: set[int]) -> list[datetime]:
        return [e.occurred_at for e in events if e.kind == kind and (e.stage or 1) in stages]

    stage = max((e.stage or 1 for e in events), default=1)
    escalations = moments(CaseEventKind.escalated, {stage}) if stage > 1 else []
    stage_responses = moments(CaseEventKind.responded, {stage}) if stage > 1 else []
    closures = [e.occurred_at for e in events if e.kind == CaseEventKind.closed]
    with_outcome = [e for e in events if e.outcome is not None]
    top_outcome = max(with_outcome, key=lambda e: e.stage or 1, default=None)
    if top_outcome is not None:  # the latest outcome at the highest stage that has one
        top_stage = top_outcome.stage or 1
        top_outcome = [e for e in with_outcome if (e.stage or 1) == top_stage][-1]
    return {
        "acknowledged_at": min(moments(CaseEventKind.acknowledged, {1}), default=None),
        "responded_at": min(moments(CaseEventKind.responded, {1}), default=None),
        "closed_at": max(closures, default=None),
        "stage": stage,
        "escalated_at": min(escalations, default=None),
        "stage_responded_at": min(stage_responses, default=None),
        "outcome": top_outcome.outcome if top_outcome else None,
        "events": len(events),
    }


def write_rating_history(
    connection: Connection, ratings: Sequence[RatingReceived], rule: FollowUpRule
) -> None:
    """Record each version of each rating (a second version is a change of mind) and open
    the follow-up a dissatisfied one calls for, once per rating whatever the deliveries."""
    if not ratings:
        return
    insert = upsert_insert(connection)
    revisions = {
        (r.rating_id, r.rated_at): {
            "rating_id": r.rating_id,
            "rated_at": r.rated_at,
            "contact_id": r.contact_id,
            "score": r.score,
            "follow_up_requested": r.follow_up_requested,
        }
        for r in ratings
    }
    connection.execute(
        insert(RatingRevisionRow.__table__).on_conflict_do_nothing(
            index_elements=["rating_id", "rated_at"]
        ),
        list(revisions.values()),
    )
    now = datetime.now(UTC)
    follow_ups = {}
    for r in sorted(ratings, key=lambda r: r.rated_at):
        reason = rule.reason(r.score, r.follow_up_requested)
        if reason is not None and r.rating_id not in follow_ups:
            follow_ups[r.rating_id] = {
                "followup_id": followup_id_for(r.rating_id),
                "rating_id": r.rating_id,
                "contact_id": r.contact_id,
                "opened_at": r.rated_at,
                "reason": reason,
                "status": OPEN,
                "status_reason": None,
                "owner": None,
                "updated_at": now,
            }
    if follow_ups:
        # The earliest dissatisfied version opens it, whichever version was delivered first.
        stmt = insert(FollowUpRow.__table__)
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=["followup_id"],
                set_={"opened_at": stmt.excluded.opened_at, "reason": stmt.excluded.reason},
                where=FollowUpRow.__table__.c.opened_at > stmt.excluded.opened_at,
            ),
            list(follow_ups.values()),
        )


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
