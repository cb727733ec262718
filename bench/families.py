"""Model families on data that behaves like real data: held-out macro-F1 of every family (and
the baselines) on the starter set, the 9-theme feedback survey export (held-out split) and the
three-year CRM export (trained on the past, tested on the most recent months).

    python -m bench families [--only starter|feedback|crm] [--out-dir DIR]

Generates what it needs with the seeded generators in ``samples`` (the CRM export is too big
to commit: it is written to ``--out-dir``). Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.table import Table

from classifiers import (
    STARTER_DATASET,
    ComparisonRow,
    SearchSettings,
    TrainingOptions,
    TrainingReport,
    TrainingSet,
    labelled_texts,
    taxonomy_training_set,
    train_classifier,
    training_set,
)
from config import Taxonomy, load_taxonomy
from ingest import read_table
from samples import write_crm_csv

REPO = Path(__file__).resolve().parents[1]
FEEDBACK_EXPORT = REPO / "samples" / "exports" / "feedback_export.csv"
console = Console()


def _starter(taxonomy: Taxonomy, _out: Path) -> TrainingSet:
    return taxonomy_training_set(read_table(STARTER_DATASET), taxonomy)


def _feedback(_taxonomy: Taxonomy, _out: Path) -> TrainingSet:
    table = read_table(FEEDBACK_EXPORT)
    rows = labelled_texts(table, text_columns=["Comment"], label_column="Theme")
    return training_set(rows)


def _crm(taxonomy: Taxonomy, out: Path) -> TrainingSet:
    path = out / "crm_export.csv"
    if not path.exists():
        write_crm_csv(path, taxonomy)
    rows = labelled_texts(
        read_table(path),
        text_columns=["Subject", "Description"],
        label_column="Case Type",
        date_column="Date Logged",
    )
    return training_set(rows)


DATASETS: dict[str, tuple[str, Callable[[Taxonomy, Path], TrainingSet]]] = {
    "starter": ("starter set (56 categories), category", _starter),
    "feedback": ("feedback survey (9 themes), held-out split", _feedback),
    "crm": ("CRM export (~40 case types), past -> future", _crm),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench families", description=__doc__)
    parser.add_argument("--only", choices=tuple(DATASETS), action="append")
    parser.add_argument("--out-dir", type=Path, help="where to write the CRM export")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy(REPO / "config")
    options = TrainingOptions(select=True, search=SearchSettings(n_jobs=2))
    out = args.out_dir or Path(tempfile.mkdtemp(prefix="civicpulse-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    reports: dict[str, TrainingReport] = {}
    for name in args.only or DATASETS:
        title, load = DATASETS[name]
        data = load(taxonomy, out)
        started = time.monotonic()
        report = train_classifier(data, taxonomy, name=name, options=options).report
        reports[title] = report
        console.print(
            f"{title}: {len(data)} rows, {report.split['description']}; "
            f"{time.monotonic() - started:.0f} s"
        )
    console.print(_table(reports))
    return 0


def _table(reports: dict[str, TrainingReport]) -> Table:
    table = Table(title="Held-out macro-F1 (category / theme / case type); CV in brackets")
    table.add_column("model")
    for title in reports:
        table.add_column(title, justify="right")
    models = list(
        dict.fromkeys(row.family or row.model for r in reports.values() for row in r.comparison)
    )
    for model in models:
        cells = []
        for report in reports.values():
            row = next((x for x in report.comparison if (x.family or x.model) == model), None)
            cells.append(_cell(row))
        table.add_row(model, *cells)
    return table


def _cell(row: ComparisonRow | None) -> str:
    if row is None:
        return "-"
    target = "category" if "category" in row.macro_f1 else next(iter(row.macro_f1))
    cv = (row.cv_macro_f1 or {}).get(target)
    chosen = " *" if row.chosen else ""
    return f"{row.macro_f1[target]:.3f}" + (f" ({cv:.3f})" if cv is not None else "") + chosen
