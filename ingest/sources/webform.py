"""Web-form submissions (the intake API's request bodies) -> ContactReceived / RatingReceived.

Field names are the same as the CRM column mapping, so councils learn one vocabulary. Every
field is checked here, so a bad body is a 422 naming the field, never a failure further on.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
)

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
    storable_text,
)
from ingest.sources.event_dates import future_date_problem

_Storable = AfterValidator(storable_text)
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200), _Storable]
# A reference names a record: blank would be no reference at all, so it is refused.
Reference = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), _Storable
]
IDEMPOTENCY_KEY_PATTERN = r"^[!-~](?:[ -~]{0,198}[!-~])?$"
IdempotencyKey = Annotated[
    str,
    StringConstraints(pattern=IDEMPOTENCY_KEY_PATTERN),
    Field(
        description="1-200 visible ASCII characters naming one submission; a retry with the "
        "same key is the same contact or rating (also accepted as the Idempotency-Key header)."
    ),
]
# Kept apart from form references, so a key can never collide with a real source_ref.
_KEY_REF = "idempotency-key:"


def _happened(value: datetime) -> datetime:
    """``value`` in UTC; refused if it cannot be in UTC or is more than a day ahead of now."""
    try:
        moment = value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError(f"{value.isoformat()} is out of range in UTC") from exc
    problem = future_date_problem(moment, now=datetime.now(UTC))
    if problem:
        raise ValueError(problem)
    return moment


WhenHappened = Annotated[AwareDatetime, AfterValidator(_happened)]


class ContactSubmission(BaseModel):
    """A contact as a web form (or any client) posts it. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50_000), _Storable
    ]
    subject: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000), _Storable] | None
    ) = None
    contact_type: ContactType | None = None
    partner: Short | None = None
    service: Short | None = None
    category: Short | None = None
    ward: Short | None = None
    postcode: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=16), _Storable] | None
    ) = None
    reporter_name: Short | None = None
    reporter_email: Short | None = None
    reporter_phone: Short | None = None
    reporter_address: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), _Storable] | None
    ) = None
    source_ref: Reference | None = Field(
        default=None,
        description="The form's own submission reference; makes re-posting idempotent.",
    )
    source_system: Reference = "webform"
    channel: Channel = Channel.web
    received_at: WhenHappened | None = None
    equality: EqualityMonitoring | None = None
    idempotency_key: IdempotencyKey | None = None


class RatingSubmission(BaseModel):
    """How satisfied someone was with the response to their contact (1-5)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    contact_id: uuid.UUID
    score: Annotated[
        StrictInt,
        Field(ge=1, le=5, description="A JSON integer: 1 very dissatisfied ... 5 very satisfied"),
    ]
    comment: (
        Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), _Storable] | None
    ) = None
    follow_up_requested: StrictBool = False
    rated_at: WhenHappened | None = None
    source_ref: Reference | None = None
    idempotency_key: IdempotencyKey | None = None


def contact_from_submission(
    form: ContactSubmission,
    reference: ReferenceData,
    *,
    now: datetime | None = None,
    idempotency_key: str | None = None,
) -> ContactReceived:
    """Turn a submission into the event; partner and ward names are canonicalised when known.

    The id comes from ``source_ref``, else from the idempotency key (``idempotency_key`` or
    the form's own), so a retry is the same contact; with neither, every post is a new one.
    """
    key = idempotency_key or form.idempotency_key
    if form.source_ref:
        contact_id = contact_id_for(form.source_system, form.source_ref)
    elif key:
        contact_id = contact_id_for(form.source_system, _KEY_REF + key)
    else:
        contact_id = uuid.uuid4()
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
    form: RatingSubmission, *, now: datetime | None = None, idempotency_key: str | None = None
) -> RatingReceived:
    """The rating event. Its id comes from ``source_ref``, else the idempotency key, else the
    time it was rated (``rated_at`` if given, so a retry with the same ``rated_at`` is one)."""
    rated_at = form.rated_at or now or datetime.now(UTC)
    key = idempotency_key or form.idempotency_key
    ref = form.source_ref or (_KEY_REF + key if key else rated_at.isoformat())
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
