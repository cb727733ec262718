"""``civicpulse actions add|list|tell``: the "you said, we did" log. An action answers a theme
(service and category, optionally a ward, a period or named contacts); each contact in the
theme is told through one event on the ``actions.told`` topic, for a CRM to write to them."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import UTC, date, datetime
from typing import Annotated

import typer
from pydantic import ValidationError
from sqlalchemy import Engine

from civicpulse.broker_address import with_broker
from civicpulse.context import (
    CommandContext,
    command_context,
    console,
    fail,
    fail_on,
    reading_database,
)
from civicpulse.output import Format, rich_table
from contracts import (
    ActionEntry,
    ActionOutcome,
    ActionTheme,
    ContactToldOfAction,
    ContactType,
    PipelineError,
    Topic,
    local_date,
)
from ingest import KafkaPublisher
from insights.actions import ActionReport, action_reports
from sinks import (
    StoredAction,
    mark_told,
    open_database,
    record_action,
    stored_actions,
    untold_contacts,
)

actions_app = typer.Typer(
    help='"You said, we did": what was done about a theme.', no_args_is_help=True
)


@actions_app.command("add")
def add_action(
    service: Annotated[str, typer.Option(help="The theme's service id")],
    category: Annotated[str, typer.Option(help="The theme's category id")],
    did: Annotated[str | None, typer.Option("--did", help="What was done")] = None,
    not_done: Annotated[str | None, typer.Option("--not-done", help="Why nothing was done")] = None,
    on: Annotated[str | None, typer.Option(help="When it was done, YYYY-MM-DD (today)")] = None,
    contact_type: Annotated[ContactType, typer.Option()] = ContactType.complaint,
    ward: Annotated[str | None, typer.Option(help="Only contacts from this ward")] = None,
    period: Annotated[str | None, typer.Option(help="Only contacts in this period")] = None,
    contact: Annotated[
        list[str] | None, typer.Option(help="Only these contacts (repeat the option)")
    ] = None,
    by: Annotated[str, typer.Option(help="Who records it")] = "civicpulse",
    tell: Annotated[
        bool, typer.Option(help="Publish one event per contact for the CRM to tell them")
    ] = True,
) -> None:
    """Record what was done about a theme (or why nothing was), and tell its contacts."""
    ctx = command_context()
    entry = _entry(ctx, service, category, did, not_done, on, contact_type, ward, period,
                   contact or [], by)  # fmt: skip
    try:
        action = record_action(open_database(ctx.settings.sqlalchemy_url), entry)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(
        f"Recorded action {action.action_id}: {action.contacts} contact(s) on the theme.",
        highlight=False,
    )
    if tell:
        _tell(ctx, action.action_id, action)


@actions_app.command("tell")
def tell_contacts(
    action_id: Annotated[str, typer.Argument(help="The action's id (see `actions list`)")],
) -> None:
    """Publish the events of an action's contacts not yet told (after a broker outage)."""
    ctx = command_context()
    try:
        wanted = uuid.UUID(action_id)
    except ValueError as exc:
        raise fail(f"{action_id!r} is not an action id") from exc
    _tell(ctx, wanted, None)


@actions_app.command("list")
def list_actions(
    service: Annotated[str | None, typer.Option(help="Only this service")] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """The action log, newest first, with the measured effect on each theme."""
    ctx = command_context()
    with reading_database(ctx, "actions") as engine:
        try:
            reports = action_reports(
                engine,
                ctx.reference.taxonomy,
                services=[service] if service else None,
                today=local_date(datetime.now(UTC)),
            )
        except PipelineError as exc:
            raise fail_on(exc) from exc
    if format is Format.json:
        sys.stdout.write(json.dumps([r.record() for r in reports], indent=2) + "\n")
        return
    console.print(
        rich_table(
            f"{len(reports)} action(s)",
            ["taken on", "theme", "outcome", "summary", "contacts", "told", "effect"],
            [_row(r) for r in reports],
            numeric=("contacts", "told"),
        )
    )


def _row(report: ActionReport) -> list[object]:
    a = report.action
    theme = f"{report.service_name}: {report.category_name}"
    if a.theme.ward:
        theme += f" ({a.theme.ward})"
    outcome = "done" if a.outcome is ActionOutcome.done else "not done"
    return [a.taken_on.isoformat(), theme, outcome, report.public_summary, a.contacts, a.told,
            report.effect.describe()]  # fmt: skip


def _entry(
    ctx: CommandContext,
    service: str,
    category: str,
    did: str | None,
    not_done: str | None,
    on: str | None,
    contact_type: ContactType,
    ward: str | None,
    period: str | None,
    contacts: list[str],
    by: str,
) -> ActionEntry:
    if (did is None) == (not_done is None):
        raise fail("say what was done (--did TEXT) or why nothing was (--not-done TEXT), not both")
    taxonomy = ctx.reference.taxonomy
    if service not in taxonomy.service_ids:
        raise fail(f"unknown service {service!r}; known: {', '.join(taxonomy.service_ids)}")
    categories = [c.id for c in taxonomy.service(service).categories]
    if category not in categories:
        raise fail(f"unknown category {category!r} of {service}; known: {', '.join(categories)}")
    try:
        return ActionEntry(
            theme=ActionTheme(
                service=service,
                category=category,
                contact_type=contact_type,
                ward=ward,
                period=period,
                contact_ids=tuple(uuid.UUID(c) for c in contacts),
            ),
            outcome=ActionOutcome.done if did is not None else ActionOutcome.not_done,
            summary=did if did is not None else not_done,
            taken_on=date.fromisoformat(on) if on else local_date(datetime.now(UTC)),
            recorded_by=by,
        )
    except (ValidationError, ValueError) as exc:
        raise fail(f"cannot record the action: {exc}") from exc


def _tell(ctx: CommandContext, action_id: uuid.UUID, action: StoredAction | None) -> None:
    """One event per untold contact; each is marked told only once the broker has it."""
    try:
        engine = open_database(ctx.settings.sqlalchemy_url)
        contacts = untold_contacts(engine, action_id)
        if not contacts:
            console.print("Every contact of this action has been told.")
            return
        action = action or _stored(engine, action_id)
        at = datetime.now(UTC)
        events = [
            (cid, ContactToldOfAction(
                action_id=action_id, contact_id=cid, service=action.theme.service,
                category=action.theme.category, outcome=action.outcome,
                summary=action.summary, taken_on=action.taken_on, told_at=at,
            ))
            for cid in contacts
        ]  # fmt: skip
        publisher = KafkaPublisher(with_broker(ctx.settings))
        try:
            publisher.publish(Topic.actions_told, events)
        finally:
            publisher.close()
        mark_told(engine, action_id, contacts, at)
    except PipelineError as exc:
        raise fail(
            f"{exc}; the action is recorded: run `civicpulse actions tell {action_id}` to retry"
        ) from exc
    console.print(f"Told {len(contacts)} contact(s) (topic actions.told).")


def _stored(engine: Engine, action_id: uuid.UUID) -> StoredAction:
    for action in stored_actions(engine):
        if action.action_id == action_id:
            return action
    raise fail(f"no action with id {action_id}")
