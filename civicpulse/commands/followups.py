"""``civicpulse followups`` (follow-ups of dissatisfied ratings, their due dates and who has
them), ``civicpulse followups update`` and ``civicpulse ratings link`` (the signed URL a
resident rates a response at)."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import UTC, datetime
from typing import Annotated

import typer

from civicpulse.context import command_context, console, fail, fail_on, reading_database
from civicpulse.output import Format, rich_table
from config import load_service_standards
from contracts import FollowUpStatus, PipelineError
from ingest import rating_link
from insights import (
    FOLLOW_UP_FIELDS,
    WorkingCalendar,
    check_status_change,
    follow_up_view,
    follow_up_views,
)
from sinks import contact_exists, follow_ups, update_follow_up

followups_app = typer.Typer(
    help="Follow-ups of dissatisfied ratings: list them, record what was done.",
    invoke_without_command=True,
)
ratings_app = typer.Typer(help="Satisfaction ratings: links for residents.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(followups_app, name="followups")
    app.add_typer(ratings_app, name="ratings")


@followups_app.callback()
def followups_list(
    ctx: typer.Context,
    service: Annotated[str | None, typer.Option(help="Only this service")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue ones")] = False,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """Follow-ups, oldest first, with due date (working days) and whether overdue."""
    if ctx.invoked_subcommand is not None:
        return
    cmd = command_context()
    rule = load_service_standards(cmd.settings.config_dir).follow_up
    with reading_database(cmd, "follow-ups") as engine:
        try:
            records = follow_ups(engine, service=service)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    views = follow_up_views(
        records, rule, WorkingCalendar(), datetime.now(UTC), overdue_only=overdue
    )
    if format == Format.json:
        rows = [{k: v.json_row()[k] for k in FOLLOW_UP_FIELDS} for v in views]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    taxonomy = cmd.reference.taxonomy
    console.print(
        rich_table(
            f"{len(views)} follow-up(s)" + (" overdue" if overdue else ""),
            ["follow-up", "service", "opened", "due", "status", "overdue", "owner", "why"],
            [
                [
                    v.followup_id,
                    taxonomy.service_name(v.service) if v.service else "(contact not stored)",
                    f"{v.opened_at:%Y-%m-%d}",
                    v.due,
                    v.status.value,
                    "OVERDUE" if v.overdue else "",
                    v.owner or "",
                    v.reason + (f"; {v.note}" if v.note else ""),
                ]
                for v in views
            ],
        )
    )


@followups_app.command("update")
def followups_update(
    followup_id: Annotated[str, typer.Argument(help="The follow-up's id")],
    status: Annotated[FollowUpStatus, typer.Option(help="The new status")],
    note: Annotated[
        str | None, typer.Option(help="What was done (the reason, when closing without action)")
    ] = None,
    owner: Annotated[str | None, typer.Option(help="Who has it now")] = None,
) -> None:
    """Record what was done about a follow-up."""
    cmd = command_context()
    try:
        wanted = uuid.UUID(followup_id)
    except ValueError as exc:
        raise fail(f"{followup_id!r} is not a follow-up id (a UUID)") from exc
    rule = load_service_standards(cmd.settings.config_dir).follow_up
    now = datetime.now(UTC)
    with reading_database(cmd, "follow-ups") as engine:
        try:
            check_status_change(status, note)
            record = update_follow_up(engine, wanted, status, note=note, owner=owner, now=now)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    view = follow_up_view(record, rule, WorkingCalendar(), now)
    console.print(f"follow-up {view.followup_id}: {view.status.value} (due {view.due})")


@ratings_app.command("link")
def ratings_link(
    contact_id: Annotated[str, typer.Argument(help="The contact whose response is rated")],
) -> None:
    """Print the signed URL at which the resident rates the response to CONTACT_ID."""
    cmd = command_context()
    try:
        wanted = uuid.UUID(contact_id)
    except ValueError as exc:
        raise fail(f"{contact_id!r} is not a contact id (a UUID)") from exc
    with reading_database(cmd, "contacts") as engine:
        known = contact_exists(engine, wanted)
    if not known:
        raise fail(f"no contact {wanted} is stored: a link can only rate a stored contact")
    sys.stdout.write(rating_link(cmd.settings, wanted) + "\n")
