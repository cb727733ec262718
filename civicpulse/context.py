"""What every command starts from: settings from the environment, logging, reference data."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cached_property

import typer
from rich.console import Console
from rich.markup import escape

from config import ReferenceData, Settings, configure_logging, load_reference_data, load_settings
from contracts import PipelineError

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
    settings = load_settings()
    configure_logging(settings)
    return CommandContext(settings)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` (plain text, never markup) to stderr and return the Exit to raise."""
    errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def fail_on(exc: PipelineError) -> typer.Exit:
    return fail(str(exc))
