"""Per-category phrase banks: what residents say about each taxonomy category.

One data module per service; ``load_phrasebank`` parses them all and checks that every
category of a taxonomy has a bank.
"""

from __future__ import annotations

from samples.errors import PhraseBankError
from samples.phrases import (
    adult_care,
    children,
    community_safety,
    customer,
    environment,
    highways,
    housing,
    leisure,
    parking,
    parks,
    planning,
    revenues,
    waste,
)
from samples.phrases.bank import KNOWN_SLOTS, MINIMUM_LINES, CategoryPhrases, parse_bank

_MODULES = (
    waste, highways, parking, housing, revenues, environment, community_safety, parks,
    leisure, adult_care, children, planning, customer,
)  # fmt: skip

__all__ = ("KNOWN_SLOTS", "MINIMUM_LINES", "CategoryPhrases", "load_phrasebank")


def load_phrasebank(category_ids: tuple[str, ...] | None = None) -> dict[str, CategoryPhrases]:
    """Every bank by category id; ``PhraseBankError`` if any of ``category_ids`` has none."""
    banks: dict[str, CategoryPhrases] = {}
    for module in _MODULES:
        for category, phrases in parse_bank(module.TEXT, source=module.__name__).items():
            if category in banks:
                raise PhraseBankError(
                    f"defined twice (again in {module.__name__})", category=category
                )
            banks[category] = phrases
    missing = [c for c in category_ids or () if c not in banks]
    if missing:
        raise PhraseBankError(f"no phrase bank for categories: {', '.join(missing)}")
    return banks
