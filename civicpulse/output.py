"""Rendering rows for people (rich tables) and for tools (CSV, JSON, JSON lines)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from rich.table import Table

from contracts import SpreadsheetDictWriter

# `--by type` is what people type; the dimension is `contact_type`.
DIMENSION_ALIASES = {"type": "contact_type"}


class Format(StrEnum):
    """``--format`` of the commands that print a table for people or JSON for tools."""

    table = "table"
    json = "json"


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), indent=2, default=str, ensure_ascii=False)


def to_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(  # None is an empty cell; no cell runs as a formula
        buffer, fieldnames=list(fields), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def change_text(now: int, before: int) -> str:
    """``+3 (+25%)`` style change; ``new`` when there was nothing before."""
    diff = now - before
    if before == 0:
        return "new" if now else "-"
    return f"{diff:+d} ({diff / before:+.0%})"


def rich_table(
    title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], numeric: Sequence[str] = ()
) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    for name in columns:
        table.add_column(name, justify="right" if name in numeric else "left")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table
