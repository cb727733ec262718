"""``civicpulse followups``, ``ratings link``, ``timeliness`` and ``publish satisfaction`` on a
real SQLite home, in-process (Typer's runner): the exact JSON keys and refusals with reasons
(``actions`` has its own tests)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from civicpulse.cli import app
from contracts import (
    CaseEvent,
    CaseEventKind,
    RatingReceived,
    case_event_id_for,
    last_full_period,
    local_date,
)
from sinks import SqlContactSink, open_database, store_case_events
from tests.fixtures.contacts import ContactSpec, StoreContacts


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    monkeypatch.setenv("CIVICPULSE_RATING_LINK_SECRET", "s3cret")
    monkeypatch.setenv("CIVICPULSE_PUBLIC_BASE_URL", "https://council.example/feedback")
    return open_database(f"sqlite:///{tmp_path / 'civicpulse.db'}")


def run(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.output


def test_ratings_link_followups_and_timeliness_commands(
    home: Engine, stored_contacts: StoreContacts
) -> None:
    (contact,) = stored_contacts(home, ContactSpec("CMD-1", when="2025-10-06T09:00:00+01:00"))
    code, out = run("ratings", "link", str(contact.contact_id))
    assert code == 0 and out.startswith("https://council.example/feedback/rate/")
    code, out = run("ratings", "link", str(uuid.uuid4()))
    assert code == 1 and "no contact" in out
    responded = datetime(2025, 10, 20, 12, tzinfo=UTC)
    store_case_events(
        home,
        [
            CaseEvent(
                event_id=case_event_id_for(contact.contact_id, CaseEventKind.responded, responded),
                contact_id=contact.contact_id,
                kind=CaseEventKind.responded,
                occurred_at=responded,
            )
        ],
    )
    sink = SqlContactSink(home)
    sink.add_rating(
        RatingReceived(
            rating_id=uuid.uuid4(), contact_id=contact.contact_id, rated_at=responded, score=2
        )
    )
    sink.flush()
    code, out = run("timeliness", "--period", "2025-10", "--by", "service,type", "--format", "json")
    assert code == 0, out
    (row,) = json.loads(out)
    assert list(row) == [
        "service", "contact_type", "period", "responded", "within_target",
        "within_target_pct", "median_working_days", "open_overdue",
    ]  # fmt: skip
    code, out = run("followups", "--format", "json")
    (follow_up,) = json.loads(out)
    assert list(follow_up) == [
        "followup_id", "contact_id", "service", "opened_at", "due", "status", "overdue",
    ]  # fmt: skip
    code, out = run("followups", "update", follow_up["followup_id"], "--status",
                    "closed_without_action")  # fmt: skip
    assert code == 1 and "reason" in out
    code, out = run("followups", "update", follow_up["followup_id"], "--status", "resolved",
                    "--note", "apologised, bin collected")  # fmt: skip
    assert code == 0, out
    code, out = run("followups", "--overdue", "--format", "json")
    assert json.loads(out) == []
    code, out = run("publish", "satisfaction", "--year", "2025/26")
    assert code == 0, out
    published = Path(home.url.database or "").parent / "outputs" / "published"
    csv_text = (published / "satisfaction-2025-26.csv").read_text()
    assert "<5" in csv_text and "Jo Bloggs" not in csv_text
    code, out = run("publish", "satisfaction", "--year", "2025/26-Q3")
    assert code == 1 and "financial year" in out


def test_satisfaction_and_timeliness_default_to_the_last_full_quarter(
    home: Engine, stored_contacts: StoreContacts
) -> None:
    quarter = last_full_period("quarter", local_date(datetime.now(UTC)))
    inside = datetime.combine(quarter.start + timedelta(days=10), time(12), UTC)
    before = datetime.combine(quarter.start - timedelta(days=10), time(12), UTC)
    contacts = stored_contacts(
        home, ContactSpec("Q-IN", when=inside), ContactSpec("Q-OUT", when=before)
    )
    sink = SqlContactSink(home)
    for contact, rated in zip(contacts, (inside, before), strict=True):
        sink.add_rating(
            RatingReceived(
                rating_id=uuid.uuid4(), contact_id=contact.contact_id, rated_at=rated, score=5
            )
        )
    sink.flush()
    done = CliRunner().invoke(app, ["satisfaction", "--format", "json"])
    assert done.exit_code == 0, done.output
    (row,) = json.loads(done.stdout)
    assert (row["period"], row["ratings"]) == (quarter.label, 1)  # the earlier one is left out
    assert f"the last full quarter, {quarter.label}" in done.stderr
    done = CliRunner().invoke(app, ["timeliness", "--format", "json"])
    assert done.exit_code == 0, done.output
    assert [r["period"] for r in json.loads(done.stdout)] == [quarter.label]


def test_an_empty_period_names_the_one_holding_the_latest_data(
    home: Engine, stored_contacts: StoreContacts
) -> None:
    done = CliRunner().invoke(app, ["satisfaction", "--period", "2025-10", "--format", "json"])
    assert (done.exit_code, done.stdout) == (0, "[]\n")
    assert "no rating is stored yet" in done.stderr
    when = datetime(2025, 11, 20, 12, tzinfo=UTC)
    (contact,) = stored_contacts(home, ContactSpec("LATEST", when=when))
    sink = SqlContactSink(home)
    sink.add_rating(
        RatingReceived(
            rating_id=uuid.uuid4(), contact_id=contact.contact_id, rated_at=when, score=4
        )
    )
    sink.flush()
    done = CliRunner().invoke(app, ["satisfaction", "--period", "2026/27-Q1", "--format", "json"])
    assert (done.exit_code, done.stdout) == (0, "[]\n")
    assert (
        "no rating was given in 2026/27-Q1; the latest stored rating was given on "
        "20 November 2025, in 2025/26-Q3 (--period 2025/26-Q3)"
    ) in " ".join(done.stderr.split())
    done = CliRunner().invoke(app, ["timeliness", "--period", "2025-12", "--format", "json"])
    assert "the latest stored contact was received on 20 November 2025, in 2025-11" in " ".join(
        done.stderr.split()
    )
