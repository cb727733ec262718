"""The hold-out comparison a training report shows: every baseline and every fitted family,
macro-F1 per target, with what cross-validation chose and how fast each is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from classifiers.evaluation import best_of, macro_f1
from classifiers.report import ComparisonRow
from classifiers.selection import FittedFamily, baseline_scores
from config import Taxonomy

Fold = tuple[list[str], dict[str, list[str]]]


def family_comparison(
    fitted: Sequence[FittedFamily],
    chosen: FittedFamily,
    chosen_proba: Mapping[str, np.ndarray],
    fit: Fold,
    test: Fold,
    taxonomy: Taxonomy,
    chosen_alone: bool = True,
) -> list[ComparisonRow]:
    """Baselines and every fitted family, macro-F1 on the hold-out per target."""
    rows: list[ComparisonRow] = []
    names = {"most_frequent": "most frequent class", "keyword_rules": "keyword rules (taxonomy)"}
    for name, scores in baseline_scores(*fit, *test, taxonomy).items():
        rows.append(ComparisonRow(model=names[name], kind="baseline", macro_f1=scores))
    for family in fitted:
        labeller = family.labeller
        # ``chosen_proba`` is the chosen family's own unless it was deployed in a cascade.
        own = family is chosen and chosen_alone
        proba = chosen_proba if own else labeller.predict_proba(test[0])
        holdout = {
            t: macro_f1(test[1][t], list(best_of(labeller.classes(t), proba[t])[0]))
            for t in family.tuned
        }
        rows.append(
            ComparisonRow(
                model=family.family.description,
                kind=family.family.speed,
                macro_f1=holdout,
                family=family.family.name,
                cv_macro_f1={t: tuned.cv_macro_f1 for t, tuned in family.tuned.items()},
                params={
                    t: {**family.feature_params, **t_.params} for t, t_ in family.tuned.items()
                },
                chosen=family is chosen,
                train_seconds=family.train_seconds,
                predictions_per_second=family.predictions_per_second,
            )
        )
    return rows
