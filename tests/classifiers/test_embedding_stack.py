"""The embedding stack and its cascade, with a tiny deterministic encoder standing in for a
sentence model: it knows that synonyms mean the same, which word n-grams cannot learn when
each synonym is rare."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import joblib
import numpy as np
import pytest

from classifiers import (
    FAMILIES,
    ClassifierError,
    LabelledText,
    TrainingOptions,
    explain,
    label_export,
    searched_families,
    selection,
    train_from_rows,
)
from classifiers.cascade import CascadeLabeller, choose_route, route_between
from classifiers.embedding_stack import EmbeddingFeatures
from classifiers.embeddings import SentenceEncoder, encoding_cache_off, encoding_progress
from classifiers.families import CASCADE_FRONT, Family
from classifiers.features import build_features
from classifiers.selection import FittedFamily, SearchSettings, fit_family
from config import ReferenceData
from ingest import read_table

LABELS = ["Alpha", "Bravo", "Charlie", "Delta"]
SYNONYMS = 60  # per label; each used by few texts, so TF-IDF's min_df=2 keeps few of them


class ConceptEncoder:
    """Maps each word to its label's concept (a fixed vector) plus a little noise: a text's
    vector points at the label its synonyms belong to. Records every text it encodes."""

    name = "concept"

    def __init__(self, informative: bool = True, dims: int = 16) -> None:
        rng = np.random.default_rng(7)
        self.concepts = rng.normal(size=(len(LABELS), dims))
        self.informative = informative
        self.dims = dims
        self.encoded: list[str] = []

    def __deepcopy__(self, memo: dict[int, object]) -> ConceptEncoder:
        return self

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.encoded.extend(texts)
        out = np.zeros((len(texts), self.dims))
        for row, text in enumerate(texts):
            seed = sum(map(ord, text))
            out[row] = np.random.default_rng(seed).normal(size=self.dims) * 0.3
            if not self.informative:
                continue
            for word in text.split():
                if word.startswith("syn"):
                    out[row] += self.concepts[int(word.split("_")[1])]
        return out


def synonym_rows(n: int, seed: int = 0, easy: float = 0.5) -> list[LabelledText]:
    """Texts of shared filler words and a rare synonym of their label; a share ``easy`` also
    carries the label's own common keyword, which word n-grams learn."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        k = int(rng.integers(len(LABELS)))
        words = [f"filler{rng.integers(200)}" for _ in range(8)]
        words.append(f"syn_{k}_{rng.integers(SYNONYMS * 10)}")
        if rng.uniform() < easy:
            words.append(LABELS[k].lower())
        when = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=i)
        rows.append(LabelledText(" ".join(words), category=LABELS[k], received_at=when))
    return rows


def stack(encoder: ConceptEncoder, weights: list[float]) -> Family:
    def features() -> EmbeddingFeatures:
        return EmbeddingFeatures(build_features(char_ngrams=False), encoder)

    return replace(
        FAMILIES["word_svm_balanced"],
        name="stack_concept",
        make_features=features,
        feature_grid={"weight": weights},
        encoder=encoder.name,
    )


def fit(family: Family, rows: list[LabelledText]) -> FittedFamily:
    texts = [r.text for r in rows]
    labels = {"category": [str(r.category) for r in rows]}
    half = len(rows) * 3 // 4
    calibration = (texts[half:], {"category": labels["category"][half:]})
    return fit_family(
        family,
        texts[:half],
        {"category": labels["category"][:half]},
        calibration,
        SearchSettings(cv=3, n_jobs=1),
        lambda _s: None,
    )


def test_cross_validation_weighs_in_an_encoder_that_knows_more() -> None:
    rows = synonym_rows(600, easy=0.0)
    fitted = fit(stack(ConceptEncoder(), [0.0, 1.0]), rows)
    assert fitted.feature_params == {"weight": 1.0}
    assert fitted.tuned["category"].cv_macro_f1 > 0.8


def test_the_weight_is_chosen_at_the_middle_c_then_c_at_that_weight(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two short searches (3 weights at the middle C, then 3 Cs at the weight chosen), not
    every pair."""
    searched: list[dict[str, list[float]]] = []
    tune = selection.tune_head

    def recording(family: Family, *args: object, **kwargs: object) -> selection.Tuned:
        searched.append(dict(family.grid))
        return tune(family, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(selection, "tune_head", recording)
    family = replace(stack(ConceptEncoder(), [0.0, 1.0, 2.0]), grid={"C": [1e-4, 1e-3, 1.0]})
    fitted = fit(family, synonym_rows(600, easy=0.0))
    assert searched == [{"C": [1e-3]}] * 3 + [{"C": [1e-4, 1e-3, 1.0]}]
    assert fitted.feature_params["weight"] > 0.0
    assert fitted.tuned["category"].params["C"] in (1e-4, 1e-3, 1.0)


def test_cross_validation_weighs_out_an_encoder_of_noise() -> None:
    rows = synonym_rows(600, easy=1.0)
    fitted = fit(stack(ConceptEncoder(informative=False, dims=64), [0.0, 8.0]), rows)
    assert fitted.feature_params == {"weight": 0.0}


def test_the_cascade_encodes_only_the_contacts_the_fast_model_is_unsure_of() -> None:
    rows = synonym_rows(900, seed=1)
    encoder = ConceptEncoder()
    fast = fit(FAMILIES["word_svm_balanced"], rows)
    rich = fit(stack(encoder, [1.0]), rows)
    validation = (
        [r.text for r in rows[-200:]],
        {"category": [str(r.category) for r in rows[-200:]]},
    )
    cascade, route = route_between(fast.labeller, rich.labeller, validation)
    assert 0.0 < route.routed < 1.0
    assert route.macro_f1 >= route.fast_macro_f1
    new = [r.text for r in synonym_rows(300, seed=2)]
    encoder.encoded.clear()
    proba = cascade.predict_proba(new)
    unsure = fast.labeller.predict_proba(new)["category"].max(axis=1) < cascade.threshold
    assert encoder.encoded == [t for t, u in zip(new, unsure, strict=True) if u]
    rich_proba = rich.labeller.predict_proba(new)["category"]
    np.testing.assert_allclose(proba["category"][unsure], rich_proba[unsure])


def test_the_route_sends_nothing_on_when_the_rich_model_is_no_better() -> None:
    truth = ["a", "b"] * 50
    classes = np.array(["a", "b"])
    right = np.array([[0.9, 0.1] if t == "a" else [0.2, 0.8] for t in truth])
    wrong = right[:, ::-1]
    route = choose_route({"category": right}, {"category": wrong}, classes, truth, "category")
    assert route.routed == 0.0 and route.macro_f1 == 1.0
    route = choose_route({"category": wrong}, {"category": right}, classes, truth, "category")
    assert route.routed == 1.0 and route.macro_f1 == 1.0


def test_training_deploys_a_winning_stack_behind_the_fast_family(
    reference: ReferenceData, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    encoder = ConceptEncoder()
    monkeypatch.setitem(FAMILIES, "stack_concept", stack(encoder, [1.0]))
    monkeypatch.setattr("classifiers.families.installed_stacks", lambda: ["stack_concept"])
    options = TrainingOptions(
        families=("word_sgd_svm", "stack_concept"), search=SearchSettings(cv=3, n_jobs=1)
    )
    trained = train_from_rows(synonym_rows(1200), reference.taxonomy, options=options)
    report = trained.report
    assert report.family == "stack_concept"
    assert report.cascade is not None and report.cascade.fast == "word_sgd_svm"
    assert report.cascade.routed_holdout is not None and report.cascade.routed_holdout < 1.0
    rows = {r.family: r for r in report.comparison if r.family}
    assert rows["stack_concept"].macro_f1["category"] > rows["word_sgd_svm"].macro_f1["category"]
    assert report.holdout_metrics["category"].macro_f1 > rows["word_sgd_svm"].macro_f1["category"]
    # `models predict` labels an export with it, encoding only what the fast model is unsure of.
    new = synonym_rows(60, seed=3)
    export = tmp_path / "new.csv"
    export.write_text("text\n" + "".join(f"{r.text}\n" for r in new))
    encoder.encoded.clear()
    labelled = label_export(trained.artifact, read_table(export), ["text"])
    assert len(labelled.rows) == 60
    assert 0 < len(encoder.encoded) < 60
    right = [row[1] == r.category for row, r in zip(labelled.rows, new, strict=True)]
    assert sum(right) / len(right) > 0.8


def test_a_cascade_refuses_labellers_that_disagree_on_labels() -> None:
    rows = synonym_rows(300)
    fast = fit(FAMILIES["word_svm_balanced"], rows)
    other = fit(
        FAMILIES["word_svm_balanced"],
        [replace(r, category="Alpha" if r.category == "Bravo" else r.category) for r in rows],
    )
    with pytest.raises(ValueError, match="disagree on category"):
        CascadeLabeller(fast.labeller, other.labeller, 0.5, "category")


def test_a_saved_cascade_loads_and_predicts_sure_contacts_without_torch(tmp_path: Path) -> None:
    rows = synonym_rows(300)
    fast = fit(FAMILIES["word_svm_balanced"], rows)
    rich = fit(stack(ConceptEncoder(), [1.0]), rows)
    # As a trained model saves it: the encoder by name only (no weights, no torch).
    rich.labeller.features_.encoder = SentenceEncoder("all-MiniLM-L6-v2")
    cascade = CascadeLabeller(fast.labeller, rich.labeller, 0.0, "category")
    joblib.dump(cascade, tmp_path / "cascade.joblib")
    code = (
        "import sys, joblib\n"
        "import workers.app\n"
        f"cascade = joblib.load({str(tmp_path / 'cascade.joblib')!r})\n"
        "cascade.predict_proba(['filler1 alpha', 'filler2 bravo'])\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_stack_named_on_its_own_is_fitted_with_the_front_of_its_cascade() -> None:
    assert searched_families(TrainingOptions(family="stack_mpnet")) == [
        CASCADE_FRONT,
        "stack_mpnet",
    ]
    assert searched_families(TrainingOptions(family="word_svm")) == ["word_svm"]


class CountingEncoder(SentenceEncoder):
    """The packaged encoder's caching with the model replaced by a counter."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        super().__init__("all-MiniLM-L6-v2", cache_dir)
        self.calls: list[list[str]] = []

    def _encode_now(self, texts: list[str]) -> np.ndarray:
        self.calls.append(texts)
        return np.array([[len(t), sum(map(ord, t))] for t in texts], dtype=np.float32)


def test_encodings_are_remembered_by_text_in_memory_and_on_disk(tmp_path: Path) -> None:
    encoder = CountingEncoder(tmp_path)
    first = encoder.encode(["bins", "potholes"])
    again = encoder.encode(["potholes", "noise", "bins"])
    assert encoder.calls == [["bins", "potholes"], ["noise"]]
    np.testing.assert_array_equal(again[[0, 2]], first[[1, 0]])
    with encoding_cache_off():
        encoder.encode(["bins"])
    assert encoder.calls[-1] == ["bins"]
    later = CountingEncoder(tmp_path)  # another run: the disk remembers
    np.testing.assert_array_equal(later.encode(["noise", "bins"]), again[[1, 2]])
    assert later.calls == []


def test_a_stack_without_its_encoder_installed_is_refused_before_any_fitting(
    reference: ReferenceData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("classifiers.families.installed_stacks", lambda: [])
    steps: list[str] = []
    with pytest.raises(ClassifierError, match="needs the sentence encoder all-mpnet-base-v2"):
        train_from_rows(
            synonym_rows(200),
            reference.taxonomy,
            options=TrainingOptions(family="stack_mpnet"),
            on_step=steps.append,
        )
    assert steps == []


def test_a_cascade_is_explained_by_its_tfidf_model_towards_the_cascades_label() -> None:
    rows = synonym_rows(300)
    fast = fit(FAMILIES["word_svm_balanced"], rows)
    rich = fit(stack(ConceptEncoder(), [1.0]), rows)
    text = "filler3 filler17 charlie filler40"
    never = CascadeLabeller(fast.labeller, rich.labeller, 0.0, "category")
    always = CascadeLabeller(fast.labeller, rich.labeller, 1.1, "category")
    assert explain(never, text) == explain(fast.labeller, text)
    assert any(word == "charlie" for word, _ in explain(never, text))
    proba = always.predict_proba([text])["category"][0]
    label = str(always.classes("category")[int(np.argmax(proba))])
    assert explain(always, text) == explain(fast.labeller, text, label=label)
    assert explain(always, text, label="Delta") == explain(fast.labeller, text, label="Delta")


class ChunkEncoder(SentenceEncoder):
    """The packaged encoder with the model's own encoding replaced by zeros."""

    def __init__(self) -> None:
        super().__init__("all-MiniLM-L6-v2")
        self._model = "loaded"
        self.chunks: list[int] = []

    def _encode_chunk(self, texts: list[str]) -> np.ndarray:
        self.chunks.append(len(texts))
        return np.zeros((len(texts), 3), dtype=np.float32)


def test_sentence_encoding_reports_its_progress_only_where_a_command_asks() -> None:
    texts = [f"text {i}" for i in range(600)]
    quiet = ChunkEncoder()
    assert quiet.encode(texts).shape == (600, 3) and quiet.chunks == [600]
    shown: list[tuple[int, int]] = []
    encoder = ChunkEncoder()
    with encoding_progress(lambda done, total: shown.append((done, total))):
        assert encoder.encode(texts).shape == (600, 3)
        encoder.encode(texts[:10])  # remembered: nothing to encode, nothing to report
    assert shown == [(256, 600), (512, 600), (600, 600)]
    assert encoder.chunks == [256, 256, 88]
