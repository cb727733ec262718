"""What a command says when it cannot start on what it was given: a home where nothing ran
yet, a database without its schema (``reading_database``: one line naming the database and what
to do, never a traceback, and no empty database created on the way), a refused setting, a path
that cannot be written. Each is one line, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from psycopg.errors import UndefinedTable
from sqlalchemy.exc import ProgrammingError
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.context import command_context, reading_database
from tests.fixtures.postgres import fresh_postgres_database

SOMEONE = str(uuid.uuid4())
READ_COMMANDS = [
    ["trends"],
    ["alerts", "--period", "month"],
    ["satisfaction", "--period", "2025-10"],
    ["timeliness", "--period", "2025-10"],
    ["followups"],
    ["followups", "update", SOMEONE, "--status", "resolved"],
    ["ratings", "link", SOMEONE],
    ["review"],
    ["review", "confirm", SOMEONE],
    ["contacts", "export"],
    ["publish", "satisfaction", "--year", "2025/26"],
    ["digest", "--service", "waste_recycling", "--period", "2025-10", "--to", "digest-out"],
    ["report", "annual", "--year", "2025/26"],
    ["deliveries", "list"],
    ["actions", "list"],
    ["staff", "token", "list"],
    ["staff", "token", "revoke", SOMEONE],
    ["staff", "audit"],
    ["healthcheck", "worker"],
]


def run(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(app, list(args))
    return done.exit_code, done.output


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_home_where_nothing_ran_is_named_and_left_empty(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path / "home"))
    code, out = run(*command)
    assert code == 1, out
    assert f"there is no database at {tmp_path / 'home' / 'civicpulse.db'}" in out
    assert "Traceback" not in out
    assert not (tmp_path / "home" / "civicpulse.db").exists()  # not created empty


@pytest.mark.parametrize("command", [READ_COMMANDS[0], READ_COMMANDS[2], READ_COMMANDS[4]])
def test_a_sqlite_file_without_the_schema_says_how_to_create_it(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite3.connect(tmp_path / "civicpulse.db").close()  # a file, no tables
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    code, out = run(*command)
    assert code == 1, out
    assert "civicpulse db upgrade" in out and "Traceback" not in out


@pytest.fixture()
def empty_postgres_url() -> Iterator[str]:
    """A database of its own on the PostgreSQL server, with no tables."""
    with fresh_postgres_database() as url:
        yield url


@pytest.mark.postgres
@pytest.mark.parametrize("command", [READ_COMMANDS[0], READ_COMMANDS[2], READ_COMMANDS[9]])
def test_a_postgres_database_without_the_schema_says_how_to_create_it(
    command: list[str], empty_postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    monkeypatch.setenv("CIVICPULSE_DATABASE_URL", empty_postgres_url)
    code, out = run(*command)
    assert code == 1, out
    assert "does not exist" in out and "civicpulse db upgrade" in out
    assert "Traceback" not in out


def test_a_refused_setting_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICPULSE_API_PORT", "eighty")
    monkeypatch.setenv("CIVICPULSE_DATABASE_URL", "mysql://jo:hunter2@db/civicpulse")
    code, out = run("trends")
    said = " ".join(out.split())
    assert code == 1 and "Traceback" not in out
    assert "CIVICPULSE_API_PORT='eighty': Input should be a valid integer" in said
    assert "CIVICPULSE_DATABASE_URL needs the 'mysql' driver" in said
    assert "hunter2" not in out  # a URL may carry a password: never echoed


def test_an_older_schema_says_how_to_bring_it_up_to_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite3.connect(tmp_path / "civicpulse.db") as connection:
        connection.execute("CREATE TABLE contact (contact_id TEXT PRIMARY KEY)")  # few columns
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    code, out = run("contacts", "export")
    said = " ".join(out.split())
    assert code == 1 and "Traceback" not in out
    assert "no such column" in said and "`civicpulse db upgrade` brings it up to date" in said


def test_a_path_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    """Through the console script's ``main`` (``python -m civicpulse``), as a user runs it."""
    (tmp_path / "notes.txt").write_text("a file, so nothing can be made inside it")
    unwritable = tmp_path / "notes.txt" / "schemas"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env["CIVICPULSE_HOME"] = str(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-m", "civicpulse", "schemas", "--out", str(unwritable)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"error: {unwritable}: Not a directory" in " ".join(done.stderr.split())


def test_a_missing_table_in_the_servers_own_language_still_says_how_to_create_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PostgreSQL server whose messages are in French says "n'existe pas": the advice
    follows its SQLSTATE (42P01, an undefined table), not the English words."""
    sqlite3.connect(tmp_path / "civicpulse.db").close()
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    french = UndefinedTable("la relation « contact » n'existe pas")
    with pytest.raises(typer.Exit), reading_database(command_context(), "contacts"):
        raise ProgrammingError("SELECT 1 FROM contact", {}, french)
    said = " ".join(capsys.readouterr().err.split())
    assert "n'existe pas" in said and "`civicpulse db upgrade` brings it up to date" in said
