"""MemorySink: a real ContactSink that keeps everything in lists, for dev runs and unit tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from contracts import ContactClassified, ContactReceived, DeadLetter, RatingReceived
from sinks.sql import FlushResult, PublicWording


@dataclass
class MemorySink:
    contacts: dict[uuid.UUID, tuple[ContactReceived, ContactClassified, PublicWording]] = field(
        default_factory=dict
    )
    ratings: dict[uuid.UUID, RatingReceived] = field(default_factory=dict)
    dead_letters: list[DeadLetter] = field(default_factory=list)
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
            for item in self._pending:
                self.contacts[item[0].contact_id] = item
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
