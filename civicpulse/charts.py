"""Charts for numbers people compare: PNG images drawn with matplotlib (no display needed)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from config import Taxonomy


def trend_chart(
    records: list[dict[str, Any]], taxonomy: Taxonomy, path: Path, by: str = "service"
) -> Path:
    """Horizontal bars per value of ``by`` (service names where ``by`` is the service): this
    period, the previous one and the same one last year."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in records:
        value = r.get(by)
        if by == "service" and value:
            name = taxonomy.service_name(value)
        else:
            name = str(value) if value else "(unknown)"
        for i, key in enumerate(("count", "previous_count", "same_period_last_year_count")):
            totals[name][i] += int(r[key])
    names = sorted(totals, key=lambda n: totals[n][0])
    period = records[0]["period"] if records else ""
    fig, ax = plt.subplots(figsize=(9, 0.45 * max(len(names), 4) + 1.2))
    height = 0.27
    for i, (label, colour) in enumerate(
        (
            (f"{period}", "#1f5fa8"),
            ("previous period", "#8fb3dd"),
            ("same period last year", "#c9c9c9"),
        )
    ):
        ax.barh(
            [y + (1 - i) * height for y in range(len(names))],
            [totals[n][i] for n in names],
            height=height,
            label=label,
            color=colour,
        )
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel("contacts")
    ax.set_title(f"Contacts by {by.replace('_', ' ')}, {period}")
    ax.legend(loc="lower right")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
