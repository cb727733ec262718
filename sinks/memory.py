"""MemorySink: a real ContactSink that keeps everything in lists, for dev runs and unit tests."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from contracts import (
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    DeadLetter,
    LabelSource,
    RatingReceived,
)
from sinks.base import FlushResult, PublicWording, ReviewResult


@dataclass
class MemorySink:
    contacts: dict[uuid.UUID, tuple[ContactReceived, ContactClassified, PublicWording]] = field(
        default_factory=dict
    )
    ratings: dict[uuid.UUID, RatingReceived] = field(default_factory=dict)
    dead_letters: list[DeadLetter] = field(default_factory=list)
    reviews: dict[uuid.UUID, ContactReviewed] = field(default_factory=dict)
    flushes: int = 0
    _pending: list[tuple[ContactReceived, ContactClassified, PublicWording]] = field(
        default_factory=list
    )
    _pending_ratings: list[RatingReceived] = field(default_factory=list)
    _pending_dead: list[DeadLetter] = field(default_factory=list)

    def add(
        self, contact: ContactReceived, classified: ContactClassified, wording: PublicWording
    ) -> None:
        self._pending.append((contact, classified, wording))

    def add_rating(self, rating: RatingReceived) -> None:
        self._pending_ratings.append(rating)

    def add_dead_letter(self, dead_letter: DeadLetter) -> None:
        self._pending_dead.append(dead_letter)

    def flush(self) -> FlushResult:
        try:
            new = sum(1 for c, _, _ in self._pending if c.contact_id not in self.contacts)
            for contact, classified, wording in self._pending:
                stored = self.contacts.get(contact.contact_id)
                if stored is not None and stored[1].label_source == LabelSource.reviewer:
                    classified = stored[1]  # a reviewer's decision outlives re-delivery
                self.contacts[contact.contact_id] = (contact, classified, wording)
            for rating in self._pending_ratings:
                self.ratings[rating.rating_id] = rating
            self.dead_letters.extend(self._pending_dead)
            self.flushes += 1
            return FlushResult(
                len(self._pending), new, len(self._pending_ratings), len(self._pending_dead)
            )
        finally:
            self._pending.clear()
            self._pending_ratings.clear()
            self._pending_dead.clear()

    def apply_reviews(self, reviews: Sequence[ContactReviewed]) -> ReviewResult:
        """Reviews set a stored contact's labels (oldest review last wins); a review seen
        before is not applied again and reviews of unknown contacts are skipped."""
        fresh = {r.review_id: r for r in reviews if r.review_id not in self.reviews}
        applied = skipped = 0
        for review in sorted(fresh.values(), key=lambda r: r.reviewed_at):
            stored = self.contacts.get(review.contact_id)
            if stored is None:
                skipped += 1
                continue
            contact, classified, wording = stored
            decided = classified.model_copy(
                update={
                    "contact_type": review.contact_type,
                    "service": review.service,
                    "category": review.category,
                    "label_source": LabelSource.reviewer,
                    "confidence": 1.0,
                    "needs_review": False,
                    "classified_at": review.reviewed_at,
                    "suggestions": (),
                }
            )
            self.contacts[review.contact_id] = (contact, decided, wording)
            self.reviews[review.review_id] = review
            applied += 1
        return ReviewResult(
            applied=applied, already_applied=len(reviews) - len(fresh), skipped=skipped
        )
