"""Contacts per second through the Faust worker on an N-row CRM export, beside, in the same
run: a plain kafka-python consumer doing the worker's work (the same batch function, each
stored contact's event published on ``contacts.classified``, offsets committed), the
one-at-a-time path (the same, each contact stored in a transaction of its own), the batch
function's µs per contact with where they go, and the peer pipelines of
/work/shared/peer_bench when present.

    python -m bench worker --num 10000 [--workers 2] [--peers plain]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test] [--json worker.json]

Every path stores into a database of its own (with --database-url: a new database on that
server, dropped afterwards). Targets (issue 12): Faust worker >= 4,000/s on SQLite and
>= 3,000/s on PostgreSQL per process; batch path >= 8x the one-at-a-time path; two workers
>= 1.6x one. The machine is shared: read the ratios.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.worker_paths import (
    BatchCost,
    batch_cost,
    consumer_rate,
    faust_rate,
    fetch,
    fresh_database,
    peer_rates,
)
from civicpulse.embedded_broker import EmbeddedBroker
from classifiers import STARTER_DATASET, ModelRegistry, running_compiled, train_and_register
from config import Settings, load_crm_profiles, load_reference_data
from contracts import ContactReceived
from ingest import (
    KafkaPublisher,
    parse_crm_file,
    publish_contacts,
    read_table,
    resolve_profile,
)

REPO = Path(__file__).resolve().parents[1]
console = Console(width=120)
# The columns the council profile reads, in its order
HEADERS = list(load_crm_profiles(REPO / "config")["verint_council"].columns.values())


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    """A Verint-style export with starter texts, UK dates and real ward names."""
    rng = random.Random(seed)
    with (REPO / "classifiers/data/starter_contacts.csv").open(encoding="utf-8") as handle:
        texts = [r["text"] for r in csv.DictReader(handle)]
    wards = [w.name for w in load_reference_data(REPO / "config").wards]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADERS)
        for i in range(rows):
            day = rng.randint(1, 28)
            month, year = rng.randint(1, 12), rng.choice((2024, 2025))
            kind = rng.choice(("Complaint - Stage 1", "Compliment", "Service Request"))
            row = {
                "Case Reference": f"B{i:07d}",
                "Case Type": kind,
                "Description": rng.choice(texts),
                "Date Logged": f"{day:02d}/{month:02d}/{year} 10:{i % 60:02d}",
                "Ward": rng.choice(wards),
                "Contact Method": "Telephone",
            }
            out.writerow([row.get(h, "") for h in HEADERS])


def publish(settings: Settings, export: Path) -> tuple[int, float]:
    reference = load_reference_data(settings.config_dir)
    profile = resolve_profile("verint_council", load_crm_profiles(settings.config_dir))
    contacts = [
        c
        for c in parse_crm_file(export, profile=profile, reference=reference)
        if isinstance(c, ContactReceived)
    ]
    publisher = KafkaPublisher(settings)
    started = time.perf_counter()
    sent = publish_contacts(publisher, contacts)
    publisher.close()
    return sent, time.perf_counter() - started


ONE_AT_A_TIME = 500  # contacts the one-at-a-time path stores (it is slow)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench worker", description=__doc__)
    parser.add_argument("--num", type=int, default=10_000, help="rows in the CRM export")
    parser.add_argument(
        "--database-url",
        "--dburl",
        default=None,
        help="a PostgreSQL server's URL (each path gets a new database there); default SQLite",
    )
    parser.add_argument("--workers", type=int, default=1, help="also run this many workers")
    parser.add_argument(
        "--peers",
        default="plain",
        help="peer_bench pipelines to run ('' for none), e.g. plain,faust",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civicpulse-bench-"))
    try:
        report = run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    reference = load_reference_data(REPO / "config")
    models = work / "models"
    console.print("training the starter model ...")
    train_and_register(
        ModelRegistry(models), reference.taxonomy, dataset=read_table(STARTER_DATASET)
    )
    classifier = ModelRegistry(models).load_promoted()
    export = work / "export.csv"
    write_export(export, args.num)
    rates: dict[str, float] = {}
    with EmbeddedBroker() as broker:
        run_id = uuid.uuid4().hex[:6]
        base = Settings(
            home=work / "faust",
            kafka_bootstrap=broker.bootstrap,
            topic_prefix=f"bench{run_id}.",
            worker_app_id=f"bench-{run_id}",
        )
        shutil.copytree(models, base.home / "models")
        sent, publish_seconds = publish(base, export)
        rates["publish"] = sent / publish_seconds
        console.print(f"published {sent} contacts in {publish_seconds:.1f}s")

        def on(name: str) -> Any:
            return fresh_database(args.database_url, work, name)

        ready: dict[int, float] = {}
        for workers in sorted({1, args.workers}):
            console.print(f"{workers} Faust worker(s) ...")
            with on(f"faust{workers}") as url:
                settings = base.with_changes(
                    database_url=url, worker_app_id=f"bench-{run_id}-{workers}"
                )
                rates[f"faust{workers}"], ready[workers] = faust_rate(settings, sent, workers)
        console.print("plain kafka-python consumer, same work ...")
        with on("plain") as url:
            plain = base.with_changes(database_url=url)
            rates["plain"] = consumer_rate(plain, sent, classifier, one_at_a_time=False)
        console.print(f"one at a time ({min(sent, ONE_AT_A_TIME)} contacts) ...")
        with on("single") as url:
            single = base.with_changes(database_url=url)
            rates["single"] = consumer_rate(
                single, min(sent, ONE_AT_A_TIME), classifier, one_at_a_time=True
            )
        console.print("the batch function alone ...")
        messages = fetch(base, sent)
        with on("batchfn") as url:
            cost = batch_cost(url, messages, classifier, base.worker_batch_size)
    peers_wanted = [p for p in args.peers.split(",") if p]
    if peers_wanted:
        console.print(f"peer pipelines ({', '.join(peers_wanted)}) ...")
    peers = peer_rates(work, REPO / "classifiers/data/starter_contacts.csv", sent, peers_wanted)
    backend = "postgresql" if args.database_url else "sqlite"
    show(rates, ready, cost, peers, sent, backend)
    return {
        "contacts": sent,
        "database": backend,
        "cpus": os.cpu_count(),
        # the interpreter's build moves the figures (bench/PROFILE.md, fifth session)
        "python": {"version": platform.python_version(), "executable": sys.executable},
        # compiled by mypyc, or the Python source (CIVICPULSE_PURE_PYTHON, or not built)
        "redaction": "compiled" if running_compiled() else "python",
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "contacts_per_s": {k: round(v) for k, v in rates.items()},
        "peers_contacts_per_s": peers,
        "batch_function": asdict(cost),
        "ratios": {
            "faust1_vs_plain": round(rates["faust1"] / rates["plain"], 3),
            "faust1_vs_one_at_a_time": round(rates["faust1"] / rates["single"], 2),
            "plain_vs_one_at_a_time": round(rates["plain"] / rates["single"], 2),
            **(
                {
                    f"faust{args.workers}_vs_faust1": round(
                        rates[f"faust{args.workers}"] / rates["faust1"], 2
                    )
                }
                if args.workers > 1
                else {}
            ),
            **(
                {"faust1_vs_peer_plain": round(rates["faust1"] / peers["plain"], 3)}
                if "plain" in peers
                else {}
            ),
        },
    }


def show(
    rates: dict[str, float],
    ready: dict[int, float],
    cost: BatchCost,
    peers: dict[str, float],
    sent: int,
    backend: str,
) -> None:
    table = Table(
        title=f"Contacts through the worker ({sent:,} contacts, {backend}, "
        f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, "
        f"Python {platform.python_version()} at {sys.executable})"
    )
    for column in ("path", "contacts/s", "vs plain consumer", "vs one at a time"):
        table.add_column(column, justify="left" if column == "path" else "right")

    def row(label: str, rate: float) -> None:
        table.add_row(
            label, f"{rate:,.0f}", f"{rate / rates['plain']:.2f}x", f"{rate / rates['single']:.1f}x"
        )

    table.add_row("publish (kafka-python, acks=all)", f"{rates['publish']:,.0f}", "", "")
    for key in sorted(k for k in rates if k.startswith("faust")):
        n = int(key.removeprefix("faust"))
        row(f"Faust worker x{n} (ready after {ready[n]:.1f}s)", rates[key])
    row("baseline: plain kafka-python consumer, same work", rates["plain"])
    row("one at a time (a transaction per contact)", rates["single"])
    table.add_row(
        "batch function alone (wall; CPU)",
        f"{1e6 / cost.wall_us:,.0f}",
        f"{cost.wall_us:.0f} µs",
        f"{cost.cpu_us:.0f} µs CPU",
    )
    for name, rate in peers.items():
        row(f"peer_bench {name} (simpler work: 1 head, 2 rows)", rate)
    console.print(table)
    steps = Table(title="Batch function: CPU µs per contact by step")
    steps.add_column("step")
    steps.add_column("µs/contact", justify="right")
    for name, us in cost.steps_us.items():
        steps.add_row(name, f"{us:.0f}")
    console.print(steps)
