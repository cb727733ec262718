"""The optional case lifecycle columns of a CRM export (``acknowledged_at``, ``responded_at``,
``closed_at``, ``stage``, ``outcome``) -> CaseEvent for the row's contact.

Each event's id follows from the contact, the step and the stage, so a later export that
corrects a date replaces the step instead of adding a second one. A cell that cannot be read
rejects the whole row, naming the column."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from config import CrmProfile, normalise_label
from contracts import CaseEvent, CaseEventKind, CaseOutcome, ContactReceived, case_event_id_for
from ingest.errors import MalformedRowError
from ingest.sources.event_dates import future_date_problem
from ingest.sources.uk_dates import parse_uk_datetime

LIFECYCLE_FIELDS: tuple[str, ...] = (
    "acknowledged_at",
    "responded_at",
    "closed_at",
    "stage",
    "outcome",
)
_STEPS = (
    ("acknowledged_at", CaseEventKind.acknowledged),
    ("responded_at", CaseEventKind.responded),
    ("closed_at", CaseEventKind.closed),
)
_OUTCOME_WORDS = {
    **{normalise_label(o.value): o for o in CaseOutcome},
    "partially upheld": CaseOutcome.partly_upheld,
    "part upheld": CaseOutcome.partly_upheld,
    "partly upheld": CaseOutcome.partly_upheld,
    "not upheld": CaseOutcome.not_upheld,
    "rejected": CaseOutcome.not_upheld,
}
_STAGE_WORDS = {"1": 1, "2": 2, "3": 3, "stage 1": 1, "stage 2": 2, "stage 3": 3}

Cell = Callable[[str], str]
Where = Callable[[str], str]


def row_case_events(
    cell: Cell, where: Where, contact: ContactReceived, profile: CrmProfile, now: datetime
) -> list[CaseEvent]:
    """The lifecycle steps a row records (none when the columns are absent or empty).
    Raises ValueError naming the column and the problem."""
    stage = _stage(cell("stage"), where)
    outcome = _outcome(cell("outcome"), where)
    moments: dict[CaseEventKind, datetime] = {}
    for field, kind in _STEPS:
        value = cell(field)
        if not value:
            continue
        try:
            moment = parse_uk_datetime(value, date_format=profile.date_format)
        except MalformedRowError as exc:
            raise ValueError(f"{where(field)}: {exc.reason}") from exc
        if problem := future_date_problem(moment, now=now):
            raise ValueError(f"{where(field)}: {problem}")
        if moment < contact.received_at:
            raise ValueError(f"{where(field)}: {value} is before the contact was received")
        moments[kind] = moment
    outcome_on = next(
        (k for k in (CaseEventKind.responded, CaseEventKind.closed) if k in moments), None
    )
    if outcome is not None and outcome_on is None:
        raise ValueError(f"{where('outcome')}: an outcome needs responded_at or closed_at")
    return [
        CaseEvent(
            event_id=case_event_id_for(
                contact.contact_id,
                kind,
                moment,
                source_ref=f"{profile.source_system}:{kind.value}:stage-{stage or 1}",
            ),
            contact_id=contact.contact_id,
            kind=kind,
            occurred_at=moment,
            stage=None if kind is CaseEventKind.acknowledged else stage,
            outcome=outcome if kind is outcome_on else None,
            source_system=profile.source_system,
        )
        for kind, moment in moments.items()
    ]


def _stage(value: str, where: Where) -> int | None:
    if not value:
        return None
    stage = _STAGE_WORDS.get(normalise_label(value))
    if stage is None:
        raise ValueError(f"{where('stage')}: {value!r} is not a complaint stage (1, 2 or 3)")
    return stage


def _outcome(value: str, where: Where) -> CaseOutcome | None:
    if not value:
        return None
    outcome = _OUTCOME_WORDS.get(normalise_label(value))
    if outcome is None:
        raise ValueError(
            f"{where('outcome')}: {value!r} is not upheld, partly upheld or not upheld"
        )
    return outcome
