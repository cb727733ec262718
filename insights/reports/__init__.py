"""Reports for the steering group: the annual count of complaints, compliments, enquiries
and suggestions by partner and service for a UK financial year, with year-on-year change and
the top categories and wards; as HTML and CSV (small numbers suppressed) and JSON (exact)."""

from insights.reports.annual import TYPES, AnnualReport, AnnualRow, Ranked, annual_report
from insights.reports.published import (
    SUBTOTAL_HIDDEN,
    PublishedCount,
    PublishedRow,
    published_table,
)
from insights.reports.render import (
    CSV_FIELDS,
    annual_csv,
    annual_html,
    annual_json,
)
from insights.reports.satisfaction_public import (
    PublicSatisfaction,
    public_satisfaction,
    satisfaction_csv,
    satisfaction_html,
)
from insights.reports.suppression import COMPLEMENTARY, SMALL, THRESHOLD, shown, suppress_column

__all__ = (
    "COMPLEMENTARY",
    "CSV_FIELDS",
    "SMALL",
    "SUBTOTAL_HIDDEN",
    "THRESHOLD",
    "TYPES",
    "AnnualReport",
    "AnnualRow",
    "PublicSatisfaction",
    "PublishedCount",
    "PublishedRow",
    "Ranked",
    "annual_csv",
    "annual_html",
    "annual_json",
    "annual_report",
    "public_satisfaction",
    "published_table",
    "satisfaction_csv",
    "satisfaction_html",
    "shown",
    "suppress_column",
)
