"""Sending digests: build once per scope, render per recipient, deliver over each recipient's
channel at most once (the ledger decides), on demand or for a schedule's last complete period.
A scheduled run also retries the previous period's failed deliveries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from config import ReferenceData, ServiceStandards
from contracts import Period, PeriodKind, local_date, period_of
from delivery import (
    DeliveryChannel,
    DeliveryOutcome,
    Recipient,
    RecipientBook,
    RetryPolicy,
    channel_for,
    deliver,
)
from insights.analysis import Target
from insights.digests.build import build_digest
from insights.digests.model import Digest, DigestScope
from insights.digests.render import DigestRenderer, digest_message
from sinks import delivery_records

log = logging.getLogger(__name__)
ChannelFactory = Callable[[Recipient], DeliveryChannel]


@dataclass(frozen=True)
class SentDigest:
    recipient: Recipient
    period: Period
    outcome: DeliveryOutcome


def last_complete_period(kind: PeriodKind, now: datetime) -> Period:
    """The latest period of ``kind`` that has ended before ``now`` (UK time)."""
    return period_of(kind, local_date(now)).previous()


def digests_due(
    book: RecipientBook, schedule: str, now: datetime
) -> list[tuple[Recipient, Period]]:
    """Who gets which period when ``schedule`` fires at ``now``."""
    config = book.schedules[schedule]
    period = last_complete_period(config.period, now)
    return [(r, period) for r in book.on_schedule(schedule)]


def send_digest(
    engine: Engine,
    reference: ReferenceData,
    book: RecipientBook,
    recipients: Sequence[Recipient],
    scope: DigestScope,
    *,
    outputs_dir: Path,
    renderer: DigestRenderer | None = None,
    channels: ChannelFactory | None = None,
    sleep: Callable[[float], None] = time.sleep,
    digest: Digest | None = None,
    targets: Sequence[Target] = (),
    standards: ServiceStandards | None = None,
) -> list[SentDigest]:
    """Deliver the digest of ``scope`` to each of ``recipients`` over their channel, unless
    already delivered; built only if someone still needs it."""
    renderer = renderer or DigestRenderer(reference.taxonomy)
    policy = RetryPolicy.from_config(book.retry)
    make_channel = channels or (lambda r: channel_for(r, book, outputs_dir=outputs_dir))
    done = {
        (rec.recipient, rec.channel)
        for rec in delivery_records(engine, scope.key)
        if rec.status == "delivered"
    }
    sent: list[SentDigest] = []
    for recipient in recipients:
        channel = make_channel(recipient)
        if (recipient.address, channel.name) in done:
            outcome = DeliveryOutcome(
                scope.key, recipient.address, channel.name, "already_delivered", 0
            )
            sent.append(SentDigest(recipient, scope.period, outcome))
            continue
        if digest is None:
            digest = build_digest(engine, reference, scope, targets=targets, standards=standards)
        personal = replace(digest, scope=replace(digest.scope, recipient_name=recipient.name))
        message = digest_message(renderer.render(personal))
        outcome = deliver(engine, message, recipient, channel, policy, sleep=sleep)
        sent.append(SentDigest(recipient, scope.period, outcome))
    return sent


def send_scheduled(
    engine: Engine,
    reference: ReferenceData,
    book: RecipientBook,
    schedule: str,
    *,
    now: datetime | None = None,
    outputs_dir: Path,
    renderer: DigestRenderer | None = None,
    channels: ChannelFactory | None = None,
    sleep: Callable[[float], None] = time.sleep,
    targets: Sequence[Target] = (),
    standards: ServiceStandards | None = None,
) -> list[SentDigest]:
    """Everything ``schedule`` owes at ``now``: each recipient's digest of the last complete
    period, and a retry of the period before when its delivery had failed."""
    now = now or datetime.now(UTC)
    renderer = renderer or DigestRenderer(reference.taxonomy)
    sent: list[SentDigest] = []
    by_scope: dict[DigestScope, list[Recipient]] = {}
    for recipient, period in digests_due(book, schedule, now):
        by_scope.setdefault(DigestScope(recipient.services, period), []).append(recipient)
        earlier = DigestScope(recipient.services, period.previous())
        if _failed_before(engine, earlier, recipient):
            by_scope.setdefault(earlier, []).append(recipient)
    for scope, recipients in by_scope.items():
        sent.extend(
            send_digest(
                engine,
                reference,
                book,
                recipients,
                scope,
                outputs_dir=outputs_dir,
                renderer=renderer,
                channels=channels,
                sleep=sleep,
                targets=targets,
                standards=standards,
            )
        )
    failed = [s for s in sent if s.outcome.status == "failed"]
    log.log(
        logging.ERROR if failed else logging.INFO,
        "schedule %s: %d digest(s) delivered, %d already delivered, %d failed",
        schedule,
        sum(s.outcome.status == "delivered" for s in sent),
        sum(s.outcome.status == "already_delivered" for s in sent),
        len(failed),
    )
    return sent


def _failed_before(engine: Engine, scope: DigestScope, recipient: Recipient) -> bool:
    return any(
        rec.recipient == recipient.address and rec.status == "failed"
        for rec in delivery_records(engine, scope.key)
    )
