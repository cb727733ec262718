"""When a contact or rating may be dated: never more than a day ahead of now (refused), and
before the configured earliest year only with a warning. Pure: the caller supplies ``now``."""

from __future__ import annotations

from datetime import datetime, timedelta

__all__ = ("FUTURE_TOLERANCE", "early_date_warning", "future_date_problem")

# A day covers every time zone and a sender's slightly wrong clock; more is a typo (2099).
FUTURE_TOLERANCE = timedelta(days=1)


def future_date_problem(moment: datetime, *, now: datetime) -> str | None:
    """Why ``moment`` cannot be when something happened (it is over a day after ``now``)."""
    if moment - now > FUTURE_TOLERANCE:
        return f"{moment.isoformat()} is more than a day in the future"
    return None


def early_date_warning(moment: datetime, *, earliest_year: int | None) -> str | None:
    """A warning when ``moment`` is before ``earliest_year`` (accepted, but likely a typo)."""
    if earliest_year is not None and moment.year < earliest_year:
        return f"{moment.isoformat()} is before {earliest_year}; accepted, but check it"
    return None
