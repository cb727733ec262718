"""``civicpulse status`` on the schema: the revision found beside the one the code needs, and
not OK (with what to do) when they differ, older or newer. No broker runs here: the broker and
worker lines say so, and only the database's part is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from civicpulse.cli import app
from sinks import head_revision, make_engine, migrate


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    engine = make_engine(f"sqlite:///{tmp_path / 'civicpulse.db'}")
    try:
        migrate(engine)
    finally:
        engine.dispose()
    return tmp_path


def database_status(home: Path, revision: str | None = None) -> dict[str, object]:
    if revision is not None:
        engine = make_engine(f"sqlite:///{home / 'civicpulse.db'}")
        try:
            with engine.begin() as connection:
                connection.execute(
                    text("UPDATE alembic_version SET version_num = :v"), {"v": revision}
                )
        finally:
            engine.dispose()
    done = CliRunner().invoke(app, ["status", "--format", "json"])
    assert done.exit_code == 1, done.output  # no broker, no worker
    report: dict[str, object] = json.loads(done.stdout)["database"]
    return report


def test_the_schema_this_code_needs_is_ok(home: Path) -> None:
    found = database_status(home)
    assert (found["schema"], found["schema_current"], found["error"]) == (
        head_revision(),
        True,
        None,
    )


def test_an_older_schema_is_not_ok_and_says_what_migrates_it(home: Path) -> None:
    found = database_status(home, "0001")
    assert (found["schema"], found["schema_current"]) == ("0001", False)
    assert f"needs {head_revision()}" in str(found["error"])
    assert "civicpulse db upgrade" in str(found["error"])


def test_a_newer_schema_is_not_ok_and_names_both_revisions(home: Path) -> None:
    found = database_status(home, "0099_later")
    assert (found["schema"], found["schema_current"]) == ("0099_later", False)
    assert "a newer CivicPulse migrated it" in str(found["error"])
