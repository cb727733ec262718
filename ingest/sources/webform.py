"""Web-form submissions (the intake API's request bodies) -> ContactReceived / RatingReceived.

Field names are the same as the CRM column mapping, so councils learn one vocabulary.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from config import ReferenceData
from contracts import (
    Channel,
    ContactReceived,
    ContactType,
    EqualityMonitoring,
    RatingReceived,
    Reporter,
    contact_id_for,
    rating_id_for,
)

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]


class ContactSubmission(BaseModel):
    """A contact as a web form (or any client) posts it. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50_000)]
    subject: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = None
    contact_type: ContactType | None = None
    partner: Short | None = None
    service: Short | None = None
    category: Short | None = None
    ward: Short | None = None
    postcode: Annotated[str, StringConstraints(strip_whitespace=True, max_length=16)] | None = None
    reporter_name: Short | None = None
    reporter_email: Short | None = None
    reporter_phone: Short | None = None
    reporter_address: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None
    ) = None
    source_ref: Short | None = Field(
        default=None,
        description="The form's own submission reference; makes re-posting idempotent.",
    )
    source_system: Short = "webform"
    channel: Channel = Channel.web
    received_at: AwareDatetime | None = None
    equality: EqualityMonitoring | None = None


class RatingSubmission(BaseModel):
    """How satisfied someone was with the response to their contact (1-5)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    contact_id: uuid.UUID
    score: Annotated[int, Field(ge=1, le=5, description="1 very dissatisfied ... 5 very satisfied")]
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)] | None = None
    follow_up_requested: bool = False
    rated_at: AwareDatetime | None = None
    source_ref: Short | None = None


def contact_from_submission(
    form: ContactSubmission, reference: ReferenceData, *, now: datetime | None = None
) -> ContactReceived:
    """Turn a submission into the event; partner and ward names are canonicalised when known."""
    contact_id = (
        contact_id_for(form.source_system, form.source_ref) if form.source_ref else uuid.uuid4()
    )
    taxonomy = reference.taxonomy
    return ContactReceived(
        contact_id=contact_id,
        received_at=form.received_at or now or datetime.now(UTC),
        channel=form.channel,
        source_system=form.source_system,
        source_ref=form.source_ref,
        partner=_canonical(form.partner, reference.resolve_partner) or reference.default_partner,
        contact_type=form.contact_type,
        service=taxonomy.resolve_service(form.service) if form.service else None,
        category=taxonomy.resolve_category(form.category) if form.category else None,
        subject=form.subject or None,
        text=form.text,
        ward=_canonical(form.ward, reference.resolve_ward),
        postcode=form.postcode.upper() if form.postcode else None,
        reporter=Reporter(
            name=form.reporter_name or None,
            email=form.reporter_email or None,
            phone=form.reporter_phone or None,
            address=form.reporter_address or None,
        ),
        equality=form.equality,
    )


def rating_from_submission(
    form: RatingSubmission, *, now: datetime | None = None
) -> RatingReceived:
    rated_at = form.rated_at or now or datetime.now(UTC)
    ref = form.source_ref or rated_at.isoformat()
    return RatingReceived(
        rating_id=rating_id_for(form.contact_id, ref),
        contact_id=form.contact_id,
        rated_at=rated_at,
        score=form.score,
        comment=form.comment or None,
        follow_up_requested=form.follow_up_requested,
    )


def _canonical(value: str | None, resolve: object) -> str | None:
    """The configured name for ``value``, or ``value`` as given (never rejected)."""
    if not value:
        return None
    found = resolve(value)  # type: ignore[operator]
    return str(found) if found else value
