"""A person's decision becomes a ContactReviewed event, checked against the taxonomy."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from config import ReferenceData
from contracts import ContactType
from ingest import ReviewDecision, ReviewError, review_event


@dataclass(frozen=True)
class Labels:
    contact_id: uuid.UUID
    contact_type: str = "complaint"
    service: str = "waste_recycling"
    category: str = "missed_collection"


def test_confirm_keeps_the_labels_and_records_the_reviewer(reference: ReferenceData) -> None:
    item = Labels(uuid.uuid4())
    event = review_event(item, ReviewDecision("confirm", "jo"), reference.taxonomy)
    assert (event.contact_id, event.service, event.category, event.reviewer) == (
        item.contact_id,
        "waste_recycling",
        "missed_collection",
        "jo",
    )
    assert event.corrected is False


def test_a_correction_by_name_takes_the_category_and_its_service(
    reference: ReferenceData,
) -> None:
    decision = ReviewDecision("correct", "jo", category="Fly tipping")
    event = review_event(Labels(uuid.uuid4()), decision, reference.taxonomy)
    assert (event.service, event.category, event.corrected) == (
        "waste_recycling",
        "fly_tipping",
        True,
    )
    typed = ReviewDecision("correct", "jo", contact_type=ContactType.compliment)
    assert review_event(Labels(uuid.uuid4()), typed, reference.taxonomy).corrected is True


def test_unknown_or_contradictory_labels_are_refused(reference: ReferenceData) -> None:
    with pytest.raises(ReviewError, match="unknown category 'unicorns'"):
        review_event(
            Labels(uuid.uuid4()),
            ReviewDecision("correct", "jo", category="unicorns"),
            reference.taxonomy,
        )
    with pytest.raises(ReviewError, match="belongs to service 'waste_recycling'"):
        review_event(
            Labels(uuid.uuid4()),
            ReviewDecision("correct", "jo", category="fly_tipping", service="parking"),
            reference.taxonomy,
        )
