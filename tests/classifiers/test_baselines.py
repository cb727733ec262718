"""The baselines: keyword rules from the taxonomy (or a label's own words)."""

from __future__ import annotations

from classifiers.baselines import KeywordRules, keywords_for
from config import ReferenceData


def test_keyword_rules_pick_the_label_whose_words_occur(reference: ReferenceData) -> None:
    labels = ["potholes", "street_lights", "Repairs - Plumbing"]
    keywords = keywords_for("category", labels, reference.taxonomy)
    assert "pothole" in keywords["potholes"]
    assert "Plumbing" in keywords["Repairs - Plumbing"]
    rules = KeywordRules(keywords).fit(["x"] * 3, ["potholes", "potholes", "street_lights"])
    predicted = rules.predict(
        ["Two potholes on my road", "The streetlight is out", "plumbing leak", "nothing at all"]
    )
    # "Repairs - Plumbing" was never seen in training, so it is not a class to predict.
    assert list(predicted) == ["potholes", "street_lights", "potholes", "potholes"]


def test_service_keywords_include_their_categories(reference: ReferenceData) -> None:
    keywords = keywords_for("service", ["parking"], reference.taxonomy)["parking"]
    assert "pcn" in keywords and "Parking" in keywords
