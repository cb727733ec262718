"""``civicpulse backfill``: years of realistic synthetic contacts (``samples``' multi-year
history) written straight into this home's database through the idempotent sink, in batches,
not through Kafka. For demos of trends, alerts, digests and the annual report."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine

from civicpulse.context import command_context, console, fail, fail_on
from classifiers import STARTER_DATASET
from contracts import PipelineError
from samples import HISTORY_SEED, HistoricContact, HistoryPlan, generate_history, load_texts
from sinks import PublicWording, SqlContactSink, open_database


def write_history(
    engine: Engine,
    contacts: Iterable[HistoricContact],
    *,
    batch_size: int = 2000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Store ``contacts`` through the sink, one transaction per batch; returns how many were
    written. Their text is already free of personal data, so it is stored as the public
    wording. Stable ids make a second run change nothing."""
    sink = SqlContactSink(engine)
    written = pending = 0
    for item in contacts:
        contact = item.contact
        sink.add(contact, item.classified, PublicWording(contact.subject, contact.text))
        pending += 1
        if pending == batch_size:
            written += sink.flush().contacts_written
            pending = 0
            if progress is not None:
                progress(written)
    if pending:
        written += sink.flush().contacts_written
        if progress is not None:
            progress(written)
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
    a new channel's lasting level shift and an emerging topic) into the database."""
    ctx = command_context()
    try:
        plan = HistoryPlan(date.fromisoformat(start), date.fromisoformat(end), per_year, seed=seed)
    except ValueError as exc:
        raise fail(f"--start/--end must be dates like 2021-04-01: {exc}") from exc
    try:
        engine = open_database(ctx.settings.sqlalchemy_url)
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
                engine, contacts, progress=lambda n: bar.update(task, completed=n)
            )
        engine.dispose()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(
        f"wrote {written:,} contacts from {plan.start} to {plan.end} to "
        f"{ctx.settings.sqlalchemy_url}"
    )
