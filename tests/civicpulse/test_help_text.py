"""Every command's ``--help`` shows all of its text at 80 columns (a piped or narrow terminal):
no option name or word cut to "…", no "[...]" in a help string taken for rich markup and
dropped, and each listed command's summary wrapped by the terminal, not by its docstring."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from rich.text import Text
from typer.core import TyperGroup
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.lazy_commands import first_paragraph


def _commands(group: TyperGroup, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    context = group.make_context("civicpulse", [], resilient_parsing=True)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        assert command is not None, name
        if isinstance(command, TyperGroup):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name)


def _command(path: tuple[str, ...]) -> Any:
    command: Any = typer.main.get_group(app)
    for name in path:
        assert isinstance(command, TyperGroup)
        context = command.make_context("civicpulse", [], resilient_parsing=True)
        command = command.get_command(context, name)
    assert command is not None, path
    return command


COMMANDS = sorted(_commands(typer.main.get_group(app)))
GROUPS = [(), *sorted({path[:-1] for path in COMMANDS if len(path) > 1})]


def test_every_command_is_walked() -> None:
    assert ("train",) in COMMANDS and ("models", "promote") in COMMANDS
    assert len(COMMANDS) > 30


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_is_shown_whole_at_80_columns(path: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "80"})
    assert shown.exit_code == 0, shown.output
    assert max(map(len, shown.output.splitlines())) <= 80  # the width was the one asked for
    cut = [line for line in shown.output.splitlines() if "…" in line]
    assert not cut, f"civicpulse {' '.join(path)} --help cuts text:\n" + "\n".join(cut)
    assert "``" not in shown.output  # a docstring's code markup means nothing on a terminal


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_no_option_help_is_taken_for_markup(path: tuple[str, ...]) -> None:
    for param in _command(path).params:
        text = getattr(param, "help", None) or ""
        assert Text.from_markup(text).plain == text, f"{param.name}: {text!r}"


@pytest.mark.parametrize("path", GROUPS, ids=lambda path: " ".join(path) or "civicpulse")
def test_a_listing_shows_each_summary_on_one_line(path: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    group = _command(path)
    context = group.make_context("civicpulse", [], resilient_parsing=True)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        summary = first_paragraph(command.short_help or command.help)
        assert summary, name
        assert any(summary in line for line in shown.output.splitlines()), (name, summary)
