"""What every command starts from: settings from the environment, logging, reference data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape

from config import ReferenceData, Settings, configure_logging, load_reference_data, load_settings
from contracts import PipelineError

if TYPE_CHECKING:
    from sqlalchemy import Engine

# Tables are wide; when output is not a terminal (logs, CI) do not squeeze them into 80 columns.
console = Console() if sys.stdout.isatty() else Console(width=160)
errors = Console(stderr=True)


@dataclass
class CommandContext:
    settings: Settings

    @cached_property
    def reference(self) -> ReferenceData:
        return load_reference_data(self.settings.config_dir)


def command_context() -> CommandContext:
    try:
        settings = load_settings()
    except ValidationError as exc:
        raise fail("; ".join(_setting_problems(exc))) from exc
    configure_logging(settings)
    return CommandContext(settings)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` (plain text, never markup) to stderr and return the Exit to raise."""
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def fail_on(exc: PipelineError) -> typer.Exit:
    return fail(str(exc))


# PostgreSQL's SQLSTATE codes for an undefined table and an undefined column
_UNDEFINED_TABLE_OR_COLUMN = frozenset(("42P01", "42703"))
_MISSING_WORDS = ("no such table", "no such column", "does not exist")


@contextmanager
def reading_database(ctx: CommandContext, what: str) -> Iterator[Engine]:
    """The database, for a command that reads ``what`` from it (or changes rows that must be
    there). A SQLite file that is not there is reported, not created: an empty database would
    hide a mistyped CIVICPULSE_HOME. A database error ends the command with one line naming
    the database, not a traceback."""
    from sqlalchemy.exc import SQLAlchemyError

    from sinks import SinkError, database_missing, make_engine

    engine = make_engine(ctx.settings.sqlalchemy_url, must_exist=True)
    where = engine.url.render_as_string(hide_password=True)
    try:
        if database_missing(engine):  # a SQLite file that is not there
            raise fail(
                f"cannot read {what}: there is no database at {engine.url.database}, so nothing "
                "is stored in this home yet (`civicpulse up` or `civicpulse demo` stores "
                "contacts; CIVICPULSE_HOME or CIVICPULSE_DATABASE_URL names another)"
            )
        yield engine
    except (SQLAlchemyError, SinkError) as exc:
        raise fail(f"cannot read {what} from {where}: {_database_problem(exc)}") from exc
    finally:
        engine.dispose()


def _setting_problems(exc: ValidationError) -> list[str]:
    """Each refused ``CIVICPULSE_*`` variable and why; a value is shown unless it may hold a
    secret (a URL may carry a password)."""
    problems = []
    for error in exc.errors():
        name = "CIVICPULSE_" + "_".join(str(part) for part in error["loc"]).upper()
        why = error["msg"].removeprefix("Value error, ")
        shown = not any(word in name for word in ("PASSWORD", "SECRET", "TOKEN", "URL"))
        problems.append(f"{name}={error['input']!r}: {why}" if shown else f"{name} {why}")
    return problems


def _database_problem(exc: Exception) -> str:
    """The database's own words (first line), and what to do when its tables are missing."""
    orig = getattr(exc, "orig", None)
    reason = str(orig or exc).strip().splitlines()[0]
    # PostgreSQL says it in the server's language ("la relation ... n'existe pas"), under a
    # code that does not change; SQLite has no such code, and says it in English
    missing = getattr(orig, "sqlstate", None) in _UNDEFINED_TABLE_OR_COLUMN
    if missing or any(words in reason for words in _MISSING_WORDS):
        reason += (
            "; the database's schema is missing or older than this CivicPulse: "
            "`civicpulse db upgrade` brings it up to date"
        )
    return reason
