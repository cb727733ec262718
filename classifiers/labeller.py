"""ContactLabeller: one shared feature extraction, one calibrated head per target.

Follows scikit-learn conventions (``__init__`` stores parameters, learned state ends in ``_``)
so it is saved, loaded and cloned as a single artifact; sharing the features makes predicting
three targets cost little more than one. ``Labeller`` is what a classifier needs of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.utils.validation import check_is_fitted

from classifiers.calibration import TemperatureScaling
from classifiers.features import tfidf_matrix

Calibration = tuple[Sequence[str], Mapping[str, Sequence[str]]]


class Labeller(Protocol):
    """Class probabilities per target for a batch of texts."""

    @property
    def targets_(self) -> tuple[str, ...]: ...

    def classes(self, target: str) -> np.ndarray: ...

    def predict_proba(self, texts: Sequence[str]) -> dict[str, np.ndarray]: ...


class ContactLabeller(BaseEstimator):  # type: ignore[misc]
    def __init__(self, features: Any, heads: Mapping[str, Any]) -> None:
        self.features = features
        self.heads = heads

    def fit(
        self,
        texts: Sequence[str],
        targets: Mapping[str, Sequence[str]],
        *,
        calibration: Calibration | None = None,
        on_step: Callable[[str], None] | None = None,
    ) -> ContactLabeller:
        """Fit the features on ``texts`` and a head per target; with ``calibration`` (held-out
        texts and labels), each head's probabilities are temperature-scaled on them."""
        step = on_step or (lambda _name: None)
        self.features_ = clone(self.features)
        matrix = self.features_.fit_transform(list(texts))
        held_out = tfidf_matrix(self.features_, list(calibration[0])) if calibration else None
        step("features")
        self.heads_: dict[str, Any] = {}
        for name, labels in targets.items():
            head = clone(self.heads[name]).fit(matrix, np.asarray(labels))
            if calibration is not None:
                head = TemperatureScaling(head).fit(held_out, list(calibration[1][name]))
            self.heads_[name] = head
            step(name)
        return self

    @property
    def targets_(self) -> tuple[str, ...]:
        check_is_fitted(self, "heads_")
        return tuple(self.heads_)

    def classes(self, target: str) -> np.ndarray:
        check_is_fitted(self, "heads_")
        return np.asarray(self.heads_[target].classes_)

    def transform(self, texts: Sequence[str]) -> Any:
        """The shared feature matrix (sparse TF-IDF) of ``texts``."""
        check_is_fitted(self, "features_")
        return tfidf_matrix(self.features_, list(texts))

    def predict_proba(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Class probabilities per target (columns in ``classes(target)`` order)."""
        matrix = self.transform(texts)
        return {name: probabilities(head, matrix) for name, head in self.heads_.items()}

    def predict(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        proba = self.predict_proba(texts)
        return {name: self.classes(name)[np.argmax(p, axis=1)] for name, p in proba.items()}


def probabilities(head: Any, matrix: Any) -> np.ndarray:
    """A head's class probabilities; an uncalibrated margin classifier gets a plain softmax."""
    if hasattr(head, "predict_proba"):
        return np.asarray(head.predict_proba(matrix))
    return TemperatureScaling(head).fit(matrix[:0], []).predict_proba(matrix)
