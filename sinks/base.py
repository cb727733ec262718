"""The ContactSink contract: ``add`` per record, ``flush`` once per batch (one transaction).

If ``flush`` raises, nothing of the batch is stored and the caller must not commit offsets.
"""

from __future__ import annotations

from typing import Protocol

from contracts import ContactClassified, ContactReceived, DeadLetter, RatingReceived
from sinks.sql import FlushResult, PublicWording


class ContactSink(Protocol):
    def add(
        self, contact: ContactReceived, classified: ContactClassified, wording: PublicWording
    ) -> None: ...

    def add_rating(self, rating: RatingReceived) -> None: ...

    def add_dead_letter(self, dead_letter: DeadLetter) -> None: ...

    def flush(self) -> FlushResult: ...
