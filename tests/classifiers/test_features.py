"""The text features: placeholders that stand for removed personal data are not words, and the
fast TF-IDF matrix is scikit-learn's, entry for entry."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from classifiers import ContactClassifier
from classifiers.features import build_features, model_words, tfidf_matrix


def test_placeholders_are_dropped_but_the_same_words_written_out_are_kept() -> None:
    assert model_words("Call me on [phone], [NAME]. Café") == "call me on  ,  . cafe"
    assert model_words("My phone and email are broken") == "my phone and email are broken"


def test_a_placeholder_never_becomes_a_feature() -> None:
    features = build_features(char_ngrams=True).fit(
        ["ring me on [phone] please", "ring me on [phone] today", "write to [email] now please"] * 2
    )
    names = set(features.get_feature_names_out())
    assert not {n for n in names if n.startswith("words__") and ("phone" in n or "email" in n)}
    assert "words__ring" in names


def test_leaving_contact_details_does_not_change_the_prediction(
    small_classifier: ContactClassifier,
) -> None:
    words = "The street light outside my house has been out for a week. Ring me on"
    bare = f"{words} ."
    redacted = f"{words} [phone]. [name], [address] [postcode] [email]"
    proba = small_classifier.labeller.predict_proba([bare, redacted])
    for target, rows in proba.items():
        assert rows[0].tolist() == rows[1].tolist(), target


CORPUS = [
    "The bin was not emptied again, the bin men missed our street",
    "Street light out on Oak Road since Monday; ring me on [phone]",
    "Thank you to the crew who cleared the fly-tipping so quickly",
    "Noise from the pub every night, noise noise noise",
    "Pothole on the A56 near the school - a cyclist came off",
    "Café owner says the bins behind the café are overflowing",
    "Why is council tax going up when the library is closing?",
    "missed bin missed bin missed bin",
] * 2
TEXTS = [
    *CORPUS,
    "",
    "   ",
    "a b c",  # no token of two characters
    "[phone] [name]",
    "Ünïcödé café naïve Œuvre straße",  # not ASCII: scikit-learn's own tokenizer
    "bin bin bin bin bin the the",  # the same n-grams several times
    "words nobody ever wrote before zxqv",
    "tab\tseparated\nand_underscored 2nd 42 x1",
]
VECTORIZERS = {
    "the worker's default": lambda: build_features(),
    "unigrams": lambda: TfidfVectorizer(),
    "bigrams and trigrams only": lambda: TfidfVectorizer(ngram_range=(2, 3), norm="l1"),
    "raw counts weighting": lambda: TfidfVectorizer(use_idf=False, sublinear_tf=True),
    "a token pattern of its own": lambda: TfidfVectorizer(token_pattern=r"[a-z]+"),
    "stop words (scikit-learn's path)": lambda: TfidfVectorizer(stop_words=["the"]),
    "characters too (scikit-learn's path)": lambda: build_features(char_ngrams=True),
}


def same_matrix(fast: Any, slow: Any) -> None:
    assert type(fast) is type(slow)
    assert fast.shape == slow.shape and fast.dtype == slow.dtype
    assert fast.indices.dtype == slow.indices.dtype
    assert np.array_equal(fast.indptr, slow.indptr)
    assert np.array_equal(fast.indices, slow.indices)
    assert np.array_equal(fast.data, slow.data)  # exactly: the heads see the same numbers


@pytest.mark.parametrize("name", VECTORIZERS)
def test_the_fast_matrix_is_scikit_learns_entry_for_entry(name: str) -> None:
    features = VECTORIZERS[name]().fit(CORPUS)
    same_matrix(tfidf_matrix(features, TEXTS), features.transform(TEXTS))


_fitted = build_features().fit(CORPUS)


@settings(max_examples=300)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from([*"bin the street café 2_'-.,\n\t"]), max_size=60),
        min_size=1,
        max_size=5,
    )
)
def test_any_texts_give_scikit_learns_matrix(texts: list[str]) -> None:
    same_matrix(tfidf_matrix(_fitted, texts), _fitted.transform(texts))


def test_no_texts_is_refused_as_scikit_learn_refuses_it() -> None:
    with pytest.raises(ValueError, match="0 sample"):
        tfidf_matrix(_fitted, [])
    with pytest.raises(ValueError, match="string object received"):
        tfidf_matrix(_fitted, "one text, not a list")  # type: ignore[arg-type]
