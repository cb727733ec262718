"""The embedding stack: word + character TF-IDF with a sentence embedding appended (L2-
normalised, scaled by a weight that cross-validation chooses), for a balanced linear SVM.

Issue 11 measured it on a 9-label feedback export at 0.619 macro-F1 with all-MiniLM-L6-v2 and
0.658 with all-mpnet-base-v2, against 0.599 for the TF-IDF alone; it costs speed (about 220
and 32 texts/s on 2 cores against 13,000), so it enters the search only when the
``embeddings`` extra is installed, and is deployed behind a TF-IDF model (``cascade``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from classifiers.embeddings import Encoder, SentenceEncoder
from classifiers.features import build_features, tfidf_matrix

# The embedding's weight against the TF-IDF block (each row of which has unit norm too):
# cross-validation chooses among these (issue 11: the best weight differs between models).
WEIGHTS = [0.5, 1.0, 2.0]


class EmbeddingFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """``[tfidf(text), weight * embedding(text) / |embedding(text)|]`` as one sparse matrix."""

    def __init__(self, text_features: Any, encoder: Encoder, weight: float = 1.0) -> None:
        self.text_features = text_features
        self.encoder = encoder
        self.weight = weight

    def fit(self, texts: Sequence[str], y: Any = None) -> EmbeddingFeatures:
        self.text_features_ = clone(self.text_features).fit(list(texts))
        return self

    def fit_transform(self, texts: Sequence[str], y: Any = None, **_: Any) -> Any:
        self.text_features_ = clone(self.text_features)
        tfidf = self.text_features_.fit_transform(list(texts))
        return self._stack(tfidf, texts)

    def transform(self, texts: Sequence[str]) -> Any:
        check_is_fitted(self, "text_features_")
        return self._stack(tfidf_matrix(self.text_features_, list(texts)), texts)

    def _stack(self, tfidf: Any, texts: Sequence[str]) -> Any:
        if len(texts) == 0:
            return tfidf
        vectors = normalize(np.asarray(self.encoder.encode(list(texts)), dtype=np.float64))
        dense = sparse.csr_matrix(self.weight * vectors)
        return sparse.hstack([tfidf, dense], format="csr")


def stack_features(encoder: str, cache_dir: Path | None = None) -> Callable[[], Any]:
    """A maker of the stack's features with one packaged encoder (``cache_dir``: remember
    encodings on disk)."""

    # One encoder for every features object made: a search fits them several times (each
    # weight, the final fit, the refit) and must encode each text once, load the model once.
    shared = SentenceEncoder(encoder, cache_dir)

    def features() -> EmbeddingFeatures:
        return EmbeddingFeatures(build_features(char_ngrams=True, char_range=(2, 5)), shared)

    return features
