"""Choosing hyper-parameters by cross-validation (a small grid per family and target, at most
2 processes) and fitting a family's calibrated labeller; baselines scored alongside."""

from __future__ import annotations

import time
import warnings
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.exceptions import ConvergenceWarning, FitFailedWarning
from sklearn.metrics import f1_score, make_scorer
from sklearn.model_selection import GridSearchCV, ParameterGrid

from classifiers.baselines import BASELINES, baseline
from classifiers.embeddings import encoding_cache_off
from classifiers.evaluation import macro_f1
from classifiers.families import Family
from classifiers.labeller import Calibration, ContactLabeller
from classifiers.split import stratified_split
from config import Taxonomy

Step = Callable[[str], None]


@dataclass(frozen=True)
class SearchSettings:
    """How hard to search: folds, processes, and the most rows a search looks at."""

    cv: int = 5
    n_jobs: int = 2
    max_rows: int = 5_000
    seed: int = 0


@dataclass(frozen=True)
class Tuned:
    params: dict[str, Any]
    cv_macro_f1: float | None  # None: too few rows to cross-validate; the grid's middle used


@dataclass(frozen=True)
class FittedFamily:
    family: Family
    labeller: ContactLabeller
    tuned: dict[str, Tuned]
    train_seconds: float = float("nan")  # fitting the calibrated labeller once (not the search)
    predictions_per_second: float = float("nan")  # on the calibration fold, this machine
    feature_params: dict[str, Any] = field(default_factory=dict)  # chosen from feature_grid

    def features(self) -> Any:
        """Unfitted features with the chosen parameters (to refit the family)."""
        return self.family.features().set_params(**self.feature_params)

    def mean_cv(self) -> float:
        scores = [t.cv_macro_f1 for t in self.tuned.values() if t.cv_macro_f1 is not None]
        return float(np.mean(scores)) if scores else float("nan")


def stratified_folds(
    labels: Sequence[str], folds: int, seed: int = 0
) -> list[tuple[np.ndarray, np.ndarray]]:
    """K folds with every label spread round-robin over them (rare labels allowed)."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(labels), dtype=int)
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    offset = 0
    for label in sorted(by_label):
        rows = rng.permutation(by_label[label])
        fold[rows] = (np.arange(len(rows)) + offset) % folds
        offset += len(rows)
    return [(np.flatnonzero(fold != k), np.flatnonzero(fold == k)) for k in range(folds)]


def time_ordered_folds(
    dates: Sequence[datetime], folds: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Forward-chaining folds over the later half: the most recent half of the rows, in date
    order, cut into ``folds`` blocks; each is predicted by a model trained on every row before
    it (the past predicts the future). Starting at half, not at a quarter as folds + 1 equal
    blocks would, scores a family on what it does with most of the history, as it is deployed:
    on 979 real patient reviews (``python -m bench reviews``) the quarter-start folds chose a
    family that does well on little data and lost to the plain reference on the hold-out."""
    order = np.argsort(np.array([d.timestamp() for d in dates]), kind="stable")
    start = len(order) // 2
    tests = np.array_split(order[start:], folds)
    bounds = np.cumsum([start, *(len(t) for t in tests)])
    return [(order[: bounds[k]], tests[k]) for k in range(folds)]


def tune_head(
    family: Family,
    matrix: Any,
    labels: Sequence[str],
    search: SearchSettings,
    dates: Sequence[datetime] | None = None,
) -> Tuned:
    """The grid point with the best cross-validated macro-F1 for one target; with ``dates``
    the folds are time-ordered, as the hold-out is."""
    y = np.asarray(labels)
    if len(y) < 10 * search.cv or len(set(y)) < 2:
        return Tuned(_middle(family.grid), None)
    folds = (
        time_ordered_folds(dates, search.cv)
        if dates is not None
        else stratified_folds(list(y), search.cv, search.seed)
    )
    search_cv = GridSearchCV(
        family.make_head(),
        family.grid,
        scoring=make_scorer(f1_score, average="macro", zero_division=0),
        cv=folds,
        n_jobs=search.n_jobs if len(y) >= 2000 else 1,
        refit=False,
        error_score=0.0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", FitFailedWarning)
        search_cv.fit(matrix, y)
    return Tuned(dict(search_cv.best_params_), round(float(search_cv.best_score_), 4))


def fit_family(
    family: Family,
    texts: Sequence[str],
    targets: Mapping[str, Sequence[str]],
    calibration: Calibration,
    search: SearchSettings,
    step: Step,
    dates: Sequence[datetime] | None = None,
) -> FittedFamily:
    """Tune each target's head (and the family's feature parameters, by the mean over targets)
    on (a sample of) the rows, then fit the calibrated labeller; time its training and its
    predictions on the calibration fold.

    With feature parameters to choose (a stack's embedding weight), the search is two short
    ones, not one of every pair: each feature point with the head's middle parameters, then
    the head's grid at the best point: 6 points instead of 9 for a stack (3 weights x 3 Cs),
    about 11 s of a `train --from` on 10,000 contacts that must stay under three minutes."""
    sample = _sample(targets, search)
    sample_texts = [texts[i] for i in sample]
    sample_dates = [dates[i] for i in sample] if dates is not None else None
    sample_targets = {t: [labels[i] for i in sample] for t, labels in targets.items()}

    def tuned_at(matrix: Any, searched: Family) -> tuple[float, dict[str, Tuned]]:
        tuned = {
            t: tune_head(searched, matrix, labels, search, sample_dates)
            for t, labels in sample_targets.items()
        }
        scores = [t.cv_macro_f1 for t in tuned.values() if t.cv_macro_f1 is not None]
        return (float(np.mean(scores)) if scores else -1.0), tuned

    grid = _grid(family.feature_grid)
    middle = {name: [value] for name, value in _middle(family.grid).items()}
    coarse = family if len(grid) == 1 or middle == family.grid else replace(family, grid=middle)
    best: tuple[float, dict[str, Any], dict[str, Tuned], Any] | None = None
    for feature_params in grid:
        matrix = family.features().set_params(**feature_params).fit_transform(sample_texts)
        score, tuned = tuned_at(matrix, coarse)
        if best is None or score > best[0]:
            best = (score, feature_params, tuned, matrix)
    assert best is not None  # the grid has at least one point
    _, feature_params, tuned, matrix = best
    if coarse is not family:  # the head's own grid, at the feature point chosen
        tuned = tuned_at(matrix, family)[1]
    for target in targets:  # one step per target, as ``training_steps`` counts
        step(f"{family.name}: cross-validating {target}")
    heads = {t: clone(family.make_head()).set_params(**tuned[t].params) for t in targets}
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        labeller = ContactLabeller(family.features().set_params(**feature_params), heads).fit(
            texts,
            targets,
            calibration=calibration,
            on_step=lambda s: step(f"{family.name}: fitting {s}"),
        )
    train_seconds = time.perf_counter() - started
    # A sentence encoder is timed on a few texts, afresh (its cache would make them free).
    timed = list(calibration[0][:50] if family.encoder else calibration[0])
    with encoding_cache_off():
        started = time.perf_counter()
        labeller.predict_proba(timed)
        speed = len(timed) / max(time.perf_counter() - started, 1e-9)
    return FittedFamily(
        family, labeller, tuned, round(train_seconds, 3), round(speed), feature_params
    )


def _middle(grid: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """Each parameter's middle value."""
    return {name: values[len(values) // 2] for name, values in grid.items()}


def _grid(grid: Mapping[str, Sequence[Any]]) -> list[dict[str, Any]]:
    """Every combination of the feature parameters (one empty one for none)."""
    return list(ParameterGrid(dict(grid))) if grid else [{}]


def baseline_scores(
    train_texts: Sequence[str],
    train: Mapping[str, Sequence[str]],
    test_texts: Sequence[str],
    test: Mapping[str, Sequence[str]],
    taxonomy: Taxonomy,
) -> dict[str, dict[str, float]]:
    """Held-out macro-F1 of each baseline for each target."""
    scores: dict[str, dict[str, float]] = {name: {} for name in BASELINES}
    for name in BASELINES:
        for target, labels in train.items():
            model: Any = baseline(name, target, labels, taxonomy)
            model.fit(list(train_texts), list(labels))
            scores[name][target] = macro_f1(list(test[target]), list(model.predict(test_texts)))
    return scores


def _sample(targets: Mapping[str, Sequence[str]], search: SearchSettings) -> list[int]:
    """Row indices to search on: all of them, or a stratified sample of ``max_rows``."""
    first = next(iter(targets.values()))
    labels = list(targets.get("category", first))
    if len(labels) <= search.max_rows:
        return list(range(len(labels)))
    _, chosen = stratified_split(labels, fraction=search.max_rows / len(labels), seed=search.seed)
    return [int(i) for i in chosen]
