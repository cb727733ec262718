"""What people read: trend analysis and alerts (``analysis``), digests for service managers
(``digests``) and reports for the steering group and the public (``reports``); working days
and service standards, satisfaction with its intervals and direction, and small-number
suppression. Pure functions over typed rows that ``sinks`` reads; never writes the database
and never sends anything (``delivery`` does)."""

from insights.case_reports import (
    CASE_DIMENSIONS,
    RATING_DIMENSIONS,
    CaseProblem,
    period_bounds,
    satisfaction_table,
    timeliness_table,
)
from insights.disclosure import (
    COMPLEMENTARY,
    THRESHOLD,
    CellStatus,
    SuppressedTable,
    suppress_table,
)
from insights.errors import (
    AnalysisError,
    CaseDataError,
    DigestError,
    DisclosureError,
    InsightError,
)
from insights.followups import (
    FOLLOW_UP_FIELDS,
    FollowUpView,
    check_status_change,
    follow_up_view,
    follow_up_views,
)
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
    "CASE_DIMENSIONS",
    "COMPLEMENTARY",
    "FOLLOW_UP_FIELDS",
    "RATING_DIMENSIONS",
    "SATISFACTION_FIELDS",
    "THRESHOLD",
    "TIMELINESS_FIELDS",
    "UK_TIME",
    "Z_95",
    "AnalysisError",
    "CaseDataError",
    "CaseProblem",
    "CaseTimeliness",
    "CellStatus",
    "DigestError",
    "Direction",
    "DisclosureError",
    "FollowUpView",
    "GroupKey",
    "InsightError",
    "SatisfactionRow",
    "SuppressedTable",
    "Tally",
    "TimelinessRow",
    "WorkingCalendar",
    "bank_holidays",
    "case_timeliness",
    "check_status_change",
    "difference_interval",
    "direction",
    "follow_up_view",
    "follow_up_views",
    "local_day",
    "period_bounds",
    "satisfaction_row",
    "satisfaction_rows",
    "satisfaction_table",
    "standard_for",
    "suppress_table",
    "tally",
    "timeliness_row",
    "timeliness_rows",
    "timeliness_table",
    "wilson_interval",
)
