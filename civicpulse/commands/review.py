"""``civicpulse review`` (the queue of contacts the classifier was unsure about, confirm or
correct them) and ``civicpulse reclassify`` (re-run history through the promoted model)."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date
from typing import Annotated, Any

import typer

from civicpulse.broker_address import with_broker
from civicpulse.context import command_context, console, fail, fail_on, reading_database
from civicpulse.intake_outbox import durable_publisher
from civicpulse.output import Format, rich_table
from contracts import ContactType, PipelineError, Topic
from ingest import BrokerUnavailableError, ReviewDecision, publish_reviews, review_event
from sinks import contact_details, review_queue

review_app = typer.Typer(
    help="Contacts waiting for a person: list them, confirm or correct their labels.",
    invoke_without_command=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
    app.command("reclassify")(reclassify)


@review_app.callback()
def review_list(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="How many to show")] = 20,
    service: Annotated[str | None, typer.Option(help="Only this service")] = None,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """List contacts needing review, least confident first, with suggestions and the words
    that pushed each to its label."""
    if ctx.invoked_subcommand is not None:
        return
    cmd = command_context()
    with reading_database(cmd, "the review queue") as engine:
        items, waiting = review_queue(engine, limit=limit, service=service)
    explainer = _explainer(cmd.settings)
    rows = [_row(item, explainer) for item in items]
    if format == Format.json:
        sys.stdout.write(
            json.dumps({"waiting": waiting, "items": rows}, indent=2, default=str) + "\n"
        )
        return
    console.print(
        rich_table(
            f"{waiting} contact(s) need review (showing {len(rows)})",
            ["contact", "received", "text", "suggestions", "why"],
            [
                [r["contact_id"], r["received_at"][:10], r["text"][:80], r["suggested"], r["why"]]
                for r in rows
            ],
        )
    )
    console.print(
        "Confirm with `civicpulse review confirm ID`, correct with "
        "`civicpulse review correct ID --category C`."
    )


def _explainer(settings: Any) -> Any:
    from civicpulse.explanations import promoted_model_explainer

    return promoted_model_explainer(settings)


def _row(item: Any, explainer: Any) -> dict[str, Any]:
    text = f"{item.subject}\n{item.text}" if item.subject else item.text
    words = explainer(text) if explainer else []
    suggested = "; ".join(f"{s['category']} {s['probability']:.0%}" for s in item.suggestions[:3])
    return {
        "contact_id": str(item.contact_id),
        "received_at": item.received_at.isoformat(),
        "text": item.text,
        "contact_type": item.contact_type,
        "service": item.service,
        "category": item.category,
        "confidence": item.confidence,
        "suggestions": item.suggestions,
        "explanation": [{"word": w, "weight": round(x, 4)} for w, x in words],
        "suggested": suggested or f"{item.category} {item.confidence:.0%}",
        "why": ", ".join(w for w, _ in words[:5]),
    }


def _decide(contact_id: str, decision: ReviewDecision) -> None:
    cmd = command_context()
    try:
        cid = uuid.UUID(contact_id)
    except ValueError as exc:
        raise fail(f"{contact_id!r} is not a contact id") from exc
    with reading_database(cmd, "contacts") as engine:
        item = contact_details(engine, cid)
    if item is None:
        raise fail(f"no stored contact {contact_id}")
    try:
        event = review_event(item, decision, cmd.reference.taxonomy)
        # Committed to the intake outbox before it is reported: the relay of `serve`/`up`
        # sends it again until the worker has stored it, whatever the broker loses.
        publisher = durable_publisher(with_broker(cmd.settings))
        try:
            publish_reviews(publisher, [event])
        except BrokerUnavailableError:
            # Committed to the outbox before the send failed: accepted all the same.
            if not publisher.relay.outbox.holds(Topic.contacts_reviewed, event.review_id):
                raise
            console.print("The broker did not answer: `civicpulse up`/`serve` sends it later.")
        finally:
            publisher.relay.stop()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    verb = "corrected" if event.corrected else "confirmed"
    console.print(
        f"{contact_id}: {verb} as {event.contact_type.value} / {event.service} / "
        f"{event.category} (review {event.review_id}); kept in the intake outbox until the "
        "worker has applied it."
    )


@review_app.command("confirm")
def review_confirm(
    contact_id: str,
    reviewer: Annotated[str, typer.Option(help="Who decided")] = "reviewer",
) -> None:
    """Confirm a contact's current labels as right."""
    _decide(contact_id, ReviewDecision(action="confirm", reviewer=reviewer))


@review_app.command("correct")
def review_correct(
    contact_id: str,
    category: Annotated[
        str | None, typer.Option(help="The right category (its service follows)")
    ] = None,
    service: Annotated[
        str | None, typer.Option(help="The right service (checked against the category)")
    ] = None,
    type: Annotated[
        ContactType | None, typer.Option("--type", help="The right contact type")
    ] = None,
    reviewer: Annotated[str, typer.Option(help="Who decided")] = "reviewer",
) -> None:
    """Correct a contact's labels; stored as ground truth for the next training run."""
    if category is None and type is None:
        raise fail("say what is right: --category and/or --type")
    decision = ReviewDecision(
        action="correct", reviewer=reviewer, category=category, service=service, contact_type=type
    )
    _decide(contact_id, decision)


def reclassify(
    since: Annotated[
        str, typer.Option(help="Re-run contacts received on or after this date (YYYY-MM-DD)")
    ],
) -> None:
    """Re-run stored contacts through the promoted model and correct the trend tables exactly.
    Labels a source system or a reviewer assigned are never touched."""
    from civicpulse.reclassify import reclassify_since

    cmd = command_context()
    try:
        start = date.fromisoformat(since)
    except ValueError as exc:
        raise fail(f"--since {since!r} is not a date like 2025-04-01") from exc
    try:
        summary = reclassify_since(cmd.settings, start)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(
        rich_table(
            f"Re-classified with model {summary['model_version']}",
            ["contacts", "count"],
            [[k, v] for k, v in summary.items() if k != "model_version"],
            numeric=("count",),
        )
    )
