"""Small PNG charts for digests, drawn with matplotlib's object API (no pyplot state, so safe in
worker threads). Sized for a 600-pixel email column; colours match the templates."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

TYPE_COLOURS: dict[str, str] = {
    "complaint": "#b3261e",
    "compliment": "#1e7b34",
    "enquiry": "#1f5fa8",
    "suggestion": "#8a5a00",
}
_NOW, _BEFORE = "#1f5fa8", "#c3cad3"
WIDTH_PX, DPI = 560, 100


def trend_png(
    labels: Sequence[str], series: Mapping[str, Sequence[int]], title: str
) -> tuple[bytes, str]:
    """Lines per contact type over ``labels`` (the last point is the digest's period)."""
    fig = Figure(figsize=(WIDTH_PX / DPI, 2.5), dpi=DPI)
    ax = fig.add_subplot()
    x = range(len(labels))
    for name, counts in series.items():
        colour = TYPE_COLOURS.get(name, "#555555")
        ax.plot(x, counts, color=colour, linewidth=1.8, label=plural(name))
        ax.plot([x[-1]], [counts[-1]], "o", color=colour, markersize=5)
    step = -(-len(labels) // 5)  # at most about five labels, so they never overlap
    ticks = list(range(len(labels) - 1, -1, -step))[::-1]  # always label the latest period
    ax.set_xticks(ticks, [labels[i] for i in ticks])
    _style(ax)
    ax.set_ylim(bottom=0, top=max([1, *(max(c) for c in series.values())]) * 1.25)
    ax.legend(fontsize=8, frameon=False, ncol=max(len(series), 1), loc="upper left")
    alt = "; ".join(f"{plural(n)} {c[-1]} in {labels[-1]}" for n, c in series.items())
    return _png(fig, title), f"{title}: {alt}"


def bars_png(
    rows: Sequence[tuple[str, int, int]], now_label: str, before_label: str, title: str
) -> tuple[bytes, str]:
    """Horizontal bars per row name: this period against a comparison period."""
    height = 0.9 + 0.32 * max(len(rows), 3)
    fig = Figure(figsize=(WIDTH_PX / DPI, height), dpi=DPI)
    ax = fig.add_subplot()
    names = [_short(name) for name, _, _ in rows][::-1]
    now = [n for _, n, _ in rows][::-1]
    before = [b for _, _, b in rows][::-1]
    y = range(len(rows))
    ax.barh([i + 0.2 for i in y], now, height=0.4, color=_NOW, label=now_label)
    ax.barh([i - 0.2 for i in y], before, height=0.4, color=_BEFORE, label=before_label)
    ax.set_yticks(list(y), names, fontsize=8)
    _style(ax)
    ax.legend(fontsize=8, frameon=False, ncol=2, loc="lower right", bbox_to_anchor=(1, 1))
    alt = "; ".join(f"{name} {n} (was {b})" for name, n, b in rows)
    return _png(fig, title, left=0.36), f"{title}: {alt}"


def columns_png(
    labels: Sequence[str], series: Mapping[str, Sequence[int]], title: str
) -> tuple[bytes, str]:
    """Grouped columns: one group per label (e.g. financial year), one column per series."""
    fig = Figure(figsize=(WIDTH_PX / DPI, 2.8), dpi=DPI)
    ax = fig.add_subplot()
    width = 0.8 / max(len(series), 1)
    for k, (name, counts) in enumerate(series.items()):
        offset = (k - (len(series) - 1) / 2) * width
        ax.bar(
            [i + offset for i in range(len(labels))],
            counts,
            width=width,
            color=TYPE_COLOURS.get(name, "#555555"),
            label=plural(name),
        )
    ax.set_xticks(list(range(len(labels))), list(labels))
    _style(ax)
    ax.grid(axis="x", visible=False)
    ax.legend(fontsize=8, frameon=False, ncol=max(len(series), 1), loc="upper left")
    ax.set_ylim(top=max([1, *(max(c, default=0) for c in series.values())]) * 1.25)
    alt = "; ".join(
        f"{label}: " + ", ".join(f"{plural(n)} {c[i]}" for n, c in series.items())
        for i, label in enumerate(labels)
    )
    return _png(fig, title), f"{title}: {alt}"


def plural(contact_type: str) -> str:
    return "enquiries" if contact_type == "enquiry" else f"{contact_type}s"


def _style(ax: object) -> None:
    from matplotlib.axes import Axes

    assert isinstance(ax, Axes)
    ax.tick_params(labelsize=8, colors="#444444")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x" if ax.get_yticks().size and ax.patches else "y", color="#e5e5e5")
    ax.set_axisbelow(True)


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _png(fig: Figure, title: str, left: float = 0.08) -> bytes:
    """Fixed margins (tight_layout costs a second draw): 0.35 in above, 0.45 in below."""
    height = fig.get_figheight()
    fig.subplots_adjust(left=left, right=0.97, top=1 - 0.4 / height, bottom=0.45 / height)
    fig.text(0.015, 1 - 0.08 / height, title, fontsize=10, color="#222222", va="top")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()
