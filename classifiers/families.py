"""The model families compared by ``civicpulse train --select``, each with a small grid that
cross-validation searches, and the default family (chosen on the evidence in the README)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.naive_bayes import ComplementNB
from sklearn.svm import LinearSVC

from classifiers.embedding_stack import WEIGHTS, stack_features
from classifiers.embeddings import EXTRA, installed_models
from classifiers.errors import ClassifierError
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
    char_range: tuple[int, int] = (3, 4)
    make_features: Callable[[], Any] | None = None  # None: ours (``build_features``)
    # Feature parameters cross-validation chooses (shared by every target's head).
    feature_grid: dict[str, list[Any]] = field(default_factory=dict)
    encoder: str | None = None  # a packaged sentence encoder (the ``embeddings`` extra)

    @property
    def fast(self) -> bool:
        return self.trains_fast and not self.char_ngrams and self.encoder is None

    @property
    def speed(self) -> str:
        if self.encoder is not None:
            return "slow: sentence embeddings (deployed behind a TF-IDF model)"
        if self.char_ngrams:
            return "slow to predict (char n-grams)"
        return "fast" if self.trains_fast else "slow to train at scale"

    def features(self) -> Any:
        if self.make_features is not None:
            return self.make_features()
        return build_features(char_ngrams=self.char_ngrams, char_range=self.char_range)


def _logreg() -> Any:
    # Logistic loss by SGD: as accurate as lbfgs here at a fraction of the training time.
    return SGDClassifier(loss="log_loss", max_iter=20, tol=None, random_state=0)


def _svm() -> Any:
    return LinearSVC(dual="auto", random_state=0)


def _plain_tfidf() -> Any:
    return TfidfVectorizer()


def _balanced_svm() -> Any:
    # Class weights inversely proportional to label frequency: on an imbalanced export the
    # small labels count as much as the large ones, which is what macro-F1 measures.
    return LinearSVC(dual="auto", class_weight="balanced", random_state=0)


def _balanced_sgd_svm() -> Any:
    return SGDClassifier(
        loss="hinge", max_iter=10, tol=None, class_weight="balanced", random_state=0
    )


def _balanced_logreg() -> Any:
    return SGDClassifier(
        loss="log_loss", max_iter=20, tol=None, class_weight="balanced", random_state=0
    )


def _sgd_svm() -> Any:
    # Hinge loss by SGD: on the starter data as accurate as LinearSVC's exact solver, and
    # linear in the number of contacts (10 passes), which keeps large trainings short.
    return SGDClassifier(loss="hinge", max_iter=10, tol=None, random_state=0)


def _stack(name: str, encoder: str, short: str) -> Family:
    # Issue 11's measurement on a 9-label export: TF-IDF + embeddings 0.619 (MiniLM) and
    # 0.658 (mpnet) macro-F1 against 0.599 for the same TF-IDF alone.
    return Family(
        name,
        f"TF-IDF word 1-2 + char_wb 2-5 + {short} sentence embeddings (weight by CV) "
        "+ linear SVM (liblinear), balanced",
        True,
        _balanced_svm,
        {"C": [0.1, 0.3, 1.0]},
        trains_fast=False,
        make_features=stack_features(encoder),
        feature_grid={"weight": WEIGHTS},
        encoder=encoder,
    )


# Entered in a search only where their encoder is installed (``installed_stacks``).
STACK_FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        _stack("stack_minilm", "all-MiniLM-L6-v2", "all-MiniLM-L6-v2"),
        _stack("stack_mpnet", "all-mpnet-base-v2", "all-mpnet-base-v2"),
    )
}


# The stacks `train --from` searches when installed: MiniLM encodes about 220 texts/s on 2 cores,
# which keeps 10,000 rows within the search's three minutes; mpnet (about 32/s) would take five
# minutes to encode them, so it is had by name (`--family stack_mpnet`) or `--select`.
SEARCHED_STACKS = ("stack_minilm",)


def installed_stacks(searched_only: bool = False) -> list[str]:
    """The stack families whose encoder is installed (none without the extra); with
    ``searched_only``, those `train --from` searches."""
    models = set(installed_models())
    names = SEARCHED_STACKS if searched_only else tuple(STACK_FAMILIES)
    return [n for n in names if STACK_FAMILIES[n].encoder in models]


def family_for(name: str, cache_dir: Path | None = None) -> Family:
    """The family ``name`` (a stack remembering its encodings in ``cache_dir``); a clear
    error for a stack whose encoder is not installed."""
    family = FAMILIES[name]
    if family.encoder is not None and name not in installed_stacks():
        raise ClassifierError(
            f"the family {name} needs the sentence encoder {family.encoder}: {EXTRA}"
        )
    return with_encoding_cache(family, cache_dir)


def with_encoding_cache(family: Family, cache_dir: Path | None) -> Family:
    """``family`` remembering its sentence encodings on disk in ``cache_dir`` (a stack)."""
    if family.encoder is None or cache_dir is None:
        return family
    return replace(family, make_features=stack_features(family.encoder, cache_dir))


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
        Family(
            "word_sgd_svm_balanced",
            "TF-IDF word 1-2-grams + linear SVM (SGD), balanced class weights",
            False,
            _balanced_sgd_svm,
            {"alpha": [1e-4, 3e-4, 1e-3]},
        ),
        Family(
            "word_svm_balanced",
            "TF-IDF word 1-2-grams + linear SVM (liblinear), balanced class weights",
            False,
            _balanced_svm,
            {"C": [0.1, 0.3, 1.0]},
            trains_fast=False,
        ),
        Family(
            "word_char_svm_balanced",
            "TF-IDF word 1-2-grams + char_wb 2-5-grams + linear SVM (liblinear), balanced",
            True,
            _balanced_svm,
            {"C": [0.1, 0.3, 1.0]},
            trains_fast=False,
            char_range=(2, 5),
        ),
        Family(
            "word_logreg_balanced",
            "TF-IDF word 1-2-grams + logistic regression (SGD), balanced class weights",
            False,
            _balanced_logreg,
            {"alpha": [1e-6, 1e-5, 1e-4]},
        ),
        Family(
            "word_char_logreg_balanced",
            "TF-IDF word 1-2-grams + char_wb 2-5-grams + logistic regression (SGD), balanced",
            True,
            _balanced_logreg,
            {"alpha": [1e-5, 3e-5, 1e-4]},
            char_range=(2, 5),
        ),
        Family(
            "reference_svm",
            "plain TF-IDF + LinearSVC, scikit-learn defaults (the reference)",
            False,
            _svm,
            {"C": [1.0]},
            trains_fast=False,
            make_features=_plain_tfidf,
        ),
        *STACK_FAMILIES.values(),
    )
}

# What `train --from FILE --label-column ...` searches on a council's own export: the worker's
# fast families, balanced class weights, and word + character n-grams with a balanced linear
# SVM, which paid on a real 9-label export (issue 11: about 0.60 against 0.52 macro-F1).
# word_char_logreg_balanced is left to --select: on the feedback and CRM exports it never beat
# the character SVM (CV 0.540 vs 0.542, 0.580 vs 0.585) and took most of the search's time
# (SGD over dozens of one-vs-rest heads on the character matrix; ~100 predictions/s).
EXPORT_SEARCH = (
    "word_sgd_svm",
    "word_sgd_svm_balanced",
    "word_svm",
    "word_svm_balanced",
    "word_logreg_balanced",
    "word_char_svm_balanced",
)

# In front of a stack named on its own (`--family stack_mpnet`): the search's winner on the
# feedback and CRM exports, and word n-grams only, so it predicts within the worker's budget.
CASCADE_FRONT = "word_svm"

# The best cross-validated macro-F1 among the fast families on the messy starter data (4,000
# contacts, 100:1 imbalance, 10% miscoded), mean over the three targets: word_sgd_svm 0.717,
# word_sgd_svm_balanced 0.713, word_cnb 0.711, word_logreg 0.678. The choice `civicpulse train
# --select` makes there (character families are too slow for the worker's budget).
DEFAULT_FAMILY = "word_sgd_svm"
