"""``civicpulse actions add | list``: the "you said, we did" log of what was done about a
theme residents raised (service and category, optionally ward, period and contacts), or why
nothing was done. Actions appear in the digests of their service."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date
from typing import Annotated

import typer

from civicpulse.context import command_context, console, fail
from civicpulse.output import Format, rich_table
from contracts import ContractError, parse_period
from sinks import actions, add_action, make_engine

actions_app = typer.Typer(help='"You said, we did": what was done about a theme.')


def register(app: typer.Typer) -> None:
    app.add_typer(actions_app, name="actions")


@actions_app.command("add")
def actions_add(
    service: Annotated[str, typer.Option(help="Service id or name (taxonomy.yaml)")],
    category: Annotated[str, typer.Option(help="Category id or name within the service")],
    did: Annotated[str | None, typer.Option("--did", help="What was done")] = None,
    not_done: Annotated[str | None, typer.Option("--not-done", help="Why nothing was done")] = None,
    ward: Annotated[str | None, typer.Option(help="Only this ward's residents raised it")] = None,
    period: Annotated[str | None, typer.Option(help="When it was raised, e.g. 2025/26-Q3")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Date done (default today)")] = None,
    contact: Annotated[
        list[str] | None, typer.Option(help="A contact id the theme covers (repeatable)")
    ] = None,
) -> None:
    """Record what was done about a theme (or, with --not-done, why nothing was done)."""
    ctx = command_context()
    if (did is None) == (not_done is None):
        raise fail("say what was done (--did TEXT) or why nothing was (--not-done TEXT)")
    taxonomy = ctx.reference.taxonomy
    service_id = taxonomy.resolve_service(service)
    category_id = taxonomy.resolve_category(category)
    if service_id is None or category_id is None:
        raise fail(f"unknown service {service!r} or category {category!r} (see taxonomy.yaml)")
    if taxonomy.service_of_category[category_id] != service_id:
        raise fail(f"category {category_id!r} is not in service {service_id!r}")
    try:
        period_label = parse_period(period).label if period else None
        taken_on = date.fromisoformat(on) if on else date.today()
        contact_ids = tuple(uuid.UUID(c) for c in contact or ())
    except (ContractError, ValueError) as exc:
        raise fail(str(exc)) from exc
    engine = make_engine(ctx.settings.sqlalchemy_url)
    try:
        record = add_action(
            engine,
            service=service_id,
            category=category_id,
            ward=ctx.reference.resolve_ward(ward) or ward if ward else None,
            period=period_label,
            taken_on=taken_on,
            done=did,
            not_done_reason=not_done,
            contact_ids=contact_ids,
        )
    finally:
        engine.dispose()
    console.print(f"action {record.action_id} recorded for {service_id} / {category_id}")


@actions_app.command("list")
def actions_list(
    service: Annotated[str | None, typer.Option(help="Only this service")] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """Actions, most recent first."""
    ctx = command_context()
    engine = make_engine(ctx.settings.sqlalchemy_url)
    try:
        found = actions(engine, services=(service,) if service else None)
    finally:
        engine.dispose()
    if format == Format.json:
        rows = [
            {
                "action_id": str(a.action_id),
                "service": a.service,
                "category": a.category,
                "ward": a.ward,
                "period": a.period,
                "taken_on": a.taken_on.isoformat(),
                "done": a.done,
                "not_done_reason": a.not_done_reason,
                "contacts": len(a.contact_ids),
            }
            for a in found
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    console.print(
        rich_table(
            f"{len(found)} action(s)",
            ["date", "service", "category", "ward", "raised in", "we did / why not"],
            [
                [
                    a.taken_on.isoformat(),
                    ctx.reference.taxonomy.service_name(a.service),
                    a.category,
                    a.ward or "",
                    a.period or "",
                    a.done or f"nothing: {a.not_done_reason}",
                ]
                for a in found
            ],
        )
    )
