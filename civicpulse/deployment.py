"""``civicpulse db upgrade | healthcheck api|worker``: what a container orchestrator runs around
the long-lived processes: the schema migration, once, before any worker starts, and the checks
that say whether this container's API or worker is alive."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from typing import Annotated

import httpx
import typer

from civicpulse.context import command_context, console, fail, reading_database
from sinks import SinkError, last_heartbeat, make_engine, migrate, schema_revision

# Addresses a server listens on that a client cannot connect to: ask the loopback instead.
WILDCARD_HOSTS = {"", "0.0.0.0", "::"}


def register(app: typer.Typer) -> None:
    db = typer.Typer(help="The database schema.", no_args_is_help=True)
    db.command("upgrade")(db_upgrade)
    app.add_typer(db, name="db")
    health = typer.Typer(
        help="Exit 0 when this machine's API or worker is alive (container health checks).",
        no_args_is_help=True,
    )
    health.command("api")(healthcheck_api)
    health.command("worker")(healthcheck_worker)
    app.add_typer(health, name="healthcheck")


def db_upgrade() -> None:
    """Migrate the database to this version's schema. Run it once before starting workers
    that have CIVICPULSE_DATABASE_AUTO_MIGRATE=false (docker-compose.yml's `migrate` service)."""
    ctx = command_context()
    engine = make_engine(ctx.settings.sqlalchemy_url)
    url = engine.url.render_as_string(hide_password=True)
    try:
        before = schema_revision(engine)
        migrate(engine)
        after = schema_revision(engine)
    except SinkError as exc:
        raise fail(f"cannot migrate the database at {url}: {exc}") from exc
    finally:
        engine.dispose()
    if before == after:
        console.print(f"Database at {url} is already at schema revision {after}.")
    else:
        console.print(
            f"Database at {url} migrated from schema revision {before or '(empty)'} to {after}."
        )


def healthcheck_api(
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the answer")] = 5.0,
) -> None:
    """Exit 0 when the intake API on this machine (CIVICPULSE_API_PORT) answers GET /health.

    Liveness only: the API stays up and answers 503 while Kafka is down, so a broker outage
    does not make it unhealthy."""
    settings = command_context().settings
    host = "127.0.0.1" if settings.api_host in WILDCARD_HOSTS else settings.api_host
    host = f"[{host}]" if ":" in host else host
    url = f"http://{host}:{settings.api_port}/health"
    try:
        response = httpx.get(url, timeout=timeout)
    except httpx.HTTPError as exc:
        raise fail(f"the intake API at {url} does not answer: {exc}") from exc
    if response.status_code != httpx.codes.OK:
        raise fail(f"the intake API at {url} answered {response.status_code}: {response.text}")
    console.print(f"Intake API at {url} is alive.")


def healthcheck_worker() -> None:
    """Exit 0 when a worker on this machine recorded a heartbeat in the database within
    CIVICPULSE_WORKER_ALIVE_AFTER_SECONDS."""
    ctx = command_context()
    settings = ctx.settings
    host = socket.gethostname()  # what the worker records (workers.WorkerState)
    with reading_database(ctx, "worker heartbeats") as engine:
        url = engine.url.render_as_string(hide_password=True)
        seen = last_heartbeat(engine, host)
    if seen is None:
        raise fail(f"no running worker on {host} has recorded a heartbeat in {url}")
    age = (datetime.now(UTC) - seen).total_seconds()
    if age > settings.worker_alive_after_seconds:
        raise fail(
            f"the worker on {host} last recorded a heartbeat {age:.0f}s ago, more than "
            f"CIVICPULSE_WORKER_ALIVE_AFTER_SECONDS={settings.worker_alive_after_seconds:g}"
        )
    console.print(f"Worker on {host} is alive (last heartbeat {age:.1f}s ago).")
