"""The text features: placeholders that stand for removed personal data are not words."""

from __future__ import annotations

from classifiers import ContactClassifier
from classifiers.features import build_features, model_words


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
