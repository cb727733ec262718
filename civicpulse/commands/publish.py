"""``civicpulse publish satisfaction --year 2025/26``: satisfaction with responses for the
public, as CSV and HTML, small numbers suppressed so no hidden count can be worked out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from civicpulse.context import command_context, console, fail, fail_on, reading_database
from civicpulse.period_options import financial_year
from config import load_service_standards
from contracts import PipelineError
from insights import period_bounds
from insights.reports import public_satisfaction, satisfaction_csv, satisfaction_html
from sinks import ratings_between

publish_app = typer.Typer(help="Tables for the public (small numbers suppressed).")


def register(app: typer.Typer) -> None:
    app.add_typer(publish_app, name="publish")


@publish_app.command("satisfaction")
def publish_satisfaction(
    year: Annotated[str, typer.Option(help="UK financial year, e.g. 2025/26")],
    out: Annotated[
        Path | None, typer.Option(help="Folder to write to (default: outputs/published)")
    ] = None,
) -> None:
    """Write satisfaction-YEAR.csv and .html: ratings by partner and service."""
    ctx = command_context()
    period = financial_year(year)
    with reading_database(ctx, "ratings") as engine:
        try:
            standards = load_service_standards(ctx.settings.config_dir, ctx.reference)
            ratings = ratings_between(engine, *period_bounds(period))
            if not ratings:
                raise fail(f"no ratings were given in {period.label}: nothing to publish")
            published = public_satisfaction(
                ratings, period, ctx.reference, standards.satisfied_scores
            )
        except PipelineError as exc:
            raise fail_on(exc) from exc
    folder = out or ctx.settings.outputs_dir / "published"
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"satisfaction-{period.label.replace('/', '-')}"
    (folder / f"{stem}.csv").write_text(satisfaction_csv(published), encoding="utf-8")
    (folder / f"{stem}.html").write_text(satisfaction_html(published), encoding="utf-8")
    console.print(
        f"{len(ratings)} rating(s) in {period.label}: wrote {folder / stem}.csv and .html "
        f"({len(published.table.hidden())} cell(s) suppressed)"
    )
