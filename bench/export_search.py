"""What `train --from` achieves on a realistic export against the plain reference, in one run:
held-out macro-F1, auto-accept coverage at a precision target (threshold chosen on the
validation fold, measured on the hold-out), training time and prediction speed per core; and
the worker's default path (the starter model's `categorise`) in contacts/s per core.

    python -m bench export [--export CSV --text-column C --label-column L [--date-column D]]
                           [--precision 0.90] [--no-worker] [--json FILE]

Defaults: the committed 9-theme feedback export (`samples/exports/feedback_export.csv`),
dated, so the hold-out is its most recent months. Prints a table and JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from threadpoolctl import threadpool_limits

from classifiers import (
    STARTER_DATASET,
    TrainedModel,
    TrainingOptions,
    TrainingSet,
    export_search,
    labelled_texts,
    taxonomy_training_set,
    train_classifier,
    training_set,
)
from classifiers.embeddings import encoding_cache_off
from config import Taxonomy, load_taxonomy
from ingest import read_table

REPO = Path(__file__).resolve().parents[1]
FEEDBACK = REPO / "samples" / "exports" / "feedback_export.csv"
WORKER_BUDGET = 5_000  # predictions per second per core on the worker's default path
console = Console()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench export", description=__doc__)
    parser.add_argument("--export", type=Path, default=FEEDBACK)
    parser.add_argument("--text-column", action="append")
    parser.add_argument("--label-column", default="Theme")
    parser.add_argument("--date-column", default="Date", help="'' for a stratified hold-out")
    parser.add_argument("--precision", type=float, default=0.90)
    parser.add_argument("--no-worker", action="store_true", help="skip the starter model")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy(REPO / "config")
    rows = labelled_texts(
        read_table(args.export),
        text_columns=args.text_column or ["Comment"],
        label_column=args.label_column,
        date_column=args.date_column or None,
    )
    data = training_set(rows)
    figures: dict[str, Any] = {"export": str(args.export), "rows": len(data)}
    figures |= search_against_reference(data, taxonomy, args.precision)
    if not args.no_worker:
        console.print("training the starter model (the worker's default path) ...")
        figures["worker"] = _worker_speed(taxonomy)
    console.print(_table(figures, args.precision))
    text = json.dumps(figures, indent=2)
    console.print_json(text)
    if args.json:
        args.json.write_text(text)
    return 0


def search_against_reference(
    data: TrainingSet, taxonomy: Taxonomy, precision: float, label: str = ""
) -> dict[str, Any]:
    """The `train --from` search and the plain reference, trained on ``data`` in one run:
    ``models`` (each one's figures, by title) and the ``split`` they share."""
    options = TrainingOptions(target_precision=precision)
    runs = {
        "search (train --from)": export_search(options),
        "reference: plain TF-IDF + LinearSVC": replace(options, family="reference_svm"),
    }
    models: dict[str, dict[str, Any]] = {}
    for title, run_options in runs.items():
        console.print(f"{label}training: {title} ...")
        models[title] = _measure(data, taxonomy, run_options)
    split = next(iter(models.values())).pop("split")
    for model in models.values():
        model.pop("split", None)
    return {"models": models, "split": split}


def _measure(data: TrainingSet, taxonomy: Taxonomy, options: TrainingOptions) -> dict[str, Any]:
    started = time.perf_counter()
    trained = train_classifier(data, taxonomy, name="bench", options=options)
    seconds = time.perf_counter() - started
    report = trained.report
    target = report.targets[0]
    held = report.auto_accept.holdout
    texts = data.texts[:2000]
    best = report.auto_accept.best_achievable
    reaching = [
        p
        for p in report.auto_accept.operating_points
        if (p.precision or 0.0) >= options.target_precision
    ]
    return {
        "family": report.family,
        "family_description": report.family_description,
        "holdout_macro_f1": report.holdout_metrics[target].macro_f1,
        "cv_macro_f1": next((r.mean_cv() for r in report.comparison if r.chosen), None),
        "threshold": held.threshold,
        "target_reached_on_validation": report.auto_accept.target_reached,
        "holdout_precision": held.precision,
        "holdout_coverage": held.coverage,
        # When the validation fold reached no threshold: the best it could promise.
        "best_on_validation": None if best is None else best.to_dict(),
        # Hindsight, not a deployable choice: the widest hold-out operating point at target.
        "holdout_widest_point_at_target": max(
            (p.to_dict() for p in reaching), key=lambda p: p["coverage"], default=None
        ),
        "training_seconds": round(seconds, 1),
        # Encodings cached while training would make a cascade's stack look free: timed afresh.
        "predictions_per_second_per_core": round(
            _per_core(len(texts), lambda: trained.artifact.labeller.predict_proba(texts))
        ),
        # A cascade (a stack behind TF-IDF): the share of hold-out contacts sent to the stack.
        "routed_holdout": None if report.cascade is None else report.cascade.routed_holdout,
        "runners_up": [
            {"family": row.family, "cv_macro_f1": row.mean_cv(), "holdout": row.macro_f1[target]}
            for row in report.comparison
            if row.family is not None and not row.chosen
        ],
        "split": report.split["description"],
    }


def _worker_speed(taxonomy: Taxonomy) -> dict[str, Any]:
    starter: TrainedModel = train_classifier(
        taxonomy_training_set(read_table(STARTER_DATASET), taxonomy), taxonomy, name="bench"
    )
    classifier = starter.classifier
    texts = taxonomy_training_set(read_table(STARTER_DATASET), taxonomy).texts[:2000]
    speed = _per_core(len(texts), lambda: classifier.categorise(texts))
    return {
        "family": starter.report.family,
        "categorise_per_second_per_core": round(speed),
        "budget_per_second_per_core": WORKER_BUDGET,
        "within_budget": speed >= WORKER_BUDGET,
    }


def _per_core(count: int, work: Callable[[], object], repeat: int = 3) -> float:
    """Best of ``repeat`` runs with one thread (BLAS/OpenMP too), no encoding cache: contacts
    per second."""
    best = float("inf")
    with threadpool_limits(1), encoding_cache_off():
        for _ in range(repeat):
            started = time.perf_counter()
            work()
            best = min(best, time.perf_counter() - started)
    return count / best


def _table(figures: dict[str, Any], precision: float) -> Table:
    table = Table(title=f"{figures['export']} ({figures['rows']} rows): {figures['split']}")
    columns = [
        "model",
        "hold-out macro-F1",
        f"coverage at {precision:.0%} target",
        "hold-out precision",
        "train s",
        "predictions /s/core",
    ]
    for column in columns:
        table.add_column(column, justify="left" if column == "model" else "right")
    models = figures["models"]
    for title, m in models.items():
        precision_cell = "-" if m["holdout_precision"] is None else f"{m['holdout_precision']:.1%}"
        table.add_row(
            f"{title}: {m['family']}",
            f"{m['holdout_macro_f1']:.3f}",
            f"{m['holdout_coverage']:.1%}",
            precision_cell,
            f"{m['training_seconds']:.0f}",
            f"{m['predictions_per_second_per_core']:,}",
        )
    search, reference = models.values()
    speed = "predictions_per_second_per_core"
    table.add_row(
        "ratio search / reference",
        f"{search['holdout_macro_f1'] / max(reference['holdout_macro_f1'], 1e-9):.2f}x",
        "",
        "",
        "",
        f"{search[speed] / reference[speed]:.2f}x",
    )
    worker = figures.get("worker")
    if worker:
        table.add_row(
            f"worker default path: {worker['family']} categorise()",
            "",
            "",
            "",
            "",
            f"{worker['categorise_per_second_per_core']:,} (budget {WORKER_BUDGET:,})",
        )
    return table
