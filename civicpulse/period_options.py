"""What a command's ``--period``, ``--year`` or ``--as-of`` means: a label parsed (a bad one
ends the command in one line), or the last full period of a kind when none was given (named on
standard error); and the period that holds the latest data, for a command that found none."""

from __future__ import annotations

from datetime import UTC, datetime

from civicpulse.context import errors, fail
from contracts import (
    ContractError,
    Period,
    PeriodKind,
    last_full_period,
    local_date,
    parse_period,
    period_of,
)

__all__ = ("financial_year", "parsed_period", "period_or_last_full", "where_latest_is")


def parsed_period(label: str) -> Period:
    try:
        return parse_period(label)
    except ContractError as exc:
        raise fail(str(exc)) from exc


def period_or_last_full(label: str | None, kind: PeriodKind) -> Period:
    """The period ``label`` names, or the last full period of ``kind`` (said on stderr)."""
    if label is not None:
        return parsed_period(label)
    chosen = last_full_period(kind, local_date(datetime.now(UTC)))
    errors.print(
        f"no --period: the last full {kind}, {chosen.label} ({chosen.start:%-d %B %Y} to "
        f"{chosen.end:%-d %B %Y})",
        highlight=False,
    )
    return chosen


def financial_year(label: str) -> Period:
    """``--year``: a financial year such as 2025/26, nothing shorter."""
    year = parsed_period(label)
    if year.kind != "year":
        raise fail(f"--year {label!r} is a {year.kind}; give a financial year like 2025/26")
    return year


def where_latest_is(latest: datetime, kind: PeriodKind) -> str:
    """The period of ``kind`` holding ``latest``, as a command would be asked for it."""
    holding = period_of(kind, latest)
    return f"{holding.label} (--period {holding.label})"
