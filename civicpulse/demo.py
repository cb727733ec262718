"""``civicpulse demo``: the whole pipeline on the bundled samples, end to end.

Starts the stack (embedded broker unless Kafka is configured), sends web forms, ratings and
responses (case events) through the intake API, emails and two CRM exports through ingest,
waits until the worker has stored everything, then prints and writes the trend table and
prints the satisfaction and timeliness tables. Safe to run again: every contact has a stable
id, so nothing is counted twice.
"""

from __future__ import annotations

import _thread
import json
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from civicpulse.charts import trend_chart
from civicpulse.commands.ingest import ingest_csv, ingest_email, post_all
from civicpulse.commands.model import train
from civicpulse.commands.read import TrendFormat, render_trends
from civicpulse.commands.status import wait_until_idle
from civicpulse.context import CommandContext, command_context, console, fail
from civicpulse.demo_lifecycle import (
    latest_rated_quarter,
    lifecycle_bodies,
    send_case_events,
    show_lifecycle_tables,
)
from civicpulse.output import Format, to_csv
from civicpulse.stack import Stack
from classifiers import STARTER_DATASET, ModelRegistry
from config import load_crm_profiles, load_service_standards
from contracts import ContactReceived, PipelineError, contact_id_for
from ingest import ContactSubmission, parse_crm_file, parse_mailbox, resolve_profile
from insights import WorkingCalendar, follow_up_views
from sinks import count_stored, follow_ups, make_engine, trend_table, trend_total

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "demo"
CRM_FILES = (("crm_export.csv", "verint_council"), ("housing_trust_export.csv", "housing_trust"))


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    samples: Annotated[
        Path, typer.Option(help="Folder with webforms.json, ratings.json, emails/ and CRM CSVs")
    ] = SAMPLES,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for the worker")] = 300.0,
) -> None:
    """Run the whole pipeline on the bundled sample contacts and print the trend table."""
    started = time.monotonic()
    ctx = command_context()
    expected = expected_contact_ids(ctx, samples)
    console.rule("[bold]CivicPulse demo")
    console.print(f"{len(expected)} distinct sample contacts; state in {ctx.settings.home}")
    if ModelRegistry(ctx.settings.models_dir).promoted_version() is None:
        console.rule("No model yet: training the starter classifier")
        train(from_=STARTER_DATASET, name="starter", promote=True, format=Format.table)
    stack = Stack(ctx.settings)
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)  # as Ctrl-C
    exits: list[str] = []  # bound before the watcher starts: an early Ctrl-C reads it too
    try:
        with _interrupted_if_a_part_exits(stack, exits):
            console.print("Starting broker, worker and intake API ...")
            stack.start()
            console.print(f"Kafka at {stack.bootstrap}, intake API at {stack.api_url}")
            _send_samples(ctx, stack, samples)
            console.print("Waiting for the worker to store everything ...")
            report = _wait_idle(ctx, timeout)
    except PipelineError as exc:
        raise fail(str(exc)) from exc
    except (KeyboardInterrupt, typer.Exit) as exc:
        if exits:  # a step stopped because a part of the stack had exited
            raise fail(f"{exits[0]} before the demo finished: its log is above") from None
        raise fail("interrupted", 130) if isinstance(exc, KeyboardInterrupt) else exc from None
    finally:
        stack.stop()
        signal.signal(signal.SIGTERM, previous)
    _show_results(ctx, expected, report, time.monotonic() - started)
    period = latest_rated_quarter(_sample_ratings(samples))
    if period is not None:
        engine = make_engine(ctx.settings.sqlalchemy_url)
        try:
            rule = load_service_standards(ctx.settings.config_dir).follow_up
            views = follow_up_views(follow_ups(engine), rule, WorkingCalendar(), datetime.now(UTC))
        finally:
            engine.dispose()
        show_lifecycle_tables(period, len(views), sum(v.overdue for v in views))


@contextmanager
def _interrupted_if_a_part_exits(stack: Stack, exits: list[str]) -> Iterator[None]:
    """Interrupt the demo, as Ctrl-C would, when its worker, API or broker exits (recorded in
    ``exits``): a worker that cannot start would otherwise leave the demo waiting out its
    timeout."""
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.5):
            if (what := stack.exited()) is not None:
                exits.append(what)
                _thread.interrupt_main(signal.SIGINT)
                return

    watcher = threading.Thread(target=watch, name="demo-watch", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()


def _sample_ratings(samples: Path) -> list[dict[str, Any]]:
    path = samples / "ratings.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def expected_contact_ids(ctx: CommandContext, samples: Path) -> set[Any]:
    """The ids every valid sample contact will have (stable, so known before sending)."""
    ids: set[Any] = set()
    for form in json.loads((samples / "webforms.json").read_text(encoding="utf-8")):
        ids.add(contact_id_for(form.get("source_system", "webform"), form["source_ref"]))
    ids.update(
        c.contact_id
        for c in parse_mailbox(samples / "emails", reference=ctx.reference)
        if isinstance(c, ContactReceived)
    )
    profiles = load_crm_profiles(ctx.settings.config_dir)
    for name, profile in CRM_FILES:
        parse = parse_crm_file(
            samples / name, profile=resolve_profile(profile, profiles), reference=ctx.reference
        )
        ids.update(c.contact_id for c in parse if isinstance(c, ContactReceived))
    return ids


def _send_samples(ctx: CommandContext, stack: Stack, samples: Path) -> None:
    forms = json.loads((samples / "webforms.json").read_text(encoding="utf-8"))
    console.rule("web forms -> POST /contacts")
    accepted, refused = post_all(stack.api_url, "/contacts", forms)
    console.print(f"{len(accepted)} accepted (202), {len(refused)} refused")
    ids = {
        ContactSubmission.model_validate(f).source_ref: a["contact_id"]
        for f, a in zip(forms, accepted, strict=False)
    }
    ratings_file = samples / "ratings.json"
    if ratings_file.exists():
        console.rule("satisfaction ratings -> POST /ratings")
        ratings = [
            {
                "contact_id": ids[r["contact_source_ref"]],
                "score": r["score"],
                "comment": r.get("comment"),
                "rated_at": r.get("rated_at"),
                "follow_up_requested": r.get("follow_up_requested", False),
                "source_ref": f"{r['contact_source_ref']}:{r.get('rated_at')}",
            }
            for r in json.loads(ratings_file.read_text(encoding="utf-8"))
            if r["contact_source_ref"] in ids
        ]
        done, bad = post_all(stack.api_url, "/ratings", ratings)
        console.print(f"{len(done)} accepted (202), {len(bad)} refused")
    console.rule("responses -> POST /contacts/{id}/events")
    events = lifecycle_bodies(
        forms, {str(k): str(v) for k, v in ids.items()}, _sample_ratings(samples)
    )
    console.print(f"{send_case_events(stack.api_url, events)} of {len(events)} accepted (202)")
    console.rule("emails -> ingest email")
    ingest_email(samples / "emails", rejects=None)
    for name, profile in CRM_FILES:
        console.rule(f"CRM export -> ingest csv --profile {profile}")
        ingest_csv(samples / name, profile=profile, column=None, rejects=None)


def _wait_idle(ctx: CommandContext, timeout: float) -> dict[str, Any]:
    report = wait_until_idle(ctx, timeout)
    if not report["idle"]:
        raise PipelineError(f"the worker did not catch up within {timeout:.0f}s: {report}")
    return report


def _show_results(
    ctx: CommandContext, expected: set[Any], report: dict[str, Any], seconds: float
) -> None:
    engine = make_engine(ctx.settings.sqlalchemy_url)
    try:
        stored = count_stored(engine, list(expected))
        counted = trend_total(engine)
        rows = trend_table(engine, "quarter", ["service", "contact_type"], last=1)
    finally:
        engine.dispose()
    console.rule(
        "Trend table: latest quarter against the previous quarter and the same quarter last year"
    )
    records = [r.record() for r in rows]
    render_trends(records, ["service", "contact_type"], ctx, TrendFormat.table, "quarter")
    out = ctx.settings.outputs_dir
    out.mkdir(parents=True, exist_ok=True)
    fields = [
        "service",
        "contact_type",
        "period",
        "count",
        "previous_count",
        "same_period_last_year_count",
    ]
    (out / "demo-trends.csv").write_text(to_csv(records, fields), encoding="utf-8")
    (out / "demo-trends.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    chart = trend_chart(records, ctx.reference.taxonomy, out / "demo-trends.png")
    console.print(f"Written: {out / 'demo-trends.csv'}, {out / 'demo-trends.json'}, {chart}")
    ok = stored == len(expected)
    console.print(
        f"Sample contacts stored: {stored} of {len(expected)}; contacts in the database: "
        f"{report.get('contacts_stored')}; counted in the trend table: {counted}; "
        f"dead letters: {report.get('dead_letters')}; ratings: {report.get('ratings_stored')}"
    )
    console.print(
        (
            "[green]Every sample contact is stored and counted exactly once.[/]"
            if ok and counted == report.get("contacts_stored")
            else "[red]Counts do not match: see above.[/]"
        )
        + f" Demo took {seconds:.0f}s."
    )
    if not ok:
        raise typer.Exit(1)
