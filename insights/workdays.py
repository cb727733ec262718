"""Working days in England and Wales: Monday to Friday except bank holidays, which come from
the maintained ``holidays`` package (substitute days and one-off holidays included), never
from a list typed into code. Dates are taken in UK local time (Europe/London).

Counting rule (what "within N working days" means here):
- a moment is taken as its UK local date, moved on to the next working day if that date is a
  weekend or bank holiday (received on Saturday: the clock starts on Monday);
- the day the clock starts is day 0; each later working day adds one, up to and including
  the (moved-on) date of the end moment: received Monday, answered Tuesday = 1 working day;
- the due date for N working days is the Nth working day after the clock starts, and an
  answer is within target when it took at most N working days, i.e. was given on or before
  the due date (an answer on the Saturday after a Friday due date is late).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from insights.errors import CaseDataError, InsightError

UK_TIME = ZoneInfo("Europe/London")
# England and Wales share bank holidays; the package calls that calendar GB subdivision ENG.
_COUNTRY, _SUBDIVISION = "GB", "ENG"


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> dict[date, str]:
    """England and Wales bank holidays in ``year`` (observed substitutes included), by date."""
    calendar = holidays.country_holidays(_COUNTRY, subdiv=_SUBDIVISION, years=year)
    return {day: str(name) for day, name in sorted(calendar.items()) if day.year == year}


def local_day(moment: datetime) -> date:
    """The calendar date of ``moment`` in the UK; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InsightError(f"datetime {moment.isoformat()} has no time zone")
    return moment.astimezone(UK_TIME).date()


def _before(end: datetime | date, start: datetime | date) -> bool:
    if isinstance(end, datetime) and isinstance(start, datetime):
        return end < start
    end_day = local_day(end) if isinstance(end, datetime) else end
    return end_day < (local_day(start) if isinstance(start, datetime) else start)


def _weekdays_through(day: date) -> int:
    """Mondays to Fridays from 1 January of year 1 (a Monday) to ``day`` inclusive."""
    weeks, weekday = divmod(day.toordinal() - 1, 7)
    return 5 * weeks + min(weekday + 1, 5)


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days in England and Wales. ``extra_closed_days`` adds days the package does not
    know yet (a one-off bank holiday announced after the installed release) or local
    closures; pass it from configuration, never hard-code it."""

    extra_closed_days: frozenset[date] = field(default_factory=frozenset)

    def holiday_name(self, day: date) -> str | None:
        """The bank holiday (or extra closed day) on ``day``, if any."""
        if day in self.extra_closed_days:
            return bank_holidays(day.year).get(day, "closed")
        return bank_holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a bank holiday or extra closed day."""
        return day.weekday() < 5 and self.holiday_name(day) is None

    def clock_start(self, moment: datetime | date) -> date:
        """Day 0 of the count: the UK date of ``moment``, or the next working day after it."""
        day = local_day(moment) if isinstance(moment, datetime) else moment
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_between(self, start: datetime | date, end: datetime | date) -> int:
        """Working days from ``start`` to ``end`` under the counting rule above (0 when both
        fall on the same working day, or ``end`` comes before the clock starts)."""
        if _before(end, start):
            raise CaseDataError(f"ends at {end.isoformat()}, before it starts {start.isoformat()}")
        first, last = self.clock_start(start), self.clock_start(end)
        if last <= first:
            return 0
        weekdays = _weekdays_through(last) - _weekdays_through(first)
        return weekdays - self._weekday_closures_in(first, last)

    def add_working_days(self, start: datetime | date, n: int) -> date:
        """The due date ``n`` working days after the clock starts for ``start``."""
        if n < 0:
            raise InsightError(f"cannot count back {n} working days; targets are 0 or more")
        day = self.clock_start(start)
        for _ in range(n):
            day = self.clock_start(day + timedelta(days=1))
        return day

    def _weekday_closures_in(self, first: date, last: date) -> int:
        """Bank holidays and extra closed days on Monday to Friday, after ``first`` up to and
        including ``last``."""
        closed: set[date] = set()
        for year in range(first.year, last.year + 1):
            closed.update(bank_holidays(year))
        closed.update(self.extra_closed_days)
        days = sorted(d for d in closed if d.weekday() < 5)
        return bisect_right(days, last) - bisect_left(days, first + timedelta(days=1))
