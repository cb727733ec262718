"""The ContactSink contract and the values that cross it: ``add`` per record, ``flush`` once
per batch (one transaction), ``apply_reviews`` for reviewers' decisions (its own transaction).

If ``flush`` raises, nothing of the batch is stored and the caller must not commit offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from contracts import (
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    DeadLetter,
    RatingReceived,
)


@dataclass(frozen=True)
class PublicWording:
    """A contact's subject and text with personal data removed (what analytics may keep)."""

    subject: str | None
    text: str


@dataclass(frozen=True)
class FlushResult:
    """What one ``flush`` wrote."""

    contacts_written: int = 0
    contacts_new: int = 0
    ratings_written: int = 0
    dead_letters_written: int = 0


@dataclass(frozen=True)
class ReviewResult:
    """What one ``apply_reviews`` did with its reviews."""

    applied: int = 0  # labels set from a review (trend counts moved with them)
    already_applied: int = 0  # reviews stored before (redelivered): nothing moves again
    skipped: int = 0  # reviews of contacts that are not stored


class ContactSink(Protocol):
    def add(
        self, contact: ContactReceived, classified: ContactClassified, wording: PublicWording
    ) -> None: ...

    def add_rating(self, rating: RatingReceived) -> None: ...

    def add_dead_letter(self, dead_letter: DeadLetter) -> None: ...

    def flush(self) -> FlushResult: ...

    def apply_reviews(self, reviews: Sequence[ContactReviewed]) -> ReviewResult:
        """Store reviews as ground truth, now, in one transaction of their own (not part of
        the pending batch). Raises SinkUnavailableError (retry) or SinkError."""
        ...
