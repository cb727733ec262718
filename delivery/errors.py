"""Errors raised while delivering digests and reports.

PipelineError (contracts)
├── DeliveryError                 one attempt to deliver failed; worth retrying
│   ├── PermanentDeliveryError    retrying cannot help (address refused, bad configuration)
│   └── DeliveryFailedError       every attempt failed: carries the failed outcomes
└── RecipientsError               recipients.yaml is missing or malformed (file, reason)
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from contracts import PipelineError

if TYPE_CHECKING:
    from delivery.retry import DeliveryOutcome


class DeliveryError(PipelineError):
    """One attempt to deliver over one channel failed; ``channel`` says which."""

    def __init__(self, message: str, *, channel: str) -> None:
        super().__init__(message)
        self.channel = channel


class PermanentDeliveryError(DeliveryError):
    """Delivery cannot succeed by retrying (a refused address, a missing setting)."""


class DeliveryFailedError(DeliveryError):
    """Deliveries that failed after all their attempts; ``outcomes`` says which and why."""

    def __init__(self, outcomes: Sequence[DeliveryOutcome]) -> None:
        lines = "; ".join(f"{o.recipient} via {o.channel}: {o.error}" for o in outcomes)
        super().__init__(f"{len(outcomes)} delivery(ies) failed: {lines}", channel="*")
        self.outcomes = tuple(outcomes)


class RecipientsError(PipelineError):
    """The recipients file cannot be read or does not describe recipients."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
