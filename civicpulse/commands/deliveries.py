"""``civicpulse deliveries list|release``: the digest delivery ledger, and freeing a delivery
whose sender died mid-attempt (left ``pending``), so that the next run sends it."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated

import typer

from civicpulse.context import command_context, console, fail, fail_on, reading_database
from civicpulse.output import Format, rich_table
from contracts import PipelineError
from sinks import delivery_records, open_database, release_delivery

deliveries_app = typer.Typer(help="The digest delivery ledger.", no_args_is_help=True)


@deliveries_app.command("list")
def list_deliveries(
    key: Annotated[str | None, typer.Option(help="Only this digest (its key)")] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """Every digest x recipient x channel: delivered, failed (retried next run) or pending."""
    ctx = command_context()
    with reading_database(ctx, "the delivery ledger") as engine:
        try:
            records = delivery_records(engine, key)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    if format is Format.json:
        rows = [{**asdict(r), "created_at": r.created_at.isoformat(),
                 "delivered_at": r.delivered_at.isoformat() if r.delivered_at else None}
                for r in records]  # fmt: skip
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    console.print(
        rich_table(
            f"{len(records)} delivery(ies)",
            ["digest", "recipient", "channel", "status", "attempts", "last error"],
            [[r.key, r.recipient, r.channel, r.status, r.attempts, r.last_error or ""]
             for r in records],
            numeric=("attempts",),
        )
    )  # fmt: skip


@deliveries_app.command("release")
def release_stuck_delivery(
    key: Annotated[str, typer.Argument(help="The digest's key (see `deliveries list`)")],
    recipient: Annotated[str, typer.Option(help="The recipient's address")],
    channel: Annotated[str, typer.Option(help="smtp, directory or webhook")],
) -> None:
    """Mark a delivery stuck in "pending" as failed, so the next run sends it. Only for one
    whose sender is known to have died: a live sender's attempt would then be sent twice."""
    ctx = command_context()
    try:
        engine = open_database(ctx.settings.sqlalchemy_url)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    if not release_delivery(engine, key, recipient, channel):
        raise fail(f"no pending delivery of {key!r} to {recipient} by {channel}")
    console.print(f"released {key} to {recipient} by {channel}: the next run sends it")
