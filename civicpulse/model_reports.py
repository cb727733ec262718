"""Rich rendering for the model commands: a training report, an evaluation, the model list.

Only presentation: the figures come from ``classifiers`` reports, unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table

from civicpulse.context import console
from civicpulse.output import rich_table
from classifiers import (
    AutoAccept,
    AutoAcceptReport,
    ComparisonRow,
    OperatingPoint,
    TargetMetrics,
    TrainingReport,
    most_confused,
)

FULL_MATRIX = 12  # confusion matrices with more labels are shown as their top confusions


def show_training(
    report: TrainingReport, version: str, folder: Path, outcome: dict[str, Any]
) -> None:
    targets = report.targets
    split = report.split
    console.print(
        f"[bold]{report.training_rows}[/] contacts from {report.dataset}"
        + (f" (left out: {report.dropped_rows})" if report.dropped_rows else "")
    )
    console.print(f"Split: {split['description']}; validation: {report.validation_rows} rows")
    for target, done in report.labels.items():
        console.print(
            f"Labels ({target}): {done['case_and_whitespace']['rows']} rows' case/spacing "
            f"normalised, {done['synonyms']['rows']} mapped as synonyms, "
            f"{done['folded_into_other']['rows']} folded into 'other'"
        )
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/] {warning}", highlight=False)
    speed = ("train s", "predictions/s")
    console.print(
        rich_table(
            f"Model comparison: macro-F1 on {report.holdout_rows} held-out contacts; the "
            "winner (*) has the best cross-validated macro-F1, runners-up follow",
            ["model", "kind", *targets, "CV macro-F1 (mean)", *speed],
            [_comparison_row(row, targets) for row in ranked(report.comparison)],
            numeric=(*targets, "CV macro-F1 (mean)", *speed),
        )
    )
    accept = report.auto_accept
    console.print(
        rich_table(
            f"Model {version} ({report.family_description}) on the hold-out",
            ["target", "accuracy", "macro-F1", "threshold", "precision", "coverage"],
            [
                [t, f"{m.accuracy:.3f}", f"{m.macro_f1:.3f}", *_accept_cells(m.auto_accept)]
                for t, m in report.holdout_metrics.items()
            ],
            numeric=("accuracy", "macro-F1", "threshold", "precision", "coverage"),
        )
    )
    if report.cascade is not None:
        c = report.cascade
        console.print(
            f"Cascade: {c.fast} labels every contact; those it is unsure of go on to {c.rich} "
            f"(sentence embeddings, much slower): {_pct(c.routed_holdout)} of the hold-out "
            f"(top probability under {c.evaluated_threshold}); the saved model routes under "
            f"{c.threshold} ({_pct(c.routed_validation)} of the validation fold). Validation "
            "macro-F1: " + ", ".join(f"{k} {v:.3f}" for k, v in c.validation_macro_f1.items()),
            highlight=False,
        )
    console.print(operating_points_table(accept.operating_points, "the hold-out"))
    held = accept.holdout
    console.print(
        f"Auto-accept: thresholds are chosen on the validation fold for "
        f"{accept.target_precision:.0%} precision. On the hold-out, the evaluated model at its "
        f"threshold {held.threshold} accepted {held.coverage:.1%} of contacts at "
        f"{_pct(held.precision)} precision; the rest would be marked needs_review. "
        f"The saved model's review threshold: {_threshold(accept)}. "
        f"Calibration error {accept.calibration.expected_calibration_error:.3f}.",
        highlight=False,
    )
    console.print(f"Saved in {folder}. {outcome['promotion']}", highlight=False)


def operating_points_table(points: list[OperatingPoint], where: str) -> Table:
    """Precision and coverage at a range of thresholds: the trade-off a manager chooses."""
    return rich_table(
        f"Operating points on {where}: accepting every contact at or above a threshold "
        "(precision lower bound: 95% Wilson)",
        ["threshold", "precision", "precision lower bound", "coverage"],
        [
            [
                f"{p.threshold:.2f}",
                _pct(p.precision),
                _pct(p.precision_lower),
                f"{p.coverage:.1%}",
            ]
            for p in points
        ],
        numeric=("threshold", "precision", "precision lower bound", "coverage"),
    )


def _threshold(accept: AutoAcceptReport) -> str:
    if accept.review_threshold is not None:
        return f"{accept.review_threshold:.4f} (on the joint type, service, category decision)"
    return ", ".join(f"{v:.4f} ({t})" for t, v in accept.thresholds.items())


def ranked(rows: list[ComparisonRow]) -> list[ComparisonRow]:
    """The winner, then the runners-up by cross-validated macro-F1, then the baselines."""
    families = [r for r in rows if r.family is not None]
    families.sort(key=lambda r: (not r.chosen, -(r.mean_cv() or -1.0)))
    return families + [r for r in rows if r.family is None]


def _comparison_row(row: ComparisonRow, targets: list[str]) -> list[str]:
    cv = row.mean_cv()
    mark = " *" if row.chosen else ""
    return [
        row.model + mark,
        row.kind,
        *(f"{row.macro_f1[t]:.3f}" for t in targets),
        "-" if cv is None else f"{cv:.3f}",
        "-" if row.train_seconds is None else f"{row.train_seconds:.1f}",
        "-" if row.predictions_per_second is None else f"{row.predictions_per_second:,.0f}",
    ]


def _accept_cells(accept: AutoAccept) -> list[str]:
    return [f"{accept.threshold:.3f}", _pct(accept.precision), f"{accept.coverage:.1%}"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def show_evaluation(
    metrics: TargetMetrics, *, model: str, target: str, data: str, charts: dict[str, str]
) -> None:
    console.print(
        f"Model [bold]{model}[/] on {metrics.rows} contacts of {data} "
        f"({target}): accuracy {metrics.accuracy:.3f}, macro-F1 {metrics.macro_f1:.3f}"
    )
    console.print(
        rich_table(
            "Per class",
            ["label", "precision", "recall", "F1", "support"],
            [
                [c, f"{m.precision:.3f}", f"{m.recall:.3f}", f"{m.f1:.3f}", m.support]
                for c, m in metrics.per_class.items()
            ],
            numeric=("precision", "recall", "F1", "support"),
        )
    )
    confusion = metrics.confusion_matrix
    if confusion is not None:
        pairs = most_confused(confusion)
        console.print(
            rich_table(
                f"Most-confused pairs ({len(confusion.labels)} labels; the chart shows the "
                "matrix normalised by row)",
                ["true", "predicted as", "contacts", "share of the true label"],
                [[p.true, p.predicted, p.contacts, f"{p.share_of_true:.1%}"] for p in pairs],
                numeric=("contacts", "share of the true label"),
            )
        )
    if confusion is not None and len(confusion.labels) <= FULL_MATRIX:
        console.print(
            rich_table(
                "Confusion matrix (rows: true label, columns: predicted)",
                ["true \\ predicted", *confusion.labels],
                [
                    [label, *row]
                    for label, row in zip(confusion.labels, confusion.matrix, strict=True)
                ],
                numeric=tuple(confusion.labels),
            )
        )
    calibration = metrics.calibration
    console.print(
        rich_table(
            "Calibration: predicted probability against observed accuracy "
            f"(expected calibration error {calibration.expected_calibration_error:.3f})",
            ["probability", "contacts", "mean probability", "accuracy"],
            [
                [b.bin, b.count, f"{b.mean_confidence:.3f}", f"{b.accuracy:.3f}"]
                for b in calibration.bins
            ],
            numeric=("contacts", "mean probability", "accuracy"),
        )
    )
    console.print(operating_points_table(metrics.operating_points, data))
    accept = metrics.auto_accept
    console.print(
        f"Auto-accept at the stored threshold {accept.threshold:.3f}: "
        f"{accept.coverage:.1%} of contacts accepted at {_pct(accept.precision)} precision."
    )
    console.print(f"Charts: {', '.join(charts.values())}", highlight=False)


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
