"""Digest timers: one faust crontab per schedule in ``recipients.yaml`` that has recipients
(weekly and monthly by default), in UK time and on the leader only, each sending its
recipients the last complete period. Building and delivering run in a thread; a failed run is
logged and the next one retries (the delivery ledger keeps anything from going twice)."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import faust
from sqlalchemy import Engine

from config import Settings, load_reference_data, load_service_standards
from contracts import PipelineError
from delivery import load_recipients
from insights.analysis import load_targets
from insights.digests import DigestRenderer, SentDigest, send_scheduled

log = logging.getLogger(__name__)
UK = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class DigestTimer:
    """One schedule's crontab; ``run`` is what each tick does (callable directly in tests)."""

    schedule: str
    cron: str
    run: Callable[[datetime | None], Awaitable[list[SentDigest]]]


def add_digest_schedule(
    app: faust.App,
    settings: Settings,
    engine: Engine,
    *,
    recipients_file: Path | None = None,
) -> list[DigestTimer]:
    """Add a crontab to ``app`` for every schedule some recipient is on; returns them."""
    book = load_recipients(
        recipients_file or settings.config_dir / "recipients.yaml", environ=os.environ
    )
    reference = load_reference_data(settings.config_dir)
    targets = load_targets(settings.config_dir / "targets.yaml")
    standards = load_service_standards(settings.config_dir, reference)
    renderer = DigestRenderer(reference.taxonomy)
    timers: list[DigestTimer] = []
    for name, schedule in book.schedules.items():
        if not book.on_schedule(name):
            continue

        async def run(now: datetime | None = None, *, _name: str = name) -> list[SentDigest]:
            job = partial(
                send_scheduled,
                engine,
                reference,
                book,
                _name,
                now=now,
                outputs_dir=settings.outputs_dir,
                renderer=renderer,
                targets=targets,
                standards=standards,
            )
            try:
                return await asyncio.get_running_loop().run_in_executor(None, job)
            except (PipelineError, OSError):  # SinkError is a PipelineError
                log.exception("digest schedule %s failed; the next run will retry", _name)
                return []

        timer = DigestTimer(name, schedule.cron, run)
        app.crontab(schedule.cron, timezone=UK, on_leader=True)(_tick(timer))
        timers.append(timer)
        log.info("digest schedule %s: %s (UK time), by %s", name, schedule.cron, schedule.period)
    return timers


def _tick(timer: DigestTimer) -> Callable[[], Awaitable[Any]]:
    """A no-argument coroutine function (faust passes the app to functions with parameters)."""

    async def tick() -> None:
        await timer.run(None)

    tick.__name__ = tick.__qualname__ = f"digest_{timer.schedule}"
    return tick
