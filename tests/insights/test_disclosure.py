"""Small-number suppression: no count of 1-4 is shown, and no hidden count can be worked out
by differencing rows, columns and totals, even by a reader who knows that ``<5`` means 1-4
(0-4 where the table hides zeros) and ``[c]`` means 5 or more. The check below works only
from the published text and is written apart from the code it checks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from insights import COMPLEMENTARY, CellStatus, DisclosureError, SuppressedTable, suppress_table


def published_ranges(table: SuppressedTable) -> dict[tuple[int, int], tuple[float, float]]:
    """What a reader can deduce about each hidden cell from the published text alone."""
    text = table.published_rows()
    grid = [row[1:] for row in text]
    unknowns = [(i, j) for i, row in enumerate(grid) for j, t in enumerate(row) if not t.isdigit()]
    column = {cell: k for k, cell in enumerate(unknowns)}
    rows, columns = len(grid), len(grid[0])
    equations, constants = [], []

    def add_constraint(parts: list[tuple[int, int]], total: tuple[int, int]) -> None:
        coefficients, constant = np.zeros(len(unknowns)), 0.0
        for cell, sign in [*((p, 1.0) for p in parts), (total, -1.0)]:
            value = grid[cell[0]][cell[1]]
            if cell in column:
                coefficients[column[cell]] += sign
            else:
                constant -= sign * int(value)
        equations.append(coefficients)
        constants.append(constant)

    for i in range(rows):
        add_constraint([(i, j) for j in range(columns - 1)], (i, columns - 1))
    for j in range(columns):
        add_constraint([(i, j) for i in range(rows - 1)], (rows - 1, j))
    small = (0 if table.zeros_hidden else 1, 4)
    bounds = [small if grid[i][j] == "<5" else (5, None) for i, j in unknowns]
    ranges = {}
    for k, cell in enumerate(unknowns):
        objective = np.zeros(len(unknowns))
        objective[k] = 1
        low = linprog(objective, A_eq=equations, b_eq=constants, bounds=bounds)
        high = linprog(-objective, A_eq=equations, b_eq=constants, bounds=bounds)
        assert low.status == 0, low.message  # the true table is always a solution
        ranges[cell] = (low.fun, np.inf if high.status == 3 else -high.fun)
    return ranges


def check_safe(table: SuppressedTable) -> None:
    for i, row in enumerate(table.values):
        for j, value in enumerate(row):
            shown = table.text(i, j)
            if 0 < value < 5 or (value == 0 and table.zeros_hidden):
                assert shown == "<5"
            elif table.status[i][j] is CellStatus.secondary:
                assert shown == COMPLEMENTARY and value >= 5
            else:
                assert shown == str(value)
    cells = list(np.ndindex(len(table.values), len(table.values[0])))
    lines = [[c for c in cells if c[0] == i] for i in range(len(table.values))]
    lines += [[c for c in cells if c[1] == j] for j in range(len(table.values[0]))]
    for line in lines:
        hidden = [table.values[i][j] for i, j in line if table.text(i, j) in ("<5", "[c]")]
        assert len(hidden) != 1 or hidden == [0], f"a line with one hidden count: {line}"
    for cell, (low, high) in published_ranges(table).items():
        value = table.values[cell[0]][cell[1]]
        assert low - 1e-6 <= value <= high + 1e-6
        if value > 0:
            assert high - low >= 1 - 1e-6, f"cell {cell} ({value}) pinned to {low}..{high}"


def test_one_small_cell_gets_a_cycle_of_complements() -> None:
    table = suppress_table([[3, 10], [12, 20]], ["north", "south"], ["web", "phone"])
    assert table.published_rows() == [
        ["north", "<5", "[c]", "13"],
        ["south", "[c]", "[c]", "32"],
        ["Total", "15", "30", "45"],
    ]
    check_safe(table)


def test_two_small_cells_that_must_sum_to_two_are_protected_further() -> None:
    # Hiding only the 1s and one cell per column would leave them summing to 7 - 5 = 2, so
    # each would be 1: the audit keeps hiding until each has more than one possible value.
    table = suppress_table([[1, 1, 5], [10, 10, 7]], ["a", "b"], ["x", "y", "z"])
    check_safe(table)
    assert table.text(0, 2) == COMPLEMENTARY


def test_zeros_are_shown_and_small_totals_hidden() -> None:
    table = suppress_table([[0, 2], [0, 0]], ["a", "b"], ["x", "y"])
    assert not table.zeros_hidden
    assert table.legend()[0] == "<5: from 1 to 4"
    assert table.published_rows() == [
        ["a", "0", "<5", "<5"],
        ["b", "0", "0", "0"],
        ["Total", "0", "<5", "<5"],
    ]
    check_safe(table)


def test_a_table_that_pins_small_counts_whenever_zeros_are_shown_hides_them() -> None:
    # Four <5 cells and a total of <5 with each cell 1 or more: every one would be 1.
    table = suppress_table([[1, 1, 1, 1, 0], [9, 8, 7, 6, 5]], ["a", "b"], list("vwxyz"))
    assert table.zeros_hidden
    assert table.published_rows()[0][1:] == ["<5"] * 6
    assert table.legend()[0] == "<5: fewer than 5, possibly none (zeros are not shown here)"
    check_safe(table)


def test_a_table_with_nothing_small_is_published_whole() -> None:
    table = suppress_table([[5, 0], [12, 7]], ["a", "b"], ["x", "y"])
    assert table.hidden() == []
    assert table.published_rows()[-1] == ["Total", "17", "7", "24"]


@pytest.mark.parametrize(
    ("counts", "rows", "columns", "message"),
    [
        ([[1, 2]], ["a", "b"], ["x", "y"], "1 rows of counts for 2 row labels"),
        ([[1, 2], [3]], ["a", "b"], ["x", "y"], "row 'b': 1 counts for 2 columns"),
        ([[1, -2]], ["a"], ["x", "y"], "row 'a': counts must be whole numbers"),
        ([], [], [], "0 rows"),
    ],
)
def test_malformed_tables_are_refused(
    counts: list[list[int]], rows: list[str], columns: list[str], message: str
) -> None:
    with pytest.raises(DisclosureError, match=message):
        suppress_table(counts, rows, columns)


small_or_not = st.one_of(
    st.just(0), st.integers(min_value=1, max_value=4), st.integers(min_value=5, max_value=40)
)


@st.composite
def tables(draw: st.DrawFn) -> list[list[int]]:
    rows = draw(st.integers(min_value=1, max_value=5))
    columns = draw(st.integers(min_value=1, max_value=5))
    row = st.lists(small_or_not, min_size=columns, max_size=columns)
    return draw(st.lists(row, min_size=rows, max_size=rows))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
@example([[1, 1, 5], [10, 10, 7]])
@example([[4, 0], [0, 4]])
@example([[1, 1], [1, 1]])
@example([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
@example([[2, 30, 30], [30, 30, 30], [30, 30, 2]])
def test_no_hidden_count_can_be_worked_out(counts: list[list[int]]) -> None:
    labels = [f"r{i}" for i in range(len(counts))], [f"c{j}" for j in range(len(counts[0]))]
    check_safe(suppress_table(counts, *labels))
