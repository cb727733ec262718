"""Trend-table arithmetic: which cells a contact counts in, and applying count deltas.

A contact counts once in one cell per period kind. When a stored contact changes (new
classification, corrected date), its old cells lose one and its new cells gain one, in the
same transaction as the contact itself, so a recount of ``contact`` always equals the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection

from contracts import PERIOD_KINDS, period_of
from sinks.db.engine import upsert_insert
from sinks.db.tables import TrendCountRow


class Dimensions(NamedTuple):
    """What a contact is counted by (apart from its period). ``''`` means unknown."""

    partner: str
    service: str
    category: str
    contact_type: str
    ward: str


class Cell(NamedTuple):
    period_kind: str
    period: str
    partner: str
    service: str
    category: str
    contact_type: str
    ward: str


def cells_of(received_on: date, dims: Dimensions) -> list[Cell]:
    """The trend cells (one per period kind) a contact received on ``received_on`` counts in."""
    return [Cell(kind, period_of(kind, received_on).label, *dims) for kind in PERIOD_KINDS]


def apply_deltas(connection: Connection, deltas: Mapping[Cell, int]) -> None:
    """Add each delta to its cell, creating cells as needed. Sorted to keep lock order stable."""
    rows = [
        {**cell._asdict(), "count": delta} for cell, delta in sorted(deltas.items()) if delta != 0
    ]
    if not rows:
        return
    table = TrendCountRow.__table__
    insert = upsert_insert(connection)
    stmt = insert(table)
    upsert = stmt.on_conflict_do_update(
        index_elements=list(Cell._fields),
        set_={"count": table.c.count + stmt.excluded.count},
    )
    connection.execute(upsert, rows)


def add_contact_deltas(
    deltas: Counter[Cell], old: tuple[date, Dimensions] | None, new: tuple[date, Dimensions]
) -> None:
    """Record that a contact moved from ``old`` (None when new) to ``new``."""
    if old == new:
        return
    if old is not None:
        for cell in cells_of(*old):
            deltas[cell] -= 1
    for cell in cells_of(*new):
        deltas[cell] += 1


def recount(contacts: Iterable[tuple[date, Dimensions]]) -> Counter[Cell]:
    """The trend table as it should be, recomputed from contacts (for checks)."""
    counts: Counter[Cell] = Counter()
    for received_on, dims in contacts:
        for cell in cells_of(received_on, dims):
            counts[cell] += 1
    return counts
