"""Choosing complementary cells for a table with totals. Rows and columns (totals included)
are vertices and hidden cells are edges; a hidden cell on no cycle of hidden cells (a
bridge) has a fixed value, so a cycle is closed through it with the cheapest shown cells."""

from __future__ import annotations

import heapq
from collections.abc import Collection, Sequence

from insights.errors import DisclosureError

Cell = tuple[int, int]


def first_bridge(
    grid: Sequence[Sequence[int]], hidden: Collection[Cell], protect: Collection[Cell]
) -> Cell | None:
    """The first cell of ``protect`` that lies on no cycle of ``hidden`` cells."""
    rows = len(grid)
    for cell in sorted(protect):
        start, goal = _vertices(cell, rows)
        others = [_vertices(c, rows) for c in hidden if c != cell]
        if not _connected(start, goal, others):
            return cell
    return None


def cheapest_cycle(
    grid: Sequence[Sequence[int]], hidden: Collection[Cell], bridge: Cell
) -> list[Cell]:
    """Shown non-zero cells whose hiding closes a cycle through ``bridge``: the cheapest by
    (sum of their counts, how many), hidden cells being free. Dijkstra from the bridge's row
    to its column, never along the bridge itself."""
    rows = len(grid)
    start, goal = _vertices(bridge, rows)
    edges: dict[int, list[tuple[int, Cell]]] = {}
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if (value > 0 or (i, j) in hidden) and (i, j) != bridge:
                a, b = _vertices((i, j), rows)
                edges.setdefault(a, []).append((b, (i, j)))
                edges.setdefault(b, []).append((a, (i, j)))
    best: dict[int, tuple[int, int]] = {start: (0, 0)}
    came_by: dict[int, tuple[int, Cell]] = {}
    queue: list[tuple[int, int, int]] = [(0, 0, start)]
    while queue:
        cost, count, vertex = heapq.heappop(queue)
        if vertex == goal:
            break
        if (cost, count) > best[vertex]:
            continue
        for nxt, cell in sorted(edges.get(vertex, ())):
            step = (0, 0) if cell in hidden else (grid[cell[0]][cell[1]], 1)
            candidate = (cost + step[0], count + step[1])
            if nxt not in best or candidate < best[nxt]:
                best[nxt], came_by[nxt] = candidate, (vertex, cell)
                heapq.heappush(queue, (*candidate, nxt))
    if goal not in came_by:
        raise DisclosureError(f"no shown cells can protect cell {bridge}")
    path, vertex = [], goal
    while vertex != start:
        vertex, cell = came_by[vertex]
        path.append(cell)
    return [cell for cell in path if cell not in hidden]


def nearest_shown(
    grid: Sequence[Sequence[int]], hidden: Collection[Cell], cell: Cell
) -> Cell | None:
    """The smallest shown non-zero cell in ``cell``'s row or column, else anywhere; None when
    every non-zero cell is hidden."""
    shown = [
        (value, i, j)
        for i, row in enumerate(grid)
        for j, value in enumerate(row)
        if value > 0 and (i, j) not in hidden
    ]
    near = [s for s in shown if s[1] == cell[0] or s[2] == cell[1]]
    if not (near or shown):
        return None
    _, i, j = min(near or shown)
    return i, j


def _vertices(cell: Cell, rows: int) -> tuple[int, int]:
    """Rows are vertices 0..rows-1 and columns follow, so a cell is an edge."""
    return cell[0], rows + cell[1]


def _connected(start: int, goal: int, edges: list[tuple[int, int]]) -> bool:
    neighbours: dict[int, list[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    seen, frontier = {start}, [start]
    while frontier:
        vertex = frontier.pop()
        if vertex == goal:
            return True
        for nxt in neighbours.get(vertex, ()):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False
