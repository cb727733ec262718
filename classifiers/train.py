"""Training: clean the labels, hold out the most recent months (or a stratified split), tune
by cross-validation, calibrate and choose thresholds on a validation fold, measure on the
hold-out against baselines, then fit the final model. The report records every step."""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from classifiers.artifact import ModelArtifact
from classifiers.calibration import auto_accept, reliability_table
from classifiers.cascade import cascade_report, fast_partner, route_between
from classifiers.comparison import family_comparison
from classifiers.dataset import TARGETS, LabelledText, TrainingSet, training_set
from classifiers.errors import TrainingDataError
from classifiers.evaluation import best_of, target_metrics
from classifiers.families import (
    CASCADE_FRONT,
    DEFAULT_FAMILY,
    EXPORT_SEARCH,
    FAMILIES,
    family_for,
    installed_stacks,
)
from classifiers.labeller import ContactLabeller, Labeller
from classifiers.labels import (
    OTHER,
    LabelCleaning,
    clean_labels,
    is_taxonomy_label,
    labels_with_counts,
)
from classifiers.model import ContactClassifier, Decisions
from classifiers.operating_points import ThresholdChoice, choose_threshold_for, operating_points
from classifiers.report import (
    AutoAccept,
    AutoAcceptReport,
    OperatingPoint,
    Reliability,
    TargetMetrics,
    TrainingReport,
)
from classifiers.selection import FittedFamily, SearchSettings, fit_family
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
    # The families to search (best cross-validated macro-F1 wins); empty: every family with
    # `select`, else `family` alone.
    families: tuple[str, ...] = ()
    search: SearchSettings = field(default_factory=SearchSettings)
    # From this many contacts on, the evaluated model is the one saved: refitting it on the
    # hold-out too would double the training time for a few percent more data.
    refit_below: int = 20_000
    # Where sentence encodings are remembered across runs (a stack family; None: in memory).
    encoding_cache: Path | None = None


@dataclass(frozen=True)
class TrainedModel:
    artifact: ModelArtifact
    report: TrainingReport

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
    fit_dates = [data.dates[i] for i in fit_rows] if data.dates else None
    # Every family resolved before any is fitted: a missing encoder is said at once.
    families = [family_for(n, opts.encoding_cache) for n in searched_families(opts)]
    fitted = [fit_family(f, *fit, val, opts.search, step, fit_dates) for f in families]
    complete = _is_complete(labels, taxonomy)
    # Selection: the best cross-validated macro-F1. A model the worker can use as it is must
    # also be within both speed budgets; a model of an export's own labels (used by `models
    # predict`, or mapped and combined on promotion) may be slower where it scores better.
    eligible = [f for f in fitted if f.family.fast or not complete] or fitted
    if not (opts.families or opts.select):  # one family named: that one, whatever else is fitted
        eligible = [f for f in fitted if f.family.name == opts.family]
    chosen = max(eligible, key=lambda f: np.nan_to_num(f.mean_cv(), nan=-1.0))
    # A sentence-embedding stack is deployed behind the best TF-IDF family (a cascade).
    partner = fast_partner(chosen, fitted)
    cascade, route = (
        route_between(partner.labeller, chosen.labeller, val) if partner else (None, None)
    )
    deployed: Labeller = cascade or chosen.labeller
    val_proba = deployed.predict_proba(val[0])
    thresholds, review, choice = _thresholds(deployed, val_proba, val[1], taxonomy, complete, opts)
    test_proba = deployed.predict_proba(test[0])
    holdout = _holdout(deployed, test_proba, test[1], thresholds, review, taxonomy)
    # What the evaluated cascade sent to the encoder on the hold-out (the saved one may differ).
    routed = None if cascade is None else (cascade.threshold, cascade.routed_share(test[0]))
    comparison = family_comparison(fitted, chosen, test_proba, fit, test, taxonomy, route is None)
    step("evaluation")
    final, final_thresholds, final_review = deployed, thresholds, review
    if len(data) < opts.refit_below:
        # The final model learns from everything but the validation fold, which calibrates it.
        keep = _fold(data.texts, labels, np.setdiff1d(np.arange(len(data)), val_rows))
        final = _refit(chosen, keep, val, step)
        if partner is not None:
            final, route = route_between(_refit(partner, keep, val, step), final, val)
        final_thresholds, final_review, choice = _thresholds(
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
    report = TrainingReport(
        name=name,
        family=chosen.family.name,
        family_description=chosen.family.description
        + (f", behind {partner.family.name} for the contacts it is sure of" if partner else ""),
        params={t: {**chosen.feature_params, **tuned.params} for t, tuned in chosen.tuned.items()},
        targets=list(labels),
        training_rows=len(data),
        dropped_rows=dict(data.dropped),
        holdout_rows=len(outer.test),
        holdout_sha256=holdout_digest(*test),
        final_model="refitted without the validation fold"
        if len(data) < opts.refit_below
        else "the evaluated model (trained without hold-out and validation folds)",
        validation_rows=len(val_rows),
        split={**outer.summary(), "validation": inner.summary()},
        labels={t: c.summary() for t, c in cleaning.items()},
        label_counts={t: dict(Counter(v).most_common()) for t, v in labels.items()},
        holdout_metrics=holdout.targets,
        comparison=comparison,
        auto_accept=AutoAcceptReport(
            target_precision=opts.target_precision,
            review_threshold=final_review,
            thresholds=final_thresholds,
            holdout=holdout.auto_accept,
            calibration=holdout.calibration,
            target_reached=choice.reached,
            best_achievable=choice.best,
            operating_points=holdout.operating_points,
        ),
        warnings=[
            *(w for c in cleaning.values() for w in c.warnings),
            *filter(None, [choice.warning("the validation fold")]),
        ],
        training_seconds=round(time.monotonic() - started, 1),
        cascade=None
        if route is None or partner is None or routed is None
        else cascade_report(partner.family.name, chosen.family.name, route, *routed),
    )
    return TrainedModel(artifact, report)


def export_search(options: TrainingOptions | None = None) -> TrainingOptions:
    """``options`` choosing the family on a council's own export: ``EXPORT_SEARCH`` with
    3-fold cross-validation (keeps 10,000 rows under three minutes on 2 cores), and the MiniLM
    embedding stack where its encoder is installed (the ``embeddings`` extra)."""
    base = options or TrainingOptions()
    families = (*EXPORT_SEARCH, *installed_stacks(searched_only=True))
    return replace(base, families=families, search=replace(base.search, cv=3))


def searched_families(options: TrainingOptions) -> list[str]:
    """The families a run with ``options`` fits and compares."""
    if options.families:
        return list(options.families)
    if options.select:
        stacks = installed_stacks()
        return [n for n, f in FAMILIES.items() if f.encoder is None or n in stacks]
    if FAMILIES[options.family].encoder is not None:
        # A stack named on its own is deployed behind the fast family a cascade needs.
        return [CASCADE_FRONT, options.family]
    return [options.family]


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
            f"{len(data)} contacts"
            + "".join(f", one label only for {t}{_why_one(cleaning[t])}" for t in few)
        )
    return labels, cleaning


def _why_one(cleaning: LabelCleaning) -> str:
    """The labels folded away, when folding is what left one: else the export had one."""
    if not cleaning.folded:
        return ""
    return (
        f" ({len(cleaning.folded)} label(s) with fewer than {cleaning.min_count} contacts were "
        f"folded into {OTHER!r}: {labels_with_counts(cleaning.folded, 5)}; --min-count sets that "
        "number)"
    )


def _fold(texts: Sequence[str], labels: Mapping[str, Sequence[str]], rows: np.ndarray) -> Fold:
    return [texts[i] for i in rows], {t: [v[i] for i in rows] for t, v in labels.items()}


def _refit(chosen: FittedFamily, rows: Fold, val: Fold, step: Callable[[str], None]) -> Labeller:
    heads = {
        t: chosen.family.make_head().set_params(**tuned.params) for t, tuned in chosen.tuned.items()
    }
    return ContactLabeller(chosen.features(), heads).fit(
        *rows, calibration=val, on_step=lambda s: step(f"final model: {s}")
    )


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
) -> tuple[dict[str, float], float | None, ThresholdChoice]:
    """Per target, and for the classifier's joint decision, the threshold reaching the
    target precision on the validation fold; and the choice for the decision the model's
    users see (the joint one for a complete model, else the first head's)."""
    per_target, choices = {}, []
    for target in labeller.targets_:
        predicted, confidence = best_of(labeller.classes(target), proba[target])
        correct = predicted == np.asarray(truth[target])
        choices.append(choose_threshold_for(confidence, correct, o.target_precision))
        per_target[target] = round(choices[-1].threshold, 4)
    if not complete:
        return per_target, None, choices[0]
    classifier = ContactClassifier(labeller, "validation", taxonomy.service_of_category)
    decided = classifier.decisions(proba)
    joint = choose_threshold_for(decided.confidence, _all_right(decided, truth), o.target_precision)
    return per_target, round(joint.threshold, 4), joint


def _all_right(decided: Decisions, truth: Mapping[str, Sequence[str]]) -> np.ndarray:
    right = np.ones(len(decided.confidence), dtype=bool)
    for target in TARGETS:
        right &= getattr(decided, target) == np.asarray(truth[target])
    return right


@dataclass(frozen=True)
class _Holdout:
    targets: dict[str, TargetMetrics]
    auto_accept: AutoAccept
    calibration: Reliability
    operating_points: list[OperatingPoint]


def _holdout(
    labeller: Labeller,
    proba: Mapping[str, np.ndarray],
    truth: Mapping[str, Sequence[str]],
    thresholds: Mapping[str, float],
    review: float | None,
    taxonomy: Taxonomy,
) -> _Holdout:
    """Hold-out figures per target; auto-accept and calibration of the decision the worker
    makes (the joint one for a complete model, else the single head's)."""
    per_target: dict[str, TargetMetrics] = {}
    for target in labeller.targets_:
        predicted, confidence = best_of(labeller.classes(target), proba[target])
        per_target[target] = target_metrics(
            truth[target], predicted, confidence, thresholds[target], confusion=False
        )
    if review is None:
        first = per_target[labeller.targets_[0]]
        return _Holdout(per_target, first.auto_accept, first.calibration, first.operating_points)
    decided = ContactClassifier(labeller, "holdout", taxonomy.service_of_category).decisions(proba)
    right = _all_right(decided, truth)
    return _Holdout(
        per_target,
        auto_accept(decided.confidence, right, review),
        reliability_table(decided.confidence, right),
        operating_points(decided.confidence, right),
    )
