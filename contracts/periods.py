"""Reporting periods: day, ISO week, calendar month, UK financial quarter and year.

UK financial years run April to March: 2025/26 is 1 April 2025 to 31 March 2026 and its
Q1 is April-June. Contacts are bucketed by their date in Europe/London, not UTC.
Labels: ``2025-10-14`` (day), ``2025-W41`` (week), ``2025-10`` (month),
``2025/26-Q3`` (quarter), ``2025/26`` (year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, get_args
from zoneinfo import ZoneInfo

from contracts.errors import ContractError

PeriodKind = Literal["day", "week", "month", "quarter", "year"]
PERIOD_KINDS: tuple[PeriodKind, ...] = get_args(PeriodKind)
LOCAL_TZ = ZoneInfo("Europe/London")


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: its kind, label and first/last day (inclusive)."""

    kind: PeriodKind
    start: date
    end: date
    label: str

    def previous(self) -> Period:
        return period_of(self.kind, self.start - timedelta(days=1))

    def next(self) -> Period:
        return period_of(self.kind, self.end + timedelta(days=1))

    def same_period_last_year(self) -> Period:
        """The matching period a year earlier (week 41 -> week 41, 2025/26-Q3 -> 2024/25-Q3)."""
        if self.kind == "week":
            year, week, _ = self.start.isocalendar()
            try:
                return period_of("week", date.fromisocalendar(year - 1, week, 1))
            except ValueError:  # week 53 that the previous year does not have
                return period_of("week", date.fromisocalendar(year - 1, 52, 1))
        if self.kind == "day":
            return period_of("day", _minus_year(self.start))
        return period_of(self.kind, _minus_year(self.start))

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return self.label


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def local_date(moment: datetime) -> date:
    """The calendar date of ``moment`` in the UK (Europe/London)."""
    if moment.tzinfo is None:
        raise ContractError(f"datetime {moment.isoformat()} has no time zone")
    return moment.astimezone(LOCAL_TZ).date()


def financial_year_start(day: date) -> int:
    """The calendar year in which the financial year holding ``day`` starts."""
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_quarter(day: date) -> int:
    """1 for April-June ... 4 for January-March."""
    return (day.month - 4) % 12 // 3 + 1


def period_of(kind: PeriodKind, day: date | datetime) -> Period:
    """The period of ``kind`` that contains ``day`` (a datetime is taken in UK local time)."""
    if isinstance(day, datetime):
        day = local_date(day)
    if kind == "day":
        return Period("day", day, day, day.isoformat())
    if kind == "week":
        year, week, weekday = day.isocalendar()
        start = day - timedelta(days=weekday - 1)
        return Period("week", start, start + timedelta(days=6), f"{year}-W{week:02d}")
    if kind == "month":
        start = day.replace(day=1)
        return Period("month", start, _next_month(start) - timedelta(days=1), f"{day:%Y-%m}")
    fy = financial_year_start(day)
    if kind == "quarter":
        q = financial_quarter(day)
        start_month = 4 + 3 * (q - 1)
        start = date(fy + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
        end = _next_month(_next_month(_next_month(start))) - timedelta(days=1)
        return Period("quarter", start, end, f"{financial_year_label(fy)}-Q{q}")
    if kind == "year":
        return Period("year", date(fy, 4, 1), date(fy + 1, 3, 31), financial_year_label(fy))
    raise ContractError(f"unknown period kind {kind!r}; expected one of {', '.join(PERIOD_KINDS)}")


def last_full_period(kind: PeriodKind, today: date) -> Period:
    """The last period of ``kind`` that is over on ``today``: on 5 December 2026 the quarter
    2026/27-Q2 (July to September), the month 2026-11."""
    return period_of(kind, today).previous()


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})/(\d{2})-Q([1-4])$")),
    ("year", re.compile(r"^(\d{4})/(\d{2})$")),
)


def parse_period(label: str) -> Period:
    """Parse a label: ``2025-10-14``, ``2025-W41``, ``2025-10``, ``2025/26-Q3`` or ``2025/26``."""
    text = label.strip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        parts = [int(g) for g in match.groups()]
        try:
            return _period_from_parts(kind, parts, text)
        except ValueError as exc:
            raise ContractError(f"period {label!r} is not a real {kind}: {exc}") from exc
    raise ContractError(
        f"cannot read period {label!r}: use 2025-10-14 (day), 2025-W41 (week), 2025-10 (month), "
        "2025/26-Q3 (financial quarter) or 2025/26 (financial year)"
    )


def _period_from_parts(kind: PeriodKind, parts: list[int], text: str) -> Period:
    if kind == "day":
        return period_of("day", date(parts[0], parts[1], parts[2]))
    if kind == "week":
        return period_of("week", date.fromisocalendar(parts[0], parts[1], 1))
    if kind == "month":
        return period_of("month", date(parts[0], parts[1], 1))
    start_year, end_yy = parts[0], parts[1]
    if (start_year + 1) % 100 != end_yy:
        raise ValueError(f"{text}: a financial year is written like 2025/26 (consecutive years)")
    if kind == "quarter":
        month = 4 + 3 * (parts[2] - 1)
        return period_of("quarter", date(start_year + (month - 1) // 12, (month - 1) % 12 + 1, 1))
    return period_of("year", date(start_year, 4, 1))


def periods_between(kind: PeriodKind, first: date, last: date) -> list[Period]:
    """Every period of ``kind`` from the one holding ``first`` to the one holding ``last``."""
    out: list[Period] = []
    current = period_of(kind, first)
    while current.start <= last:
        out.append(current)
        current = current.next()
    return out
