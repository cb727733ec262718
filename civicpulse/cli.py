"""The ``civicpulse`` console script: one command, a subcommand per job.

Only what ``civicpulse --help`` needs is imported here: each subcommand's module (and the
libraries it uses) is imported when that subcommand runs (``civicpulse.lazy_commands``)."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from civicpulse.lazy_commands import LazyCommand, lazy_group

COMMANDS = "civicpulse.commands"
# Listed by `civicpulse --help` in this order, before the commands defined below.
LAZY_COMMANDS = (
    LazyCommand(
        "status",
        f"{COMMANDS}.status:register",
        "Broker, database, worker, lag, contacts stored, dead letters; exit 0 only if all is well.",
    ),
    LazyCommand(
        "trends",
        f"{COMMANDS}.read:register",
        "Counts per period and dimensions, against the previous period and a year before.",
    ),
    LazyCommand(
        "train",
        f"{COMMANDS}.model:register",
        "Train the classifier, save it as a new version with its evaluation report, and "
        "(by default, when it can be used as it is) promote it.",
    ),
    LazyCommand(
        "evaluate",
        f"{COMMANDS}.model:register",
        "Measure a saved model on labelled contacts: accuracy, macro-F1, per class, confusion "
        "matrix and calibration (tables and PNGs), and what its stored threshold auto-accepts.",
    ),
    LazyCommand(
        "schemas",
        f"{COMMANDS}.contract:register",
        "Write JSON Schema files for each event and the intake API's OpenAPI document.",
    ),
    LazyCommand(
        "demo",
        "civicpulse.demo:register",
        "Run the whole pipeline on the bundled sample contacts and print the trend table.",
    ),
    LazyCommand(
        "alerts",
        f"{COMMANDS}.alerts:register",
        "Counts that differ significantly from what their history predicts (trend, season, "
        "level shifts; false discoveries controlled across all series), with a reason each.",
    ),
    LazyCommand(
        "digest",
        f"{COMMANDS}.report:register",
        "A service manager's digest for one period: the table against the previous period and "
        "the same period last year, significant changes first, ward hotspots, emerging topics, "
        "compliments and example contacts.",
    ),
    LazyCommand(
        "backfill",
        f"{COMMANDS}.report:register",
        "Back-fill a multi-year realistic history (seasons, weekdays, growth, a spike, a drop, "
        "a new channel's lasting level shift and an emerging topic) into the database, with how "
        "each contact was answered (some late) and rated.",
    ),
    LazyCommand(
        "timeliness",
        f"{COMMANDS}.lifecycle:register",
        "Contacts received in the period: responses within target, median working days to "
        "respond, and contacts still open past a due date.",
    ),
    LazyCommand(
        "satisfaction",
        f"{COMMANDS}.lifecycle:register",
        "Ratings given in the period: share satisfied with its 95% interval, mean score, "
        "ratings per responded contact, and the direction against the previous period.",
    ),
    LazyCommand(
        "reclassify",
        f"{COMMANDS}.review:register",
        "Re-run stored contacts through the promoted model and correct the trend tables "
        "exactly. Labels a source system or a reviewer assigned are never touched.",
    ),
)
# Listed after the commands defined below.
LAZY_GROUPS = (
    LazyCommand("ingest", f"{COMMANDS}.ingest:app", "Put contacts onto the stream from files."),
    LazyCommand(
        "contacts", f"{COMMANDS}.read:contacts_app", "Stored contacts (never personal data)."
    ),
    LazyCommand(
        "deliveries", f"{COMMANDS}.deliveries:deliveries_app", "The digest delivery ledger."
    ),
    LazyCommand(
        "models",
        f"{COMMANDS}.model:register",
        "Model versions: list, promote, roll back, label an export.",
    ),
    LazyCommand("report", f"{COMMANDS}.report:register", "Reports for the steering group."),
    LazyCommand(
        "review",
        f"{COMMANDS}.review:register",
        "Contacts waiting for a person: list them, confirm or correct their labels.",
    ),
    LazyCommand(
        "followups",
        f"{COMMANDS}.followups:register",
        "Follow-ups of dissatisfied ratings: list them, record what was done.",
    ),
    LazyCommand(
        "ratings",
        f"{COMMANDS}.followups:register",
        "Satisfaction ratings: links for residents.",
    ),
    LazyCommand(
        "publish",
        f"{COMMANDS}.publish:register",
        "Tables for the public (small numbers suppressed).",
    ),
    LazyCommand(
        "actions",
        f"{COMMANDS}.actions:actions_app",
        '"You said, we did": what was done about a theme.',
    ),
    LazyCommand(
        "staff",
        f"{COMMANDS}.staff:register",
        "Staff access to the review routes: tokens and the audit trail.",
    ),
    LazyCommand("db", "civicpulse.deployment:register", "The database schema."),
    LazyCommand(
        "healthcheck",
        "civicpulse.deployment:register",
        "Exit 0 when this machine's API or worker is alive (container health checks).",
    ),
)

app = typer.Typer(
    cls=lazy_group(commands_first=LAZY_COMMANDS, groups_after=LAZY_GROUPS),
    help="CivicPulse: citizen contacts in, categorised trends out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
log = logging.getLogger("civicpulse")


@app.command()
def up(
    workers: Annotated[
        int | None,
        typer.Option(
            min=1,
            max=64,
            help="Worker processes (default CIVICPULSE_UP_WORKERS, 1): one per free core "
            "speeds a back-fill.",
        ),
    ] = None,
) -> None:
    """Run broker (unless CIVICPULSE_KAFKA_BOOTSTRAP is set), worker(s) and intake API in the
    foreground. Ctrl-C or SIGTERM stops all of them."""
    from civicpulse.context import command_context, console, fail_on
    from civicpulse.stack import Stack
    from contracts import PipelineError

    ctx = command_context()
    settings = ctx.settings if workers is None else ctx.settings.with_changes(up_workers=workers)
    stack = Stack(settings)
    stack.stop_on_signals()
    try:
        stack.start()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(
        f"CivicPulse is up: Kafka at [bold]{stack.bootstrap}[/], intake API at "
        f"[bold]{stack.api_url}[/] (docs at {stack.api_url}/docs). Ctrl-C stops it."
    )
    code = stack.supervise()
    stack.stop()
    raise typer.Exit(code)


@app.command()
def broker() -> None:
    """Run only the embedded Kafka-compatible broker (in memory) until Ctrl-C or SIGTERM."""
    import signal
    import threading

    from civicpulse.context import command_context, console, fail_on
    from civicpulse.embedded_broker import EmbeddedBroker, our_topics
    from contracts import PipelineError

    ctx = command_context()
    ctx.settings.home.mkdir(parents=True, exist_ok=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        running = EmbeddedBroker(
            address_file=ctx.settings.broker_file, prepare=our_topics(ctx.settings)
        ).start()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    try:
        console.print(
            f"Embedded broker listening on [bold]{running.bootstrap}[/] "
            f"(recorded in {ctx.settings.broker_file}). Ctrl-C stops it."
        )
        while not stop.wait(0.5):
            if running.process is not None and running.process.poll() is not None:
                raise typer.Exit(1)
    finally:
        running.stop()


@app.command()
def worker() -> None:
    """Run one Faust worker: classify and store contacts, store ratings."""
    from civicpulse.broker_address import with_broker
    from civicpulse.context import command_context, fail_on
    from contracts import PipelineError
    from workers import run_worker

    ctx = command_context()
    try:
        run_worker(with_broker(ctx.settings))
    except PipelineError as exc:
        raise fail_on(exc) from exc


@app.command()
def serve() -> None:
    """Run the HTTP API (POST /contacts, POST /ratings, /review) on CIVICPULSE_API_PORT."""
    import uvicorn

    from civicpulse.api_process import api_app, prepare_workers
    from civicpulse.broker_address import with_broker
    from civicpulse.context import command_context, fail_on
    from civicpulse.intake_outbox import build_relay
    from civicpulse.stack import refuse_a_taken_api_port
    from contracts import PipelineError

    ctx = command_context()
    settings = ctx.settings
    try:
        refuse_a_taken_api_port(settings)  # before the relay starts
    except PipelineError as exc:
        raise fail_on(exc) from exc
    if not settings.kafka_bootstrap:  # a configured broker may be down: the API answers 503
        try:
            settings = with_broker(settings)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    if settings.api_workers > 1:
        # Worker processes accept into the outbox; this process only relays it to the broker.
        relay = prepare_workers(settings).start()
        try:
            uvicorn.run(
                "civicpulse.api_process:create_api",
                factory=True,
                workers=settings.api_workers,
                host=settings.api_host,
                port=settings.api_port,
                log_level="warning",
                access_log=False,
            )
        finally:
            relay.stop()
        return
    # 202 means "in the intake outbox": the relay publishes it and forgets it once stored.
    relay = build_relay(settings).start()
    try:
        api = api_app(settings, ctx.reference, relay)
        uvicorn.run(
            api,
            host=settings.api_host,
            port=settings.api_port,
            log_level="warning",
            access_log=False,  # a line per request would be dropped at "warning" anyway
        )
    finally:
        relay.stop()


def main() -> None:
    try:
        app()
    except OSError as exc:
        # A path the user gave that cannot be read or written ("--out /mnt/share" not
        # mounted): one line, as for any other bad input. Other errors keep their traceback.
        if exc.filename is None or logging.getLogger().isEnabledFor(logging.DEBUG):
            raise
        from civicpulse.context import fail

        raise SystemExit(fail(f"{exc.filename}: {exc.strerror or exc}").exit_code) from exc
