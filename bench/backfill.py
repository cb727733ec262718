"""A CRM back-fill through ``civicpulse up``: rows/s into the stream, rows/s to stored, the
peak memory of the ingest process, the worker and the broker, how long a live web-form contact
sent 30% of the way through takes to be stored, and how long ``up`` takes to stop afterwards;
at each tenth of the rows, each process's resident memory and the rate since the tenth before.

The back-fill path (``civicpulse ingest csv``: envelopes on ``contacts.backfill``, confirmed
by id, checkpointed) runs beside the baseline, the plain one-topic path it replaces (every
contact a message on ``contacts.received`` through the intake outbox), each on a fresh stack
in the same run.

    python -m bench backfill --rows 100000 [--json out.json] [--skip-baseline]
    python -m bench backfill --rows 1000000 --ingest-only   # the ingest side alone, no worker

``--ingest-only`` runs the ingest process's own work (read, parse, envelope, compress, send
and wait for the broker's acknowledgement) against a broker with no worker, counting a contact
stored once the broker has it: what the ingest side could feed a worker, and its memory.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from bench.backfill_ingest import PROFILE, peak_mb
from bench.worker_throughput import write_export
from civicpulse.broker_memory import resident_mb
from civicpulse.stack import Stack
from classifiers import STARTER_DATASET, ModelRegistry, train_and_register
from config import Settings, load_reference_data
from ingest import read_table
from sinks import SinkError, make_engine, store_status, stored_contact_ids

REPO = Path(__file__).resolve().parents[1]
console = Console() if sys.stdout.isatty() else Console(width=180)
LIVE_AT = 0.3
"""The live contact is sent once this share of the rows is stored."""


Sample = tuple[int, float | None, float | None, float | None, float]
"""Contacts stored; resident MB of the ingest process, the largest worker and the broker;
seconds since the ingest started."""


@dataclass
class PathRun:
    path: str
    rows: int
    command_seconds: float
    stored_seconds: float
    ingest_peak_mb: float | None
    worker_peak_mb: float | None
    broker_peak_mb: float | None
    live_seconds: float | None
    stop_seconds: float
    # A Sample each time another tenth of the rows was stored: memory flat after warm-up is
    # the aim (issue 12), apart from the model and caches.
    memory: list[Sample] = field(default_factory=list)

    @property
    def command_rate(self) -> float:
        return self.rows / self.command_seconds

    @property
    def stored_rate(self) -> float:
        return self.rows / self.stored_seconds


@contextmanager
def output_to(log: Path) -> Iterator[None]:
    """Children started inside inherit stdout/stderr: send theirs to ``log``, not the table."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with log.open("ab") as handle:
        os.dup2(handle.fileno(), 1)
        os.dup2(handle.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            os.close(saved[0])
            os.close(saved[1])


def run_path(
    name: str, work: Path, export: Path, rows: int, models: Path, workers: int = 1
) -> PathRun:
    label = name if workers == 1 else f"{name} x{workers}"
    home = work / label.replace(" ", "-")
    shutil.copytree(models, home / "models")
    settings = Settings(home=home, api_port=0, log_level="INFO", up_workers=workers)
    stack = Stack(settings)
    with output_to(work / f"{home.name}.log"):
        stack.start()
    engine = make_engine(settings.sqlalchemy_url)
    try:
        _wait_for_worker(engine, settings)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
        env["CIVICPULSE_HOME"] = str(home)
        command = (
            [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), "--profile", PROFILE]
            if name == "backfill"
            else [sys.executable, "-m", "bench", "backfill", "--baseline-ingest", str(export)]
        )
        console.print(f"[bold]{label}[/]: {' '.join(command[1:])}")
        started = time.monotonic()
        with (work / f"{home.name}-ingest.log").open("wb") as log:
            ingest = subprocess.Popen(command, env=env, stdout=log, stderr=log)
        ingest_peak: float | None = None
        command_seconds: float | None = None
        live: tuple[uuid.UUID, float] | None = None
        live_seconds: float | None = None
        stored = 0
        worker_pids = [c.process.pid for c in stack.children if c.name == "worker" and c.process]
        broker_pid = stack.broker.process.pid if stack.broker and stack.broker.process else None
        memory: list[Sample] = []
        while command_seconds is None or stored < rows or (live and live_seconds is None):
            if stored >= (len(memory) + 1) * rows / 10:
                memory.append(
                    (
                        stored,
                        resident_mb(ingest.pid) if ingest.poll() is None else None,
                        _largest(resident_mb(pid) for pid in worker_pids),
                        resident_mb(broker_pid) if broker_pid else None,
                        time.monotonic() - started,
                    )
                )
            ingest_peak = max(ingest_peak or 0.0, peak_mb(ingest.pid) or 0.0) or ingest_peak
            if command_seconds is None and ingest.poll() is not None:
                command_seconds = time.monotonic() - started
                if ingest.returncode:
                    raise SystemExit(f"{name}: the ingest exited with {ingest.returncode}")
            stored = store_status(engine, 60.0).contacts
            if live is None and stored >= LIVE_AT * rows:
                live = _post_live(stack.api_url), time.monotonic()
            if live is not None and live_seconds is None and stored_contact_ids(engine, [live[0]]):
                live_seconds = time.monotonic() - live[1]
            if time.monotonic() - started > 3600:
                raise SystemExit(f"{name}: not stored within an hour ({stored} of {rows})")
            time.sleep(0.2)
        stored_seconds = time.monotonic() - started
        worker_peak = _largest(peak_mb(pid) for pid in worker_pids)
        broker_peak = (
            peak_mb(stack.broker.process.pid) if stack.broker and stack.broker.process else None
        )
        broker_now = (
            resident_mb(stack.broker.process.pid) if stack.broker and stack.broker.process else None
        )
        console.print(f"  broker resident at the end: {broker_now or 0:.0f} MB")
    finally:
        stopping = time.monotonic()
        with output_to(work / f"{home.name}.log"):
            stack.stop()
        stop_seconds = time.monotonic() - stopping
        engine.dispose()
    return PathRun(
        label,
        rows,
        command_seconds,
        stored_seconds,
        ingest_peak,
        worker_peak,
        broker_peak,
        live_seconds,
        stop_seconds,
        memory,
    )


def _largest(sizes: Iterable[float | None]) -> float | None:
    """The largest of the workers' sizes (MB): each holds its own model."""
    known = [size for size in sizes if size is not None]
    return max(known) if known else None


def _wait_for_worker(engine: Engine, settings: Settings, timeout: float = 180.0) -> None:
    """Until every worker beats (so the group is whole before the clock starts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if len(store_status(engine, 30.0).workers_alive) >= settings.up_workers:
                return
        except SinkError:  # the schema may not exist yet while the worker starts
            pass
        time.sleep(0.5)
    raise SystemExit(f"no worker heartbeat within {timeout:.0f}s ({settings.home})")


def _post_live(api_url: str) -> uuid.UUID:
    body = {"text": "The street light outside 4 Mill Lane has been out for a week."}
    answer = httpx.post(f"{api_url}/contacts", json=body, timeout=30)
    answer.raise_for_status()
    return uuid.UUID(answer.json()["contact_id"])


def baseline_ingest(file: Path) -> int:
    """The plain one-topic path ``ingest csv`` had: every contact its own message on
    ``contacts.received``, committed to the intake outbox first."""
    from civicpulse.broker_address import with_broker
    from civicpulse.intake_outbox import build_relay, outbox_publisher
    from config import load_crm_profiles, load_settings
    from contracts import ContactReceived
    from ingest import parse_crm_file, publish_contacts, resolve_profile

    settings = with_broker(load_settings())
    profile = resolve_profile(PROFILE, load_crm_profiles(settings.config_dir))
    parse = parse_crm_file(
        file, profile=profile, reference=load_reference_data(settings.config_dir)
    )
    publisher = outbox_publisher(settings, build_relay(settings, ack_timeout=30.0), strict=True)
    chunk: list[ContactReceived] = []
    try:
        for item in parse:
            if isinstance(item, ContactReceived):
                chunk.append(item)
            if len(chunk) >= 1000:
                publish_contacts(publisher, chunk)
                chunk = []
        publish_contacts(publisher, chunk)
    finally:
        publisher.relay.stop()
    return 0


def show(runs: list[PathRun]) -> None:
    table = Table(title=f"CRM back-fill of {runs[0].rows:,} rows ({os.cpu_count()} cores)")
    columns = (
        "path",
        "ingest command s",
        "rows/s (command)",
        "rows/s to stored",
        "vs baseline",
        "ingest peak MB",
        "worker peak MB",
        "broker peak MB",
        "live contact stored after s",
        "up stopped in s",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "path" else "right")
    base = next((r for r in runs if r.path == "baseline"), None)

    def mb(value: float | None) -> str:
        return "-" if value is None else f"{value:,.0f}"

    for r in runs:
        table.add_row(
            r.path,
            f"{r.command_seconds:,.1f}",
            f"{r.command_rate:,.0f}",
            f"{r.stored_rate:,.0f}",
            f"{r.stored_rate / base.stored_rate:.2f}x" if base else "-",
            mb(r.ingest_peak_mb),
            mb(r.worker_peak_mb),
            mb(r.broker_peak_mb),
            "-" if r.live_seconds is None else f"{r.live_seconds:.2f}",
            f"{r.stop_seconds:.2f}",
        )
    console.print(table)
    best = max((r for r in runs if r.path.startswith("backfill")), key=lambda r: r.stored_rate)
    show_memory(best)
    console.print(
        f"At {best.stored_rate:,.0f} rows/s to stored, 1,000,000 rows would take "
        f"{1_000_000 / best.stored_rate / 60:.1f} minutes (target: under 5)."
    )


def show_memory(run: PathRun) -> None:
    """Resident memory as the back-fill went (flat after warm-up, or growing with the rows),
    and the rate in each tenth of it (falling as the database grows)."""
    table = Table(title=f"{run.path}: resident MB and rows/s as {run.rows:,} rows were stored")
    for column in ("stored", "ingest MB", "worker MB", "broker MB", "rows/s since the row above"):
        table.add_column(column, justify="right")
    previous = (0, 0.0)
    for stored, *sizes, seconds in run.memory:
        rate = (stored - previous[0]) / max(seconds - previous[1], 1e-9)
        cells = ("-" if mb is None else f"{mb:,.0f}" for mb in sizes)
        table.add_row(f"{stored:,}", *cells, f"{rate:,.0f}")
        previous = (stored, seconds)
    console.print(table)
    if len(run.memory) >= 3 and run.memory[1][2] and run.memory[-1][2]:
        grew = run.memory[-1][2] - run.memory[1][2]
        console.print(f"Worker grew {grew:+,.0f} MB from a fifth of the rows to the end.")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench backfill", description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--workers",
        default="1",
        help="worker processes for the back-fill path, a comma list to compare in one run "
        "(`civicpulse up --workers N`)",
    )
    parser.add_argument("--ingest-only", action="store_true", help="the ingest side alone")
    parser.add_argument("--baseline-ingest", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.baseline_ingest is not None:
        return baseline_ingest(args.baseline_ingest)
    if args.ingest_only:
        from bench.backfill_ingest import ingest_only

        with tempfile.TemporaryDirectory(prefix="civicpulse-bench-ingest-") as folder:
            export = Path(folder) / "export.csv"
            console.print(f"writing a {args.rows:,}-row export ...")
            write_export(export, args.rows)
            result = ingest_only(args.rows, export)
        text = json.dumps({"ingest_only": result}, indent=2)
        print(text)
        if args.json is not None:
            args.json.write_text(text + "\n", encoding="utf-8")
        return 0
    work = Path(tempfile.mkdtemp(prefix="civicpulse-bench-backfill-"))
    try:
        console.print(f"writing a {args.rows:,}-row export and training the starter model ...")
        export = work / "export.csv"
        write_export(export, args.rows)
        models = work / "models"
        reference = load_reference_data(REPO / "config")
        train_and_register(
            ModelRegistry(models), reference.taxonomy, dataset=read_table(STARTER_DATASET)
        )
        runs = [] if args.skip_baseline else [run_path("baseline", work, export, args.rows, models)]
        for workers in (int(n) for n in args.workers.split(",")):
            runs.append(run_path("backfill", work, export, args.rows, models, workers))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    show(runs)
    report = {
        "rows": args.rows,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "runs": [
            {**asdict(r), "command_rate": r.command_rate, "stored_rate": r.stored_rate}
            for r in runs
        ],
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0
