"""Why a text got its label: the words (and word pairs) that pushed it there.

For the linear heads every family uses, a word's push is its weight for the label, relative
to the average label, times its TF-IDF value in the text: cheap and exact for the score.
Terms made only of function words are listed only when nothing else pushed the text.
A cascade is explained by its TF-IDF model, towards the label the cascade gave: a sentence
embedding has no words to show, and the TF-IDF model read every contact first.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from classifiers.calibration import TemperatureScaling
from classifiers.cascade import CascadeLabeller
from classifiers.combined import CombinedLabeller
from classifiers.labeller import ContactLabeller, Labeller, probabilities
from classifiers.model import ContactClassifier


def explain(
    classifier: ContactClassifier | Labeller,
    text: str,
    target: str = "category",
    top: int = 8,
    label: str | None = None,
) -> list[tuple[str, float]]:
    """The ``top`` words that pushed ``text`` towards ``label`` (default: the label the
    ``target`` head predicts), strongest first; empty if the model cannot say."""
    labeller = classifier.labeller if isinstance(classifier, ContactClassifier) else classifier
    if isinstance(labeller, CascadeLabeller):
        if label is None and target in labeller.targets_:
            proba = labeller.predict_proba([text])[target][0]
            label = str(labeller.classes(target)[int(np.argmax(proba))])
        labeller = labeller.fast
    relabel: dict[str, str] = {}
    if isinstance(labeller, CombinedLabeller):
        source = labeller.heads[target]
        labeller, relabel = source.labeller, dict(source.relabel)
    if not isinstance(labeller, ContactLabeller) or target not in labeller.targets_:
        return []
    head = labeller.heads_[target]
    matrix = labeller.transform([text]).tocsr()
    classes = [relabel.get(str(c), str(c)) for c in labeller.classes(target)]
    proba = probabilities(head, matrix)[0]
    candidates = [i for i, c in enumerate(classes) if label is None or c == label]
    if not candidates or matrix.nnz == 0:
        return []
    chosen = max(candidates, key=lambda i: proba[i])
    weights = _weights(head, chosen, len(classes))
    if weights is None:
        return []
    push = matrix.data * weights[matrix.indices]
    names = [_name(str(n)) for n in labeller.features_.get_feature_names_out()[matrix.indices]]
    order = np.argsort(-push, kind="stable")
    pushing = [i for i in order if push[i] > 0]
    # Function words ("is", "to", "her") do push scores, but tell a reviewer little: they are
    # listed only when nothing else pushed ("thank you so much" to a compliment, say).
    telling = [i for i in pushing if not _only_function_words(names[i])] or pushing
    return [(names[i], round(float(push[i]), 4)) for i in telling[:top]]


def _only_function_words(term: str) -> bool:
    return all(word in ENGLISH_STOP_WORDS for word in term.split())


def _weights(head: Any, label: int, n_classes: int) -> np.ndarray | None:
    estimator = head.estimator if isinstance(head, TemperatureScaling) else head
    if hasattr(estimator, "coef_"):
        coef = np.asarray(estimator.coef_)
    elif hasattr(estimator, "feature_log_prob_"):
        coef = np.asarray(estimator.feature_log_prob_)
    else:
        return None
    if coef.shape[0] == 1 and n_classes == 2:  # binary: one weight vector, for classes_[1]
        return np.asarray(coef[0] if label == 1 else -coef[0])
    return np.asarray(coef[label] - coef.mean(axis=0))


def _name(feature: str) -> str:
    """``words__pothole`` -> ``pothole``; character n-grams are shown quoted."""
    kind, _, name = feature.partition("__")
    if not name:
        return feature
    return name if kind == "words" else repr(name)
