"""Wiring ``ingest csv``'s back-fill: envelopes to the broker, the database to confirm what
is stored (through ``sinks``), the intake outbox for case lifecycle events, a checkpoint under
``CIVICPULSE_HOME/backfill`` and a progress bar with the rate and an ETA."""

from __future__ import annotations

import logging
import signal
import uuid
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from sqlalchemy import Engine

from civicpulse.intake_outbox import broker_generation, build_relay, outbox_publisher
from civicpulse.progress import rate_progress
from config import Settings
from contracts import CaseEvent, PipelineError
from ingest import (
    Backfill,
    BackfillTally,
    CheckpointFile,
    CrmParse,
    EnvelopeSender,
    ExportIdentity,
    KafkaPublisher,
    RejectsFile,
    publish_case_events,
)
from sinks import make_engine, store_status, stored_contact_ids

log = logging.getLogger(__name__)

ENVELOPE_BYTES = 16 * 1024 * 1024
"""Largest request the back-fill producer sends (an envelope is checked before compression)."""


def envelope_producer(settings: Settings, *, ack_timeout: float = 30.0) -> KafkaPublisher:
    """A producer for envelopes: zstd (about a sixth of the broker memory; a tenth of gzip's
    CPU, which kafka-python runs at level 9), no idempotence (it must survive a restarted
    embedded broker; the sinks are idempotent)."""
    return KafkaPublisher(
        settings,
        ack_timeout=ack_timeout,
        max_block_seconds=ack_timeout,
        idempotent=False,
        compression="zstd",
        max_request_bytes=ENVELOPE_BYTES,
    )


def build_backfill(
    settings: Settings,
    parse: CrmParse,
    file: Path,
    rejects_path: Path,
    *,
    on_progress: Callable[[BackfillTally], None],
    patience: float = 120.0,
) -> tuple[Backfill, Callable[[], None]]:
    """The back-fill of ``file`` and what to call when it is over (stops its outbox relay)."""
    engine = make_engine(settings.sqlalchemy_url, must_exist=True)
    relay = build_relay(settings, ack_timeout=30.0)
    case_publisher = outbox_publisher(settings, relay, strict=False)

    def stored(ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return stored_contact_ids(engine, ids)

    def stalled(seconds: float) -> None:
        log.warning(stall_hint(engine, settings, seconds))

    def case_events(events: list[CaseEvent]) -> int:
        return publish_case_events(case_publisher, events) if events else 0

    mapping = {"profile": parse.profile.model_dump(mode="json"), "columns": parse.columns}
    backfill = Backfill(
        parse=parse,
        sender=EnvelopeSender(lambda: envelope_producer(settings), patience=patience),
        stored=stored,
        checkpoint_file=CheckpointFile(settings.backfill_dir, ExportIdentity.of(file, mapping)),
        rejects=RejectsFile(rejects_path, parse.headers),
        publish_case_events=case_events,
        broker_generation=lambda: broker_generation(settings),
        on_progress=on_progress,
        on_stalled=stalled,
    )

    def finish() -> None:
        case_publisher.close()  # commits what its group commit still holds
        relay.stop()

    return backfill, finish


def stall_hint(engine: Engine, settings: Settings, seconds: float) -> str:
    """Why nothing has been stored for ``seconds``, as far as the database can tell."""
    waited = f"nothing stored for {seconds:.0f} s"
    try:
        alive = store_status(engine, settings.worker_alive_after_seconds).workers_alive
    except PipelineError as exc:
        return f"{waited}: the database cannot be read ({exc}); the rows wait in the stream"
    if not alive:
        return (
            f"{waited}: no worker is running. The rows wait safely in the stream: start one "
            "(`civicpulse worker`, or `civicpulse up`) and this back-fill carries on"
        )
    return f"{waited}, although a worker is running: see `civicpulse status`"


def run_with_progress(
    backfill: Backfill, console: Console, total_rows: int | None, *, resume: bool
) -> BackfillTally:
    """Run ``backfill`` showing rows read and contacts stored, each with a rate and an ETA."""
    logging.getLogger("kafka").setLevel(logging.CRITICAL)  # a lost broker: one line, from us
    with rate_progress(console) as progress:
        read = progress.add_task("rows read", total=total_rows)
        stored = progress.add_task("rows stored or rejected", total=total_rows)
        skipped = 0

        def show(tally: BackfillTally) -> None:
            nonlocal skipped
            skipped = backfill.parse.rows_skipped
            progress.update(read, completed=skipped + tally.rows_read)
            done = skipped + tally.contacts_stored + tally.rejected
            progress.update(stored, completed=done)

        backfill.on_progress = show
        # Ctrl-C and SIGTERM stop at the next row or poll: a KeyboardInterrupt raised anywhere
        # (inside a serialiser, a Kafka call) would not leave the checkpoint so clearly.
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
        for sig in previous:
            signal.signal(sig, lambda *_: backfill.stop())
        try:
            tally = backfill.run(resume=resume)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            backfill.sender.close()
        finished = skipped + tally.rows_read
        progress.update(read, total=finished, completed=finished)
        progress.update(stored, total=finished, completed=finished)
    return tally
