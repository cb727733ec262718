"""The public satisfaction table: counts of 1-4 read <5, and with the published totals no
hidden count can be worked out by differencing (each hidden non-zero cell has more than one
possible value given every shown number and what the symbols mean)."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime

from config import ReferenceData
from contracts import parse_period
from insights.reports import public_satisfaction, satisfaction_csv, satisfaction_html
from sinks import RatedContact

YEAR = parse_period("2025/26")


def ratings(service: str, scores: dict[int, int]) -> list[RatedContact]:
    return [
        RatedContact(
            rating_id=uuid.uuid4(),
            contact_id=uuid.uuid4(),
            rated_at=datetime(2025, 6, 1, tzinfo=UTC),
            score=score,
            follow_up_requested=False,
            partner="council",
            service=service,
            category=None,
            contact_type="complaint",
            ward=None,
            versions=1,
        )
        for score, n in scores.items()
        for _ in range(n)
    ]


def test_small_cells_are_suppressed_so_that_totals_do_not_give_them_away(
    reference: ReferenceData,
) -> None:
    given = (
        ratings("waste_recycling", {5: 40, 3: 12, 1: 2})  # 2 dissatisfied: <5
        + ratings("parks_open_spaces", {4: 30, 3: 9, 2: 11})
        + ratings("housing_repairs", {5: 25, 3: 3, 1: 20})  # 3 neither: <5
    )
    published = public_satisfaction(given, YEAR, reference)
    rows = published.rows()
    text = satisfaction_csv(published) + satisfaction_html(published)
    assert "<5" in text or "&lt;5" in text
    by_service = {r["service"]: r for r in rows}
    waste = by_service["Waste and recycling"]
    assert waste["dissatisfied"] == "<5"
    # The row total of waste would give away its <5 cell, so something more is hidden.
    hidden_in_waste = [
        k for k in ("satisfied", "neither", "dissatisfied", "total") if waste[k] in ("<5", "[c]")
    ]
    assert len(hidden_in_waste) >= 2
    # Brute force: every assignment of hidden cells consistent with the published numbers
    # and totals leaves each hidden non-zero count with at least two possible values.
    table = published.table
    hidden = table.hidden()
    shown = {
        (i, j): table.values[i][j]
        for i in range(len(table.row_labels))
        for j in range(4)
        if (i, j) not in hidden
    }

    def possible(cell: tuple[int, int]) -> range:
        return range(1, 5) if table.text(*cell) == "<5" else range(5, 60)

    n_rows = len(table.row_labels)
    solutions: dict[tuple[int, int], set[int]] = {c: set() for c in hidden}
    for values in itertools.product(*(possible(c) for c in hidden)):
        grid = dict(shown) | dict(zip(hidden, values, strict=True))
        rows_ok = all(sum(grid[(i, j)] for j in range(3)) == grid[(i, 3)] for i in range(n_rows))
        cols_ok = all(
            sum(grid[(i, j)] for i in range(n_rows - 1)) == grid[(n_rows - 1, j)] for j in range(4)
        )
        if rows_ok and cols_ok:
            for cell, value in zip(hidden, values, strict=True):
                solutions[cell].add(value)
    assert all(len(v) >= 2 for v in solutions.values()), solutions
    assert all(r["satisfied_pct"] == "-" or r["satisfied"] not in ("<5", "[c]") for r in rows)
    assert "<caption>" in satisfaction_html(published) and 'scope="row"' in satisfaction_html(
        published
    )
