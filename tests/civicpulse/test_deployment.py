"""``civicpulse db upgrade`` and ``civicpulse healthcheck api|worker`` as docker-compose runs
them: against a real database, a real intake API server and real heartbeat rows."""

from __future__ import annotations

import socket
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import update
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.embedded_broker import free_port
from sinks import head_revision, open_database, record_heartbeat
from sinks.db.tables import WorkerHeartbeatRow


def cli(env: dict[str, str], *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return " ".join((result.stdout + result.stderr).split())  # unwrapped


def test_db_upgrade_migrates_once_then_has_nothing_to_do(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'civicpulse.db'}"
    env = {"CIVICPULSE_HOME": str(tmp_path), "CIVICPULSE_DATABASE_URL": url}
    assert f"from schema revision (empty) to {head_revision()}" in cli(env, "db", "upgrade")
    assert f"already at schema revision {head_revision()}" in cli(env, "db", "upgrade")
    open_database(url, migrate_schema=False).dispose()  # what a worker then does


def test_db_upgrade_says_which_database_it_cannot_reach(tmp_path: Path) -> None:
    url = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/civicpulse"
    env = {"CIVICPULSE_HOME": str(tmp_path), "CIVICPULSE_DATABASE_URL": url}
    said = cli(env, "db", "upgrade", code=1)
    assert "cannot migrate the database at postgresql+psycopg://nobody@127.0.0.1" in said


def test_healthcheck_api_passes_while_the_api_answers(tmp_path: Path, api_port: int) -> None:
    env = {"CIVICPULSE_HOME": str(tmp_path), "CIVICPULSE_API_PORT": str(api_port)}
    assert f"Intake API at http://127.0.0.1:{api_port}/health is alive" in cli(
        env, "healthcheck", "api"
    )
    env["CIVICPULSE_API_HOST"] = "0.0.0.0"  # what compose sets: the check asks the loopback
    cli(env, "healthcheck", "api")


def test_healthcheck_api_fails_when_nothing_answers(tmp_path: Path) -> None:
    port = free_port()
    env = {"CIVICPULSE_HOME": str(tmp_path), "CIVICPULSE_API_PORT": str(port)}
    said = cli(env, "healthcheck", "api", "--timeout", "2", code=1)
    assert f"the intake API at http://127.0.0.1:{port}/health does not answer" in said


def test_healthcheck_worker_follows_this_hosts_heartbeat(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'civicpulse.db'}"
    env = {"CIVICPULSE_HOME": str(tmp_path), "CIVICPULSE_DATABASE_URL": url}
    host = socket.gethostname()
    engine = open_database(url)
    try:
        said = cli(env, "healthcheck", "worker", code=1)
        assert f"no running worker on {host} has recorded a heartbeat" in said
        record_heartbeat(
            engine,
            f"{host}:1",
            started_at=datetime.now(UTC),
            contacts_processed=0,
            model_version=None,
        )
        assert f"Worker on {host} is alive" in cli(env, "healthcheck", "worker")
        with engine.begin() as connection:  # the worker hangs: its heartbeat grows old
            connection.execute(
                update(WorkerHeartbeatRow).values(
                    last_seen_at=datetime.now(UTC) - timedelta(minutes=10)
                )
            )
        said = cli(env, "healthcheck", "worker", code=1)
        assert f"the worker on {host} last recorded a heartbeat 60" in said  # 600s and a bit
        assert "s ago, more than CIVICPULSE_WORKER_ALIVE_AFTER_SECONDS=15" in said
    finally:
        engine.dispose()


def test_healthcheck_worker_fails_on_an_unmigrated_database(tmp_path: Path) -> None:
    env = {"CIVICPULSE_HOME": str(tmp_path)}  # the default SQLite file, never created
    said = cli(env, "healthcheck", "worker", code=1)
    assert f"cannot read worker heartbeats: there is no database at {tmp_path}" in said
    assert not (tmp_path / "civicpulse.db").exists()  # and none is made
    sqlite3.connect(tmp_path / "civicpulse.db").close()  # a file without the schema
    said = cli(env, "healthcheck", "worker", code=1)
    assert "cannot read worker heartbeats from sqlite:///" in said
    assert "`civicpulse db upgrade` brings it up to date" in said
