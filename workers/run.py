"""Running a worker process: model, database, topics, then the Faust worker until a signal."""

from __future__ import annotations

import logging

import faust

from classifiers import STARTER_DATASET, ModelRegistry, promoted_or_starter
from config import Settings, load_service_standards, load_taxonomy
from ingest import ensure_topics, read_table
from sinks import open_database, record_worker_stopped
from workers.app import WorkerState, create_app

log = logging.getLogger(__name__)


def run_worker(settings: Settings) -> None:
    """Block until SIGTERM/SIGINT. ``settings.kafka_bootstrap`` must be resolved already."""
    registry = ModelRegistry(settings.models_dir)
    taxonomy = load_taxonomy(settings.config_dir)
    classifier = promoted_or_starter(registry, taxonomy, read_table(STARTER_DATASET))
    engine = open_database(settings.sqlalchemy_url, migrate_schema=settings.database_auto_migrate)
    ensure_topics(settings)  # our partition count, even if the worker starts before any ingest
    follow_up_rule = load_service_standards(settings.config_dir).follow_up
    state = WorkerState(
        classifier=classifier, registry=registry, engine=engine, follow_up_rule=follow_up_rule
    )
    app = create_app(settings, state)
    log.info(
        "worker %s: model %s, database %s",
        state.worker_id,
        classifier.version,
        engine.url.render_as_string(hide_password=True),
    )
    worker = faust.Worker(app, loglevel=settings.log_level.lower(), quiet=True)
    try:
        worker.execute_from_commandline()
    finally:
        record_worker_stopped(engine, state.worker_id)
        engine.dispose()
