"""The rejects file: records that could not become contacts, with where and why, as a CSV
a person opens in a spreadsheet to fix (every cell spreadsheet-safe)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from contracts import spreadsheet_safe

__all__ = ("RejectedRow", "write_rejects")


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
