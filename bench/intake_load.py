"""A bounded burst against the intake API on loopback: N ``POST /contacts`` with a fixed number
in flight, beside ``GET /health`` (the same server and load tool, nothing accepted) as the
baseline in the same run. Prints throughput, error rate and latency percentiles, checks that
every 202 reached the broker, and prints the figures as JSON.

    python -m bench intake [--requests 20000] [--concurrency 200] [--workers 2]
                           [--tool hey|httpx] [--url http://host:port]

The load tool is ``hey`` (Go; Debian package ``hey``: ``apt-get install hey``) when it is on
PATH, else an asyncio httpx client in this process (which itself tops out near a few hundred
requests a second here: the GET /health row shows whether the client was the limit).
Without --url it starts an embedded broker and ``civicpulse serve`` with ``--workers`` API
processes (CIVICPULSE_API_WORKERS) of its own. Load tool, API and broker share the machine's
cores: read the ratio, and the API's CPU per request, which does not depend on the load.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

from civicpulse.embedded_broker import EmbeddedBroker, free_port
from config import Settings
from contracts import Topic, topic_name

console = Console() if sys.stdout.isatty() else Console(width=160)
TEXT = "Bins not collected on Ditton Road again, third week running, please send someone"


@dataclass
class Burst:
    scenario: str
    requests: int
    concurrency: int
    seconds: float
    per_second: float
    error_rate: float
    """Share of answers that were not the expected status (or no answer at all)."""
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[str, int]
    server_cpu_ms_per_request: float | None = None
    """CPU time the API process spent per request (user + system, from /proc): what the
    request costs, whatever else the machine is doing. 1000 / it is one core's ceiling."""


def percentile(sorted_values: list[float], share: float) -> float:
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


async def burst(
    url: str, scenario: str, requests: int, concurrency: int, expected: int, run: str
) -> Burst:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    next_index = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60.0) as client:

        async def one_client() -> None:
            nonlocal next_index
            while next_index < requests:
                index, next_index = next_index, next_index + 1
                started = time.perf_counter()
                try:
                    if scenario == "GET /health":
                        answer = await client.get("/health")
                    else:
                        body = {"text": f"{TEXT} ({index})", "source_ref": f"{run}-{index}"}
                        answer = await client.post("/contacts", json=body)
                    statuses[str(answer.status_code)] += 1
                except httpx.HTTPError as exc:
                    statuses[type(exc).__name__] += 1
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(concurrency)))
        seconds = time.perf_counter() - started
    return summarise(scenario, requests, concurrency, seconds, latencies, statuses, expected)


def hey_burst(url: str, scenario: str, requests: int, concurrency: int, expected: int) -> Burst:
    """The same burst from ``hey``: every POST has the same body without a ``source_ref``,
    so each is a new contact; its per-request CSV gives the latencies and statuses."""
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / "body.json"
        body.write_text(json.dumps({"text": TEXT}), encoding="utf-8")
        command = ["hey", "-n", str(requests), "-c", str(concurrency), "-t", "60", "-o", "csv"]
        if scenario == "GET /health":
            command.append(f"{url}/health")
        else:
            command += ["-m", "POST", "-T", "application/json", "-D", str(body)]
            command.append(f"{url}/contacts")
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - started
    rows = list(csv.DictReader(done.stdout.splitlines()))
    latencies = sorted(float(row["response-time"]) for row in rows)
    statuses: Counter[str] = Counter(row["status-code"] for row in rows)
    if len(rows) < requests:  # hey lists answered requests only
        statuses["no answer"] += requests - len(rows)
    return summarise(scenario, requests, concurrency, seconds, latencies, statuses, expected)


def summarise(
    scenario: str,
    requests: int,
    concurrency: int,
    seconds: float,
    latencies: list[float],
    statuses: Counter[str],
    expected: int,
) -> Burst:
    latencies = sorted(latencies)
    return Burst(
        scenario=scenario,
        requests=requests,
        concurrency=concurrency,
        seconds=round(seconds, 2),
        per_second=round(requests / seconds, 1),
        error_rate=round(1 - statuses[str(expected)] / requests, 4),
        p50_ms=round(percentile(latencies, 0.50) * 1000, 1),
        p95_ms=round(percentile(latencies, 0.95) * 1000, 1),
        p99_ms=round(percentile(latencies, 0.99) * 1000, 1),
        max_ms=round((latencies[-1] if latencies else float("nan")) * 1000, 1),
        statuses=dict(statuses),
    )


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds ``pid`` and its child processes (the API workers) have used
    so far (Linux /proc), None elsewhere."""
    if pid is None:
        return None
    total = 0.0
    for each in (pid, *child_pids(pid)):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def child_pids(pid: int) -> list[int]:
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in found]


def on_broker_when_settled(bootstrap: str, prefix: str, accepted: int, timeout: float = 60) -> int:
    """How many contacts reached the broker, once the relay has sent what was accepted (or
    ``timeout`` passed): a 202 means "in the outbox", the relay sends it just after."""
    deadline = time.monotonic() + timeout
    found = on_broker(bootstrap, prefix)
    while found < accepted and time.monotonic() < deadline:
        time.sleep(1)
        found = on_broker(bootstrap, prefix)
    return found


def on_broker(bootstrap: str, prefix: str) -> int:
    """How many contacts are on the contacts topic (end offsets summed)."""
    from kafka import KafkaConsumer, TopicPartition

    name = topic_name(Topic.contacts_received, prefix)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap)
    try:
        partitions = [TopicPartition(name, p) for p in consumer.partitions_for_topic(name) or ()]
        return sum(consumer.end_offsets(partitions).values())
    finally:
        consumer.close()


@contextmanager
def own_api(home: Path, workers: int) -> Iterator[tuple[str, str, str, int]]:
    """An embedded broker and ``civicpulse serve``: yields (API URL, bootstrap, topic prefix,
    the API's process id)."""
    with EmbeddedBroker() as broker:
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")},
            "CIVICPULSE_HOME": str(home),
            "CIVICPULSE_KAFKA_BOOTSTRAP": broker.bootstrap,
            "CIVICPULSE_API_PORT": str(port),
            "CIVICPULSE_API_WORKERS": str(workers),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(url, server)
            yield url, broker.bootstrap, Settings().topic_prefix, server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_up(url: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"civicpulse serve exited with {server.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the API at {url} did not answer within {timeout:.0f} s")


def show(results: list[Burst], stored: int | None, accepted: int, tool: str) -> None:
    table = Table(title=f"Intake API under a bounded burst (loopback, load tool: {tool})")
    columns = ("scenario", "requests", "in flight", "s", "req/s", "errors", "p50 ms", "p95 ms")
    for column in (*columns, "p99 ms", "max ms", "API CPU ms/req", "answers"):
        table.add_column(column, justify="left" if column in {"scenario", "answers"} else "right")
    for r in results:
        table.add_row(
            r.scenario,
            f"{r.requests:,}",
            str(r.concurrency),
            f"{r.seconds:.1f}",
            f"{r.per_second:,.0f}",
            f"{r.error_rate:.2%}",
            f"{r.p50_ms:,.0f}",
            f"{r.p95_ms:,.0f}",
            f"{r.p99_ms:,.0f}",
            f"{r.max_ms:,.0f}",
            "" if r.server_cpu_ms_per_request is None else f"{r.server_cpu_ms_per_request:.2f}",
            ", ".join(f"{k}: {v:,}" for k, v in sorted(r.statuses.items())),
        )
    console.print(table)
    ratio = results[-1].per_second / results[0].per_second
    console.print(
        f"POST /contacts ran at {ratio:.2f}x the rate of GET /health (the same server and client, "
        "nothing published)."
    )
    if stored is not None:
        console.print(
            f"202 answers (with a 200-request warm-up): {accepted:,}; on the broker: {stored:,}."
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench intake", description=__doc__)
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="API processes of our own API")
    parser.add_argument(
        "--tool",
        choices=("hey", "httpx"),
        default="hey" if shutil.which("hey") else "httpx",
        help="load tool (default: hey when installed)",
    )
    parser.add_argument("--url", default=None, help="an API already running (nothing checked)")
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    run = f"LOAD-{int(time.time())}"
    with tempfile.TemporaryDirectory() as folder:
        stored: int | None = None
        if args.url:
            warm, *results = measure(args.url, args, run, None)
        else:
            with own_api(Path(folder), args.workers) as (url, bootstrap, prefix, pid):
                warm, *results = measure(url, args, run, pid)
                accepted = warm.statuses.get("202", 0) + results[-1].statuses.get("202", 0)
                stored = on_broker_when_settled(bootstrap, prefix, accepted)
    accepted = warm.statuses.get("202", 0) + results[-1].statuses.get("202", 0)
    show(results, stored, accepted, args.tool)
    if args.tool == "httpx":  # measured: 300 GET /health a second here, where hey gave 7,669
        console.print(
            "[yellow]The load tool was this process's httpx client, which tops out at a few "
            "hundred requests a second: these figures are the client's, not the API's. For "
            "the API's, install hey (apt-get install hey) and run again.[/yellow]"
        )
    report = {
        "cpus": os.cpu_count(),
        "tool": args.tool,
        "api_workers": None if args.url else args.workers,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "bursts": [asdict(r) for r in results],
        "accepted": accepted,
        "on_broker": stored,
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.json is not None:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


def measure(url: str, args: argparse.Namespace, run: str, server_pid: int | None) -> list[Burst]:
    """The warm-up (so the bursts do not pay for the workers' start), GET /health, the burst."""
    warm = asyncio.run(burst(url, "POST /contacts", 200, 20, 202, f"{run}-warm"))
    results = [warm]
    for scenario, count, expected in (
        ("GET /health", max(1000, args.requests // 4), 200),
        ("POST /contacts", args.requests, 202),
    ):
        before = cpu_seconds(server_pid)
        if args.tool == "hey":
            result = hey_burst(url, scenario, count, args.concurrency, expected)
        else:
            result = asyncio.run(burst(url, scenario, count, args.concurrency, expected, run))
        after = cpu_seconds(server_pid)
        if before is not None and after is not None:
            result.server_cpu_ms_per_request = round((after - before) * 1000 / count, 2)
        results.append(result)
    return results
