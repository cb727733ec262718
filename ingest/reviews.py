"""Turning a person's decision about a contact into a ContactReviewed event (the command line
and the web side both decide; ingest owns the event). Never reads the database: the caller
passes the contact's current labels."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, Protocol

from config import Taxonomy
from contracts import ContactReviewed, ContactType
from ingest.errors import ReviewError


class CurrentLabels(Protocol):
    """What a review needs to know about the contact (``sinks.ReviewItem`` has these)."""

    @property
    def contact_id(self) -> uuid.UUID: ...
    @property
    def contact_type(self) -> str: ...
    @property
    def service(self) -> str: ...
    @property
    def category(self) -> str: ...


@dataclass(frozen=True)
class ReviewDecision:
    action: Literal["confirm", "correct"]
    reviewer: str
    category: str | None = None
    service: str | None = None
    contact_type: ContactType | None = None


def review_event(
    item: CurrentLabels, decision: ReviewDecision, taxonomy: Taxonomy
) -> ContactReviewed:
    """Confirm keeps the current labels; correct replaces those given (the service follows the
    category). Labels are checked against the taxonomy."""
    contact_type = decision.contact_type or ContactType(item.contact_type)
    if decision.action == "confirm":
        service, category = item.service, item.category
    else:
        category = _known_category(decision.category or item.category, taxonomy)
        service = taxonomy.service_of_category[category]
        if decision.service and taxonomy.resolve_service(decision.service) != service:
            raise ReviewError(
                f"category {category!r} belongs to service {service!r}, not {decision.service!r}"
            )
    corrected = (contact_type.value, service, category) != (
        item.contact_type,
        item.service,
        item.category,
    )
    return ContactReviewed(
        review_id=uuid.uuid4(),
        contact_id=item.contact_id,
        reviewed_at=datetime.now(UTC),
        reviewer=decision.reviewer,
        contact_type=contact_type,
        service=service,
        category=category,
        corrected=corrected,
    )


def _known_category(label: str, taxonomy: Taxonomy) -> str:
    category = taxonomy.resolve_category(label)
    if category is None:
        known = ", ".join(sorted(taxonomy.service_of_category))
        raise ReviewError(f"unknown category {label!r}; categories are {known}")
    return category
