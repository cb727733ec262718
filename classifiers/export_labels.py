"""Labelling an export with any saved model, including one trained on a partner's own label
set that the worker cannot use: each row keeps its columns and gains, per target, the label,
its calibrated probability, whether it needs a person (under the model's stored threshold)
and the top 3 labels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from classifiers.artifact import ModelArtifact
from classifiers.errors import TrainingDataError
from classifiers.redaction import redact_personal_data
from classifiers.tables import TextTable, checked_rows, find_column

TOP = 3


@dataclass(frozen=True)
class LabelledExport:
    header: list[str]
    rows: list[list[str]]

    @property
    def needs_review(self) -> int:
        """Rows with at least one label under its threshold."""
        flags = [i for i, h in enumerate(self.header) if h.startswith("needs_review_")]
        return sum(any(row[i] == "yes" for i in flags) for row in self.rows)


def label_export(
    artifact: ModelArtifact, table: TextTable, text_columns: list[str]
) -> LabelledExport:
    """Every row of ``table`` with the model's labels appended (texts redacted first, as in
    training); a row with no text gets empty labels rather than a guess."""
    columns = [find_column(table, c) for c in text_columns]
    header = list(table.headers)
    rows: list[list[str]] = []
    texts: list[str] = []
    for _, row in checked_rows(table):
        rows.append([row[h] for h in header])
        texts.append(redact_personal_data("\n".join(v for c in columns if (v := row[c].strip()))))
    has_text = [bool(t.strip()) for t in texts]
    if not any(has_text):
        where = ", ".join(text_columns)
        raise TrainingDataError(f"{table.source}: no row has text in {where}")
    proba = artifact.labeller.predict_proba([t for t in texts if t.strip()])
    added: list[str] = []
    labels: list[list[str]] = []
    for target in artifact.targets:
        added += [target, f"{target}_probability", f"needs_review_{target}", f"top3_{target}"]
        labels += _target_columns(artifact, target, proba[target], has_text)
    out_rows = [row + [col[i] for col in labels] for i, row in enumerate(rows)]
    return LabelledExport(header + added, out_rows)


def _target_columns(
    artifact: ModelArtifact, target: str, proba: np.ndarray, has_text: list[bool]
) -> list[list[str]]:
    classes = artifact.labeller.classes(target)
    ranked = np.argsort(-proba, axis=1, kind="stable")[:, :TOP]
    threshold = artifact.thresholds[target]
    label, probability, review, top = ([""] * len(has_text) for _ in range(4))
    predicted = iter(range(len(proba)))
    for row, ok in enumerate(has_text):
        if not ok:
            continue
        i = next(predicted)
        best = float(proba[i, ranked[i, 0]])
        label[row], probability[row] = str(classes[ranked[i, 0]]), f"{best:.4f}"
        review[row] = "yes" if best < threshold else "no"
        top[row] = "; ".join(f"{classes[j]} {proba[i, j]:.0%}" for j in ranked[i])
    return [label, probability, review, top]
