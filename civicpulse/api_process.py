"""The intake API as ``serve`` runs it: one process (the relay a thread beside the API) or,
with ``CIVICPULSE_API_WORKERS`` above 1, uvicorn worker processes that each build the app with
``create_api`` while the relay runs in ``serve``'s own process.

Every API process commits to the same outbox file (SQLite serialises the writers; each
process groups its own requests into one transaction) and never sends to the broker itself:
the relay notices their commits (``PRAGMA data_version``) and publishes in batches. The Kafka
producer, pure Python, thus never competes with request handling for an interpreter lock.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time

from fastapi import FastAPI

from civicpulse.context import command_context
from civicpulse.explanations import promoted_model_explainer
from civicpulse.intake_outbox import build_relay, outbox_publisher
from config import ReferenceData, Settings
from ingest import OutboxRelay
from web import create_app

log = logging.getLogger(__name__)

# How often the relay looks for commits by API processes: the delay it adds to a contact.
WATCH_OTHER_WRITERS_SECONDS = 0.005


def api_app(settings: Settings, reference: ReferenceData, relay: OutboxRelay) -> FastAPI:
    """The whole HTTP surface; a 202 means "in the intake outbox"."""
    return create_app(
        settings,
        reference,
        explainer=promoted_model_explainer(settings),
        publisher_factory=lambda: outbox_publisher(settings, relay, strict=False),
    )


def create_api() -> FastAPI:
    """uvicorn's app factory in each worker process (``serve`` has exported the broker
    address). Its relay object is never started: it only holds the outbox this process
    writes to."""
    ctx = command_context()
    stop_with_parent()
    return api_app(ctx.settings, ctx.reference, build_relay(ctx.settings))


def stop_with_parent(every: float = 0.5) -> None:
    """Stop this worker (gracefully: SIGTERM) when ``serve`` is gone. A worker orphaned by a
    SIGKILLed ``serve`` kept answering 202 with no relay sending, and held the port, so the
    restarted ``serve`` could not start."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        log.warning("serve (pid %d) is gone: this API worker stops", parent)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="stop-with-serve", daemon=True).start()


def prepare_workers(settings: Settings) -> OutboxRelay:
    """Before forking workers: export the broker address for them and build the relay that
    watches their commits (the caller starts and stops it)."""
    if settings.kafka_bootstrap:
        os.environ["CIVICPULSE_KAFKA_BOOTSTRAP"] = settings.kafka_bootstrap
    relay = build_relay(settings)
    relay.watch_other_writers = WATCH_OTHER_WRITERS_SECONDS
    return relay
