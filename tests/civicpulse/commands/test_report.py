"""``civicpulse digest`` and ``civicpulse report annual`` against a home with stored contacts:
files written, deliveries once, JSON contract, period names checked."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app
from contracts import last_full_period, local_date
from sinks import open_database
from tests.fixtures.contacts import ContactSpec, store_contacts

runner = CliRunner()
CONTACTS = [
    ("2025-10-06T09:00:00+01:00", "complaint", "fly_tipping"),
    ("2025-10-07T09:00:00+01:00", "complaint", "fly_tipping"),
    ("2025-10-08T09:00:00+01:00", "compliment", "missed_collection"),
    ("2024-10-08T09:00:00+01:00", "complaint", "fly_tipping"),
    ("2026-03-31T23:30:00+00:00", "enquiry", "bin_request"),  # 1 April 2026 in London
]


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CIVICPULSE_HOME", str(home))
    engine = open_database(f"sqlite:///{home / 'civicpulse.db'}")
    store_contacts(
        engine,
        *(
            ContactSpec(
                str(i),
                when=when,
                contact_type=kind,
                category=category,
                text="Someone has dumped a mattress and bags of rubbish by the bottle bank.",
                source_system="cli",
                model_version=None,
            )
            for i, (when, kind, category) in enumerate(CONTACTS)
        ),
    )
    engine.dispose()
    return home


def test_digest_writes_html_text_and_csv(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest"
    done = runner.invoke(
        app, ["digest", "--service", "Waste and recycling", "--period", "2025-10", "--to", str(out)]
    )
    assert done.exit_code == 0, done.output
    assert sorted(p.name for p in out.iterdir()) == ["digest.csv", "digest.html", "digest.txt"]
    rows = list(csv.DictReader(io.StringIO((out / "digest.csv").read_text(encoding="utf-8"))))
    fly = next(r for r in rows if r["category"] == "fly_tipping")
    assert (fly["count"], fly["same_period_last_year_count"], fly["direction_of_travel"]) == (
        "2",
        "1",
        "worse",
    )
    html = (out / "digest.html").read_text(encoding="utf-8")
    assert "2025-10 (October 2025)" in html and "data:image/png;base64," in html


def test_digest_send_delivers_once_to_configured_recipients(home: Path, tmp_path: Path) -> None:
    book = tmp_path / "recipients.yaml"
    book.write_text(
        f"directory: {tmp_path / 'sent'}\n"
        "recipients:\n"
        "  - {name: Waste team, services: [waste_recycling], channel: directory}\n"
        "  - {name: Parks team, services: [parks_open_spaces], channel: directory}\n",
        encoding="utf-8",
    )
    args = ["digest", "--service", "waste_recycling", "--period", "2025/26-Q3"]
    first = runner.invoke(app, [*args, "--send", "--recipients", str(book)])
    assert first.exit_code == 0, first.output
    assert "delivered" in first.output
    sent = tmp_path / "sent" / "Waste_team" / "2025-26-Q3_waste_recycling"
    assert (sent / "digest.html").exists() and (sent / "message.eml").exists()
    assert not (tmp_path / "sent" / "Parks_team").exists()
    second = runner.invoke(app, [*args, "--send", "--recipients", str(book)])
    assert second.exit_code == 0 and "already_delivered" in second.output


def test_digest_refuses_unknown_names(home: Path, tmp_path: Path) -> None:
    bad_period = runner.invoke(
        app, ["digest", "--service", "parking", "--period", "October", "--to", str(tmp_path)]
    )
    assert bad_period.exit_code == 1 and "2025/26-Q3" in bad_period.output
    bad_service = runner.invoke(
        app, ["digest", "--service", "dragons", "--period", "2025-10", "--to", str(tmp_path)]
    )
    assert bad_service.exit_code == 1 and "unknown service" in bad_service.output
    nowhere = runner.invoke(app, ["digest", "--service", "parking", "--period", "2025-10"])
    assert nowhere.exit_code == 1 and "--to" in nowhere.output


def test_report_annual_json_csv_and_html(home: Path, tmp_path: Path) -> None:
    done = runner.invoke(app, ["report", "annual", "--year", "2025/26", "--format", "json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["year"], data["from"], data["to"]) == ("2025/26", "2025-04-01", "2026-03-31")
    assert data["totals"] == {"complaint": 2, "compliment": 1, "enquiry": 0, "suggestion": 0}
    assert data["rows"][0] == {
        "partner": "council",
        "partner_name": "Halton Borough Council",
        "service": "waste_recycling",
        "service_name": "Waste and recycling",
        "contact_type": "complaint",
        "count": 2,
        "previous_year_count": 1,
    }
    published = runner.invoke(app, ["report", "annual", "--year", "2025/26", "--format", "csv"])
    assert published.exit_code == 0
    assert (
        "partner_service,2025/26,Halton Borough Council,Waste and recycling,,,complaint,,<5,,<5,"
        in (published.stdout)
    )
    page = tmp_path / "annual.html"
    written = runner.invoke(app, ["report", "annual", "--year", "2025/26", "--output", str(page)])
    assert written.exit_code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    wrong = runner.invoke(app, ["report", "annual", "--year", "2025-10"])
    assert wrong.exit_code == 1 and "financial year" in wrong.output


def test_digest_for_a_period_without_contacts_says_so_and_fails(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty"
    args = ["digest", "--service", "waste_recycling", "--period", "2023-05", "--to", str(out)]
    done = runner.invoke(app, args)
    assert done.exit_code != 0
    assert "no contacts for waste_recycling in 2023-05" in done.output
    # 31 March 2026 23:30 UTC is 1 April in London: the latest month holding contacts
    assert (
        "the latest contact stored, of any service, is in 2026-04 (--period 2026-04)" in done.output
    )
    assert not out.exists()


def test_digest_without_a_period_takes_the_last_full_month(home: Path, tmp_path: Path) -> None:
    expected = last_full_period("month", local_date(datetime.now(UTC))).label
    out = tmp_path / "latest"
    done = runner.invoke(app, ["digest", "--service", "waste_recycling", "--to", str(out)])
    assert f"no --period: the last full month, {expected}" in done.output
    # This home's contacts are all older than that month: it fails and says where they are
    assert done.exit_code != 0 and "(--period 2026-04)" in done.output


def test_annual_report_for_a_year_without_contacts_says_so_and_fails(home: Path) -> None:
    done = runner.invoke(app, ["report", "annual", "--year", "2019/20", "--format", "json"])
    assert done.exit_code != 0
    assert "no contacts in 2019/20" in done.output
