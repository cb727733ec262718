"""CascadeLabeller: a fast TF-IDF labeller for every contact, and a slow, better one (the
embedding stack) only for the contacts the fast one is unsure of.

Sentence embeddings cost 50 to 500 times the time of TF-IDF per contact; most contacts are
easy, and on those the two agree. So the rich model's accuracy is had for a fraction of its
cost: the routing threshold is the lowest that keeps the cascade's validation macro-F1 within
``TOLERANCE`` of the best any threshold gives, i.e. the fewest contacts sent to the encoder.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from classifiers.evaluation import macro_f1
from classifiers.labeller import Calibration, Labeller
from classifiers.report import CascadeReport
from classifiers.selection import FittedFamily

TOLERANCE = 0.005  # macro-F1 given up on the validation fold for fewer encoded contacts


class CascadeLabeller:
    """Same interface as ``ContactLabeller`` (the ``Labeller`` protocol): ``fast``'s
    probabilities, except for the texts whose top ``route_target`` probability under ``fast``
    is below ``threshold``: those get ``rich``'s (for every target)."""

    def __init__(self, fast: Labeller, rich: Labeller, threshold: float, route_target: str) -> None:
        for target in rich.targets_:
            if target not in fast.targets_ or list(fast.classes(target)) != list(
                rich.classes(target)
            ):
                raise ValueError(f"a cascade's two labellers disagree on {target}'s labels")
        self.fast = fast
        self.rich = rich
        self.threshold = threshold
        self.route_target = route_target

    @property
    def targets_(self) -> tuple[str, ...]:
        return tuple(self.rich.targets_)

    def classes(self, target: str) -> np.ndarray:
        return self.rich.classes(target)

    def unsure(self, proba: Mapping[str, np.ndarray]) -> np.ndarray:
        """Which rows of ``fast``'s probabilities go on to ``rich``."""
        return np.asarray(proba[self.route_target].max(axis=1) < self.threshold)

    def routed_share(self, texts: Sequence[str]) -> float:
        """The share of ``texts`` that would go on to ``rich``."""
        unsure = self.unsure(self.fast.predict_proba(texts))
        return round(float(unsure.mean()), 4) if len(unsure) else 0.0

    def predict_proba(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        proba = {t: p.copy() for t, p in self.fast.predict_proba(texts).items()}
        unsure = np.flatnonzero(self.unsure(proba))
        if len(unsure):
            rich = self.rich.predict_proba([texts[i] for i in unsure.tolist()])
            for target in self.targets_:
                proba[target][unsure] = rich[target]
        return {t: proba[t] for t in self.targets_}


@dataclass(frozen=True)
class Route:
    """The chosen routing threshold and what it does on the validation fold."""

    threshold: float
    routed: float  # share of contacts sent to the rich labeller
    macro_f1: float  # of the cascade
    fast_macro_f1: float
    rich_macro_f1: float


def choose_route(
    fast: Mapping[str, np.ndarray],
    rich: Mapping[str, np.ndarray],
    classes: np.ndarray,
    truth: Sequence[str],
    route_target: str,
) -> Route:
    """The lowest threshold on ``fast``'s top probability whose cascade scores within
    ``TOLERANCE`` of the best threshold's macro-F1 (``fast``/``rich``: both labellers'
    probabilities on the validation fold; ``truth``: its ``route_target`` labels)."""
    confidence = fast[route_target].max(axis=1)
    candidates = np.unique(np.concatenate([[0.0], np.quantile(confidence, np.linspace(0, 1, 41))]))
    candidates = np.append(candidates, np.inf)  # past the top: every contact to ``rich``
    scores = [
        macro_f1(list(truth), list(_mixed(fast, rich, classes, route_target, confidence < t)))
        for t in candidates
    ]
    best = max(scores)
    chosen = next(i for i, s in enumerate(scores) if s >= best - TOLERANCE)
    threshold = float(candidates[chosen])
    return Route(
        threshold=threshold if np.isfinite(threshold) else 1.0 + 1e-9,
        routed=round(float((confidence < threshold).mean()), 4),
        macro_f1=round(scores[chosen], 4),
        fast_macro_f1=round(scores[0], 4),
        rich_macro_f1=round(scores[-1], 4),
    )


def _mixed(
    fast: Mapping[str, np.ndarray],
    rich: Mapping[str, np.ndarray],
    classes: np.ndarray,
    target: str,
    unsure: np.ndarray,
) -> np.ndarray:
    proba = np.where(unsure[:, None], rich[target], fast[target])
    return np.asarray(classes[np.argmax(proba, axis=1)])


def route_between(
    fast: Labeller, rich: Labeller, validation: Calibration
) -> tuple[CascadeLabeller, Route]:
    """The cascade of ``fast`` then ``rich``, its threshold chosen on ``validation`` (routed on
    the category when the labellers predict it, else on their first target)."""
    target = "category" if "category" in rich.targets_ else rich.targets_[0]
    route = choose_route(
        fast.predict_proba(validation[0]),
        rich.predict_proba(validation[0]),
        rich.classes(target),
        validation[1][target],
        target,
    )
    return CascadeLabeller(fast, rich, route.threshold, target), route


def fast_partner(chosen: FittedFamily, fitted: Sequence[FittedFamily]) -> FittedFamily | None:
    """The family to put in front of ``chosen`` when it encodes sentences: the best by
    cross-validation among those fitted that predict fast (word n-grams), else among any
    without an encoder; None when ``chosen`` needs none or no family can."""
    if chosen.family.encoder is None:
        return None
    plain = [f for f in fitted if f.family.encoder is None]
    quick = [f for f in plain if not f.family.char_ngrams] or plain
    return max(quick, key=lambda f: np.nan_to_num(f.mean_cv(), nan=-1.0), default=None)


def cascade_report(
    fast: str, rich: str, saved: Route, evaluated_threshold: float, routed_holdout: float
) -> CascadeReport:
    """``saved``: the saved model's route; the evaluated model's threshold and the share of
    hold-out contacts it routed."""
    return CascadeReport(
        fast=fast,
        rich=rich,
        threshold=round(saved.threshold, 4),
        routed_validation=saved.routed,
        evaluated_threshold=round(evaluated_threshold, 4),
        routed_holdout=routed_holdout,
        validation_macro_f1={
            "cascade": saved.macro_f1,
            "fast": saved.fast_macro_f1,
            "rich": saved.rich_macro_f1,
        },
    )
