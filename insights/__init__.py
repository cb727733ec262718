"""What people read, built from typed rows by pure functions: working days and service
standards (timeliness), satisfaction with its intervals and direction, and small-number
suppression for published tables. Never reads the database or Kafka."""

from insights.disclosure import (
    COMPLEMENTARY,
    THRESHOLD,
    CellStatus,
    SuppressedTable,
    suppress_table,
)
from insights.errors import CaseDataError, DisclosureError, InsightsError
from insights.group_keys import GroupKey
from insights.proportions import Z_95, difference_interval, wilson_interval
from insights.satisfaction import (
    SATISFACTION_FIELDS,
    Direction,
    SatisfactionRow,
    Tally,
    direction,
    satisfaction_row,
    satisfaction_rows,
    tally,
)
from insights.standards import CaseTimeliness, case_timeliness, standard_for
from insights.timeliness import TIMELINESS_FIELDS, TimelinessRow, timeliness_row, timeliness_rows
from insights.workdays import UK_TIME, WorkingCalendar, bank_holidays, local_day

__all__ = (
    "COMPLEMENTARY",
    "SATISFACTION_FIELDS",
    "THRESHOLD",
    "TIMELINESS_FIELDS",
    "UK_TIME",
    "Z_95",
    "CaseDataError",
    "CaseTimeliness",
    "CellStatus",
    "Direction",
    "DisclosureError",
    "GroupKey",
    "InsightsError",
    "SatisfactionRow",
    "SuppressedTable",
    "Tally",
    "TimelinessRow",
    "WorkingCalendar",
    "bank_holidays",
    "case_timeliness",
    "difference_interval",
    "direction",
    "local_day",
    "satisfaction_row",
    "satisfaction_rows",
    "standard_for",
    "suppress_table",
    "tally",
    "timeliness_row",
    "timeliness_rows",
    "wilson_interval",
)
