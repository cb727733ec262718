"""The classifier's decisions: source labels win, the category belongs to the chosen service,
uncertain contacts need review, and the top 3 suggestions include the runner-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from classifiers import ContactClassifier, IncompleteModelError, SourceLabels
from config import ReferenceData
from contracts import Channel, ContactReceived, ContactType, LabelSource, contact_id_for


def contact(text: str, **extra: object) -> ContactReceived:
    return ContactReceived.model_validate(
        {
            "contact_id": contact_id_for("t", text),
            "received_at": datetime.now(UTC),
            "channel": Channel.web,
            "source_system": "t",
            "text": text,
            **extra,
        }
    )


def categorise(classifier: ContactClassifier, text: str, **extra: object):  # type: ignore[no-untyped-def]
    [result] = classifier.categorise([text], [SourceLabels.of(contact(text, **extra))])
    return result


def test_category_always_belongs_to_the_chosen_service(
    small_classifier: ContactClassifier, reference: ReferenceData
) -> None:
    texts = ["pothole", "bin not collected", "parking ticket", "dumped mattress", "blah blah"]
    for result in small_classifier.categorise(texts):
        assert reference.taxonomy.service_of_category[result.category] == result.service
        assert 0.0 <= result.confidence <= 1.0
        assert result.label_source == LabelSource.model
        for suggestion in result.suggestions:
            assert reference.taxonomy.service_of_category[suggestion.category] == suggestion.service


def test_a_source_service_narrows_the_model_to_its_categories(
    small_classifier: ContactClassifier, reference: ReferenceData
) -> None:
    result = categorise(small_classifier, "Huge pothole on the main road", service="parking")
    assert result.service == "parking"
    assert {s.service for s in result.suggestions} == {"parking"}
    typed = categorise(small_classifier, "Huge pothole", contact_type="suggestion")
    assert typed.contact_type == ContactType.suggestion


def test_suggestions_are_the_top_three_best_first_with_the_runner_up(
    small_classifier: ContactClassifier,
) -> None:
    text = "Bins not collected again and someone dumped a mattress by the garages"
    result = categorise(small_classifier, text)
    probabilities = [s.probability for s in result.suggestions]
    assert len(result.suggestions) == 3
    assert probabilities == sorted(probabilities, reverse=True)
    assert result.suggestions[0].category == result.category
    assert {s.category for s in result.suggestions[:2]} == {"missed_collection", "fly_tipping"}


def test_below_the_threshold_a_contact_needs_review_never_when_the_source_decided(
    small_classifier: ContactClassifier,
) -> None:
    strict = replace(small_classifier, review_threshold=1.01)
    lenient = replace(small_classifier, review_threshold=0.0)
    text = "Bins not collected again"
    assert categorise(strict, text).needs_review
    assert not categorise(lenient, text).needs_review
    sourced = categorise(strict, text, category="missed_collection")
    assert (sourced.label_source, sourced.needs_review, sourced.suggestions) == (
        LabelSource.source,
        False,
        (),
    )
    middle = categorise(small_classifier, text)
    assert middle.needs_review == (middle.confidence < small_classifier.review_threshold)


def test_a_model_without_every_head_cannot_categorise(small_classifier: ContactClassifier) -> None:
    with pytest.raises(IncompleteModelError, match="categories outside the taxonomy"):
        ContactClassifier(small_classifier.labeller, "v", {"potholes": "highways_lighting"})
