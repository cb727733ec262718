""" "You said, we did": what was done about a theme residents raised (or why nothing was), and
the event that tells each contact in the theme about it. A theme is a service and category,
optionally narrowed to a ward, a period or named contacts."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from contracts.errors import ContractError
from contracts.events import ContactType, ShortText, UtcDatetime, _Event
from contracts.periods import parse_period
from contracts.text import storable_text

ActionText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    AfterValidator(storable_text),
]


def _period_label(label: str) -> str:
    try:
        return parse_period(label).label
    except ContractError as exc:  # pydantic reports ValueErrors against the field
        raise ValueError(str(exc)) from exc


class ActionOutcome(StrEnum):
    done = "done"
    not_done = "not_done"  # the summary says why


class ActionTheme(BaseModel):
    """Which contacts an action answers: a service and category (complaints by default),
    optionally one ward, one period (``2025-10``, ``2025/26-Q2``) or a list of contacts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    service: ShortText
    category: ShortText
    contact_type: ContactType = ContactType.complaint
    ward: ShortText | None = None
    period: Annotated[str, AfterValidator(_period_label)] | None = None
    contact_ids: tuple[uuid.UUID, ...] = ()


class ActionEntry(BaseModel):
    """One line of the action log, as a manager records it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    theme: ActionTheme
    outcome: ActionOutcome
    summary: ActionText  # what was done, or why nothing was
    taken_on: date
    recorded_by: ShortText = Field(default="civicpulse")


class ContactToldOfAction(_Event):
    """Tells a CRM that what a contact raised was acted on (or why not): one event per contact
    in the action's theme, keyed by the contact id, so the CRM can write to the resident."""

    schema_version: Literal[1] = 1
    action_id: uuid.UUID
    contact_id: uuid.UUID
    service: ShortText
    category: ShortText
    outcome: ActionOutcome
    summary: ActionText
    taken_on: date
    told_at: UtcDatetime
