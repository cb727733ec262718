"""Small-number suppression for outputs the public may see: a count of 1 to 4 is shown as
``<5``; when that leaves exactly one hidden cell in a column whose total is published, the
next smallest cell is hidden too (``[c]``) so the total cannot reveal it. Zero is shown."""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 5
SMALL = f"<{THRESHOLD}"
COMPLEMENTARY = "[c]"


def shown(count: int) -> str:
    """``<5`` for 1-4, else the count with thousands separators."""
    return SMALL if 0 < count < THRESHOLD else f"{count:,}"


def suppress_column(counts: Sequence[int]) -> list[str]:
    """Each count as published, with complementary suppression against the column total."""
    out = [shown(c) for c in counts]
    hidden = [i for i, c in enumerate(counts) if 0 < c < THRESHOLD]
    if len(hidden) == 1:
        others = [i for i, c in enumerate(counts) if c >= THRESHOLD]
        if others:
            out[min(others, key=lambda i: (counts[i], i))] = COMPLEMENTARY
    return out


def change_shown(now: int, before: int, *, now_text: str, before_text: str) -> str:
    """Year-on-year change as ``+12%``; ``-`` when either side is hidden or nothing before."""
    if not _exact(now_text) or not _exact(before_text) or before == 0:
        return "-" if before else ("new" if now and _exact(now_text) else "-")
    return f"{(now - before) / before:+.0%}"


def _exact(text: str) -> bool:
    return text not in (SMALL, COMPLEMENTARY)
