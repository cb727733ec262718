"""Reading a large export with ``ingest.read_table``: seconds to choose the encoding and the
delimiter, rows a second, and the Python memory held at the peak while streaming, for a UTF-8
and a windows-1252 file (figures only; nothing is asserted).

    python -m bench tables [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ingest import read_table

console = Console() if sys.stdout.isatty() else Console(width=160)
COMMENT = 'Hello, the officer said "we will sort it", then nothing happened; bins, again'


def write_export(path: Path, rows: int, encoding: str) -> None:
    """A CRM-like export, written a row at a time; every 7th comment is quoted and spans lines."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Case Ref", "Date Logged", "Customer Comments", "Ward", "Category"])
        for i in range(rows):
            text = f"{COMMENT}\nsecond line" if i % 7 == 0 else f"Caf\u00e9 {i} {COMMENT}"
            writer.writerow([f"C-{i}", "03/09/2024 14:22", text, "Hale", "Waste"])


def measure(path: Path) -> dict[str, float]:
    started = time.perf_counter()
    table = read_table(path)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    count = sum(1 for _ in table)
    streamed = time.perf_counter() - started
    tracemalloc.start()
    for _ in table:  # the same pass, traced: what the reader holds at its peak
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "rows": count,
        "mb": path.stat().st_size / 1e6,
        "open_s": opened,
        "rows_per_s": count / streamed,
        "peak_mb": peak / 1e6,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench tables", description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    table = Table(title=f"read_table on {args.rows:,} rows (';', quoted multi-line cells)")
    for column in ("encoding", "file MB", "rows read", "open s", "rows/s", "peak MB held"):
        table.add_column(column, justify="left" if column == "encoding" else "right")
    with tempfile.TemporaryDirectory() as folder:
        for encoding in ("utf-8-sig", "windows-1252"):
            path = Path(folder) / f"export-{encoding}.csv"
            write_export(path, args.rows, encoding)
            found = measure(path)
            table.add_row(
                encoding,
                f"{found['mb']:.0f}",
                f"{found['rows']:,.0f}",
                f"{found['open_s']:.2f}",
                f"{found['rows_per_s']:,.0f}",
                f"{found['peak_mb']:.2f}",
            )
            path.unlink()
    console.print(table)
    console.print(
        "open s: choosing the encoding (a full decoding pass) and the delimiter (a 64k sample). "
        "peak MB held: Python memory at the peak of a traced read, flat whatever the file size."
    )
    return 0
