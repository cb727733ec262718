"""``python -m bench backfill --ingest-only``: the ingest side of a back-fill alone (read,
parse, envelope, compress, send, wait for the broker's acknowledgement) against a broker with
no worker: the rate it could feed workers at, its peak memory, and the broker's."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from civicpulse.broker_memory import resident_mb
from civicpulse.crm_backfill import envelope_producer
from civicpulse.embedded_broker import EmbeddedBroker
from config import Settings, load_crm_profiles, load_reference_data
from ingest import (
    Backfill,
    CheckpointFile,
    EnvelopeSender,
    ExportIdentity,
    RejectsFile,
    parse_crm_file,
    resolve_profile,
)

console = Console() if sys.stdout.isatty() else Console(width=180)
PROFILE = "verint_council"


def peak_mb(pid: int) -> float | None:
    """The process's peak resident memory so far (VmHWM), in MB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def ingest_only_child(file: Path, bootstrap: str) -> int:
    """The back-fill driver with the broker's acknowledgement as "stored" (no worker)."""
    home = file.parent / "ingest-only"
    settings = Settings(home=home, kafka_bootstrap=bootstrap)
    reference = load_reference_data(settings.config_dir)
    profile = resolve_profile(PROFILE, load_crm_profiles(settings.config_dir))
    parse = parse_crm_file(file, profile=profile, reference=reference)
    backfill = Backfill(
        parse=parse,
        sender=EnvelopeSender(lambda: envelope_producer(settings)),
        stored=set,  # every id counts as stored once the broker acknowledged its envelope
        checkpoint_file=CheckpointFile(settings.backfill_dir, ExportIdentity.of(file, {})),
        rejects=RejectsFile(home / "rejects.csv", parse.headers),
    )
    tally = backfill.run(resume=False)
    backfill.sender.close()
    print(json.dumps({"sent": tally.contacts_sent, "rejected": tally.rejected}))
    return 0


def ingest_only(rows: int, export: Path) -> dict[str, float | int | None]:
    """The ingest child's wall time, CPU (including its start, about a second) and peak."""
    with EmbeddedBroker() as broker:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        child = subprocess.Popen(
            # Its own module, so the child imports what `ingest csv` imports and no more.
            [sys.executable, "-m", "bench.backfill_ingest", str(export)],
            env={**os.environ, "BENCH_BOOTSTRAP": broker.bootstrap},
            stdout=subprocess.PIPE,
        )
        peak = 0.0
        while child.poll() is None:
            peak = max(peak, peak_mb(child.pid) or 0.0)
            time.sleep(0.2)
        seconds = time.monotonic() - started
        # The child's own CPU (all its threads: the producer's compresses), now that it has
        # been waited for; the broker, also a child, is still running and not counted.
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        assert broker.process is not None
        broker_mb = resident_mb(broker.process.pid)
    if child.returncode:
        raise SystemExit(f"the ingest exited with {child.returncode}")
    result = {
        "rows": rows,
        "seconds": seconds,
        "rows_per_second": rows / seconds,
        "ingest_cpu_seconds": cpu,
        "ingest_cpu_us_per_row": cpu / rows * 1e6,
        "ingest_peak_mb": peak,
        "broker_resident_mb": broker_mb,
    }
    table = Table(title=f"Ingest side alone: {rows:,} rows to the broker (no worker)")
    columns = ("s", "rows/s", "ingest CPU s", "CPU µs/row", "ingest peak MB", "broker resident MB")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_row(
        f"{seconds:,.1f}",
        f"{rows / seconds:,.0f}",
        f"{cpu:,.1f}",
        f"{cpu / rows * 1e6:,.0f}",
        f"{peak:,.0f}",
        f"{broker_mb or 0:,.0f}",
    )
    console.print(table)
    return result


if __name__ == "__main__":
    raise SystemExit(ingest_only_child(Path(sys.argv[1]), os.environ["BENCH_BOOTSTRAP"]))
