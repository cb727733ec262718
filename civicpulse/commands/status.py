"""``civicpulse status``: broker, database, worker, lag, outbox and what is stored, as a table
or JSON; with ``--wait-idle`` a progress bar until everything published is processed."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import Progress, TaskID

from civicpulse.context import CommandContext, command_context, console, fail
from civicpulse.output import Format
from config import Settings
from contracts import PipelineError
from sinks import SinkError, StoreStatus, database_health, make_engine, store_status

if TYPE_CHECKING:
    from sqlalchemy import Engine


def register(app: typer.Typer) -> None:
    app.command("status")(status)


def collect_status(ctx: CommandContext) -> dict[str, Any]:
    """Everything ``status`` reports, as one JSON-ready dict with ``ok``."""
    # Imported here, not with the module: only status talks to Kafka, so `trends` and
    # `contacts export` start without kafka-python.
    from civicpulse.broker_address import with_broker
    from civicpulse.stream_status import stream_status

    settings = ctx.settings
    report: dict[str, Any] = {"home": str(settings.home)}
    try:
        settings = with_broker(settings)
        stream = stream_status(settings)
        report["broker"] = {
            "reachable": stream.reachable,
            "bootstrap": settings.kafka_bootstrap,
            "error": stream.error,
        }
        report["published"] = stream.published
        report["consumer_lag"] = stream.lag
        report["dead_letters_on_topic"] = stream.dead_letters_on_topic
    except PipelineError as exc:
        stream = None
        report["broker"] = {
            "reachable": False,
            "bootstrap": settings.kafka_bootstrap,
            "error": str(exc),
        }
    engine = make_engine(settings.sqlalchemy_url, must_exist=True)  # never creates a file
    try:
        health = database_health(engine, expected_identity=remembered_identity(settings))
        report["database"] = {
            "reachable": health.reachable,
            "writable": health.writable,
            "identity": health.identity,
            "url": engine.url.render_as_string(hide_password=True),
            "error": health.problem,
        }
        if health.reachable:
            schema = _schema(engine)
            problem = schema.pop("error", None)
            report["database"].update(schema)
            report["database"]["error"] = report["database"]["error"] or problem
            try:
                stored = store_status(engine, settings.worker_alive_after_seconds)
            except SinkError as exc:
                stored = None
                report["database"]["error"] = (
                    f"not initialised ({type(exc).__name__}); start a worker"
                )
            if stored is not None:
                report.update(
                    contacts_stored=stored.contacts,
                    ratings_stored=stored.ratings,
                    ratings_awaiting_contact=stored.ratings_awaiting_contact,
                    dead_letters=stored.dead_letters,
                    workers=stored.workers_alive,
                )
                report["worker_problem"] = worker_problem(stored)
    finally:
        engine.dispose()
    report["outbox"] = outbox_counts(settings)
    report["worker_alive"] = bool(report.get("workers")) and not report.get("worker_problem")
    if not report.get("workers") and not report.get("worker_problem"):
        report["worker_problem"] = "no worker has recorded a heartbeat recently"
    report["ok"] = bool(
        report["broker"]["reachable"]
        and report["database"]["reachable"]
        and report["database"]["writable"]
        and report["database"].get("schema_current", False)
        and report["worker_alive"]
    )
    report["idle"] = bool(report["ok"] and stream is not None and stream.total_lag == 0)
    return report


def wait_until_idle(ctx: CommandContext, timeout: float, *, show: bool = True) -> dict[str, Any]:
    """Poll ``status`` until idle or ``timeout``; with ``show``, a progress bar of contacts
    stored against stored + waiting messages, with the rate and an ETA. Returns the last report."""
    from civicpulse.progress import rate_progress

    deadline = time.monotonic() + timeout
    report = collect_status(ctx)
    # Only for people: JSON on stdout must stay JSON.
    progress = rate_progress(console) if show else None
    task = progress.add_task("contacts stored", total=None) if progress else None
    try:
        while True:
            if progress is not None and task is not None:
                _show_stored(progress, task, report)
            if report["idle"] or time.monotonic() >= deadline:
                return report
            if progress is not None and not progress.live.is_started:
                progress.start()
            time.sleep(1.0)
            report = collect_status(ctx)
    finally:
        if progress is not None:
            progress.stop()


def _show_stored(progress: Progress, task: TaskID, report: dict[str, Any]) -> None:
    stored = int(report.get("contacts_stored") or 0)
    waiting = sum((report.get("consumer_lag") or {}).values())
    progress.update(task, completed=stored, total=stored + waiting)


def _schema(engine: Engine) -> dict[str, Any]:
    """The schema revision found and whether it is the one this code needs; if not, what to
    do about it."""
    from sinks import SchemaNewerError, SchemaOutOfDateError, head_revision, require_current_schema

    try:
        require_current_schema(engine)
    except SchemaNewerError as exc:
        return {"schema": exc.found, "schema_current": False, "error": str(exc)}
    except SchemaOutOfDateError as exc:  # older (its own words are for a worker)
        return {
            "schema": exc.found,
            "schema_current": False,
            "error": f"schema at revision {exc.found or '(none)'}, this CivicPulse needs "
            f"{exc.wanted}: a worker migrates it when it starts, or `civicpulse db upgrade`",
        }
    except SinkError as exc:
        return {"schema": None, "schema_current": False, "error": f"schema unreadable: {exc}"}
    return {"schema": head_revision(), "schema_current": True}


def worker_problem(stored: StoreStatus) -> str | None:
    """Why the workers are not OK, in words; None when one is alive with nothing wrong."""
    troubled = [w for w in stored.workers_alive if w.get("problem")]
    if stored.workers_alive and not troubled:
        return None
    if troubled:
        return f"worker {troubled[-1]['worker_id']}: {troubled[-1]['problem']}"
    if stored.workers_silent:
        last = stored.workers_silent[-1]
        said = f"; it last reported: {last['problem']}" if last.get("problem") else ""
        return f"no heartbeat since {last['last_seen_at']} (worker {last['worker_id']}){said}"
    return None


def remembered_identity(settings: Settings) -> str | None:
    """The database identity this home's workers last opened, if they recorded one for the
    same database URL."""
    try:
        record = json.loads(settings.database_identity_file.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("url") != settings.sqlalchemy_url:
        return None
    identity = record.get("identity")
    return identity if isinstance(identity, str) else None


def outbox_counts(settings: Settings) -> dict[str, int] | None:
    """Accepted records not yet known to be stored (None when this home has no outbox)."""
    if not settings.outbox_file.exists():
        return None
    from ingest import Outbox  # ingest brings kafka: only status needs it

    counts = Outbox(settings.outbox_file).counts()
    return {"unsent": counts.unsent, "awaiting_storage": counts.awaiting_storage}


def status(
    format: Annotated[Format, typer.Option("--format", help="table or json")] = Format.table,
    wait_idle: Annotated[
        bool, typer.Option("--wait-idle", help="Wait until everything published is processed")
    ] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait with --wait-idle")] = 120.0,
) -> None:
    """Broker, database, worker, lag, contacts stored, dead letters; exit 0 only if all is well."""
    ctx = command_context()
    report = collect_status(ctx)
    if wait_idle and not report["idle"]:
        report = wait_until_idle(ctx, timeout, show=format == Format.table)
    if format == Format.json:
        sys.stdout.write(json.dumps(report, indent=2, default=str) + "\n")
    else:
        _print_status(report)
    if wait_idle and not report["idle"]:
        raise fail(f"not idle after {timeout:.0f}s (lag {report.get('consumer_lag')})", code=2)
    if not report["ok"]:
        raise typer.Exit(1)


def _print_status(report: dict[str, Any]) -> None:
    mark = {True: "[green]ok[/]", False: "[red]NOT OK[/]"}
    broker = report["broker"]
    console.print(
        f"broker     {mark[broker['reachable']]}  {broker.get('bootstrap') or ''} "
        f"{broker.get('error') or ''}"
    )
    db = report["database"]
    db_ok = bool(db["reachable"] and db.get("writable") and db.get("schema_current"))
    console.print(f"database   {mark[db_ok]}  {db['url']} {db.get('error') or ''}", highlight=False)
    workers = report.get("workers") or []
    console.print(
        f"worker     {mark[bool(report['worker_alive'])]}  "
        + ", ".join(f"{w['worker_id']} (model {w['model_version']})" for w in workers)
        + (f" {report['worker_problem']}" if report.get("worker_problem") else ""),
        highlight=False,
    )
    if report.get("outbox"):
        outbox = report["outbox"]
        console.print(
            f"outbox     {outbox['unsent']} to send, "
            f"{outbox['awaiting_storage']} sent and awaiting storage"
        )
    if "consumer_lag" in report:
        console.print(
            f"lag        {sum(report['consumer_lag'].values())} message(s) waiting  "
            f"{report['consumer_lag']}"
        )
    for key in ("contacts_stored", "ratings_stored", "ratings_awaiting_contact", "dead_letters"):
        if key in report:
            console.print(f"{key.replace('_', ' '):<26} {report[key]}")
