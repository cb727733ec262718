"""Subcommands loaded only when they run, so ``civicpulse --help`` and a read command do not
import Faust, scikit-learn, matplotlib and the rest for commands they never call.

``civicpulse --help`` lists each lazy command by the summary recorded here, without importing
it; ``tests/civicpulse/test_startup.py`` checks every summary against the real help.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

import typer
import typer.main
from typer.core import TyperCommand, TyperGroup


@dataclass(frozen=True)
class LazyCommand:
    """A subcommand defined elsewhere: ``target`` is ``module:attribute``, where the attribute
    is a Typer sub-app (added under ``name``) or a ``register(app)`` function that adds it."""

    name: str
    target: str
    summary: str
    """The first paragraph of the command's help, as ``civicpulse --help`` shows it."""

    def load(self) -> Any:
        """Import the target and build this command (a click command of Typer's click)."""
        command = self.defined_by_target().commands.get(self.name)
        if command is None:
            raise LookupError(f"{self.target} does not define the command {self.name!r}")
        _listed_on_one_line(command)
        return command

    def defined_by_target(self) -> TyperGroup:
        """Every command the target adds, as a group (a ``register`` may add several)."""
        module_name, _, attribute = self.target.partition(":")
        found: Any = getattr(importlib.import_module(module_name), attribute)
        holder = typer.Typer()
        if isinstance(found, typer.Typer):
            holder.add_typer(found, name=self.name)
        else:
            found(holder)
        return typer.main.get_group(holder)


def first_paragraph(help_text: str | None) -> str:
    """What a group's help listing shows of a command's help: its first paragraph, on one line
    (Typer's rich listing would keep a docstring's line breaks)."""
    return " ".join(inspect.cleandoc(help_text or "").split("\n\n")[0].split())


def _listed_on_one_line(command: Any) -> None:
    """Give ``command`` and every subcommand the short help a listing shows, on one line."""
    if command.short_help is None and command.help:
        command.short_help = first_paragraph(command.help)
    for subcommand in getattr(command, "commands", {}).values():
        _listed_on_one_line(subcommand)


class _Listed(TyperCommand):
    """Stands in for a lazy command in the help listing; never run."""


class LazyGroup(TyperGroup):
    """A Typer group whose ``lazy`` commands are imported when resolved, not when listed.

    ``commands_first`` are listed before the commands defined on the group itself and
    ``groups_after`` after them, the order Typer gives its own commands and sub-apps."""

    commands_first: ClassVar[tuple[LazyCommand, ...]] = ()
    groups_after: ClassVar[tuple[LazyCommand, ...]] = ()

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        self._lazy = {c.name: c for c in (*self.commands_first, *self.groups_after)}
        self._listing = False
        own = dict(self.commands)
        for command in own.values():
            _listed_on_one_line(command)
        self.commands.clear()
        for entry in self.commands_first:
            self.commands[entry.name] = _Listed(name=entry.name, help=entry.summary)
        self.commands.update(own)
        for entry in self.groups_after:
            self.commands[entry.name] = _Listed(name=entry.name, help=entry.summary)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Listed) and not self._listing:
            command = self._lazy[cmd_name].load()
            self.commands[cmd_name] = command
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        with self._listing_only():
            super().format_help(ctx, formatter)

    @contextmanager
    def _listing_only(self) -> Iterator[None]:
        self._listing = True
        try:
            yield
        finally:
            self._listing = False


def lazy_group(
    *, commands_first: tuple[LazyCommand, ...], groups_after: tuple[LazyCommand, ...]
) -> type[LazyGroup]:
    """A LazyGroup class for ``typer.Typer(cls=...)``, which builds the group itself."""
    return type(
        "CivicPulseCommands",
        (LazyGroup,),
        {"commands_first": commands_first, "groups_after": groups_after},
    )
