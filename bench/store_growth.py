"""``python -m bench store``: what the contact sink's flush costs per contact as the database
grows, split by statement, in the worker's 500-contact batches; no broker, no model.

The contacts are ``samples.history``'s seven years, oldest first, as a CRM export in date
order: its service, category, ward and partner mixes, so that batches share trend cells as a
council's do. A back-fill's store step grows with the database: contact ids are hashes
(random places in the primary key), and each contact moves five trend cells, so each commit
writes more distinct pages as the file grows. This shows where that time goes (a profile,
not a target):

    python -m bench store [--contacts 160000] [--database-url URL] [--json out.json]

"rest" is the flush's time outside its SQL statements: building the rows in Python (about
35 µs), and the commit, where SQLite writes the transaction's pages to its log (and
checkpoints the log every 64 MB).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, event

from bench.worker_paths import fresh_database
from classifiers import STARTER_DATASET
from config import load_reference_data
from samples import HistoricContact, HistoryPlan, generate_history, load_texts
from sinks import PublicWording, SqlContactSink, open_database

console = Console() if sys.stdout.isatty() else Console(width=160)
BATCH = 500  # contacts per flush, as the worker's back-fill envelopes
STEP = 20_000  # contacts between two rows of the table
REPO = Path(__file__).resolve().parents[1]
_GROWTH_OVER_SEVEN_YEARS = sum((1 + HistoryPlan.growth) ** year for year in range(7))
_STATEMENTS = ("trend_count", "contact", "contact_personal")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench store", description=__doc__)
    parser.add_argument("--contacts", type=int, default=160_000)
    parser.add_argument(
        "--database-url",
        default=None,
        help="a PostgreSQL server's URL (a new database there, dropped afterwards); "
        "default: a new SQLite file",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory(prefix="civicpulse-bench-store-") as work,
        fresh_database(args.database_url, Path(work), "store") as url,
    ):
        engine = open_database(url)
        try:
            steps = measure(engine, args.contacts)
        finally:
            engine.dispose()
    show(steps)
    if args.json:
        args.json.write_text(json.dumps({"batch": BATCH, "steps": steps}, indent=2) + "\n")
    return 0


def measure(engine: Engine, total: int) -> list[dict[str, Any]]:
    seconds: defaultdict[str, float] = defaultdict(float)
    started: dict[int, float] = {}

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, *_: Any) -> None:
        started[id(conn)] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seconds[_statement_name(statement)] += time.perf_counter() - started[id(conn)]

    sink, contacts = SqlContactSink(engine), _contacts(total)
    steps: list[dict[str, Any]] = []
    stored, flush = 0, 0.0
    while stored < total:
        batch = list(itertools.islice(contacts, BATCH))
        if not batch:
            raise RuntimeError(f"the history held only {stored:,} contacts, not {total:,}")
        for item in batch:
            wording = PublicWording(subject=item.contact.subject, text=item.contact.text)
            sink.add(item.contact, item.classified, wording)
        clock = time.perf_counter()
        sink.flush()
        flush += time.perf_counter() - clock
        stored += len(batch)
        if stored % STEP == 0 or stored >= total:
            n = stored - (steps[-1]["stored"] if steps else 0)
            per = {name: round(seconds.pop(name, 0.0) / n * 1e6, 1) for name in _STATEMENTS}
            per["other statements"] = round(sum(seconds.values()) / n * 1e6, 1)
            per["rest (commit, Python)"] = round(flush / n * 1e6 - sum(per.values()), 1)
            steps.append(
                {"stored": stored, "flush_us": round(flush / n * 1e6, 1), **per, **_size(engine)}
            )
            console.print(f"{stored:,} stored: flush {flush / n * 1e6:.0f} µs a contact")
            seconds.clear()
            flush = 0.0
    return steps


def _size(engine: Engine) -> dict[str, float]:
    """The SQLite file's size in MB (its pages in use); nothing for other databases."""
    if engine.dialect.name != "sqlite":
        return {}
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
        size = connection.exec_driver_sql("PRAGMA page_size").scalar_one()
    return {"database_mb": round(pages * size / 2**20, 1)}


def _statement_name(statement: str) -> str:
    words = statement.split(maxsplit=3)
    if words[0] == "INSERT" and words[2].strip('"') in _STATEMENTS:
        return words[2].strip('"')
    return words[0]


def _contacts(total: int) -> Iterator[HistoricContact]:
    """``total`` contacts of ``samples.history``'s seven years (its service, category, ward
    and partner mixes, with model labels), oldest first, as a CRM export in date order."""
    plan = HistoryPlan(
        start=date(2019, 4, 1),
        end=date(2026, 3, 31),
        per_year=math.ceil(total * 1.15 / _GROWTH_OVER_SEVEN_YEARS),  # a margin: volumes vary
    )
    history = generate_history(
        plan, load_reference_data(REPO / "config"), load_texts(STARTER_DATASET)
    )
    return itertools.islice(history, total)


def show(steps: list[dict[str, Any]]) -> None:
    columns = ["flush_us", *_STATEMENTS, "other statements", "rest (commit, Python)"]
    table = Table(title=f"Contact sink flush, µs a contact ({BATCH}-contact batches)")
    table.add_column("contacts stored", justify="right")
    for column in columns:
        table.add_column("flush" if column == "flush_us" else column, justify="right")
    table.add_column("database MB", justify="right")
    for step in steps:
        size = f"{step['database_mb']:,.0f}" if "database_mb" in step else "-"
        table.add_row(f"{step['stored']:,}", *(f"{step[c]:.0f}" for c in columns), size)
    console.print(table)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
