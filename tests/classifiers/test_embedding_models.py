"""The real packaged sentence encoders (the optional ``embeddings`` extra): skipped where the
extra is not installed (the default and CI install)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from classifiers.embedding_stack import EmbeddingFeatures
from classifiers.embeddings import SentenceEncoder, encoding_cache_off, installed_models
from classifiers.features import build_features

pytestmark = pytest.mark.skipif(
    "all-MiniLM-L6-v2" not in installed_models(),
    reason="needs the embeddings extra: pip install -e '.[embeddings]'",
)


def test_minilm_encodes_offline_and_puts_paraphrases_closer_than_other_topics() -> None:
    encoder = SentenceEncoder("all-MiniLM-L6-v2")
    texts = [
        "my rubbish bin was not emptied this week",
        "the refuse collectors missed our wheelie bin",
        "there is a deep pothole on the high street",
    ]
    vectors = encoder.encode(texts)
    assert vectors.shape == (3, 384)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    assert unit[0] @ unit[1] > unit[0] @ unit[2] + 0.2
    # Saved as its name alone: no weights in the pickle, same vectors after loading.
    saved = pickle.dumps(encoder)
    assert len(saved) < 1_000
    with encoding_cache_off():
        again = pickle.loads(saved).encode(texts)
    np.testing.assert_allclose(again, vectors, atol=1e-5)


def test_the_stack_appends_unit_vectors_scaled_by_the_weight() -> None:
    texts = ["bins not emptied", "bins emptied late", "pothole on my road", "pothole again"]
    features = EmbeddingFeatures(build_features(), SentenceEncoder("all-MiniLM-L6-v2"), weight=2.0)
    matrix = features.fit_transform(texts)
    words = features.text_features_.transform(texts).shape[1]
    assert matrix.shape == (4, words + 384)
    norms = np.linalg.norm(matrix[:, words:].toarray(), axis=1)
    np.testing.assert_allclose(norms, 2.0, rtol=1e-5)
