"""The typed figures training and evaluation produce: what other rooms read (the CLI renders
them, the registry stores them) instead of dicts looked up by string keys.

``to_dict()`` gives each as the JSON object ``--format json`` prints and ``metadata.json``
keeps: the field names are the JSON keys.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def _plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready dicts and lists (fields that are None and marked
    ``omit_none`` left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if item is None and f.metadata.get("omit_none"):
                continue
            out[f.name] = _plain(item)
        return out
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class _Plain:
    def to_dict(self) -> dict[str, Any]:
        plain: dict[str, Any] = _plain(self)
        return plain


@dataclass(frozen=True)
class AutoAccept(_Plain):
    """What accepting every prediction at or above ``threshold`` achieves on some rows
    (``precision`` None: nothing was accepted)."""

    threshold: float
    precision: float | None
    coverage: float


@dataclass(frozen=True)
class OperatingPoint(_Plain):
    """Accepting every prediction at or above ``threshold``: the share right (``precision``,
    None when nothing is accepted), its 95% Wilson lower bound, and the share accepted."""

    threshold: float
    precision: float | None
    precision_lower: float | None
    coverage: float


@dataclass(frozen=True)
class ReliabilityBin(_Plain):
    bin: str
    count: int
    mean_confidence: float
    accuracy: float


@dataclass(frozen=True)
class Reliability(_Plain):
    """Predicted confidence against observed accuracy per bin, and the count-weighted gap."""

    bins: list[ReliabilityBin]
    expected_calibration_error: float


@dataclass(frozen=True)
class ClassScores(_Plain):
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class ConfusionMatrix(_Plain):
    """``matrix[i][j]``: contacts of true label ``labels[i]`` predicted as ``labels[j]``."""

    labels: list[str]
    matrix: list[list[int]]


@dataclass(frozen=True)
class ConfusedPair(_Plain):
    """``contacts`` of label ``true`` predicted as ``predicted``: ``share_of_true`` of them."""

    true: str
    predicted: str
    contacts: int
    share_of_true: float


@dataclass(frozen=True)
class TargetMetrics(_Plain):
    """Every figure for one target on labelled rows."""

    rows: int
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    auto_accept: AutoAccept
    calibration: Reliability
    operating_points: list[OperatingPoint] = field(default_factory=list)
    confusion_matrix: ConfusionMatrix | None = field(default=None, metadata={"omit_none": True})


@dataclass(frozen=True)
class ComparisonRow(_Plain):
    """One baseline or fitted family: hold-out macro-F1 per target (and, for a family, its
    cross-validated macro-F1 and the parameters cross-validation chose)."""

    model: str
    kind: str
    macro_f1: dict[str, float]
    family: str | None = field(default=None, metadata={"omit_none": True})
    cv_macro_f1: dict[str, float | None] | None = field(default=None, metadata={"omit_none": True})
    params: dict[str, dict[str, Any]] | None = field(default=None, metadata={"omit_none": True})
    chosen: bool | None = field(default=None, metadata={"omit_none": True})
    # Fitting the calibrated model once, and predicting, on this machine (all its cores).
    train_seconds: float | None = field(default=None, metadata={"omit_none": True})
    predictions_per_second: float | None = field(default=None, metadata={"omit_none": True})

    def mean_cv(self) -> float | None:
        scores = [v for v in (self.cv_macro_f1 or {}).values() if v is not None]
        return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True)
class AutoAcceptReport(_Plain):
    """The thresholds stored with the model and what the evaluated model's decision achieved
    with them on the hold-out."""

    target_precision: float
    review_threshold: float | None
    thresholds: dict[str, float]
    holdout: AutoAccept
    calibration: Reliability
    # False: no threshold reached the target on the validation fold (nothing is auto-accepted);
    # ``best_achievable`` is then the cut with the highest precision lower bound there.
    target_reached: bool = True
    best_achievable: OperatingPoint | None = None
    operating_points: list[OperatingPoint] = field(default_factory=list)  # on the hold-out


@dataclass(frozen=True)
class CascadeReport(_Plain):
    """A model deployed as a cascade: ``fast`` labels every contact, ``rich`` (sentence
    embeddings) only those under ``threshold`` (the fast model's top probability)."""

    fast: str
    rich: str
    threshold: float  # the saved model's
    routed_validation: float  # share of validation contacts it sends to ``rich``
    evaluated_threshold: float  # the evaluated model's (trained without the hold-out)
    routed_holdout: float  # share of hold-out contacts the evaluated model sent to ``rich``
    validation_macro_f1: dict[str, float]  # the saved cascade, its fast and rich parts alone


@dataclass(frozen=True)
class TrainingReport(_Plain):
    """What a training run did and measured (printed, and kept in ``metadata.json``)."""

    name: str
    family: str
    family_description: str
    params: dict[str, dict[str, Any]]
    targets: list[str]
    training_rows: int
    dropped_rows: dict[str, int]
    holdout_rows: int
    holdout_sha256: str  # the hold-out's texts and labels: models compare only on the same one
    final_model: str
    validation_rows: int
    split: dict[str, Any]
    labels: dict[str, dict[str, Any]]
    label_counts: dict[str, dict[str, int]]
    holdout_metrics: dict[str, TargetMetrics]
    comparison: list[ComparisonRow]
    auto_accept: AutoAcceptReport
    warnings: list[str]
    training_seconds: float
    dataset: str = ""
    cascade: CascadeReport | None = field(default=None, metadata={"omit_none": True})

    def with_dataset(self, dataset: str) -> TrainingReport:
        return dataclasses.replace(self, dataset=dataset)
