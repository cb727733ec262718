"""Explanations: the words that pushed a text to its label, strongest first."""

from __future__ import annotations

from classifiers import ContactClassifier, explain


def test_the_words_that_pushed_the_text_come_from_the_text(
    small_classifier: ContactClassifier,
) -> None:
    text = "Huge pothole on the main road near the school"
    words = explain(small_classifier, text, target="category", top=5)
    assert 0 < len(words) <= 5
    assert any("pothole" in w for w, _ in words)
    pushes = [p for _, p in words]
    assert pushes == sorted(pushes, reverse=True) and all(p > 0 for p in pushes)
    for word, _ in words:
        assert all(part in text.lower() for part in word.split())


def test_a_chosen_label_and_other_targets_are_explained_too(
    small_classifier: ContactClassifier,
) -> None:
    text = "Thank you so much for fixing the street light so quickly"
    assert explain(small_classifier, text, target="contact_type")
    other = explain(small_classifier, text, label="missed_collection")
    assert other != explain(small_classifier, text)
    assert explain(small_classifier, text, label="no-such-label") == []
    assert explain(small_classifier, "zzzz qqqq") == []  # no known word: nothing to say


def test_function_words_are_left_out_of_the_list(small_classifier: ContactClassifier) -> None:
    text = "It is the pothole on the road that is to be fixed, and it is still there"
    words = [w for w, _ in explain(small_classifier, text, top=20)]
    assert words and not {"it", "is", "the", "to", "and", "it is", "is the"} & set(words)
