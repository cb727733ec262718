"""``civicpulse models predict``: label an export with any saved model, for instance one trained
on a partner's own label set, which the worker cannot use but that partner can."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from civicpulse.context import command_context, console, errors, fail, fail_on
from civicpulse.output import rich_table
from civicpulse.progress import rate_progress
from classifiers import ModelRegistry, encoding_progress, label_export
from contracts import PipelineError, spreadsheet_safe
from ingest import read_table


def models_predict(
    version: Annotated[str, typer.Argument(help="The model version (see `models list`)")],
    on: Annotated[Path, typer.Option("--on", exists=True, dir_okay=False, help="CSV export")],
    text_column: Annotated[
        list[str] | None, typer.Option("--text-column", help="Text column (repeat to join)")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            help="CSV to write (default: outputs/predictions-V-FILE.csv in CIVICPULSE_HOME)"
        ),
    ] = None,
) -> None:
    """Label every row of an export: each row keeps its columns and gains, per target the
    model predicts, the label, its probability, needs_review (under the model's stored
    threshold) and the top 3 labels."""
    ctx = command_context()
    try:
        artifact = ModelRegistry(ctx.settings.models_dir).load_artifact(version)
        table = read_table(on)
        # A bar only when the model encodes sentences (a cascade's unsure rows): the slow part.
        with rate_progress(errors) as progress:
            task = progress.add_task("encoding sentences", total=None, visible=False)
            with encoding_progress(
                lambda done, total: progress.update(task, completed=done, total=total, visible=True)
            ):
                labelled = label_export(artifact, table, text_column or ["text"])
    except PipelineError as exc:
        raise fail_on(exc) from exc
    if not labelled.rows:
        raise fail(f"{on}: no rows to label")
    path = output or ctx.settings.outputs_dir / f"predictions-{version}-{on.stem}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for row in (labelled.header, *labelled.rows):
            writer.writerow([spreadsheet_safe(cell) for cell in row])
    for target in artifact.targets:
        column = labelled.header.index(target)
        counts = Counter(row[column] for row in labelled.rows if row[column])
        console.print(
            rich_table(
                f"{version}: {target} of {len(labelled.rows)} rows",
                ["label", "rows"],
                counts.most_common(),
                numeric=("rows",),
            )
        )
    console.print(
        f"{labelled.needs_review} of {len(labelled.rows)} rows need a person "
        f"(a label under the model's threshold). Written: {path}",
        highlight=False,
    )
