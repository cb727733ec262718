"""Label cleaning: case and spacing variants, synonyms, rare labels folded into "other", and a
report that counts each of them."""

from __future__ import annotations

from classifiers import OTHER
from classifiers.labels import clean_labels
from config import ReferenceData


def test_case_and_spacing_variants_merge_into_the_best_spelling(reference: ReferenceData) -> None:
    raw = ["Rent", "RENT", "rent ", " Rent", "Repairs -  Plumbing", "repairs - plumbing"] + [
        "Repairs - Plumbing"
    ] * 2
    cleaned, done = clean_labels(raw, "category", reference.taxonomy)
    assert cleaned == ["Rent"] * 4 + ["Repairs - Plumbing"] * 4
    assert done.variant_rows == 5  # every row whose label was not already "Rent"/"... Plumbing"
    assert set(done.variants_merged) == {"Rent", "Repairs - Plumbing"}
    assert done.synonym_rows == 0
    assert done.folded_rows == 0


def test_mixed_case_wins_over_shouting_even_when_less_common(reference: ReferenceData) -> None:
    cleaned, _ = clean_labels(
        ["ESTATE SERVICES"] * 3 + ["Estate Services"], "category", reference.taxonomy
    )
    assert set(cleaned) == {"Estate Services"}


def test_synonyms_map_and_values_naming_the_taxonomy_become_ids(reference: ReferenceData) -> None:
    mapping = {"Anti-Social Behaviour": "ASB", "damp": "Damp and mould"}
    raw = ["ASB", "anti-social behaviour", "Anti-Social Behaviour", "Damp", "damp"]
    cleaned, done = clean_labels(raw, "category", reference.taxonomy, mapping=mapping)
    assert cleaned == ["ASB", "ASB", "ASB", "damp_mould", "damp_mould"]
    assert done.synonym_rows == 4
    assert done.synonyms == {"Anti-Social Behaviour": "ASB", "Damp": "damp_mould"}
    # New data is cleaned the same way.
    assert done.canonical["anti social behaviour"] == "ASB"


def test_rare_labels_fold_into_other_with_a_warning(reference: ReferenceData) -> None:
    raw = ["Rent"] * 6 + ["Lettings"] * 2 + ["Parking"] + ["potholes"]
    cleaned, done = clean_labels(raw, "category", reference.taxonomy, min_count=5)
    assert cleaned.count(OTHER) == 3
    assert done.folded == {"Lettings": 2, "Parking": 1}
    assert done.folded_rows == 3
    assert "Lettings" in done.warnings[0] and "'other'" in done.warnings[0]
    # A taxonomy label is never folded: the worker needs it intact.
    assert cleaned[-1] == "potholes"
    summary = done.summary()
    assert summary["folded_into_other"]["rows"] == 3
    assert summary["case_and_whitespace"]["rows"] == 0
