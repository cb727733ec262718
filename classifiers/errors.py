"""Errors raised by the classifiers room.

PipelineError (contracts)
└── ClassifierError             training or prediction failed
    ├── TrainingDataError       a training file or its columns/labels are unusable
    ├── ModelNotFoundError      no such model version, nothing promoted, nothing to roll back to
    ├── ModelVersionError       a saved model cannot be loaded by this installation
    ├── IncompleteModelError    a model that cannot categorise contacts on its own
    ├── UnmappedLabelsError     promotion refused: labels that do not map onto the taxonomy
    └── PromotionRefusedError   promotion refused: categories left out, or a worse evaluation
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from contracts import PipelineError


class ClassifierError(PipelineError):
    """Root of classifier errors."""


class TrainingDataError(ClassifierError):
    """Training data that cannot be used (missing columns, too few labels, empty texts)."""


class ModelNotFoundError(ClassifierError):
    """A model version that does not exist, no promoted model, or no earlier promotion."""


class ModelVersionError(ClassifierError):
    """A saved model written by an incompatible version of the code or scikit-learn."""


class IncompleteModelError(ClassifierError):
    """A model lacking a head (type, service, category) or predicting labels of its own.

    It can be evaluated, and promoted (combined with the promoted model's other heads, its
    labels mapped onto the taxonomy), but not loaded as a ``ContactClassifier`` by itself.
    """

    def __init__(self, version: str, reason: str) -> None:
        super().__init__(
            f"model {version} cannot categorise contacts by itself: {reason}; "
            f"`civicpulse models promote {version} [--mapping FILE]` combines it with the "
            "promoted model"
        )
        self.version = version


class UnmappedLabelsError(ClassifierError):
    """Promotion refused: ``unmapped[target]`` lists the labels with no taxonomy equivalent."""

    def __init__(self, version: str, unmapped: Mapping[str, Sequence[str]]) -> None:
        listed = "; ".join(f"{t}: {', '.join(labels)}" for t, labels in unmapped.items())
        super().__init__(
            f"model {version} has labels that do not map onto the taxonomy ({listed}); "
            "map them with --mapping FILE (their label -> taxonomy id or name)"
        )
        self.version = version
        self.unmapped = {t: list(labels) for t, labels in unmapped.items()}


class PromotionRefusedError(ClassifierError):
    """Promotion refused without ``--force``: the model leaves taxonomy categories out, or it
    evaluates worse than the promoted model on the same hold-out. ``reasons`` says which."""

    def __init__(self, version: str, reasons: Sequence[str]) -> None:
        super().__init__(
            f"model {version} not promoted: {'; '.join(reasons)}. "
            f"`civicpulse models promote {version} --force` promotes it anyway"
        )
        self.version = version
        self.reasons = list(reasons)
