"""What a reader can work out about hidden cells of a table with totals: each hidden cell's
feasible range under the additive constraints and the bounds its label implies, by linear
programming. The constraint matrix is totally unimodular, so the extremes are whole numbers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import linprog

from insights.errors import DisclosureError

Cell = tuple[int, int]
Bounds = tuple[float, float | None]


def first_pinned(
    grid: Sequence[Sequence[int]], bounds: Mapping[Cell, Bounds], check: Iterable[Cell]
) -> Cell | None:
    """The first of ``check`` (hidden cells, keys of ``bounds``) that has only one possible
    value; None when each has at least two."""
    cells = sorted(bounds)
    index = {cell: k for k, cell in enumerate(cells)}
    a_eq, b_eq = _constraints(grid, index)
    limits = [bounds[cell] for cell in cells]
    # Every solution found is a witness: a cell that differs between two of them has a range,
    # which saves most of the linear programs.
    witnesses: list[NDArray[np.float64]] = []
    for cell in sorted(check):
        k = index[cell]
        if len({round(float(w[k])) for w in witnesses}) > 1:
            continue
        objective = np.zeros(len(cells))
        objective[k] = 1.0
        extremes = []
        for sign in (1.0, -1.0):
            result = linprog(sign * objective, A_eq=a_eq, b_eq=b_eq, bounds=limits, method="highs")
            if result.status == 3:  # unbounded above: certainly more than one value
                extremes.append(float("inf"))
                continue
            if result.status != 0:
                raise DisclosureError(f"cannot audit cell {cell}: {result.message}")
            witnesses.append(np.asarray(result.x, dtype=float))
            extremes.append(float(result.x[k]))
        if abs(extremes[1] - extremes[0]) < 0.5:
            return cell
    return None


def _constraints(
    grid: Sequence[Sequence[int]], index: Mapping[Cell, int]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """One equation per row and column (totals included): the entries before the last sum
    to the last. Shown values move to the right-hand side."""
    rows, columns = len(grid), len(grid[0])
    lines = [[(i, j) for j in range(columns)] for i in range(rows)]
    lines += [[(i, j) for i in range(rows)] for j in range(columns)]
    a_eq = np.zeros((len(lines), len(index)))
    b_eq = np.zeros(len(lines))
    for k, line in enumerate(lines):
        for position, (i, j) in enumerate(line):
            sign = -1.0 if position == len(line) - 1 else 1.0
            if (i, j) in index:
                a_eq[k, index[(i, j)]] = sign
            else:
                b_eq[k] -= sign * grid[i][j]
    return a_eq, b_eq
