"""``civicpulse train | evaluate | models`` as a user runs them, on the starter-format small
dataset and on a housing association's export with labels of its own (messy spellings, a
date column): train, evaluate with the exact JSON keys, refuse then allow promotion, roll back."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app
from classifiers import export_search, searched_families
from contracts import (
    Channel,
    LabelSource,
)
from sinks import open_database
from tests.fixtures.contacts import ContactSpec, store_contacts

DATA = Path(__file__).resolve().parents[2] / "classifiers" / "data"
TENANT = DATA / "tenant_feedback.csv"
COLUMNS = ["--text-column", "Customer Comments", "--label-column", "Feedback Category"]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    HOME.append(home)
    yield home
    HOME.remove(home)


HOME: list[Path] = []  # the module's CIVICPULSE_HOME, set for each command


def cli(*args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(app, list(args), env={"CIVICPULSE_HOME": str(HOME[-1])})
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result


@pytest.fixture(scope="module")
def small(home: Path) -> dict[str, Any]:
    done = cli("train", "--from", str(DATA / "small_contacts.csv"), "--format", "json")
    return dict(json.loads(done.stdout))


@pytest.fixture(scope="module")
def tenant(small: dict[str, Any]) -> dict[str, Any]:
    done = cli(
        "train",
        "--from",
        str(TENANT),
        *COLUMNS,
        "--date-column",
        "Date Received",
        "--mapping",
        str(DATA / "tenant_feedback_synonyms.yaml"),
        "--format",
        "json",
    )
    return dict(json.loads(done.stdout))  # one JSON object, nothing else on stdout


def test_training_a_complete_model_promotes_it(small: dict[str, Any]) -> None:
    assert small["version"].startswith("small_contacts-")
    assert small["promoted"] is True
    assert small["promoted_version"] == small["version"]
    assert set(small["holdout_metrics"]) == {"contact_type", "service", "category"}


def test_a_foreign_export_trains_with_its_own_labels(tenant: dict[str, Any]) -> None:
    assert tenant["version"].startswith("tenant_feedback-")
    assert tenant["promoted"] is False
    assert tenant["split"]["method"] == "temporal"
    labels = tenant["labels"]["category"]
    assert labels["case_and_whitespace"]["rows"] > 0
    assert labels["synonyms"]["mapped"] == {"Anti-Social Behaviour": "ASB", "Rent Arrears": "Rent"}
    assert labels["folded_into_other"]["labels"] == {"Lettings": 3, "Parking": 2}
    assert tenant["warnings"] and "'other'" in tenant["warnings"][0]
    assert set(tenant["label_counts"]["category"]) == {
        "ASB",
        "Estate Services",
        "Rent",
        "Repairs - Damp & Mould",
        "Repairs - Heating",
        "Repairs - Plumbing",
        "other",
    }
    assert tenant["holdout_metrics"]["category"]["accuracy"] >= 0.8


def test_a_partner_model_labels_its_own_export(tenant: dict[str, Any], tmp_path: Path) -> None:
    export = tmp_path / "new.csv"
    export.write_text(
        "Case Ref;Customer Comments;Tenant\n"
        "N-1;The rent on my account is wrong again, ring me on 07700 900123;A. Tenant\n"
        "N-2;;B. Tenant\n"
        "N-3;Black mould in the bathroom and the extractor fan is broken;C. Tenant\n",
        encoding="utf-8",
    )
    out = tmp_path / "labelled.csv"
    args = ["--on", str(export), "--text-column", "Customer Comments", "--output", str(out)]
    done = cli("models", "predict", tenant["version"], *args)
    assert "need a person" in done.stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["Case Ref"] for r in rows] == ["N-1", "N-2", "N-3"]  # every row kept, in order
    assert rows[0]["category"] == "Rent" and rows[2]["category"] == "Repairs - Damp & Mould"
    assert rows[1]["category"] == "" and rows[1]["needs_review_category"] == ""  # no text
    for row in (rows[0], rows[2]):
        assert 0 < float(row["category_probability"]) <= 1
        assert row["needs_review_category"] in {"yes", "no"}
        assert len(row["top3_category"].split("; ")) == 3
        assert row["top3_category"].startswith(row["category"])


def test_evaluate_reports_the_exact_keys_and_writes_charts(
    tenant: dict[str, Any], tmp_path: Path
) -> None:
    done = cli(
        "evaluate",
        "--model",
        tenant["version"],
        "--on",
        str(TENANT),
        *COLUMNS,
        "--format",
        "json",
        "--out",
        str(tmp_path),
    )
    result = json.loads(done.stdout)
    assert {"accuracy", "macro_f1", "per_class", "auto_accept"} <= set(result)
    assert set(result["auto_accept"]) == {"threshold", "precision", "coverage"}
    assert result["labels_never_predicted"] == {}
    assert result["auto_accept"]["threshold"] == tenant["auto_accept"]["thresholds"]["category"]
    assert result["accuracy"] >= 0.9 and result["macro_f1"] >= 0.8
    assert set(result["per_class"]["Rent"]) == {"precision", "recall", "f1", "support"}
    assert result["per_class"]["Rent"]["support"] == 20  # "RENT", "Rent ", "Rent Arrears" too
    assert result["per_class"]["other"]["support"] == 5
    points = result["operating_points"]
    assert points and all(
        set(p) == {"threshold", "precision", "precision_lower", "coverage"} for p in points
    )
    thresholds = [p["threshold"] for p in points]
    assert thresholds == sorted(thresholds)
    coverages = [p["coverage"] for p in points]
    assert coverages == sorted(coverages, reverse=True)  # a higher bar accepts fewer
    for chart in ("confusion-category.png", "calibration-category.png"):
        assert (tmp_path / chart).read_bytes().startswith(b"\x89PNG")
    table = cli("evaluate", "--model", tenant["version"], "--on", str(TENANT), *COLUMNS)
    assert "Confusion matrix" in table.stdout and "Calibration" in table.stdout
    assert "Operating points" in table.stdout and "Most-confused pairs" in table.stdout
    assert all(
        set(pair) == {"true", "predicted", "contacts", "share_of_true"}
        for pair in result["most_confused"]
    )


def test_evaluate_names_labels_the_model_never_predicts(
    tenant: dict[str, Any], tmp_path: Path
) -> None:
    """A wrong label column or another council's labels: every such contact is an error, so
    the low score is said to come from them."""
    with TENANT.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), [next(reader), next(reader)]
    rows[0]["Feedback Category"] = "Bananas"
    other = tmp_path / "other-labels.csv"
    with other.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    done = cli("evaluate", "--model", tenant["version"], "--on", str(other), *COLUMNS,
               "--format", "json", "--out", str(tmp_path))  # fmt: skip
    assert json.loads(done.stdout)["labels_never_predicted"] == {"Bananas": 1}
    warned = " ".join(done.stderr.split())
    assert f"1 of 2 contacts carry labels model {tenant['version']} never predicts" in warned
    assert "'Bananas' (1)" in warned


def test_evaluate_on_a_file_with_nothing_labelled_says_so(
    tenant: dict[str, Any], tmp_path: Path
) -> None:
    empty = tmp_path / "unlabelled.csv"
    empty.write_text("Customer Comments,Feedback Category\nBins not collected,\n", encoding="utf-8")
    done = cli("evaluate", "--model", tenant["version"], "--on", str(empty), *COLUMNS, code=1)
    assert "no row has both text and a label in 'Feedback Category'" in " ".join(
        done.stderr.split()
    )
    assert done.exception is None or isinstance(done.exception, SystemExit)  # no traceback


def test_an_export_is_searched_and_the_report_ranks_the_families(tenant: dict[str, Any]) -> None:
    families = [row for row in tenant["comparison"] if "family" in row]
    # EXPORT_SEARCH, and the MiniLM stack where the embeddings extra is installed.
    assert {row["family"] for row in families} == set(searched_families(export_search()))
    [winner] = [row for row in families if row["chosen"]]
    best = max(
        families,
        key=lambda r: sum(v for v in r["cv_macro_f1"].values()) / len(r["cv_macro_f1"]),
    )
    assert winner["family"] == best["family"] == tenant["family"]
    assert all(row["train_seconds"] > 0 and row["predictions_per_second"] > 0 for row in families)


def test_a_precision_target_picks_the_threshold_and_an_unreachable_one_is_loud(
    tmp_path: Path,
) -> None:
    HOME.append(tmp_path)
    try:
        args = ["train", "--from", str(TENANT), *COLUMNS, "--family", "word_sgd_svm"]
        lenient = json.loads(cli(*args, "--precision-target", "0.6", "--format", "json").stdout)
        strict = cli(*args, "--precision-target", "1.0")
        # the option's earlier name still works (hidden from --help)
        older = json.loads(cli(*args, "--target-precision", "0.7", "--format", "json").stdout)
    finally:
        HOME.remove(tmp_path)
    accept = lenient["auto_accept"]
    assert accept["target_precision"] == 0.6 and accept["target_reached"] is True
    assert accept["thresholds"]["category"] < 1.0
    assert [p["threshold"] for p in accept["operating_points"]]
    assert older["auto_accept"]["target_precision"] == 0.7
    loud = " ".join(strict.stderr.split())
    assert "no threshold reaches 100% precision" in loud and "best achievable" in loud
    assert "no threshold reaches 100% precision" in " ".join(strict.stdout.split())


def test_promotion_refuses_unmapped_labels_then_combines_and_rolls_back(
    small: dict[str, Any], tenant: dict[str, Any]
) -> None:
    refused = " ".join(cli("models", "promote", tenant["version"], code=1).stderr.split())
    assert "do not map onto the taxonomy" in refused
    assert "Repairs - Plumbing, other)" in refused
    mapping = str(DATA / "tenant_feedback_taxonomy.csv")
    partial = " ".join(
        cli("models", "promote", tenant["version"], "--mapping", mapping, code=1).stderr.split()
    )
    assert "of the taxonomy's 56 categories" in partial and "--force" in partial
    done = cli("models", "promote", tenant["version"], "--mapping", mapping, "--force")
    assert "the model promoted before" in " ".join(done.stdout.split())
    listed = json.loads(cli("models", "list", "--format", "json").stdout)
    [promoted] = [m for m in listed if m["status"] == "promoted"]
    assert promoted["version"].startswith(tenant["version"] + "+" + small["version"])
    assert promoted["derived_from"]["category"] == tenant["version"]
    back = cli("models", "rollback")
    assert f"to {small['version']}" in " ".join(back.stdout.split())
    listed = json.loads(cli("models", "list", "--format", "json").stdout)
    assert [m["version"] for m in listed if m["status"] == "promoted"] == [small["version"]]


def test_options_that_need_a_label_column_say_so(home: Path) -> None:
    assert home == HOME[-1]
    done = cli("train", "--from", str(TENANT), "--text-column", "Customer Comments", code=1)
    assert "need --label-column" in done.stderr


def test_training_from_the_database_uses_confirmed_labels_only(tmp_path: Path) -> None:
    """Source-labelled contacts train a model; the model's own guesses are left out."""
    engine = open_database(f"sqlite:///{tmp_path / 'civicpulse.db'}")
    with (DATA / "small_contacts.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # The last ten are model guesses: not ground truth.
    guesses = {"confidence": 0.5, "label_source": LabelSource.model}
    truths = {"confidence": 1.0, "label_source": LabelSource.source}
    store_contacts(
        engine,
        *(
            ContactSpec(
                str(i),
                when=datetime(2024, 1 + i % 12, 5, tzinfo=UTC),
                contact_type=row["contact_type"],
                service=row["service"],
                category=row["category"],
                text=row["text"],
                channel=Channel.crm_export,
                partner=None,
                ward=None,
                model_version=None,
                **(guesses if i >= len(rows) else truths),
            )
            for i, row in enumerate([*rows, *rows[:10]])
        ),
    )
    engine.dispose()
    HOME.append(tmp_path)
    try:
        report = json.loads(cli("train", "--from-database", "--format", "json").stdout)
    finally:
        HOME.remove(tmp_path)
    assert report["training_rows"] == len(rows)
    assert report["split"]["method"] == "temporal"
    assert report["promoted"] is True


def test_train_if_no_model_keeps_a_promoted_model(tmp_path: Path, small_model_dir: Path) -> None:
    """docker-compose's `train` service on a restart: the council's own model stays."""
    shutil.copytree(small_model_dir, tmp_path / "models")
    before = sorted(p.name for p in (tmp_path / "models").iterdir())
    promoted = json.loads((tmp_path / "models" / "promoted.json").read_text())["version"]
    HOME.append(tmp_path)
    try:
        done = json.loads(cli("train", "--if-no-model", "--format", "json").stdout)
    finally:
        HOME.remove(tmp_path)
    assert done == {"trained": False, "promoted_version": promoted}
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == before


def test_train_if_no_model_trains_and_promotes_on_a_fresh_home(tmp_path: Path) -> None:
    HOME.append(tmp_path)
    try:
        args = ("--from", str(DATA / "small_contacts.csv"), "--format", "json")
        done = json.loads(cli("train", "--if-no-model", *args).stdout)
    finally:
        HOME.remove(tmp_path)
    assert done["promoted"] is True
    promoted = json.loads((tmp_path / "models" / "promoted.json").read_text())
    assert promoted["version"] == done["version"]


def test_training_on_doubled_quotes_uses_the_rows_the_csv_module_reads(tmp_path: Path) -> None:
    """Regression: quoted comments with doubled quotes, commas, a date column and imbalanced
    labels train on exactly the rows ``csv.reader`` reads (the old reader stopped here with
    ``cannot read date``)."""
    fixture = DATA / "quoted_comments.csv"
    with fixture.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    labels = [r["Feedback Category"] for r in records]
    HOME.append(tmp_path)
    try:
        done = cli(
            "train",
            "--from",
            str(fixture),
            "--text-column",
            "Customer Comments",
            "--label-column",
            "Feedback Category",
            "--date-column",
            "Date Received",
            "--format",
            "json",
        )
    finally:
        HOME.remove(tmp_path)
    report = json.loads(done.stdout)
    assert report["training_rows"] == len(records) == 105
    assert report["dropped_rows"] == {}
    assert report["split"]["method"] == "temporal"
    assert report["label_counts"]["category"] == {
        "Repairs": 48,
        "Rent": 30,
        "Noise": 16,
        "Parking": 8,
        "other": 3,  # "Lettings", under --min-count
    }
    variants = sum(
        label not in {"Repairs", "Rent", "Noise", "Parking", "Lettings"} for label in labels
    )
    assert report["labels"]["category"]["case_and_whitespace"]["rows"] == variants > 0
