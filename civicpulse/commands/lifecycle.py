"""``civicpulse timeliness`` and ``civicpulse satisfaction``: how contacts received or rated
in a period were answered, against the service standards in ``config/standards.yaml``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer

from civicpulse.context import (
    CommandContext,
    command_context,
    console,
    errors,
    fail,
    reading_database,
)
from civicpulse.output import DIMENSION_ALIASES, rich_table, to_csv, to_json
from civicpulse.period_options import period_or_last_full, where_latest_is
from config import ServiceStandards, Taxonomy, load_service_standards
from contracts import Period, PipelineError, local_date
from insights import (
    CASE_DIMENSIONS,
    RATING_DIMENSIONS,
    SATISFACTION_FIELDS,
    TIMELINESS_FIELDS,
    WorkingCalendar,
    period_bounds,
    satisfaction_table,
    timeliness_table,
)
from sinks import (
    cases_received_between,
    cases_responded_between,
    latest_rated_at,
    latest_received_at,
    ratings_between,
)


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("timeliness")(timeliness)
    app.command("satisfaction")(satisfaction)


PeriodOption = Annotated[
    str | None,
    typer.Option(
        help="2025-10-14, 2025-W41, 2025-10, 2025/26-Q3 or 2025/26 (default: the last full "
        "financial quarter, as in a quarterly monitoring report)"
    ),
]
FormatOption = Annotated[TableFormat, typer.Option("--format")]


def timeliness(
    period: PeriodOption = None,
    by: Annotated[
        str, typer.Option(help=f"Comma-separated: {', '.join(CASE_DIMENSIONS)} (type too)")
    ] = "service",
    format: FormatOption = TableFormat.table,
) -> None:
    """Contacts received in the period: responses within target, median working days to
    respond, and contacts still open past a due date."""
    ctx = command_context()
    chosen, dims = period_or_last_full(period, "quarter"), _dims(by)
    standards = _standards(ctx)
    with reading_database(ctx, "contacts") as engine:
        try:
            records = cases_received_between(engine, *period_bounds(chosen))
            rows, problems = timeliness_table(
                records, dims, chosen, standards, WorkingCalendar(), datetime.now(UTC)
            )
            if not records:
                _say_where_data_is("contact", "received", latest_received_at(engine), chosen)
        except PipelineError as exc:
            raise fail(str(exc)) from exc
    for problem in problems:
        errors.print(f"left out: contact {problem.contact_id}: {problem.reason}", highlight=False)
    _emit(
        [r.json_row() for r in rows],
        dims,
        TIMELINESS_FIELDS,
        format,
        f"Timeliness of contacts received in {chosen.label}",
        ctx.reference.taxonomy,
    )


def satisfaction(
    period: PeriodOption = None,
    by: Annotated[
        str, typer.Option(help=f"Comma-separated: {', '.join(RATING_DIMENSIONS)} (type too)")
    ] = "service",
    format: FormatOption = TableFormat.table,
) -> None:
    """Ratings given in the period: share satisfied with its 95% interval, mean score,
    ratings per responded contact, and the direction against the previous period."""
    ctx = command_context()
    chosen, dims = period_or_last_full(period, "quarter"), _dims(by)
    standards = _standards(ctx)
    with reading_database(ctx, "ratings") as engine:
        try:
            given = ratings_between(engine, *period_bounds(chosen))
            if not given:
                _say_where_data_is("rating", "given", latest_rated_at(engine), chosen)
            rows = satisfaction_table(
                given,
                ratings_between(engine, *period_bounds(chosen.previous())),
                cases_responded_between(engine, *period_bounds(chosen)),
                dims,
                chosen,
                standards.satisfied_scores,
            )
        except PipelineError as exc:
            raise fail(str(exc)) from exc
    _emit(
        [r.json_row() for r in rows],
        dims,
        SATISFACTION_FIELDS,
        format,
        f"Satisfaction with responses, ratings given in {chosen.label}",
        ctx.reference.taxonomy,
    )


def _say_where_data_is(noun: str, verb: str, latest: datetime | None, chosen: Period) -> None:
    """On standard error: the period that holds the latest data, when ``chosen`` holds none."""
    if latest is None:
        errors.print(f"no {noun} is stored yet", highlight=False)
        return
    errors.print(
        f"no {noun} was {verb} in {chosen.label}; the latest stored {noun} was {verb} on "
        f"{local_date(latest):%-d %B %Y}, in {where_latest_is(latest, chosen.kind)}",
        highlight=False,
    )


def _dims(by: str) -> list[str]:
    return [DIMENSION_ALIASES.get(d.strip(), d.strip()) for d in by.split(",") if d.strip()]


def _standards(ctx: CommandContext) -> ServiceStandards:
    try:
        return load_service_standards(ctx.settings.config_dir, ctx.reference)
    except PipelineError as exc:
        raise fail(str(exc)) from exc


def _emit(
    rows: list[dict[str, Any]],
    dims: Sequence[str],
    fields: Sequence[str],
    format: TableFormat,
    title: str,
    taxonomy: Taxonomy,
) -> None:
    if format == TableFormat.json:
        sys.stdout.write(to_json(rows) + "\n")
        return
    if format == TableFormat.csv:  # plain numbers: an interval is two columns
        flat = [_split_intervals(r) for r in rows]
        names = [
            n for f in fields for n in ((f"{f}_low", f"{f}_high") if f.endswith("_ci") else (f,))
        ]
        sys.stdout.write(to_csv(flat, [*dims, *names]))
        return
    columns = [*dims, *(f for f in fields if f != "period")]
    shown = [[_shown(c, r[c], taxonomy) for c in columns] for r in rows]
    console.print(rich_table(title, columns, shown, numeric=columns[len(dims) :]))
    if not rows:
        console.print("nothing stored for this period")


def _csv_names(field: str) -> tuple[str, ...]:
    return (f"{field}_low", f"{field}_high") if field.endswith("_ci") else (field,)


def _split_intervals(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key.endswith("_ci"):
            low, high = value if value is not None else (None, None)
            out[f"{key}_low"], out[f"{key}_high"] = low, high
        else:
            out[key] = value
    return out


def _shown(column: str, value: Any, taxonomy: Taxonomy) -> Any:
    """A cell for people: service names, not ids; ``-`` for nothing to say."""
    if value is None:
        return "-"
    if column == "service":
        return taxonomy.service_name(value)
    return _cell(value)


def _cell(value: Any) -> Any:
    # An interval in a table for people: "61.2 to 80.3" (JSON keeps [low, high]).
    if isinstance(value, list | tuple):
        return " to ".join(str(v) for v in value)
    return value
