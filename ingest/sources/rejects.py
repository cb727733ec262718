"""The rejects file: records that could not become contacts, with where and why, as a CSV
a person opens in a spreadsheet to fix (every cell spreadsheet-safe)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from contracts import spreadsheet_safe
from ingest.sources.tabular import RESERVED_KEYS

__all__ = ("RejectedRow", "RejectsFile", "write_rejects")


@dataclass(frozen=True)
class RejectedRow:
    """A data row that could not become a contact: where it was, why, and its raw cells."""

    source: str
    line: int | None
    reason: str
    raw: dict[str, str] = field(default_factory=dict)


def write_rejects(rejects: Iterable[RejectedRow], path: Path) -> int:
    """Write ``rejects`` as a UTF-8 (BOM, for Excel) CSV: line, reason, then the raw columns,
    every cell spreadsheet-safe. Returns how many rows were written."""
    rows = list(rejects)
    headers = list(dict.fromkeys(header for reject in rows for header in reject.raw))
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([spreadsheet_safe(h) for h in ["line", "reason", *headers]])
        for reject in rows:
            cells = [reject.line, reject.reason, *(reject.raw.get(h, "") for h in headers)]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return len(rows)


FIRST_SHOWN = 10


class RejectsFile:
    """A rejects CSV written a row at a time (a million-row export never holds its rejects in
    memory): the same layout as ``write_rejects`` with the table's columns (and the reader's
    reserved keys) given up front. The file is created at the first reject, so a clean run
    leaves none behind."""

    def __init__(self, path: Path, headers: Sequence[str]) -> None:
        self.path, self.written = path, 0
        self.first: list[str] = []  # "line: reason" of the first few, for the command's summary
        self.headers = list(dict.fromkeys([*headers, *RESERVED_KEYS]))
        self._handle: IO[str] | None = None
        self._writer: Any = None

    def add(self, reject: RejectedRow) -> None:
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = self.path.open("w", encoding="utf-8-sig", newline="")
            self._writer = csv.writer(self._handle)
            self._writer.writerow([spreadsheet_safe(h) for h in ["line", "reason", *self.headers]])
        raw = reject.raw
        cells = [reject.line, reject.reason, *(raw.get(h, "") for h in self.headers)]
        self._writer.writerow([spreadsheet_safe(cell) for cell in cells])
        self.written += 1
        if len(self.first) < FIRST_SHOWN:
            self.first.append(f"{reject.line}: {reject.reason}")

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
