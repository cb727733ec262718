"""Rich rendering for the model commands: a training report, an evaluation, the model list.

Only presentation: the figures come from ``classifiers`` reports, unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from civicpulse.context import console
from civicpulse.output import rich_table
from classifiers import top_confusions

FULL_MATRIX = 12  # confusion matrices with more labels are shown as their top confusions


def show_training(
    report: dict[str, Any], version: str, folder: Path, outcome: dict[str, Any]
) -> None:
    targets = report["targets"]
    split = report["split"]
    console.print(
        f"[bold]{report['training_rows']}[/] contacts from {report['dataset']}"
        + (f" (left out: {report['dropped_rows']})" if report["dropped_rows"] else "")
    )
    console.print(f"Split: {split['description']}; validation: {report['validation_rows']} rows")
    for target, done in report["labels"].items():
        console.print(
            f"Labels ({target}): {done['case_and_whitespace']['rows']} rows' case/spacing "
            f"normalised, {done['synonyms']['rows']} mapped as synonyms, "
            f"{done['folded_into_other']['rows']} folded into 'other'"
        )
    for warning in report["warnings"]:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    console.print(
        rich_table(
            f"Model comparison: macro-F1 on {report['holdout_rows']} held-out contacts "
            "(cross-validated macro-F1 chose the family and its parameters)",
            ["model", "kind", *targets, "CV macro-F1 (mean)"],
            [_comparison_row(row, targets) for row in report["comparison"]],
            numeric=(*targets, "CV macro-F1 (mean)"),
        )
    )
    accept = report["auto_accept"]
    metrics = report["holdout_metrics"]
    console.print(
        rich_table(
            f"Model {version} ({report['family_description']}) on the hold-out",
            ["target", "accuracy", "macro-F1", "threshold", "precision", "coverage"],
            [
                [
                    t,
                    f"{m['accuracy']:.3f}",
                    f"{m['macro_f1']:.3f}",
                    *_accept_cells(m["auto_accept"]),
                ]
                for t, m in metrics.items()
            ],
            numeric=("accuracy", "macro-F1", "threshold", "precision", "coverage"),
        )
    )
    held = accept["holdout"]
    console.print(
        f"Auto-accept: thresholds are chosen on the validation fold for "
        f"{accept['target_precision']:.0%} precision. On the hold-out, the evaluated model at its "
        f"threshold {held['threshold']} accepted {held['coverage']:.1%} of contacts at "
        f"{_pct(held['precision'])} precision; the rest would be marked needs_review. "
        f"The saved model's review threshold: {_threshold(accept)}. "
        f"Calibration error {accept['calibration']['expected_calibration_error']:.3f}.",
        highlight=False,
    )
    console.print(f"Saved in {folder}. {outcome['promotion']}", highlight=False)


def _threshold(accept: dict[str, Any]) -> str:
    if accept["review_threshold"] is not None:
        return f"{accept['review_threshold']:.4f} (on the joint type, service, category decision)"
    return ", ".join(f"{v:.4f} ({t})" for t, v in accept["thresholds"].items())


def _comparison_row(row: dict[str, Any], targets: list[str]) -> list[str]:
    cv = [v for v in (row.get("cv_macro_f1") or {}).values() if v is not None]
    mark = " *" if row.get("chosen") else ""
    return [
        row["model"] + mark,
        row["kind"],
        *(f"{row['macro_f1'][t]:.3f}" for t in targets),
        f"{sum(cv) / len(cv):.3f}" if cv else "-",
    ]


def _accept_cells(accept: dict[str, Any]) -> list[str]:
    return [f"{accept['threshold']:.3f}", _pct(accept["precision"]), f"{accept['coverage']:.1%}"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def show_evaluation(result: dict[str, Any]) -> None:
    console.print(
        f"Model [bold]{result['model']}[/] on {result['rows']} contacts of {result['data']} "
        f"({result['target']}): accuracy {result['accuracy']:.3f}, "
        f"macro-F1 {result['macro_f1']:.3f}"
    )
    per_class = result["per_class"]
    console.print(
        rich_table(
            "Per class",
            ["label", "precision", "recall", "F1", "support"],
            [
                [c, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", m["support"]]
                for c, m in per_class.items()
            ],
            numeric=("precision", "recall", "F1", "support"),
        )
    )
    confusion = result["confusion_matrix"]
    if len(confusion["labels"]) <= FULL_MATRIX:
        console.print(
            rich_table(
                "Confusion matrix (rows: true label, columns: predicted)",
                ["true \\ predicted", *confusion["labels"]],
                [
                    [label, *row]
                    for label, row in zip(confusion["labels"], confusion["matrix"], strict=True)
                ],
                numeric=tuple(confusion["labels"]),
            )
        )
    else:
        console.print(
            rich_table(
                f"Most frequent confusions ({len(confusion['labels'])} labels: full matrix in "
                "the PNG and the JSON)",
                ["true", "predicted", "contacts"],
                top_confusions(confusion),
                numeric=("contacts",),
            )
        )
    calibration = result["calibration"]
    console.print(
        rich_table(
            "Calibration: predicted probability against observed accuracy "
            f"(expected calibration error {calibration['expected_calibration_error']:.3f})",
            ["probability", "contacts", "mean probability", "accuracy"],
            [
                [b["bin"], b["count"], f"{b['mean_confidence']:.3f}", f"{b['accuracy']:.3f}"]
                for b in calibration["bins"]
            ],
            numeric=("contacts", "mean probability", "accuracy"),
        )
    )
    accept = result["auto_accept"]
    console.print(
        f"Auto-accept at the stored threshold {accept['threshold']:.3f}: "
        f"{accept['coverage']:.1%} of contacts accepted at {_pct(accept['precision'])} precision."
    )
    console.print(f"Charts: {', '.join(result['charts'].values())}", highlight=False)


def models_table(rows: list[dict[str, Any]], models_dir: Path) -> Table:
    return rich_table(
        f"Models in {models_dir}",
        ["version", "created", "status", "trained on", "split", "macro-F1", "threshold"],
        [
            [
                r["version"],
                (r["created_at"] or "")[:16],
                r["status"],
                r["training_rows"]
                or f"heads of {len(set((r['derived_from'] or {}).values()))} models",
                r["split"] or "",
                " ".join(f"{t}={v:.3f}" for t, v in r["macro_f1"].items()),
                r["review_threshold"],
            ]
            for r in rows
        ],
    )
