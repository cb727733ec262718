"""``civicpulse digest`` (a service manager's digest to files and/or their channel) and
``civicpulse report annual`` (the steering group's financial-year counts); registers
``civicpulse backfill`` (the multi-year demo data they read) too."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from civicpulse.backfill import backfill
from civicpulse.context import (
    CommandContext,
    command_context,
    console,
    fail,
    fail_on,
    reading_database,
)
from civicpulse.output import rich_table
from civicpulse.period_options import financial_year, period_or_last_full, where_latest_is
from config import load_service_standards
from contracts import Period, PipelineError
from delivery import RecipientBook, load_recipients
from insights.analysis import load_targets
from insights.digests import (
    DigestRenderer,
    DigestScope,
    build_digest,
    send_digest,
    write_digest_files,
)
from insights.reports import annual_csv, annual_html, annual_json, annual_report
from sinks import latest_received_at

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

report_app = typer.Typer(help="Reports for the steering group.", no_args_is_help=True)


class ReportFormat(StrEnum):
    html = "html"
    csv = "csv"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app (and ``backfill``, the demo data for them)."""
    app.command("digest")(digest)
    app.add_typer(report_app, name="report")
    app.command("backfill")(backfill)


def digest(
    service: Annotated[
        list[str], typer.Option("--service", help="Service id or name (repeat for several)")
    ],
    period: Annotated[
        str | None,
        typer.Option(
            help="2025-10 (month), 2025-W41, 2025/26-Q3, 2025/26 or 2025-10-14 "
            "(default: the last full month)"
        ),
    ] = None,
    to: Annotated[
        Path | None,
        typer.Option("--to", help="Write digest.html, digest.txt and digest.csv here"),
    ] = None,
    send: Annotated[
        bool,
        typer.Option(help="Deliver to the recipients configured for these services"),
    ] = False,
    recipients: Annotated[
        Path | None,
        typer.Option(help="Recipients file (default: recipients.yaml in the config folder)"),
    ] = None,
) -> None:
    """A service manager's digest for one period: the table against the previous period and
    the same period last year, significant changes first, ward hotspots, emerging topics,
    compliments and example contacts."""
    if to is None and not send:
        raise fail("say where the digest goes: --to DIR, --send, or both")
    ctx = command_context()
    services = _resolve_services(ctx, service)
    scope = DigestScope(services, period_or_last_full(period, "month"))
    book = _recipients(ctx, recipients) if send else RecipientBook()
    managers = sorted({r for s in services for r in book.for_service(s)}, key=lambda r: r.address)
    if send and not managers:
        raise fail(f"no recipients for {', '.join(services)} in {_book_path(ctx, recipients)}")
    try:
        targets = load_targets(ctx.settings.config_dir / "targets.yaml")
        standards = load_service_standards(ctx.settings.config_dir, ctx.reference)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    with reading_database(ctx, "contacts") as engine:
        try:
            built = build_digest(engine, ctx.reference, scope, targets=targets, standards=standards)
            if built.contacts == 0:
                raise fail(_nothing_to_digest(engine, services, scope.period))
            if to is not None:
                rendered = DigestRenderer(ctx.reference.taxonomy).render(built)
                for path in write_digest_files(rendered, to):
                    console.print(f"wrote {path}")
            if send:
                sent = send_digest(
                    engine,
                    ctx.reference,
                    book,
                    managers,
                    scope,
                    outputs_dir=ctx.settings.outputs_dir,
                    digest=built,
                    targets=targets,
                )
                console.print(
                    rich_table(
                        f"Digest {scope.key}",
                        ["recipient", "channel", "status", "attempts", "error"],
                        [
                            [s.outcome.recipient, s.outcome.channel, s.outcome.status,
                             s.outcome.attempts, s.outcome.error or ""]
                            for s in sent
                        ],
                        numeric=("attempts",),
                    )
                )  # fmt: skip
                failed = [s for s in sent if s.outcome.status == "failed"]
                if failed:
                    raise fail(f"{len(failed)} delivery(ies) failed; they will be retried next run")
        except PipelineError as exc:
            raise fail_on(exc) from exc


@report_app.command("annual")
def annual(
    year: Annotated[str, typer.Option(help="Financial year, e.g. 2025/26 (April to March)")],
    format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.html,
    output: Annotated[
        Path | None, typer.Option(help="Write to this file instead of standard output")
    ] = None,
) -> None:
    """Complaints, compliments, enquiries and suggestions by partner and service for a
    financial year, against the year before, with the top categories and wards, how quickly
    and how well services responded, and what was done. HTML and CSV show counts of 1-4 as <5
    (for publication); JSON has exact counts."""
    ctx = command_context()
    fy = financial_year(year)
    try:
        standards = load_service_standards(ctx.settings.config_dir, ctx.reference)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    with reading_database(ctx, "contacts") as engine:
        try:
            report = annual_report(engine, ctx.reference, fy, standards=standards)
        except PipelineError as exc:
            raise fail_on(exc) from exc
    if not any(report.totals.values()):
        raise fail(
            f"no contacts in {fy.label}: no report was written (check the year and that "
            "its contacts have been ingested)"
        )
    render = {
        ReportFormat.html: annual_html,
        ReportFormat.csv: annual_csv,
        ReportFormat.json: annual_json,
    }[format]
    text = render(report)
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    console.print(f"wrote {output}")


def _nothing_to_digest(engine: Engine, services: tuple[str, ...], period: Period) -> str:
    """Why no digest was made, and where the latest contacts are."""
    said = (
        f"no contacts for {', '.join(services)} in {period.label}: no digest was written or "
        "sent (check the period and that these services' contacts have been ingested)"
    )
    latest = latest_received_at(engine)
    if latest is None:
        return f"{said}; no contact is stored yet"
    holding = where_latest_is(latest, period.kind)
    return f"{said}; the latest contact stored, of any service, is in {holding}"


def _resolve_services(ctx: CommandContext, given: list[str]) -> tuple[str, ...]:
    taxonomy = ctx.reference.taxonomy
    out: list[str] = []
    for label in given:
        service = taxonomy.resolve_service(label)
        if service is None:
            raise fail(f"unknown service {label!r}; known: {', '.join(taxonomy.service_ids)}")
        if service not in out:
            out.append(service)
    return tuple(out)


def _book_path(ctx: CommandContext, given: Path | None) -> Path:
    return given or ctx.settings.config_dir / "recipients.yaml"


def _recipients(ctx: CommandContext, given: Path | None) -> RecipientBook:
    try:
        return load_recipients(_book_path(ctx, given), environ=os.environ)
    except PipelineError as exc:
        raise fail_on(exc) from exc
