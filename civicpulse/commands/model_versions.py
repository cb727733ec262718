"""``civicpulse models list | promote | rollback | predict``: the saved model versions, which
one the worker uses, and labelling an export with any of them."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from civicpulse.commands.predict import models_predict
from civicpulse.context import command_context, console, fail_on
from civicpulse.model_reports import models_table
from civicpulse.output import Format
from classifiers import ModelRegistry, promote_checked
from config import load_taxonomy
from contracts import PipelineError
from ingest import read_label_mapping

models_app = typer.Typer(
    help="Model versions: list, promote, roll back, label an export.", no_args_is_help=True
)


def models_list(format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Every saved model: date, training data, hold-out macro-F1, promotion status."""
    ctx = command_context()
    registry = ModelRegistry(ctx.settings.models_dir)
    promoted = registry.promoted_version()
    earlier = {h["version"] for h in registry.history()[:-1]}
    rows = []
    for meta in registry.versions():
        status = "promoted" if meta["version"] == promoted else ""
        status = status or ("earlier promotion" if meta["version"] in earlier else "")
        training = meta.get("training") or {}
        rows.append(
            {
                "version": meta["version"],
                "created_at": meta.get("created_at"),
                "status": status,
                "targets": meta.get("targets", []),
                "training_rows": training.get("training_rows"),
                "split": (training.get("split") or {}).get("method"),
                "dataset": meta.get("dataset"),
                "macro_f1": {t: m["macro_f1"] for t, m in (meta.get("metrics") or {}).items()},
                "review_threshold": meta.get("review_threshold"),
                "derived_from": meta.get("derived_from"),
            }
        )
    if format == Format.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    console.print(models_table(rows, registry.models_dir))


def models_promote(
    version: Annotated[str, typer.Argument(help="The version to promote")],
    mapping: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="YAML/CSV: its label -> taxonomy label"),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Promote even if its categories leave part of the taxonomy out, or it scores "
            "worse than the promoted model on the same hold-out",
        ),
    ] = False,
) -> None:
    """Make VERSION the worker's model. Its labels must map onto the taxonomy and cover every
    category, and it must score no worse than the promoted model on the same hold-out (unless
    --force); a model with only some heads is combined with the promoted model's other heads
    (saved as a new version)."""
    ctx = command_context()
    try:
        done = promote_checked(
            ModelRegistry(ctx.settings.models_dir),
            version,
            load_taxonomy(ctx.settings.config_dir),
            read_label_mapping(mapping) if mapping else {},
            force=force,
        )
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(done.describe(), highlight=False)


def models_rollback() -> None:
    """Promote again the version that was promoted before the current one."""
    ctx = command_context()
    registry = ModelRegistry(ctx.settings.models_dir)
    current = registry.promoted_version()
    try:
        version = registry.rollback()
    except PipelineError as exc:
        raise fail_on(exc) from exc
    console.print(f"Rolled back from {current} to {version}.", highlight=False)


models_app.command("list")(models_list)
models_app.command("promote")(models_promote)
models_app.command("rollback")(models_rollback)
models_app.command("predict")(models_predict)
