"""The registry and checked promotion: history and rollback, refusal of labels that do not
map onto the taxonomy, of categories left out and of a worse evaluation on the same hold-out
(unless forced), and a single-target model combined with the promoted model's heads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from classifiers import (
    IncompleteModelError,
    ModelNotFoundError,
    ModelRegistry,
    PromotionRefusedError,
    TrainingOptions,
    UnmappedLabelsError,
    labelled_texts,
    promote_checked,
    save_trained,
    train_and_register,
    train_from_rows,
)
from config import ReferenceData
from contracts import LabelSource
from ingest import read_label_mapping, read_table

DATA = Path(__file__).parent / "data"
TENANT_LABELS = [
    "ASB",
    "Estate Services",
    "Rent",
    "Repairs - Damp & Mould",
    "Repairs - Heating",
    "Repairs - Plumbing",
    "other",
]


@pytest.fixture()
def registry(tmp_path: Path, reference: ReferenceData) -> ModelRegistry:
    """A registry with the small model promoted and the tenant model saved, not promoted."""
    registry = ModelRegistry(tmp_path / "models")
    small = read_table(DATA / "small_contacts.csv")
    train_and_register(registry, reference.taxonomy, dataset=small)
    rows = labelled_texts(
        read_table(DATA / "tenant_feedback.csv"),
        text_columns=["Customer Comments"],
        label_column="Feedback Category",
        date_column="Date Received",
    )
    options = TrainingOptions(mapping=read_label_mapping(DATA / "tenant_feedback_synonyms.yaml"))
    trained = train_from_rows(rows, reference.taxonomy, name="tenant", options=options)
    save_trained(registry, trained, dataset="tenant_feedback.csv", promote=False)
    return registry


def tenant_version(registry: ModelRegistry) -> str:
    return next(m["version"] for m in registry.versions() if m["version"].startswith("tenant"))


def test_unmapped_labels_are_refused_and_listed(
    registry: ModelRegistry, reference: ReferenceData, tmp_path: Path
) -> None:
    before = registry.promoted_version()
    version = tenant_version(registry)
    with pytest.raises(UnmappedLabelsError) as refused:
        promote_checked(registry, version, reference.taxonomy)
    assert refused.value.unmapped == {"category": TENANT_LABELS}
    partial = tmp_path / "partial.yaml"
    partial.write_text("Repairs - Plumbing: leaks_plumbing\nASB: Neighbour nuisance\n")
    with pytest.raises(UnmappedLabelsError, match="Rent, Repairs - Damp") as refused:
        promote_checked(registry, version, reference.taxonomy, read_label_mapping(partial))
    assert "ASB" not in refused.value.unmapped["category"]
    assert registry.promoted_version() == before
    with pytest.raises(IncompleteModelError, match="labels outside the taxonomy"):
        registry.load(version)


def test_a_single_target_model_is_combined_with_the_promoted_heads(
    registry: ModelRegistry, reference: ReferenceData
) -> None:
    base = registry.promoted_version()
    version = tenant_version(registry)
    mapping = read_label_mapping(DATA / "tenant_feedback_taxonomy.csv")
    # A housing trust's categories only: refused as the worker's model unless forced.
    with pytest.raises(PromotionRefusedError, match="of the taxonomy's 56 categories"):
        promote_checked(registry, version, reference.taxonomy, mapping)
    assert registry.promoted_version() == base
    done = promote_checked(registry, version, reference.taxonomy, mapping, force=True)
    assert done.derived and registry.promoted_version() == done.version
    assert done.heads == {"contact_type": base, "service": base, "category": version}
    assert done.mapped["category"]["Repairs - Plumbing"] == "leaks_plumbing"
    assert done.mapped["category"]["Repairs - Damp & Mould"] == "damp_mould"  # by name
    assert "the model promoted before" in done.describe()
    assert done.review_threshold is not None
    assert done.review_threshold >= registry.load_artifact(version).thresholds["category"]
    classifier = registry.load_promoted()
    text = "The boiler has broken down again and there is no hot water"
    [result] = classifier.categorise([text])
    assert result.model_version == done.version
    assert result.label_source == LabelSource.model
    assert result.category == "heating_hot_water"
    assert result.service == reference.taxonomy.service_of_category[result.category]
    # Promoting the same combination again reuses the derived version.
    again = promote_checked(registry, version, reference.taxonomy, mapping, force=True)
    assert again.version == done.version
    # Evaluation data in the council's labels is cleaned and mapped like the training data.
    derived = registry.load_artifact(done.version)
    assert derived.clean_label("category", " repairs - PLUMBING") == "leaks_plumbing"


def test_rollback_walks_the_promotion_history_back(
    registry: ModelRegistry, reference: ReferenceData
) -> None:
    first = registry.promoted_version()
    assert first is not None
    second, _ = train_and_register(
        registry, reference.taxonomy, dataset=read_table(DATA / "small_contacts.csv"), name="second"
    )
    assert registry.promoted_version() == second.version
    assert [h["version"] for h in registry.history()] == [first, second.version]
    assert registry.rollback() == first
    assert registry.promoted_version() == first
    assert registry.load_promoted().version == first
    with pytest.raises(ModelNotFoundError, match="no earlier promotion"):
        registry.rollback()
    state = json.loads((registry.models_dir / "promoted.json").read_text())
    assert state["rolled_back"] == second.version


def test_a_promoted_file_without_history_still_reads(tmp_path: Path) -> None:
    registry = ModelRegistry(tmp_path)
    (tmp_path / "promoted.json").write_text('{"version": "old-1"}')
    assert registry.promoted_version() == "old-1"
    assert registry.history() == [{"version": "old-1"}]
    with pytest.raises(ModelNotFoundError):
        registry.load("old-1")


def test_a_model_that_leaves_categories_out_is_refused_unless_forced(
    tmp_path: Path, reference: ReferenceData
) -> None:
    """The small data set has 6 of the taxonomy's 56 categories: promoted, it would file a
    contact about air pollution or a care assessment under one of those 6."""
    registry = ModelRegistry(tmp_path / "models")
    small = read_table(DATA / "small_contacts.csv")
    first, _ = train_and_register(registry, reference.taxonomy, dataset=small, name="first")
    second, _ = train_and_register(
        registry, reference.taxonomy, dataset=small, name="second", promote=False
    )
    with pytest.raises(PromotionRefusedError) as refused:
        promote_checked(registry, second.version, reference.taxonomy)
    [reason] = refused.value.reasons
    assert "cover 6 of the taxonomy's 56 categories" in reason
    assert "never predicted: air_pollution, asb_youths," in reason and "and 42 more" in reason
    assert "--force" in str(refused.value)
    assert registry.promoted_version() == first.version
    done = promote_checked(registry, second.version, reference.taxonomy, force=True)
    assert registry.promoted_version() == done.version == second.version


def test_a_worse_model_on_the_same_holdout_is_refused_unless_forced(
    tmp_path: Path, reference: ReferenceData
) -> None:
    registry = ModelRegistry(tmp_path / "models")
    small = read_table(DATA / "small_contacts.csv")
    better, _ = train_and_register(
        registry, reference.taxonomy, dataset=small, name="svm",
        options=TrainingOptions(family="word_svm"),
    )  # fmt: skip
    worse, _ = train_and_register(
        registry, reference.taxonomy, dataset=small, name="cnb", promote=False,
        options=TrainingOptions(family="word_cnb"),
    )  # fmt: skip
    ours, theirs = registry.metadata(worse.version), registry.metadata(better.version)
    assert ours["report"]["holdout_sha256"] == theirs["report"]["holdout_sha256"]
    assert ours["metrics"]["category"]["macro_f1"] < theirs["metrics"]["category"]["macro_f1"]
    with pytest.raises(PromotionRefusedError) as refused:
        promote_checked(registry, worse.version, reference.taxonomy)
    [evaluation] = [r for r in refused.value.reasons if "same hold-out" in r]
    assert f"worse than the promoted {better.version}" in evaluation
    assert "category macro-F1" in evaluation
    assert registry.promoted_version() == better.version
    promote_checked(registry, worse.version, reference.taxonomy, force=True)
    assert registry.promoted_version() == worse.version
    # The better model, measured on the same hold-out, is refused for coverage only.
    with pytest.raises(PromotionRefusedError) as coverage_only:
        promote_checked(registry, better.version, reference.taxonomy)
    assert not any("same hold-out" in r for r in coverage_only.value.reasons)
