"""The ``civicpulse`` console script: one command, a subcommand per job."""

from __future__ import annotations

import logging

import typer
import uvicorn

from civicpulse import commands, demo, deployment
from civicpulse.broker_address import with_broker
from civicpulse.context import command_context, console, fail_on
from civicpulse.embedded_broker import EmbeddedBroker
from civicpulse.stack import Stack
from contracts import PipelineError

app = typer.Typer(
    help="CivicPulse: citizen contacts in, categorised trends out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
app.add_typer(commands.ingest.app, name="ingest")
app.add_typer(commands.read.contacts_app, name="contacts")
app.add_typer(commands.deliveries.deliveries_app, name="deliveries")
commands.read.register(app)
commands.model.register(app)
commands.contract.register(app)
demo.register(app)
commands.alerts.register(app)
commands.report.register(app)
commands.review.register(app)
commands.lifecycle.register(app)
commands.followups.register(app)
commands.publish.register(app)
commands.actions.register(app)
deployment.register(app)
log = logging.getLogger("civicpulse")


@app.command()
def up() -> None:
    """Run broker (unless CIVICPULSE_KAFKA_BOOTSTRAP is set), worker and intake API in the
    foreground. Ctrl-C or SIGTERM stops all of them."""
    ctx = command_context()
    stack = Stack(ctx.settings)
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

    ctx = command_context()
    ctx.settings.home.mkdir(parents=True, exist_ok=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        running = EmbeddedBroker(address_file=ctx.settings.broker_file).start()
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
    from workers import run_worker

    ctx = command_context()
    try:
        run_worker(with_broker(ctx.settings))
    except PipelineError as exc:
        raise fail_on(exc) from exc


@app.command()
def serve() -> None:
    """Run the HTTP API (POST /contacts, POST /ratings, /review) on CIVICPULSE_API_PORT."""
    from civicpulse.explanations import promoted_model_explainer
    from web import create_app

    ctx = command_context()
    settings = ctx.settings
    if not settings.kafka_bootstrap:  # a configured broker may be down: the API answers 503
        try:
            settings = with_broker(settings)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    api = create_app(settings, ctx.reference, explainer=promoted_model_explainer(settings))
    uvicorn.run(api, host=settings.api_host, port=settings.api_port, log_level="warning")


def main() -> None:
    app()
