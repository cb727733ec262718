"""Normal output says what the command did, not what its libraries did: no Alembic INFO lines
from a command that migrates, no per-request lines from httpx, unless CIVICPULSE_LOG_LEVEL=DEBUG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def civicpulse(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with logging set up as its entry point sets it up."""
    return subprocess.run(
        [sys.executable, "-m", "civicpulse", *args],
        env={**os.environ, "CIVICPULSE_HOME": str(home), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_migration_prints_what_it_did_and_no_alembic_lines(tmp_path: Path) -> None:
    ran = civicpulse(tmp_path, "db", "upgrade")
    assert ran.returncode == 0, ran.stderr
    assert "migrated from schema revision (empty) to" in ran.stdout
    assert "alembic" not in ran.stdout + ran.stderr
    assert "INFO" not in ran.stdout + ran.stderr


def test_debug_logging_shows_the_migration_steps(tmp_path: Path) -> None:
    ran = civicpulse(tmp_path, "db", "upgrade", CIVICPULSE_LOG_LEVEL="DEBUG")
    assert ran.returncode == 0, ran.stderr
    assert "alembic.runtime.migration: Running upgrade" in ran.stderr


def test_a_command_sending_requests_logs_no_line_per_request(tmp_path: Path, api_port: int) -> None:
    quiet = civicpulse(tmp_path, "healthcheck", "api", CIVICPULSE_API_PORT=str(api_port))
    assert quiet.returncode == 0, quiet.stderr
    assert "is alive" in quiet.stdout
    assert "HTTP Request" not in quiet.stdout + quiet.stderr
    loud = civicpulse(
        tmp_path,
        "healthcheck",
        "api",
        CIVICPULSE_API_PORT=str(api_port),
        CIVICPULSE_LOG_LEVEL="DEBUG",
    )
    assert "HTTP Request: GET" in loud.stderr  # the same line is there to be silenced
