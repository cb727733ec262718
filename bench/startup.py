"""How long a command takes to start: wall time of ``civicpulse --help``, ``status``,
``trends --help`` and ``trends`` (on a year of back-filled contacts) against ``python -c pass``
in the same run, and what each imports, from ``python -X importtime``.

    python -m bench startup [--repeat 5] [--json startup.json]

Targets (issue 12, on a calm machine): ``--help`` under 0.5 s, a read command under 2 s.
Prints a table, then the figures as one JSON object (also written to --json).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

console = Console() if sys.stdout.isatty() else Console(width=160)

BASELINE = "python -c pass"
# (shown name, arguments after the interpreter, target seconds or None)
COMMANDS: tuple[tuple[str, tuple[str, ...], float | None], ...] = (
    (BASELINE, ("-c", "pass"), None),
    ("civicpulse --help", ("-m", "civicpulse", "--help"), 0.5),
    ("civicpulse trends --help", ("-m", "civicpulse", "trends", "--help"), 2.0),
    ("civicpulse status", ("-m", "civicpulse", "status"), 2.0),
    ("civicpulse trends --last 1", ("-m", "civicpulse", "trends", "--last", "1"), 2.0),
    # Every month of the year: rich renders about 600 table rows, which is most of the time.
    ("civicpulse trends", ("-m", "civicpulse", "trends"), None),
)
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
TOP = 8


@dataclass
class Imports:
    """What ``-X importtime`` reported for one run of a command."""

    total_s: float
    modules: int
    by_package_s: dict[str, float]
    """Self time summed per top-level package: which libraries the command pays for."""
    top_modules_s: dict[str, float]
    """Cumulative time of the modules the command's own code imported first (depth 0)."""


@dataclass
class Figures:
    command: str
    runs_s: list[float]
    median_s: float
    ratio_to_baseline: float
    target_s: float | None
    imports: Imports | None = None
    meets_target: bool | None = field(default=None)


def run_once(args: tuple[str, ...], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False)
    return time.perf_counter() - started


def import_times(args: tuple[str, ...], env: dict[str, str]) -> Imports:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    packages: Counter[str] = Counter()
    top: Counter[str] = Counter()
    count = 0
    for line in done.stderr.splitlines():
        found = IMPORT_LINE.match(line)
        if found is None:
            continue
        own, cumulative, depth, name = found.groups()
        count += 1
        packages[name.partition(".")[0]] += int(own)
        if not depth:
            top[name] += int(cumulative)
    return Imports(
        total_s=sum(packages.values()) / 1e6,
        modules=count,
        by_package_s={k: v / 1e6 for k, v in packages.most_common(TOP)},
        top_modules_s={k: v / 1e6 for k, v in top.most_common(TOP)},
    )


def prepare_home(home: Path, env: dict[str, str]) -> None:
    """A migrated SQLite database with a year of back-filled contacts, so ``trends`` and
    ``status`` read real rows (no broker: ``status`` reports it missing, as on a cold box)."""
    for args in (
        ("db", "upgrade"),
        ("backfill", "--start", "2025-04-01", "--end", "2026-03-31", "--per-year", "2000"),
    ):
        subprocess.run(
            [sys.executable, "-m", "civicpulse", *args], env=env, capture_output=True, check=True
        )


def measure(repeat: int, env: dict[str, str]) -> list[Figures]:
    runs: dict[str, list[float]] = {name: [] for name, _, _ in COMMANDS}
    for _ in range(repeat):  # interleaved, so a busy moment hits every command alike
        for name, args, _ in COMMANDS:
            runs[name].append(run_once(args, env))
    baseline = statistics.median(runs[BASELINE])
    figures = []
    for name, args, target in COMMANDS:
        median = statistics.median(runs[name])
        figures.append(
            Figures(
                command=name,
                runs_s=[round(r, 3) for r in runs[name]],
                median_s=round(median, 3),
                ratio_to_baseline=round(median / baseline, 1),
                target_s=target,
                imports=import_times(args, env),
                meets_target=None if target is None else median < target,
            )
        )
    return figures


def show(figures: list[Figures], load: tuple[float, float, float]) -> None:
    table = Table(title=f"Command start-up (median of runs; load average {load[0]:.1f})")
    for column in ("command", "median s", "min s", "x pass", "target", "import s", "modules"):
        table.add_column(column, justify="left" if column == "command" else "right")
    table.add_column("heaviest packages (import s, own time)")
    for f in figures:
        imports = f.imports
        assert imports is not None
        heaviest = ", ".join(
            f"{k} {v:.2f}" for k, v in list(imports.by_package_s.items())[:5] if v >= 0.005
        )
        target = ""
        if f.target_s is not None:
            target = f"< {f.target_s:g} s: {'met' if f.meets_target else 'MISSED'}"
        table.add_row(
            f.command,
            f"{f.median_s:.2f}",
            f"{min(f.runs_s):.2f}",
            f"{f.ratio_to_baseline:.1f}",
            target,
            f"{imports.total_s:.2f}",
            str(imports.modules),
            heaviest,
        )
    console.print(table)
    console.print(
        "x pass: median wall time over `python -c pass`'s in the same run. import s: the sum of "
        "-X importtime's own times (one extra run, which the timing adds to). The targets are "
        "for a calm machine: read the ratio when other work is running."
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench startup", description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")},
            "CIVICPULSE_HOME": folder,
        }
        prepare_home(Path(folder), env)
        figures = measure(args.repeat, env)
    load = os.getloadavg()
    show(figures, load)
    report = {
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in load],
        "repeat": args.repeat,
        "commands": [asdict(f) for f in figures],
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0
