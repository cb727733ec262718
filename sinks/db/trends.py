"""Trend-table arithmetic: which cells a contact counts in, and applying count deltas.

A contact counts once in one cell per period kind. When a stored contact changes (new
classification, corrected date), its old cells lose one and its new cells gain one, in the
same transaction as the contact itself, so a recount of ``contact`` always equals the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Connection

from contracts import PERIOD_KINDS, period_of
from sinks.db.bulk import BulkStatement
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


@lru_cache(maxsize=8192)
def _periods(day: date) -> tuple[tuple[str, str], ...]:
    """(kind, label) of each period holding ``day``: a batch's contacts share few days, and
    working a label out costs more than the rest of a contact's trend bookkeeping."""
    return tuple((kind, period_of(kind, day).label) for kind in PERIOD_KINDS)


def cells_of(received_on: date, dims: Dimensions) -> list[Cell]:
    """The trend cells (one per period kind) a contact received on ``received_on`` counts in."""
    return [Cell(kind, label, *dims) for kind, label in _periods(received_on)]


_UPSERT = BulkStatement(
    TrendCountRow.__table__,  # type: ignore[arg-type]
    columns=(*Cell._fields, "count"),
    key=Cell._fields,
    on_conflict='DO UPDATE SET "count" = trend_count."count" + excluded."count"',
)


def apply_deltas(connection: Connection, deltas: Mapping[Cell, int]) -> None:
    """Add each delta to its cell, creating cells as needed. On PostgreSQL the cells go in
    sorted order, so concurrent writers lock them in the same order (never deadlock); SQLite
    has one writer at a time and skips the sort."""
    items: Iterable[tuple[Cell, int]] = deltas.items()
    if connection.dialect.name == "postgresql":
        items = sorted(items)
    _UPSERT.execute(connection, [(*cell, delta) for cell, delta in items if delta != 0])


def add_contact_deltas(
    deltas: Counter[Cell], old: tuple[date, Dimensions] | None, new: tuple[date, Dimensions]
) -> None:
    """Record that a contact moved from ``old`` (None when new) to ``new``."""
    if old == new:
        return
    # Plain tuples in Cell's field order (equal to and hashed as the Cell) are four times
    # cheaper to build than the NamedTuple, and this runs five times per contact.
    if old is not None:
        for period in _periods(old[0]):
            deltas[period + old[1]] -= 1  # type: ignore[index]
    for period in _periods(new[0]):
        deltas[period + new[1]] += 1  # type: ignore[index]


def recount(contacts: Iterable[tuple[date, Dimensions]]) -> Counter[Cell]:
    """The trend table as it should be, recomputed from contacts (for checks)."""
    counts: Counter[Cell] = Counter()
    for received_on, dims in contacts:
        for cell in cells_of(received_on, dims):
            counts[cell] += 1
    return counts
