"""Training: clean the labels, hold out the most recent months (or a stratified split), tune
by cross-validation, calibrate and choose thresholds on a validation fold, measure on the
hold-out against baselines, then fit the final model. The report records every step."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import numpy as np

from classifiers.artifact import ModelArtifact
from classifiers.calibration import auto_accept, choose_threshold, reliability_table
from classifiers.dataset import TARGETS, LabelledText, TrainingSet, training_set
from classifiers.errors import TrainingDataError
from classifiers.evaluation import best_of, macro_f1, target_metrics
from classifiers.families import DEFAULT_FAMILY, FAMILIES
from classifiers.labeller import ContactLabeller, Labeller
from classifiers.labels import LabelCleaning, clean_labels, is_taxonomy_label
from classifiers.model import ContactClassifier, Decisions
from classifiers.selection import FittedFamily, SearchSettings, baseline_scores, fit_family
from classifiers.split import holdout_digest, holdout_split
from config import Taxonomy

Fold = tuple[list[str], dict[str, list[str]]]


@dataclass(frozen=True)
class TrainingOptions:
    """Everything a training run may change; the defaults are what `civicpulse train` uses."""

    target_precision: float = 0.95
    holdout: float = 0.2
    validation: float = 0.2
    min_count: int = 5
    mapping: Mapping[str, str] = field(default_factory=dict)
    family: str = DEFAULT_FAMILY
    select: bool = False
    search: SearchSettings = field(default_factory=SearchSettings)
    # From this many contacts on, the evaluated model is the one saved: refitting it on the
    # hold-out too would double the training time for a few percent more data.
    refit_below: int = 20_000


@dataclass(frozen=True)
class TrainedModel:
    artifact: ModelArtifact
    report: dict[str, Any]

    @property
    def classifier(self) -> ContactClassifier:
        return self.artifact.classifier()


def train_from_rows(
    rows: Iterable[LabelledText],
    taxonomy: Taxonomy,
    *,
    name: str = "database",
    targets: Sequence[str] | None = None,
    options: TrainingOptions | None = None,
    on_step: Callable[[str], None] | None = None,
) -> TrainedModel:
    """Train on labelled rows (e.g. contacts whose labels a source or reviewer confirmed);
    ``targets`` defaults to every target the rows label."""
    data = training_set(rows, targets)
    return train_classifier(data, taxonomy, name=name, options=options, on_step=on_step)


def train_classifier(
    data: TrainingSet,
    taxonomy: Taxonomy,
    *,
    name: str = "starter",
    options: TrainingOptions | None = None,
    on_step: Callable[[str], None] | None = None,
) -> TrainedModel:
    """``on_step`` is called after each of ``training_steps(...)`` steps (progress display)."""
    opts = options or TrainingOptions()
    step = on_step or (lambda _s: None)
    started = time.monotonic()
    labels, cleaning = _clean(data, taxonomy, opts)
    strat = labels["category"] if "category" in labels else next(iter(labels.values()))
    outer = holdout_split(strat, data.dates, fraction=opts.holdout, seed=opts.search.seed)
    inner = holdout_split(
        [strat[i] for i in outer.train],
        [data.dates[i] for i in outer.train] if data.dates else None,
        fraction=opts.validation,
        seed=opts.search.seed + 1,
    )
    fit_rows, val_rows = outer.train[inner.train], outer.train[inner.test]
    fit, val, test = (_fold(data.texts, labels, r) for r in (fit_rows, val_rows, outer.test))
    names = list(FAMILIES) if opts.select else [opts.family]
    fitted = [fit_family(FAMILIES[n], *fit, val, opts.search, step) for n in names]
    # Selection: the best cross-validated macro-F1 among the families within both speed
    # budgets; the others are measured for the comparison (or forced with `family`).
    eligible = [f for f in fitted if f.family.fast] or fitted
    chosen = max(eligible, key=lambda f: np.nan_to_num(f.mean_cv(), nan=-1.0))
    complete = _is_complete(labels, taxonomy)
    val_proba = chosen.labeller.predict_proba(val[0])
    thresholds, review = _thresholds(chosen.labeller, val_proba, val[1], taxonomy, complete, opts)
    test_proba = chosen.labeller.predict_proba(test[0])
    holdout = _holdout(chosen.labeller, test_proba, test[1], thresholds, review, taxonomy)
    comparison = _comparison(fitted, chosen, test_proba, fit, test, taxonomy)
    step("evaluation")
    final, final_thresholds, final_review = chosen.labeller, thresholds, review
    if len(data) < opts.refit_below:
        # The final model learns from everything but the validation fold, which calibrates it.
        keep = np.setdiff1d(np.arange(len(data)), val_rows)
        final = ContactLabeller(chosen.family.features(), _heads(chosen)).fit(
            *_fold(data.texts, labels, keep),
            calibration=val,
            on_step=lambda s: step(f"final model: {s}"),
        )
        final_thresholds, final_review = _thresholds(
            final, final.predict_proba(val[0]), val[1], taxonomy, complete, opts
        )
    else:
        for s in ("features", *labels):
            step(f"final model (the evaluated one): {s}")
    artifact = ModelArtifact(
        version=model_version(name, data, opts),
        labeller=final,
        thresholds=final_thresholds,
        review_threshold=final_review,
        service_of_category=dict(taxonomy.service_of_category),
        label_maps={t: dict(c.canonical) for t, c in cleaning.items()},
    )
    report = {
        "name": name,
        "family": chosen.family.name,
        "family_description": chosen.family.description,
        "params": {t: tuned.params for t, tuned in chosen.tuned.items()},
        "targets": list(labels),
        "training_rows": len(data),
        "dropped_rows": dict(data.dropped),
        "holdout_rows": len(outer.test),
        "holdout_sha256": holdout_digest(*test),
        "final_model": "refitted without the validation fold"
        if len(data) < opts.refit_below
        else "the evaluated model (trained without hold-out and validation folds)",
        "validation_rows": len(val_rows),
        "split": {**outer.summary(), "validation": inner.summary()},
        "labels": {t: c.summary() for t, c in cleaning.items()},
        "label_counts": {t: dict(Counter(v).most_common()) for t, v in labels.items()},
        "holdout_metrics": holdout["targets"],
        "comparison": comparison,
        "auto_accept": {
            "target_precision": opts.target_precision,
            "review_threshold": final_review,
            "thresholds": final_thresholds,
            "holdout": holdout["auto_accept"],
            "calibration": holdout["calibration"],
        },
        "warnings": [w for c in cleaning.values() for w in c.warnings],
        "training_seconds": round(time.monotonic() - started, 1),
    }
    return TrainedModel(artifact, report)


def training_steps(targets: int = len(TARGETS), families: int = 1) -> int:
    """How many ``on_step`` calls ``train_classifier`` makes (for a progress bar)."""
    return families * (2 * targets + 1) + 1 + (targets + 1)


def model_version(name: str, data: TrainingSet, options: TrainingOptions) -> str:
    seed = "\n".join(data.texts) + repr(sorted(data.labels)) + repr(options) + str(time.time_ns())
    digest = hashlib.sha256(seed.encode()).hexdigest()[:6]
    return f"{name}-{datetime.now(UTC):%Y%m%dT%H%M%S}-{digest}"


def _clean(
    data: TrainingSet, taxonomy: Taxonomy, opts: TrainingOptions
) -> tuple[dict[str, list[str]], dict[str, LabelCleaning]]:
    labels: dict[str, list[str]] = {}
    cleaning: dict[str, LabelCleaning] = {}
    for target, raw in data.labels.items():
        labels[target], cleaning[target] = clean_labels(
            raw, target, taxonomy, mapping=opts.mapping, min_count=opts.min_count
        )
    few = [t for t, v in labels.items() if len(set(v)) < 2]
    if len(data) < 20 or few:
        raise TrainingDataError(
            f"need at least 20 labelled contacts and 2 distinct labels per target; got "
            f"{len(data)} contacts" + (f", one label only for {', '.join(few)}" if few else "")
        )
    return labels, cleaning


def _fold(texts: Sequence[str], labels: Mapping[str, Sequence[str]], rows: np.ndarray) -> Fold:
    return [texts[i] for i in rows], {t: [v[i] for i in rows] for t, v in labels.items()}


def _heads(chosen: FittedFamily) -> dict[str, Any]:
    return {
        t: chosen.family.make_head().set_params(**tuned.params) for t, tuned in chosen.tuned.items()
    }


def _is_complete(labels: Mapping[str, Sequence[str]], taxonomy: Taxonomy) -> bool:
    """All three targets, every label in the taxonomy: the worker can use it as it is."""
    return set(TARGETS) <= set(labels) and all(
        is_taxonomy_label(taxonomy, t, label) for t in TARGETS for label in set(labels[t])
    )


def _thresholds(
    labeller: Labeller,
    proba: Mapping[str, np.ndarray],
    truth: Mapping[str, Sequence[str]],
    taxonomy: Taxonomy,
    complete: bool,
    o: TrainingOptions,
) -> tuple[dict[str, float], float | None]:
    """Per target, and for the classifier's joint decision, the threshold reaching the
    target precision on the validation fold."""
    per_target = {}
    for target in labeller.targets_:
        predicted, confidence = best_of(labeller.classes(target), proba[target])
        correct = predicted == np.asarray(truth[target])
        per_target[target] = round(choose_threshold(confidence, correct, o.target_precision), 4)
    if not complete:
        return per_target, None
    classifier = ContactClassifier(labeller, "validation", taxonomy.service_of_category)
    decided = classifier.decisions(proba)
    right = _all_right(decided, truth)
    return per_target, round(choose_threshold(decided.confidence, right, o.target_precision), 4)


def _all_right(decided: Decisions, truth: Mapping[str, Sequence[str]]) -> np.ndarray:
    right = np.ones(len(decided.confidence), dtype=bool)
    for target in TARGETS:
        right &= getattr(decided, target) == np.asarray(truth[target])
    return right


def _holdout(
    labeller: Labeller,
    proba: Mapping[str, np.ndarray],
    truth: Mapping[str, Sequence[str]],
    thresholds: Mapping[str, float],
    review: float | None,
    taxonomy: Taxonomy,
) -> dict[str, Any]:
    """Hold-out figures per target; auto-accept and calibration of the decision the worker
    makes (the joint one for a complete model, else the single head's)."""
    per_target: dict[str, Any] = {}
    for target in labeller.targets_:
        predicted, confidence = best_of(labeller.classes(target), proba[target])
        per_target[target] = target_metrics(
            truth[target], predicted, confidence, thresholds[target], confusion=False
        )
    if review is None:
        first = per_target[labeller.targets_[0]]
        return {"targets": per_target, **{k: first[k] for k in ("auto_accept", "calibration")}}
    decided = ContactClassifier(labeller, "holdout", taxonomy.service_of_category).decisions(proba)
    right = _all_right(decided, truth)
    return {
        "targets": per_target,
        "auto_accept": auto_accept(decided.confidence, right, review),
        "calibration": reliability_table(decided.confidence, right),
    }


def _comparison(
    fitted: Sequence[FittedFamily],
    chosen: FittedFamily,
    chosen_proba: Mapping[str, np.ndarray],
    fit: Fold,
    test: Fold,
    taxonomy: Taxonomy,
) -> list[dict[str, Any]]:
    """Baselines and every fitted family, macro-F1 on the hold-out per target."""
    rows: list[dict[str, Any]] = []
    names = {"most_frequent": "most frequent class", "keyword_rules": "keyword rules (taxonomy)"}
    for name, scores in baseline_scores(*fit, *test, taxonomy).items():
        rows.append({"model": names[name], "kind": "baseline", "macro_f1": scores})
    for family in fitted:
        labeller = family.labeller
        proba = chosen_proba if family is chosen else labeller.predict_proba(test[0])
        holdout = {
            t: macro_f1(test[1][t], list(best_of(labeller.classes(t), proba[t])[0]))
            for t in family.tuned
        }
        rows.append(
            {
                "model": family.family.description,
                "family": family.family.name,
                "kind": family.family.speed,
                "macro_f1": holdout,
                "cv_macro_f1": {t: tuned.cv_macro_f1 for t, tuned in family.tuned.items()},
                "params": {t: tuned.params for t, tuned in family.tuned.items()},
                "chosen": family is chosen,
            }
        )
    return rows
