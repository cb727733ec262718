"""Run by test_dockerfile.py in a fresh interpreter that sees only the installed wheel and the
third-party packages it declares: import every module of every package, run ``civicpulse
--help`` through the console script's entry point and every (sub)command's ``--help``.

Usage: python -S -P import_everything.py TARGET BLOCKED_JSON ENTRY_POINT PACKAGE...
Prints one JSON line: {"failures": {what: why}, "commands": ["db upgrade", ...]}.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from typing import Any


def import_all(target: str, packages: list[str], failures: dict[str, str]) -> None:
    for package in packages:
        try:
            path = importlib.import_module(package).__path__
        except BaseException as exc:  # every failure is reported, none stops us
            failures[package] = f"{type(exc).__name__}: {exc}"
            continue
        names = [package] + [
            m.name for m in pkgutil.walk_packages(path, package + ".", onerror=lambda _: None)
        ]
        for name in names:
            if name.endswith(".__main__"):
                continue  # importing it runs the program
            try:
                module = importlib.import_module(name)
                if not str(module.__file__).startswith(target):
                    raise ImportError(f"imported from {module.__file__}, not the image")
            except BaseException as exc:
                failures[name] = f"{type(exc).__name__}: {exc}"


def run_help(entry: str, failures: dict[str, str]) -> list[str]:
    import typer
    import typer.main
    from typer.testing import CliRunner

    module_name, _, function = entry.partition(":")
    cli: Any = importlib.import_module(module_name)
    sys.argv = ["civicpulse", "--help"]
    try:
        getattr(cli, function)()
    except SystemExit as exc:
        if exc.code not in (0, None):
            failures["civicpulse --help"] = f"exit {exc.code}"
    commands: list[list[str]] = []

    def walk(command: Any, path: list[str]) -> None:
        commands.append(path)
        if not hasattr(command, "list_commands"):
            return
        context = typer.Context(command)  # get_command loads a lazy subcommand for real
        for name in command.list_commands(context):
            walk(command.get_command(context, name), [*path, name])

    walk(typer.main.get_command(cli.app), [])
    for path in commands:
        result = CliRunner().invoke(cli.app, [*path, "--help"])
        if result.exit_code != 0:
            shown = " ".join(["civicpulse", *path, "--help"])
            failures[shown] = f"{result.exception!r} {result.output[-500:]}"
    return [" ".join(p) for p in commands]


def main() -> None:
    target, blocked, entry, *packages = sys.argv[1:]
    for name in json.loads(blocked):
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ModuleNotFoundError
    failures: dict[str, str] = {}
    import_all(target, packages, failures)
    commands = [] if failures else run_help(entry, failures)
    print(json.dumps({"failures": failures, "commands": commands}))


if __name__ == "__main__":
    main()
