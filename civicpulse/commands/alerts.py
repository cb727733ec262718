"""``civicpulse alerts``: significant changes in the trend table, each with a reason a manager
understands. Parsing and rendering only; the statistics live in ``insights.analysis``."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer

from civicpulse.context import command_context, console, errors, fail, reading_database
from civicpulse.output import DIMENSION_ALIASES, Format, rich_table, to_json
from civicpulse.period_options import parsed_period
from contracts import Period
from insights.analysis import (
    AnalysisError,
    Assessment,
    Labels,
    PeriodSeries,
    assess,
    detect_all_periods,
    labels_from_reference,
    latest_period,
    load_series,
)
from sinks import TREND_DIMENSIONS

FIELDS = ("period", "observed", "expected", "direction", "q_value", "reason")


class AlertPeriod(StrEnum):
    week = "week"
    month = "month"
    quarter = "quarter"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("alerts")(alerts)


def alerts(
    period: Annotated[
        AlertPeriod, typer.Option(help="week, month or quarter (UK financial)")
    ] = AlertPeriod.month,
    by: Annotated[
        str,
        typer.Option(
            help=f"Comma-separated dimensions: {', '.join(TREND_DIMENSIONS)} (type = contact_type)"
        ),
    ] = "service,contact_type",
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Test this period (2025-10, 2025-W41, 2025/26-Q3); default: latest"
        ),
    ] = None,
    all_periods: Annotated[
        bool,
        typer.Option(
            "--all-periods",
            help="Every period in history as if it were the latest (using only data before it)",
        ),
    ] = False,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
) -> None:
    """Counts that differ significantly from what their history predicts (trend, season,
    level shifts; false discoveries controlled across all series), with a reason each."""
    ctx = command_context()
    given = [d.strip() for d in by.split(",") if d.strip()]
    dims = [DIMENSION_ALIASES.get(d, d) for d in given]
    unknown = [d for d in dims if d not in TREND_DIMENSIONS]
    if unknown or not dims:
        raise fail(
            f"unknown dimension(s) {', '.join(unknown) or '(none)'}; "
            f"use {', '.join(TREND_DIMENSIONS)} (type = contact_type)"
        )
    target = _as_of(as_of, period.value)
    with reading_database(ctx, "trends") as engine:
        try:
            series = load_series(engine, period.value, dims)
        except AnalysisError as exc:
            raise fail(str(exc)) from exc
    labels = labels_from_reference(ctx.reference)
    if all_periods:
        if target is not None:
            series = [s.up_to(target) for s in series if s.index_of(target) is not None]
        found = detect_all_periods(series, labels=labels)
        summary = f"{len(found)} alert(s) over every {period.value} in the data"
    else:
        target = target or latest_period(series)
        found, summary = _one_period(series, target, labels)
    records = [_record(a, given, dims) for a in found]
    if format == Format.json:
        sys.stdout.write(to_json(records) + "\n")
        return
    _print_table(records, given, summary, period.value)


def _as_of(label: str | None, kind: str) -> Period | None:
    if label is None:
        return None
    target = parsed_period(label)
    if target.kind != kind:
        raise fail(f"--as-of {label} is a {target.kind}; --period {kind} needs a {kind} period")
    return target


def _one_period(
    series: list[PeriodSeries], target: Period | None, labels: Labels
) -> tuple[list[Assessment], str]:
    if target is None:
        return [], "no trend data yet"
    if not any(s.index_of(target) is not None for s in series):
        raise fail(f"no data covers {target.label}")
    if target.end >= date.today():
        errors.print(
            f"[yellow]note:[/] {target.label} is not over yet (ends {target.end}); its count "
            "so far is compared with whole periods",
            highlight=False,
        )
    tested = assess(series, target, labels=labels)
    found = [a for a in tested if a.alert]
    untested = len(series) - len(tested)
    return found, (
        f"{len(found)} alert(s) for {target.label}: {len(tested)} series tested, "
        f"{untested} with too little history (at least 8 periods are needed)"
    )


def _record(a: Assessment, given: list[str], dims: list[str]) -> dict[str, Any]:
    return {
        **{g: a.dimensions.get(d) for g, d in zip(given, dims, strict=True)},
        "period": a.period.label,
        "observed": a.observed,
        "expected": round(a.expected, 1),
        "direction": a.direction,
        "q_value": float(f"{a.q_value:.3g}"),
        "reason": a.reason,
    }


def _print_table(records: list[dict[str, Any]], given: list[str], summary: str, kind: str) -> None:
    rows = [
        [
            r["period"],
            *(r[g] or "(unknown)" for g in given),
            r["observed"],
            r["expected"],
            r["direction"],
            r["q_value"],
            r["reason"],
        ]
        for r in records
    ]
    columns = ["period", *given, "observed", "expected", "direction", "q", "reason"]
    console.print(
        rich_table(f"Alerts per {kind}", columns, rows, numeric=("observed", "expected", "q"))
    )
    console.print(summary)
