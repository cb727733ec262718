"""Corrections, hot model promotion and re-classification against the running worker."""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers import ModelRegistry, train_and_register
from config import ReferenceData
from contracts import ContactReviewed, ContactType
from ingest import KafkaPublisher, publish_reviews, read_table
from sinks import contact_dimensions, make_engine, recount, stored_trend_counts

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]
CRM = REPO / "samples" / "demo" / "crm_export.csv"
SMALL = REPO / "tests" / "classifiers" / "data" / "small_contacts.csv"


def category_counts(pipeline) -> dict[str, int]:  # type: ignore[no-untyped-def]
    done = pipeline.cli("trends", "--period", "year", "--by", "category", "--format", "json")
    assert done.returncode == 0, done.stderr
    totals: dict[str, int] = {}
    for row in json.loads(done.stdout):
        totals[row["category"]] = totals.get(row["category"], 0) + row["count"]
    return totals


def exported(pipeline) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    done = pipeline.cli("contacts", "export")
    return [json.loads(line) for line in done.stdout.splitlines()]


def assert_trends_match_recount(pipeline) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(pipeline.settings.sqlalchemy_url)
    try:
        assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    finally:
        engine.dispose()


def test_a_correction_moves_counts_once_even_when_redelivered(pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline.cli("ingest", "csv", str(CRM), "--profile", "verint_council")
    pipeline.wait_idle()
    target = next(
        c
        for c in exported(pipeline)
        if c["label_source"] == "model" and c["category"] != "fly_tipping"
    )
    before = category_counts(pipeline)
    done = pipeline.cli(
        "review",
        "correct",
        str(target["contact_id"]),
        "--category",
        "fly_tipping",
        "--reviewer",
        "test",
    )
    assert done.returncode == 0, done.stderr
    pipeline.wait_idle()
    after = category_counts(pipeline)
    assert after["fly_tipping"] == before.get("fly_tipping", 0) + 1
    assert after.get(str(target["category"]), 0) == before[str(target["category"])] - 1
    # The same review delivered again (at-least-once) changes nothing.
    again = ContactReviewed(
        review_id=uuid.uuid4(),
        contact_id=uuid.UUID(str(target["contact_id"])),
        reviewed_at=datetime.now(UTC),
        reviewer="test",
        contact_type=ContactType(str(target["contact_type"])),
        service="waste_recycling",
        category="fly_tipping",
        corrected=True,
    )
    publisher = KafkaPublisher(pipeline.settings)
    publish_reviews(publisher, [again, again])
    publisher.close()
    pipeline.wait_idle()
    assert category_counts(pipeline) == after
    [row] = [c for c in exported(pipeline) if c["contact_id"] == target["contact_id"]]
    assert (row["label_source"], row["category"]) == ("reviewer", "fly_tipping")
    assert_trends_match_recount(pipeline)


def test_a_promoted_model_is_picked_up_without_a_restart(
    pipeline, reference: ReferenceData, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    registry = ModelRegistry(pipeline.settings.models_dir)
    new, _ = train_and_register(registry, reference.taxonomy, dataset=read_table(SMALL), name="hot")
    deadline = time.monotonic() + 30
    while True:
        report = pipeline.wait_idle()
        if report["workers"] and report["workers"][0]["model_version"] == new.version:
            break
        assert time.monotonic() < deadline, report
        time.sleep(1)
    export = tmp_path / "new.csv"
    export.write_text(
        "Ref,Logged,Details\nHOT-1,01/12/2025 10:00,The street light outside the school is out\n"
    )
    done = pipeline.cli(
        "ingest",
        "csv",
        str(export),
        "--column",
        "source_ref=Ref",
        "--column",
        "received_at=Logged",
        "--column",
        "text=Details",
    )
    assert done.returncode == 0, done.stderr
    pipeline.wait_idle()
    [row] = [c for c in exported(pipeline) if c["source_ref"] == "HOT-1"]
    assert row["model_version"] == new.version


def test_reclassify_keeps_counts_equal_to_a_recount(pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline.cli("ingest", "csv", str(CRM), "--profile", "verint_council")
    pipeline.wait_idle()
    before = {c["contact_id"]: c for c in exported(pipeline)}
    done = pipeline.cli("reclassify", "--since", "2024-01-01")
    assert done.returncode == 0, done.stderr
    after = {c["contact_id"]: c for c in exported(pipeline)}
    for contact_id, old in before.items():
        if old["label_source"] != "model":
            assert after[contact_id]["category"] == old["category"]
            assert after[contact_id]["model_version"] == old["model_version"]
    promoted = ModelRegistry(pipeline.settings.models_dir).promoted_version()
    assert {c["model_version"] for c in after.values() if c["label_source"] == "model"} == {
        promoted
    }
    assert_trends_match_recount(pipeline)
