"""``civicpulse status | trends | contacts export``: read what the pipeline has stored."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from civicpulse.charts import trend_chart
from civicpulse.context import CommandContext, command_context, console, fail, reading_database
from civicpulse.output import (
    DIMENSION_ALIASES,
    change_text,
    rich_table,
    to_csv,
    to_json,
)
from contracts import SpreadsheetDictWriter
from sinks import (
    EXPORT_FIELDS,
    TREND_DIMENSIONS,
    export_contacts,
    trend_table,
)

contacts_app = typer.Typer(help="Stored contacts (never personal data).", no_args_is_help=True)


class TrendFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class PeriodName(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


def register(app: typer.Typer) -> None:
    app.command("trends")(trends)


def trends(
    period: Annotated[
        PeriodName,
        typer.Option(help="day, week, month, quarter (UK financial) or year (UK financial)"),
    ] = PeriodName.month,
    by: Annotated[
        str,
        typer.Option(
            help=f"Comma-separated dimensions: {', '.join(TREND_DIMENSIONS)} (type = contact_type)"
        ),
    ] = "service,contact_type",
    last: Annotated[int | None, typer.Option(help="Only the last N periods")] = None,
    format: Annotated[TrendFormat, typer.Option("--format")] = TrendFormat.table,
    output: Annotated[
        Path | None,
        typer.Option(
            help="Also write the result to this file, in the format its extension names: "
            ".csv, .json, or .png (a chart of the latest period by the first dimension)"
        ),
    ] = None,
) -> None:
    """Counts per period and dimensions, against the previous period and a year before."""
    ctx = command_context()
    if output is not None and output.suffix.lower() not in TREND_OUTPUTS:
        raise fail(
            f"{output}: cannot write trends as {output.suffix or 'a file without an extension'}; "
            f"use {', '.join(TREND_OUTPUTS)}"
        )
    dims_given = [d.strip() for d in by.split(",") if d.strip()]
    dims = [DIMENSION_ALIASES.get(d, d) for d in dims_given]
    with reading_database(ctx, "trends") as engine:
        try:
            rows = trend_table(engine, period.value, dims, last)
        except ValueError as exc:
            raise fail(str(exc)) from exc
    records = [r.record(dims_given) for r in rows]
    fields = [*dims_given, "period", "count", "previous_count", "same_period_last_year_count"]
    render_trends(records, dims_given, ctx, format, period.value)
    if output is not None:
        write_trends_file(output, records, fields, ctx)


TREND_OUTPUTS = (".csv", ".json", ".png")


def write_trends_file(
    output: Path, records: list[dict[str, Any]], fields: list[str], ctx: CommandContext
) -> None:
    """The trend rows as the file's extension says: CSV, JSON, or a chart of the latest period."""
    output.parent.mkdir(parents=True, exist_ok=True)
    suffix = output.suffix.lower()
    if suffix == ".png":
        latest = records[-1]["period"] if records else None
        shown = [r for r in records if r["period"] == latest]
        trend_chart(shown, ctx.reference.taxonomy, output, by=fields[0])
    elif suffix == ".json":
        output.write_text(to_json(records) + "\n", encoding="utf-8")
    else:
        output.write_text(to_csv(records, fields), encoding="utf-8")


def render_trends(
    records: list[dict[str, Any]],
    dims: list[str],
    ctx: CommandContext,
    format: TrendFormat,
    period: str,
) -> str:
    fields = [*dims, "period", "count", "previous_count", "same_period_last_year_count"]
    if format == TrendFormat.json:
        text = to_json(records)
        sys.stdout.write(text + "\n")
        return text
    if format == TrendFormat.csv:
        text = to_csv(records, fields)
        sys.stdout.write(text)
        return text
    taxonomy = ctx.reference.taxonomy
    shown = []
    for r in records:
        labels = [
            taxonomy.service_name(r[d]) if d == "service" and r[d] else (r[d] or "(unknown)")
            for d in dims
        ]
        shown.append(
            [
                r["period"],
                *labels,
                r["count"],
                r["previous_count"],
                change_text(r["count"], r["previous_count"]),
                r["same_period_last_year_count"],
                change_text(r["count"], r["same_period_last_year_count"]),
            ]
        )
    columns = [
        "period",
        *dims,
        "count",
        "previous",
        "change",
        "same period last year",
        "change vs last year",
    ]
    console.print(
        rich_table(
            f"Contacts by {', '.join(dims)} per {period}",
            columns,
            shown,
            numeric=("count", "previous", "change", "same period last year", "change vs last year"),
        )
    )
    return ""


@contacts_app.command("export")
def contacts_export(
    format: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.jsonl,
    since: Annotated[
        str | None, typer.Option(help="Only contacts received on or after this date (YYYY-MM-DD)")
    ] = None,
    output: Annotated[
        Path | None, typer.Option(help="Write to this file instead of standard output")
    ] = None,
) -> None:
    """Export stored contacts with their classification. Never includes personal data."""
    ctx = command_context()
    try:
        since_date = date.fromisoformat(since) if since else None
    except ValueError as exc:
        raise fail(f"--since {since!r} is not a date like 2025-04-01") from exc
    with reading_database(ctx, "contacts") as engine:
        rows = export_contacts(engine, since_date)
        out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if format == ExportFormat.jsonl:
                for row in rows:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                fields = list(EXPORT_FIELDS)
                writer = SpreadsheetDictWriter(out, fieldnames=fields, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
        finally:
            if output:
                out.close()
