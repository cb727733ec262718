"""``civicpulse deliveries``: the ledger as a table or JSON, and releasing a delivery whose
sender died mid-attempt so that the next run sends it (never one that is not pending)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app
from sinks import claim_delivery, mark_delivered, open_database

runner = CliRunner()
KEY = "2025-10_waste_recycling"


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    engine = open_database(f"sqlite:///{tmp_path / 'civicpulse.db'}")
    assert (
        claim_delivery(engine, KEY, "waste@example.org", "smtp").state == "claimed"
    )  # then it "dies"
    assert claim_delivery(engine, KEY, "parks@example.org", "smtp").state == "claimed"
    mark_delivered(engine, KEY, "parks@example.org", "smtp")
    engine.dispose()
    return tmp_path


def ledger() -> dict[str, dict[str, object]]:
    done = runner.invoke(app, ["deliveries", "list", "--format", "json"])
    assert done.exit_code == 0, done.output
    return {r["recipient"]: r for r in json.loads(done.stdout)}


def test_a_stuck_delivery_is_released_once_and_can_be_claimed_again(home: Path) -> None:
    before = ledger()
    assert before["waste@example.org"]["status"] == "pending"
    assert before["parks@example.org"]["status"] == "delivered"
    args = ["deliveries", "release", KEY, "--channel", "smtp", "--recipient"]
    done = runner.invoke(app, [*args, "waste@example.org"])
    assert done.exit_code == 0, done.output
    assert ledger()["waste@example.org"]["status"] == "failed"
    again = runner.invoke(app, [*args, "waste@example.org"])
    assert again.exit_code == 1 and "no pending delivery" in again.output
    delivered = runner.invoke(app, [*args, "parks@example.org"])
    assert delivered.exit_code == 1
    engine = open_database(f"sqlite:///{home / 'civicpulse.db'}")
    assert claim_delivery(engine, KEY, "waste@example.org", "smtp").state == "claimed"
    engine.dispose()


def test_the_table_names_every_delivery(home: Path) -> None:
    done = runner.invoke(app, ["deliveries", "list"])
    assert done.exit_code == 0, done.output
    assert "waste@example.org" in done.output and "pending" in done.output
