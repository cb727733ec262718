"""Commands start without importing what they do not use: ``civicpulse --help`` lists every
command from ``civicpulse.cli``'s table without importing a command module, and each command
imports only its own libraries. Checked on ``sys.modules`` in a fresh interpreter, never timed
(``python -m bench startup`` measures the time)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import LAZY_COMMANDS, LAZY_GROUPS, app
from civicpulse.lazy_commands import first_paragraph

# Runs a civicpulse command as the console script does, then writes the top-level packages
# it imported to the file named by the first argument.
RUN_AND_LIST_IMPORTS = """
import json, sys
out, sys.argv = sys.argv[1], ["civicpulse", *sys.argv[2:]]
from civicpulse.cli import main
try:
    main()
except SystemExit:
    pass
with open(out, "w") as f:
    json.dump(sorted({name.partition(".")[0] for name in sys.modules}), f)
"""
# The worker, the model, the charts, the web server and what only some commands read.
NEVER_FOR_READING = {
    "faust",
    "mode",
    "sklearn",
    "scipy",
    "numpy",
    "pandas",
    "statsmodels",
    "matplotlib",
    "fastapi",
    "starlette",
    "uvicorn",
    "openpyxl",
    "bs4",
    "jinja2",
    "alembic",
    "workers",
    "classifiers",
    "insights",
    "web",
}
NEVER_FOR_HELP = NEVER_FOR_READING | {"sqlalchemy", "kafka", "httpx", "sinks", "ingest"}


def imported_by(tmp_path: Path, *args: str) -> set[str]:
    listed = tmp_path / "modules.json"
    env = {**os.environ, "CIVICPULSE_HOME": str(tmp_path / "home")}
    subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST_IMPORTS, str(listed), *args],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    return set(json.loads(listed.read_text()))


def test_help_imports_no_command_and_none_of_their_libraries(tmp_path: Path) -> None:
    imported = imported_by(tmp_path, "--help")
    assert "typer" in imported  # the probe ran
    assert imported & NEVER_FOR_HELP == set()


@pytest.mark.parametrize("command", [["status"], ["trends"], ["trends", "--help"]])
def test_read_commands_import_neither_the_worker_nor_the_model(
    tmp_path: Path, command: list[str]
) -> None:
    imported = imported_by(tmp_path, *command)
    assert "sinks" in imported  # the command ran far enough to read the database
    assert imported & NEVER_FOR_READING == set()


def test_trends_does_not_import_kafka(tmp_path: Path) -> None:
    assert "kafka" not in imported_by(tmp_path, "trends")


def test_help_lists_every_command_with_the_summary_of_its_own_help() -> None:
    for entry in (*LAZY_COMMANDS, *LAZY_GROUPS):
        command = entry.load()
        assert first_paragraph(command.short_help or command.help) == entry.summary, entry.name


def test_every_command_a_module_defines_is_in_the_table() -> None:
    listed = {entry.name for entry in (*LAZY_COMMANDS, *LAZY_GROUPS)}
    for entry in (*LAZY_COMMANDS, *LAZY_GROUPS):
        defined = set(entry.defined_by_target().commands)
        assert defined <= listed, f"{entry.target} defines {defined - listed}, not listed"


def test_help_shows_every_command_and_a_lazy_command_runs() -> None:
    shown = CliRunner().invoke(app, ["--help"])
    assert shown.exit_code == 0, shown.output
    for entry in (*LAZY_COMMANDS, *LAZY_GROUPS):
        assert f" {entry.name} " in shown.output
    listed = CliRunner().invoke(app, ["models", "--help"])
    assert listed.exit_code == 0, listed.output
    assert "promote" in listed.output  # the real group, loaded when asked for


def test_a_mistyped_command_is_refused_with_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["stauts"])
    assert result.exit_code == 2
    assert "No such command 'stauts'. Did you mean 'status'?" in result.output
