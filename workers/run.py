"""Running a worker process: model, database, topics, then the Faust worker until a signal."""

from __future__ import annotations

import asyncio
import json
import logging

import faust

from classifiers import (
    STARTER_DATASET,
    ModelRegistry,
    prepare_redaction,
    promoted_or_starter,
    running_compiled,
)
from config import Settings, load_service_standards, load_taxonomy
from ingest import ensure_topics, read_table
from sinks import SinkError, database_identity, open_database, record_worker_stopped
from workers.app import WorkerState, create_app
from workers.heap import freeze_long_lived_objects, limit_malloc_arenas

log = logging.getLogger(__name__)


def _remember_identity(settings: Settings, identity: str | None) -> None:
    """Record which database this home's workers write to, so ``status`` can tell when the
    file it finds is another one (replaced, or recreated empty)."""
    record = {"url": settings.sqlalchemy_url, "identity": identity}
    try:
        settings.home.mkdir(parents=True, exist_ok=True)
        settings.database_identity_file.write_text(json.dumps(record))
    except OSError as exc:  # a read-only home must not stop the worker
        log.warning("could not record the database identity: %s", exc)


def _use_uvloop() -> None:
    """uvloop where installed: Faust's per-message path runs on the event loop, and uvloop
    made it about a quarter faster (STREAM-NOTES.md)."""
    try:
        import uvloop
    except ImportError:  # not on Windows
        return
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())


def run_worker(settings: Settings) -> None:
    """Block until SIGTERM/SIGINT. ``settings.kafka_bootstrap`` must be resolved already."""
    limit_malloc_arenas()  # before any thread: resident memory stays flat over long runs
    _use_uvloop()
    registry = ModelRegistry(settings.models_dir)
    taxonomy = load_taxonomy(settings.config_dir)
    classifier = promoted_or_starter(registry, taxonomy, read_table(STARTER_DATASET))
    prepare_redaction()  # before the first batch, not during it
    engine = open_database(settings.sqlalchemy_url, migrate_schema=settings.database_auto_migrate)
    ensure_topics(settings)  # our partition count, even if the worker starts before any ingest
    state = WorkerState(
        classifier=classifier,
        registry=registry,
        engine=engine,
        database_identity=database_identity(engine),
        follow_up_rule=load_service_standards(settings.config_dir).follow_up,
    )
    _remember_identity(settings, state.database_identity)
    app = create_app(settings, state)
    log.info(
        "worker %s: model %s, database %s, redaction %s",
        state.worker_id,
        classifier.version,
        engine.url.render_as_string(hide_password=True),
        "compiled" if running_compiled() else "as Python (not compiled: about a quarter slower)",
    )
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    freeze_long_lived_objects()
    try:
        worker.execute_from_commandline()
    finally:
        state.pause.stopping.set()  # a batch still waiting for the database gives up, unacked
        try:
            record_worker_stopped(engine, state.worker_id)
        except SinkError as exc:
            log.warning("could not record the stop: %s", exc)
        engine.dispose()
