"""How long a resident's contact takes from ``POST /contacts`` to stored in the database, at a
steady rate, on a whole ``civicpulse up`` (embedded broker, worker, API) of its own.

    python -m bench latency [--rate 50] [--seconds 20] [--api-workers 1] [--no-baseline]

``hey`` (Debian package ``hey``) sends at ``--rate`` a second, open loop; the API stamps each
contact's ``received_at`` as it accepts it, and a poller reads the new rows of the database
every 20 ms. The latency is from that stamp to the first poll that finds the contact stored
(so it includes the poll's resolution); the POST's own answer time (p95, from hey) is beside
it: POST to stored is at most about the sum. One stack with today's settings, then (the baseline in
the same run) one configured as before: a 0.5 s batch window for every batch
(CIVICPULSE_WORKER_LIVE_BATCH_SECONDS) and Faust's own 1.5 s fetch wait
(CIVICPULSE_WORKER_FETCH_WAIT_SECONDS). Targets (issue 12): p95 under 0.5 s at 50/s and under
1 s at 500/s.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from bench.intake_load import percentile
from civicpulse.embedded_broker import free_port
from classifiers import STARTER_DATASET, ModelRegistry, train_and_register
from config import Settings, load_reference_data
from contracts import contact_id_for
from ingest import read_table
from sinks import make_engine, stored_contact_ids

console = Console() if sys.stdout.isatty() else Console(width=160)
REPO = Path(__file__).resolve().parents[1]
POLL_SECONDS = 0.02


@dataclass(frozen=True)
class StackConfig:
    name: str
    batch_window_s: float
    fetch_wait_s: float


NOW = StackConfig("now", Settings().worker_live_batch_seconds, Settings().worker_fetch_wait_seconds)
BEFORE = StackConfig("before (baseline)", 0.5, 1.5)


@dataclass
class LatencyRun:
    config: str
    window_s: float
    fetch_wait_s: float
    rate: float
    sent: int
    achieved_rate: float
    accepted: int
    stored: int
    answer_p95_ms: float
    # accepted (the API's received_at) to seen stored
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


@contextmanager
def running_stack(
    work: Path, models: Path, config: StackConfig, api_workers: int
) -> Iterator[tuple[str, Path]]:
    """``civicpulse up`` in a home of its own; yields the API's URL and the database file once
    a contact is stored."""
    home = work / f"home-{uuid.uuid4().hex[:6]}"
    shutil.copytree(models, home / "models")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(
        CIVICPULSE_HOME=str(home),
        CIVICPULSE_API_PORT=str(port),
        CIVICPULSE_API_WORKERS=str(api_workers),
        CIVICPULSE_WORKER_LIVE_BATCH_SECONDS=str(config.batch_window_s),
        CIVICPULSE_WORKER_FETCH_WAIT_SECONDS=str(config.fetch_wait_s),
        CIVICPULSE_KAFKA_SESSION_TIMEOUT="2",
        CIVICPULSE_KAFKA_REBALANCE_TIMEOUT="4",
        CIVICPULSE_DIGEST_SCHEDULE_ENABLED="false",
        CIVICPULSE_LOG_LEVEL="WARNING",
    )
    with (home / "up.log").open("wb") as log:
        up = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "up"],
            env=env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        engine = make_engine(f"sqlite:///{home / 'civicpulse.db'}")
        wait_for_first_stored(url, engine, up)
        engine.dispose()
        yield url, home / "civicpulse.db"
    finally:
        up.terminate()
        try:
            up.wait(60)
        except subprocess.TimeoutExpired:
            up.kill()


def wait_for_first_stored(url: str, engine: object, up: subprocess.Popen[bytes]) -> None:
    """Post probes until one is stored: the worker has joined and the path is warm."""
    deadline = time.monotonic() + 300
    ref = f"probe-{uuid.uuid4().hex[:8]}"
    while time.monotonic() < deadline:
        if up.poll() is not None:
            raise SystemExit(f"civicpulse up exited with {up.returncode}")
        try:
            httpx.post(f"{url}/contacts", json={"text": "Probe", "source_ref": ref}, timeout=5)
            if stored_contact_ids(engine, [contact_id_for("webform", ref)]):  # type: ignore[arg-type]
                return
        except Exception:  # not up yet (no API, no database): ask again
            pass
        time.sleep(0.5)
    raise SystemExit("no probe contact stored within 300 s")


class StoredPoller:
    """Reads the contacts stored since it started, every POLL_SECONDS, by SQLite row order (one
    cheap query whatever the backlog, so the poller never slows the run it measures)."""

    def __init__(self, database: Path) -> None:
        self.db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
        self.last = self.db.execute("SELECT COALESCE(MAX(rowid), 0) FROM contact").fetchone()[0]
        self.latencies: list[float] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.wait(POLL_SECONDS):
            rows = self.db.execute(
                "SELECT rowid, received_at FROM contact WHERE rowid > ? ORDER BY rowid",
                (self.last,),
            ).fetchall()
            seen = datetime.now(UTC)
            for rowid, received_at in rows:
                accepted = datetime.fromisoformat(received_at).replace(tzinfo=UTC)
                self.latencies.append((seen - accepted).total_seconds())
                self.last = rowid

    def wait_for(self, count: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while len(self.latencies) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        self.stop.set()
        self.thread.join()
        self.db.close()


def send_steadily(url: str, rate: float, seconds: float) -> tuple[int, int, list[float]]:
    """``hey`` POSTs at ``rate`` a second for ``seconds``, ten a second per connection (each
    body without a date, so the API stamps ``received_at`` when it accepts it); returns (sent,
    accepted, answer latencies)."""
    connections = max(1, round(rate / 10))
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / "body.json"
        body.write_text(json.dumps({"text": "Street light out outside number 12"}))
        command = ["hey", "-z", f"{seconds:g}s", "-c", str(connections)]
        command += ["-q", f"{rate / connections:g}", "-o", "csv", "-m", "POST"]
        command += ["-T", "application/json", "-D", str(body), f"{url}/contacts"]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    rows = list(csv.DictReader(done.stdout.splitlines()))
    answers = sorted(float(row["response-time"]) for row in rows)
    accepted = sum(row["status-code"] == "202" for row in rows)
    return len(rows), accepted, answers


def measure(
    url: str, database: Path, config: StackConfig, rate: float, seconds: float
) -> LatencyRun:
    poller = StoredPoller(database)
    poller.thread.start()
    started = time.monotonic()
    sent, accepted, answers = send_steadily(url, rate, seconds)
    achieved = sent / (time.monotonic() - started)
    poller.wait_for(accepted, timeout=120)
    latencies = sorted(poller.latencies)

    def ms(values: list[float], share: float) -> float:
        return round(percentile(values, share) * 1000, 1)

    return LatencyRun(
        config=config.name,
        window_s=config.batch_window_s,
        fetch_wait_s=config.fetch_wait_s,
        rate=rate,
        sent=sent,
        achieved_rate=round(achieved, 1),
        accepted=accepted,
        stored=len(latencies),
        answer_p95_ms=ms(answers, 0.95),
        p50_ms=ms(latencies, 0.50),
        p95_ms=ms(latencies, 0.95),
        p99_ms=ms(latencies, 0.99),
        max_ms=round((latencies[-1] if latencies else float("nan")) * 1000, 1),
    )


def show(runs: list[LatencyRun]) -> None:
    table = Table(title="POST /contacts to stored, at a steady rate (civicpulse up, loopback)")
    columns = ("settings", "batch window s", "fetch wait s", "rate /s", "sent", "achieved /s")
    for column in (*columns, "202", "stored", "answer p95 ms", "p50 ms", "p95 ms", "p99 ms"):
        table.add_column(column, justify="left" if column == "settings" else "right")
    table.add_column("max ms", justify="right")
    for r in runs:
        table.add_row(
            r.config,
            f"{r.window_s:g}",
            f"{r.fetch_wait_s:g}",
            f"{r.rate:g}",
            f"{r.sent:,}",
            f"{r.achieved_rate:,.0f}",
            f"{r.accepted:,}",
            f"{r.stored:,}",
            f"{r.answer_p95_ms:,.0f}",
            f"{r.p50_ms:,.0f}",
            f"{r.p95_ms:,.0f}",
            f"{r.p99_ms:,.0f}",
            f"{r.max_ms:,.0f}",
        )
    console.print(table)
    if len(runs) > 1 and runs[0].p95_ms > 0:
        console.print(
            f"p95 accepted to stored: {runs[0].p95_ms:,.0f} ms now, {runs[-1].p95_ms:,.0f} ms with "
            f"the settings before: {runs[-1].p95_ms / runs[0].p95_ms:.1f}x faster (the same "
            "machine, rate and run)."
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench latency", description=__doc__)
    parser.add_argument("--rate", type=float, default=50.0, help="contacts a second")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the run with the settings before"
    )
    parser.add_argument("--api-workers", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    configs = [NOW] if args.no_baseline else [NOW, BEFORE]
    work = Path(tempfile.mkdtemp(prefix="civicpulse-latency-"))
    runs: list[LatencyRun] = []
    try:
        models = work / "models"
        console.print("training the starter model ...")
        train_and_register(
            ModelRegistry(models),
            load_reference_data(REPO / "config").taxonomy,
            dataset=read_table(STARTER_DATASET),
        )
        for config in configs:
            console.print(f"civicpulse up with the settings {config.name} ...")
            with running_stack(work, models, config, args.api_workers) as (url, database):
                runs.append(measure(url, database, config, args.rate, args.seconds))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    show(runs)
    report = {
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "poll_seconds": POLL_SECONDS,
        "api_workers": args.api_workers,
        "runs": [asdict(r) for r in runs],
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0
