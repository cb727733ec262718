"""The annual report's partner x service table as it may be published: every count with small
numbers suppressed so that nothing can be worked out from rows, columns, partner subtotals or
the grand total, and the exact number kept beside each published text for the JSON.

Suppression runs on the whole partner-service x contact-type table with its row and column
totals (``insights.disclosure``: primary ``<5``, complementary ``[c]``, audited). A partner's
subtotal is then shown only where every count it adds up is shown, so it tells a reader
nothing the table does not; otherwise it is hidden as ``[s]``. The previous year's table is
suppressed on its own in the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from insights.disclosure import CellStatus, SuppressedTable, suppress_table
from insights.reports.annual import TYPES, AnnualReport

ALL = "all"  # the column of every contact type together
COLUMNS: tuple[str, ...] = (*TYPES, ALL)
SUBTOTAL_HIDDEN = "[s]"
RowKind = Literal["service", "partner_total", "total"]


@dataclass(frozen=True)
class PublishedCount:
    """A count as published (``text``) and as a number a tool can add (None when hidden)."""

    value: int | None
    text: str


@dataclass(frozen=True)
class PublishedRow:
    """One row of the published table: a service of a partner, a partner's subtotal or the
    grand total, with this year's and last year's counts per column (``COLUMNS``)."""

    kind: RowKind
    partner: str
    service: str
    now: dict[str, PublishedCount]
    before: dict[str, PublishedCount]

    def change(self, column: str) -> float | None:
        """Year-on-year change as a fraction; None when a side is hidden or last year was 0."""
        now, before = self.now[column].value, self.before[column].value
        if now is None or before is None or before == 0:
            return None
        return (now - before) / before

    def change_text(self, column: str) -> str:
        """``+12%``; ``new`` when there was nothing last year; ``-`` when it cannot be said."""
        change = self.change(column)
        if change is not None:
            return f"{change:+.0%}"
        if self.before[column].value == 0 and self.now[column].value:
            return "new"
        return "-"


def published_table(report: AnnualReport) -> list[PublishedRow]:
    """Services in partner order, each partner followed by its subtotal, then the total."""
    pairs: list[tuple[str, str]] = []  # (partner name, service name), in report order
    now: dict[tuple[str, str], list[int]] = {}
    before: dict[tuple[str, str], list[int]] = {}
    for row in report.rows:
        key = (row.partner_name, row.service_name)
        if key not in now:
            pairs.append(key)
            now[key], before[key] = [0] * len(TYPES), [0] * len(TYPES)
        now[key][TYPES.index(row.contact_type)] += row.count
        before[key][TYPES.index(row.contact_type)] += row.previous_year_count
    if not pairs:
        return []
    labels = [f"{p} / {s}" for p, s in pairs]
    this_year = suppress_table([now[k] for k in pairs], labels, TYPES)
    last_year = suppress_table([before[k] for k in pairs], labels, TYPES)
    out: list[PublishedRow] = []
    for partner in dict.fromkeys(p for p, _ in pairs):
        indices = [i for i, (p, _) in enumerate(pairs) if p == partner]
        for i in indices:
            out.append(
                PublishedRow(
                    "service", partner, pairs[i][1], _row(this_year, i), _row(last_year, i)
                )
            )
        out.append(
            PublishedRow(
                "partner_total",
                partner,
                "All services",
                _subtotal(this_year, indices),
                _subtotal(last_year, indices),
            )
        )
    total = len(pairs)
    out.append(
        PublishedRow(
            "total", "All partners", "All services", _row(this_year, total), _row(last_year, total)
        )
    )
    return out


def _row(table: SuppressedTable, i: int) -> dict[str, PublishedCount]:
    return {
        column: PublishedCount(
            table.values[i][j] if table.status[i][j] is CellStatus.shown else None,
            _text(table, i, j),
        )
        for j, column in enumerate(COLUMNS)
    }


def _subtotal(table: SuppressedTable, indices: Sequence[int]) -> dict[str, PublishedCount]:
    """A partner's sums, shown only where every count in them is shown."""
    out: dict[str, PublishedCount] = {}
    for j, column in enumerate(COLUMNS):
        value = sum(table.values[i][j] for i in indices)
        if all(table.status[i][j] is CellStatus.shown for i in indices):
            out[column] = PublishedCount(value, f"{value:,}")
        else:
            out[column] = PublishedCount(None, SUBTOTAL_HIDDEN)
    return out


def _text(table: SuppressedTable, i: int, j: int) -> str:
    text = table.text(i, j)
    return f"{int(text):,}" if text.isdigit() else text
