"""Text features for contacts: the text a model sees, and the TF-IDF features."""

from __future__ import annotations

import re
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.pipeline import FeatureUnion


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
