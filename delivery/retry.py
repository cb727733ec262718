"""Delivering one message to one recipient at most once: claim it in the ledger, try the
channel, back off and try again on failure, record every outcome. Nothing is dropped silently:
each call returns an outcome, failures are logged and stay ``failed`` for the next run."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine

from delivery.channels import DeliveryChannel
from delivery.errors import DeliveryError, DeliveryFailedError, PermanentDeliveryError
from delivery.message import Message
from delivery.recipients import Recipient, RetryConfig
from sinks import claim_delivery, mark_delivered, mark_delivery_failed

log = logging.getLogger(__name__)
OutcomeStatus = Literal["delivered", "already_delivered", "in_progress", "failed"]


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` tries per run; waits ``initial``, ``initial * factor``, ... capped."""

    attempts: int = 4
    initial: float = 2.0
    factor: float = 2.0
    maximum: float = 60.0

    @classmethod
    def from_config(cls, config: RetryConfig) -> RetryPolicy:
        return cls(config.attempts, config.backoff_seconds, 2.0, config.max_backoff_seconds)

    def delay(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th failed attempt (1-based)."""
        return float(min(self.initial * self.factor ** (failures - 1), self.maximum))


@dataclass(frozen=True)
class DeliveryOutcome:
    key: str
    recipient: str
    channel: str
    status: OutcomeStatus
    attempts: int  # made in this run
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("delivered", "already_delivered")


def deliver(
    engine: Engine,
    message: Message,
    recipient: Recipient,
    channel: DeliveryChannel,
    policy: RetryPolicy | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> DeliveryOutcome:
    """Send ``message`` to ``recipient`` unless the ledger says it has been; retry failures."""
    policy = policy or RetryPolicy()
    who, via = recipient.address, channel.name
    made = 0
    error: str | None = None
    while made < policy.attempts:
        taken = claim_delivery(engine, message.key, who, via)
        if taken.state == "delivered":
            status: OutcomeStatus = "delivered" if made else "already_delivered"
            return DeliveryOutcome(message.key, who, via, status, made)
        if taken.state == "busy":
            log.warning("%s to %s via %s: another sender holds it", message.key, who, via)
            return DeliveryOutcome(message.key, who, via, "in_progress", made, error)
        made += 1
        try:
            channel.send(message, recipient)
        except DeliveryError as exc:
            error = str(exc)
            mark_delivery_failed(engine, message.key, who, via, error)
            permanent = isinstance(exc, PermanentDeliveryError)
            if permanent or made == policy.attempts:
                log.error(
                    "digest %s to %s via %s failed after %d attempt(s)%s: %s",
                    message.key,
                    who,
                    via,
                    made,
                    " (permanent)" if permanent else "",
                    error,
                )
                return DeliveryOutcome(message.key, who, via, "failed", made, error)
            wait = policy.delay(made)
            log.warning(
                "digest %s to %s via %s: attempt %d failed (%s); retrying in %.1fs",
                message.key,
                who,
                via,
                made,
                error,
                wait,
            )
            sleep(wait)
            continue
        mark_delivered(engine, message.key, who, via)
        log.info("digest %s delivered to %s via %s", message.key, who, via)
        return DeliveryOutcome(message.key, who, via, "delivered", made)
    return DeliveryOutcome(message.key, who, via, "failed", made, error)


def raise_for_failures(outcomes: Iterable[DeliveryOutcome]) -> None:
    """Raise DeliveryFailedError listing every failed outcome, if any."""
    failed = [o for o in outcomes if o.status == "failed"]
    if failed:
        raise DeliveryFailedError(failed)
