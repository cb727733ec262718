"""What people read, built from typed rows by pure functions: working days and service
standards (timeliness). Never reads the database or Kafka."""

from insights.errors import CaseDataError, InsightsError
from insights.group_keys import GroupKey
from insights.standards import CaseTimeliness, case_timeliness, standard_for
from insights.timeliness import TIMELINESS_FIELDS, TimelinessRow, timeliness_row, timeliness_rows
from insights.workdays import UK_TIME, WorkingCalendar, bank_holidays, local_day

__all__ = (
    "TIMELINESS_FIELDS",
    "UK_TIME",
    "CaseDataError",
    "CaseTimeliness",
    "GroupKey",
    "InsightsError",
    "TimelinessRow",
    "WorkingCalendar",
    "bank_holidays",
    "case_timeliness",
    "local_day",
    "standard_for",
    "timeliness_row",
    "timeliness_rows",
)
