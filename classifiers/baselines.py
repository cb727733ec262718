"""The simplest baselines every model must beat: the most frequent class, and keyword rules
built from the taxonomy's names and aliases (or, for labels of a council's own, the words of
the labels themselves)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.dummy import DummyClassifier
from sklearn.utils.validation import check_is_fitted

from config import CONTACT_TYPE_WORDS, Taxonomy, normalise_label

BASELINES = ("most_frequent", "keyword_rules")


class KeywordRules(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Predicts the label whose keywords occur most often as whole words (longer phrases
    count more); ties and texts without any keyword go to the most frequent label."""

    def __init__(self, keywords: Mapping[str, Sequence[str]]) -> None:
        self.keywords = keywords

    def fit(self, texts: Sequence[str], y: Sequence[str]) -> KeywordRules:
        counts = Counter(y)
        self.classes_ = np.array(sorted(counts))
        self.prior_ = np.array([counts[c] for c in self.classes_], dtype=float) / len(y)
        self.patterns_: list[re.Pattern[str] | None] = []
        for label in self.classes_:
            phrases = sorted({normalise_label(k) for k in self.keywords.get(label, ())} - {""})
            alternatives = "|".join(re.escape(p) + "s?" for p in phrases)
            self.patterns_.append(re.compile(rf"\b(?:{alternatives})\b") if phrases else None)
        return self

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        check_is_fitted(self)  # NotFittedError, as scikit-learn's estimators raise
        scores = np.zeros((len(texts), len(self.classes_)))
        for i, text in enumerate(texts):
            plain = normalise_label(text)
            for j, pattern in enumerate(self.patterns_):
                if pattern is not None:
                    scores[i, j] = sum(len(m.split()) for m in pattern.findall(plain))
        # A sliver of the prior breaks ties (and decides when nothing matched).
        return np.asarray(self.classes_[np.argmax(scores + self.prior_ * 1e-3, axis=1)])


def keywords_for(target: str, labels: Sequence[str], taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Keywords per label: the taxonomy's id, name and aliases where the label is in the
    taxonomy (a service also gets its categories'), else the words of the label itself."""
    out: dict[str, list[str]] = {}
    for label in labels:
        words = [label, label.replace("_", " ")]
        if target == "contact_type":
            words += [w for w, t in CONTACT_TYPE_WORDS.items() if t.value == label]
        elif target == "service" and taxonomy.resolve_service(label):
            service = taxonomy.service(taxonomy.resolve_service(label) or "")
            words += [service.name, *service.aliases]
            for category in service.categories:
                words += [category.id.replace("_", " "), category.name, *category.aliases]
        elif target == "category" and taxonomy.resolve_category(label):
            found = taxonomy.resolve_category(label)
            for service in taxonomy.services:
                for category in service.categories:
                    if category.id == found:
                        words += [category.id.replace("_", " "), category.name, *category.aliases]
        else:
            words += re.split(r"\s*[-/&,]\s*|\s+and\s+", label)
        out[label] = words
    return out


def baseline(name: str, target: str, labels: Sequence[str], taxonomy: Taxonomy) -> object:
    """An unfitted baseline estimator by name."""
    if name == "most_frequent":
        return DummyClassifier(strategy="most_frequent")
    return KeywordRules(keywords_for(target, sorted(set(labels)), taxonomy))
