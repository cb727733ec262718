"""Text features for contacts: the text a model sees, and the TF-IDF features."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.pipeline import FeatureUnion

from classifiers.ascii_words import WORD_CHARACTERS, ascii_pieces


def contact_text(subject: str | None, text: str) -> str:
    """What the model reads: the subject (often the best summary) followed by the text."""
    return f"{subject}\n{text}" if subject else text


# The redaction placeholders ("[phone]", "[name]", ...) after lower-casing.
_PLACEHOLDER = re.compile(r"\[[a-z]{2,10}\]")


def model_words(text: str) -> str:
    """What the vectorizers tokenise: lower case, accents stripped, and the placeholders that
    stand for removed personal data dropped: a resident who leaves a phone number is not
    writing about phones, so "[phone]" must not count as the word "phone"."""
    return str(strip_accents_unicode(_PLACEHOLDER.sub(" ", text.lower())))


def build_features(
    *,
    char_ngrams: bool = False,
    char_range: tuple[int, int] = (3, 4),
    max_features: int = 100_000,
) -> Any:
    """Word 1-2-grams; optionally with character n-grams inside word boundaries (``char_wb``),
    which resist misspellings and text-speak.

    Word n-grams alone are the worker's default: characters cut prediction speed several-fold
    (see ``python -m bench classifier``); exports that pay for them choose them by evidence.
    """
    words = TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=2,
        sublinear_tf=True,
        preprocessor=model_words,
        max_features=max_features,
    )
    if not char_ngrams:
        return words
    chars = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=char_range,
        min_df=2,
        sublinear_tf=True,
        preprocessor=model_words,
        max_features=max_features,
    )
    return FeatureUnion([("words", words), ("chars", chars)])


def tfidf_matrix(features: Any, texts: list[str]) -> Any:
    """``features.transform(texts)``, the same matrix, about 1.6 times as fast for word
    n-grams (the worker's default). scikit-learn counts each text's n-grams one by one in a
    Python loop, most of the model's time on a contact (``bench/PROFILE.md``); here they are
    looked up in the vocabulary by ``map`` and counted by scipy, and scikit-learn's own fitted
    transformer (``_tfidf``) weighs them. Other features (characters, a union, stop words, a
    tokenizer of their own), or a scikit-learn without ``_tfidf``, take scikit-learn's path."""
    if not _plain_word_ngrams(features):
        return features.transform(texts)
    counts = _ngram_counts(features, texts)
    return features._tfidf.transform(counts, copy=False)  # idf, sublinear tf and norm as fitted


def _plain_word_ngrams(features: Any) -> bool:
    return (
        type(features) is TfidfVectorizer
        and features.analyzer == "word"
        and features.tokenizer is None
        and features.stop_words is None
        and features.input == "content"
        and not features.binary
        and hasattr(features, "vocabulary_")
        and hasattr(features, "_tfidf")
    )


def _ngram_counts(features: Any, texts: list[str]) -> Any:
    """How often each n-gram of the vocabulary occurs in each text (CSR, sorted indices): what
    ``CountVectorizer.transform`` gives."""
    if isinstance(texts, str):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    preprocess, tokenize = features.build_preprocessor(), _tokenizer(features)
    low, high = features.ngram_range
    index = features.vocabulary_.get
    columns: list[int] = []
    ends = [0]
    for text in texts:
        grams = _ngrams(tokenize(preprocess(features.decode(text))), low, high)
        columns += [c for c in map(index, grams) if c is not None]
        ends.append(len(columns))
    wide = ends[-1] > np.iinfo(np.int32).max  # as scikit-learn: 64-bit indices past 2**31
    counts = sparse.csr_matrix(
        (
            np.ones(len(columns), dtype=features.dtype),
            np.asarray(columns, dtype=np.int64 if wide else np.int32),
            np.asarray(ends, dtype=np.int64 if wide else np.int32),
        ),
        shape=(len(texts), len(features.vocabulary_)),
    )
    counts.sum_duplicates()  # an n-gram twice in a text: one entry of 2, indices sorted
    return counts


def _tokenizer(features: Any) -> Callable[[str], list[str]]:
    """``features.build_tokenizer()``; for the default pattern (runs of two or more word
    characters), ASCII texts are cut in C instead, three times as fast."""
    tokenize: Callable[[str], list[str]] = features.build_tokenizer()
    if features.token_pattern != _DEFAULT_TOKENS:
        return tokenize

    def tokens(text: str) -> list[str]:
        if not text.isascii():
            return tokenize(text)
        return [word for word in ascii_pieces(text, WORD_CHARACTERS) if len(word) > 1]

    return tokens


_DEFAULT_TOKENS = r"(?u)\b\w\w+\b"  # scikit-learn's token_pattern


def _ngrams(tokens: list[str], low: int, high: int) -> list[str]:
    """The ``low``- to ``high``-grams of ``tokens`` joined by spaces, as scikit-learn's word
    analyzer builds them (in one list: chained generators took twice as long)."""
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), high + 1):
        grams += map(" ".join, zip(*(tokens[k:] for k in range(n)), strict=False))
    return grams
