"""Small-number suppression for tables the public sees (counts by row and column, with row,
column and grand totals), so that no published figure reveals a count of 1 to 4, directly or
by differencing rows, columns and totals.

- Primary: every count from 1 to threshold - 1, totals included, is shown as ``<5``. Zero is
  shown (ONS practice: a zero counts nobody), so a reader knows ``<5`` means 1 to 4.
- Secondary: other cells are hidden as ``[c]`` (always counts of 5 or more) until no hidden
  non-zero count can be worked out. Taking rows and columns (totals included) as vertices and
  hidden cells as edges, a hidden cell whose value is fixed by the additive constraints is
  exactly one on no cycle of hidden cells (a bridge; the only unknown in a line is one);
  each gets the cheapest set of shown cells that closes a cycle through it (smallest sum).
- Audit: knowing that ``<5`` is 1-4 and ``[c]`` is 5 or more can still pin a cell on a cycle
  (two ``<5`` cells that must sum to 2 are both 1), so each hidden non-zero cell's feasible
  range is computed by linear programming; while one has a single possible value, the
  smallest shown non-zero cell in its row or column is hidden too.
- Some tables cannot be protected while zeros are shown (a row of four 1s and a 0 with its
  total of 4: the four ``<5`` are 1 each, whatever else is hidden). Then zeros are hidden as
  ``<5`` too, the table says that ``<5`` means 0 to 4 (``zeros_hidden``), and the same steps
  run again. A hidden zero may be worked out: a zero discloses no one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from insights._audit import Bounds, first_pinned
from insights._complements import cheapest_cycle, first_bridge, nearest_shown
from insights.errors import DisclosureError

THRESHOLD = 5
COMPLEMENTARY = "[c]"
Cell = tuple[int, int]


class CellStatus(StrEnum):
    shown = "shown"
    primary = "primary"  # a count under the threshold (zero too when ``zeros_hidden``)
    secondary = "secondary"  # hidden so that the primary cells cannot be worked out


@dataclass(frozen=True)
class SuppressedTable:
    """A table with its totals (last row and column) and what each cell may show. ``values``
    holds the true counts: publish only ``text``, ``published_rows`` and ``legend``."""

    row_labels: tuple[str, ...]
    column_labels: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    status: tuple[tuple[CellStatus, ...], ...]
    threshold: int = THRESHOLD
    zeros_hidden: bool = False

    def text(self, row: int, column: int) -> str:
        status = self.status[row][column]
        if status is CellStatus.primary:
            return f"<{self.threshold}"
        if status is CellStatus.secondary:
            return COMPLEMENTARY
        return str(self.values[row][column])

    def published_rows(self) -> list[list[str]]:
        """Each row as published: its label, then every column's text (totals last)."""
        return [
            [label, *(self.text(i, j) for j in range(len(self.column_labels)))]
            for i, label in enumerate(self.row_labels)
        ]

    def legend(self) -> tuple[str, ...]:
        """What the symbols mean, to print under the table."""
        small = f"<{self.threshold}"
        meaning = (
            f"{small}: fewer than {self.threshold}, possibly none (zeros are not shown here)"
            if self.zeros_hidden
            else f"{small}: from 1 to {self.threshold - 1}"
        )
        return meaning, f"{COMPLEMENTARY}: hidden so that other small numbers cannot be worked out"

    def hidden(self) -> list[Cell]:
        return [
            (i, j)
            for i, row in enumerate(self.status)
            for j, status in enumerate(row)
            if status is not CellStatus.shown
        ]


def suppress_table(
    counts: Sequence[Sequence[int]],
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    *,
    threshold: int = THRESHOLD,
    total_label: str = "Total",
) -> SuppressedTable:
    """Add totals to ``counts`` (rows x columns) and suppress as the module docstring says."""
    grid = _with_totals(counts, row_labels, column_labels, threshold)
    zeros_hidden = False
    hidden = _suppress(grid, threshold, zeros_hidden=False)
    if hidden is None:
        zeros_hidden = True
        hidden = _suppress(grid, threshold, zeros_hidden=True)
    if hidden is None:
        raise DisclosureError(
            "no suppression pattern protects this table even with every count hidden; "
            "publish it with fewer rows or columns"
        )
    return SuppressedTable(
        row_labels=(*row_labels, total_label),
        column_labels=(*column_labels, total_label),
        values=tuple(tuple(row) for row in grid),
        status=tuple(
            tuple(hidden.get((i, j), CellStatus.shown) for j in range(len(row)))
            for i, row in enumerate(grid)
        ),
        threshold=threshold,
        zeros_hidden=zeros_hidden,
    )


def _suppress(
    grid: list[list[int]], threshold: int, *, zeros_hidden: bool
) -> dict[Cell, CellStatus] | None:
    """Hidden cells by status, or None when some count stays pinned with all hidden."""
    lowest = 0 if zeros_hidden else 1
    hidden = {
        (i, j): CellStatus.primary
        for i, row in enumerate(grid)
        for j, value in enumerate(row)
        if lowest <= value < threshold
    }
    while True:
        protect = [cell for cell in hidden if grid[cell[0]][cell[1]] > 0]
        bridge = first_bridge(grid, hidden, protect)
        if bridge is not None:
            for cell in cheapest_cycle(grid, hidden, bridge):
                hidden[cell] = CellStatus.secondary
            continue
        bounds: dict[Cell, Bounds] = {
            cell: (lowest, threshold - 1) if status is CellStatus.primary else (threshold, None)
            for cell, status in hidden.items()
        }
        pinned = first_pinned(grid, bounds, protect)
        if pinned is None:
            return hidden
        widen = nearest_shown(grid, hidden, pinned)
        if widen is None:
            return None
        hidden[widen] = CellStatus.secondary


def _with_totals(
    counts: Sequence[Sequence[int]],
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    threshold: int,
) -> list[list[int]]:
    if threshold < 2:
        raise DisclosureError(f"threshold {threshold}: must be 2 or more")
    if not counts or len(counts) != len(row_labels):
        raise DisclosureError(f"{len(counts)} rows of counts for {len(row_labels)} row labels")
    for label, row in zip(row_labels, counts, strict=True):
        if len(row) != len(column_labels) or not row:
            raise DisclosureError(
                f"row {label!r}: {len(row)} counts for {len(column_labels)} columns"
            )
        if any(not isinstance(v, int) or v < 0 for v in row):
            raise DisclosureError(f"row {label!r}: counts must be whole numbers, 0 or more")
    grid = [[*row, sum(row)] for row in counts]
    grid.append([sum(column) for column in zip(*grid, strict=True)])
    return grid
