"""The model families compared by ``civicpulse train --select``, each with a small grid that
cross-validation searches, and the default family (chosen on the evidence in the README)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sklearn.linear_model import SGDClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

from classifiers.features import build_features


@dataclass(frozen=True)
class Family:
    """Features plus a linear head, and a small grid for cross-validation to search.

    ``fast``: predicts >= 10,000 contacts/s per core (character n-grams cost about four times
    the time of words alone) and trains on 100,000 contacts in under 2 minutes on 2 cores
    (the exact LinearSVC solver needs several times longer there than SGD).
    """

    name: str
    description: str
    char_ngrams: bool
    make_head: Callable[[], Any]
    grid: dict[str, list[Any]]
    trains_fast: bool = True

    @property
    def fast(self) -> bool:
        return self.trains_fast and not self.char_ngrams

    @property
    def speed(self) -> str:
        if self.char_ngrams:
            return "slow to predict (char n-grams)"
        return "fast" if self.trains_fast else "slow to train at scale"

    def features(self) -> Any:
        return build_features(char_ngrams=self.char_ngrams)


def _logreg() -> Any:
    # Logistic loss by SGD: as accurate as lbfgs here at a fraction of the training time.
    return SGDClassifier(loss="log_loss", max_iter=20, tol=None, random_state=0)


def _svm() -> Any:
    return LinearSVC(dual="auto", random_state=0)


def _sgd_svm() -> Any:
    # Hinge loss by SGD: on the starter data as accurate as LinearSVC's exact solver, and
    # linear in the number of contacts (10 passes), which keeps large trainings short.
    return SGDClassifier(loss="hinge", max_iter=10, tol=None, random_state=0)


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "word_logreg",
            "TF-IDF word 1-2-grams + logistic regression (SGD)",
            False,
            _logreg,
            {"alpha": [1e-6, 1e-5, 1e-4]},
        ),
        Family(
            "word_sgd_svm",
            "TF-IDF word 1-2-grams + linear SVM (SGD)",
            False,
            _sgd_svm,
            {"alpha": [1e-4, 3e-4, 1e-3]},
        ),
        Family(
            "word_svm",
            "TF-IDF word 1-2-grams + linear SVM (liblinear)",
            False,
            _svm,
            {"C": [0.3, 1.0, 3.0]},
            trains_fast=False,
        ),
        Family(
            "word_cnb",
            "TF-IDF word 1-2-grams + complement naive Bayes",
            False,
            ComplementNB,
            {"alpha": [0.03, 0.1, 0.3, 1.0]},
        ),
        Family(
            "word_char_svm",
            "TF-IDF word 1-2-grams + char 3-4-grams + linear SVM (liblinear)",
            True,
            _svm,
            {"C": [0.3, 1.0, 3.0]},
            trains_fast=False,
        ),
    )
}

# The best cross-validated macro-F1 among the fast families on the starter data: the choice
# `civicpulse train --select` makes (and reports, with every family's figures).
DEFAULT_FAMILY = "word_sgd_svm"
