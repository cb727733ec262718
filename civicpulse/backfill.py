"""``civicpulse backfill``: years of realistic synthetic contacts (``samples``' multi-year
history), with their acknowledgements, responses (some late), escalations and ratings, written
straight into this home's database through the idempotent sinks, in batches, not through
Kafka. For demos of trends, alerts, digests, timeliness, satisfaction and the annual report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine

from civicpulse.context import command_context, console, fail, fail_on
from classifiers import STARTER_DATASET
from config import FollowUpRule, load_service_standards
from contracts import CaseEvent, PipelineError
from samples import (
    HISTORY_SEED,
    HistoricContact,
    HistoryPlan,
    generate_history,
    handling_of,
    load_texts,
)
from sinks import PublicWording, SqlContactSink, open_database, store_case_events


def write_history(
    engine: Engine,
    contacts: Iterable[HistoricContact],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
    handled_until: datetime | None = None,
    follow_up_rule: FollowUpRule | None = None,
) -> int:
    """Store ``contacts`` through the sink, one transaction per batch; returns how many were
    written. Their text is already free of personal data, so it is stored as the public
    wording. With ``handled_until``, each contact's acknowledgement, response (some late),
    escalation and rating up to that moment are stored too (dissatisfied ratings open
    follow-ups by ``follow_up_rule``). Stable ids make a second run change nothing."""
    sink = SqlContactSink(engine, follow_up_rule)
    written = 0
    batch: list[HistoricContact] = []
    for item in contacts:
        batch.append(item)
        if len(batch) == batch_size:
            written += _write_batch(engine, sink, batch, handled_until)
            batch = []
            if progress is not None:
                progress(written)
    if batch:
        written += _write_batch(engine, sink, batch, handled_until)
        if progress is not None:
            progress(written)
    return written


def _write_batch(
    engine: Engine,
    sink: SqlContactSink,
    batch: list[HistoricContact],
    handled_until: datetime | None,
) -> int:
    events: list[CaseEvent] = []
    for item in batch:
        contact = item.contact
        sink.add(contact, item.classified, PublicWording(contact.subject, contact.text))
        if handled_until is not None:
            handled = handling_of(contact, item.classified.contact_type, handled_until)
            events.extend(handled.events)
            if handled.rating is not None:
                sink.add_rating(handled.rating)
    written = sink.flush().contacts_written
    store_case_events(engine, events)  # after the contacts: their states join at once
    return written


def backfill(
    start: Annotated[str, typer.Option(help="First day (YYYY-MM-DD)")] = "2021-04-01",
    end: Annotated[str, typer.Option(help="Last day (YYYY-MM-DD)")] = "2026-03-31",
    per_year: Annotated[int, typer.Option(help="Contacts in the first year, before growth")] = (
        HistoryPlan.per_year
    ),
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same contacts)")] = (
        HISTORY_SEED
    ),
) -> None:
    """Back-fill a multi-year realistic history (seasons, weekdays, growth, a spike, a drop,
    a new channel's lasting level shift and an emerging topic) into the database, with how
    each contact was answered (some late) and rated."""
    ctx = command_context()
    try:
        plan = HistoryPlan(date.fromisoformat(start), date.fromisoformat(end), per_year, seed=seed)
    except ValueError as exc:
        raise fail(f"--start/--end must be dates like 2021-04-01: {exc}") from exc
    try:
        engine = open_database(ctx.settings.sqlalchemy_url)
        rule = load_service_standards(ctx.settings.config_dir, ctx.reference).follow_up
        contacts = generate_history(plan, ctx.reference, load_texts(STARTER_DATASET))
        with Progress(
            TextColumn("back-filling contacts"),
            BarColumn(),
            TextColumn("{task.completed:,}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:
            task = bar.add_task("backfill", total=None)
            written = write_history(
                engine,
                contacts,
                progress=lambda n: bar.update(task, completed=n),
                handled_until=datetime.now(UTC),
                follow_up_rule=rule,
            )
        engine.dispose()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(
        f"wrote {written:,} contacts from {plan.start} to {plan.end} to "
        f"{ctx.settings.sqlalchemy_url}"
    )
