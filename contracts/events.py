"""Every event on the wire, as frozen, versioned pydantic models.

A new field must be optional with a default; renaming or removing one means a new
``schema_version`` and a decoder for the old one (see ``contracts.codec``).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

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

from contracts.text import storable_text

SCHEMA_VERSION = 1

# Fixed namespace so that the same source record always yields the same contact id.
_ID_NAMESPACE = uuid.UUID("5b0f4c1e-8a3d-4f7e-9c2b-6d1a0e7f3c45")

_Storable = AfterValidator(storable_text)
ShortText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200), _Storable
]
FreeText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100_000), _Storable
]

# Text that may be empty (the field is optional), with its longest length.
AddressText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), _Storable]
SubjectText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000), _Storable]
PostcodeText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=16), _Storable]
CommentText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000), _Storable]


def _as_utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:  # 0001-01-01T00:00+01:00 has no UTC equivalent
        raise ValueError(f"{value.isoformat()} is out of range in UTC") from exc


UtcDatetime = Annotated[AwareDatetime, AfterValidator(_as_utc)]


class Channel(StrEnum):
    """How the contact reached us."""

    web = "web"
    email = "email"
    crm_export = "crm_export"
    crm_event = "crm_event"
    phone = "phone"
    letter = "letter"
    in_person = "in_person"
    social_media = "social_media"


class ContactType(StrEnum):
    """What kind of contact it is; decides the polarity of its trend."""

    complaint = "complaint"
    compliment = "compliment"
    enquiry = "enquiry"
    suggestion = "suggestion"


class LabelSource(StrEnum):
    """Who decided a contact's labels: the source system, our model, or a reviewer."""

    source = "source"
    model = "model"
    reviewer = "reviewer"


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Reporter(_Event):
    """Personal data about the person who made contact. Never stored with analytics."""

    name: ShortText | None = None
    email: ShortText | None = None
    phone: ShortText | None = None
    address: AddressText | None = None

    def is_empty(self) -> bool:
        return not any((self.name, self.email, self.phone, self.address))


class EqualityMonitoring(_Event):
    """Optional equality-monitoring answers (special-category data: kept with personal data)."""

    age_band: ShortText | None = None
    sex: ShortText | None = None
    gender_identity: ShortText | None = None
    ethnicity: ShortText | None = None
    disability: ShortText | None = None
    religion: ShortText | None = None
    sexual_orientation: ShortText | None = None


class ContactReceived(_Event):
    """A citizen-initiated contact, as it arrived from any channel."""

    schema_version: Literal[1] = 1
    contact_id: uuid.UUID
    received_at: UtcDatetime
    channel: Channel
    source_system: ShortText
    source_ref: ShortText | None = None
    partner: ShortText | None = None
    contact_type: ContactType | None = None
    service: ShortText | None = None
    category: ShortText | None = None
    subject: SubjectText | None = None
    text: FreeText
    ward: ShortText | None = None
    postcode: PostcodeText | None = None
    reporter: Reporter = Field(default_factory=Reporter)
    equality: EqualityMonitoring | None = None
    attachment_count: Annotated[int, Field(ge=0)] = 0


class RatingReceived(_Event):
    """How satisfied someone was with the response to their contact (1 = very dissatisfied)."""

    schema_version: Literal[1] = 1
    rating_id: uuid.UUID
    contact_id: uuid.UUID
    rated_at: UtcDatetime
    score: Annotated[StrictInt, Field(ge=1, le=5)]  # strict: true and "3" are not scores
    comment: CommentText | None = None
    follow_up_requested: StrictBool = False
    channel: Channel = Channel.web


class Suggestion(_Event):
    """One of a classifier's best guesses for a contact, with its calibrated probability."""

    service: ShortText
    category: ShortText
    probability: Annotated[float, Field(ge=0.0, le=1.0)]


class Categorisation(_Event):
    """What a classifier (or a source system) decided about one contact.

    ``needs_review`` is set when the model's confidence is below the threshold chosen to
    reach the target precision; ``suggestions`` are its top guesses, best first.
    """

    contact_type: ContactType
    service: ShortText
    category: ShortText
    confidence: Annotated[float, Field(ge=0.0, le=1.0)]
    label_source: LabelSource
    model_version: ShortText | None = None
    needs_review: bool = False
    suggestions: tuple[Suggestion, ...] = ()


class _Classified(_Event):
    """Which contact a decision is about and when it was made (the head of ContactClassified)."""

    schema_version: Literal[1] = 1
    contact_id: uuid.UUID
    classified_at: UtcDatetime


# Categorisation first among the bases, _Classified second: pydantic orders fields from the
# last base to the first, so the wire keeps schema_version, contact_id, classified_at, then
# the categorisation's fields (the published v1 schema and key order stay as they were).
class ContactClassified(Categorisation, _Classified):
    """A contact's type, service and category, with who decided them."""

    @classmethod
    def of(cls, contact_id: uuid.UUID, categorisation: Categorisation) -> ContactClassified:
        """``categorisation`` about ``contact_id``, decided now (validated: pydantic's compiled
        validation costs less than ``model_construct``'s Python)."""
        # Only the decision's own fields, even when given a ContactClassified.
        fields = {name: getattr(categorisation, name) for name in _DECISION_FIELDS}
        return cls(contact_id=contact_id, classified_at=datetime.now(UTC), **fields)


_DECISION_FIELDS = tuple(Categorisation.model_fields)


class ContactReviewed(_Event):
    """A person confirmed or corrected a contact's labels: ground truth for training."""

    schema_version: Literal[1] = 1
    review_id: uuid.UUID
    contact_id: uuid.UUID
    reviewed_at: UtcDatetime
    reviewer: ShortText
    contact_type: ContactType
    service: ShortText
    category: ShortText
    corrected: bool


class DeadLetter(_Event):
    """A message the worker could not process, with where it came from and why."""

    schema_version: Literal[1] = 1
    topic: str
    partition: int
    offset: int
    key: str | None
    value: str
    error: str
    failed_at: UtcDatetime


def contact_id_for(source_system: str, source_ref: str) -> uuid.UUID:
    """The stable id of a contact: the same source record always maps to the same id."""
    return uuid.uuid5(
        _ID_NAMESPACE, f"contact:{source_system.strip().lower()}:{source_ref.strip()}"
    )


def rating_id_for(contact_id: uuid.UUID, source_ref: str) -> uuid.UUID:
    """The stable id of a rating of ``contact_id`` (``source_ref`` tells ratings apart)."""
    return uuid.uuid5(_ID_NAMESPACE, f"rating:{contact_id}:{source_ref.strip()}")
