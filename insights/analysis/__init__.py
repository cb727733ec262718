"""Trend analysis over the trend table: comparisons, direction of travel with polarity and RAG,
alerts a statistician can sign off, ward hotspots and emerging topics. Reads the database only
in ``load_series`` and ``load_unsure_contacts``; the rest are pure functions over their results."""

from insights.analysis.baseline import Baseline, HistoryRules, RecentShift, fit_baseline
from insights.analysis.compare import (
    Change,
    Comparison,
    compare,
    population_for,
    rate_per_1000,
    rolling_baseline,
    share_of_total,
    year_to_date,
)
from insights.analysis.contacts import load_unsure_contacts
from insights.analysis.detector import (
    Assessment,
    DetectorConfig,
    assess,
    detect,
    detect_all_periods,
    latest_period,
    score_series,
)
from insights.analysis.errors import AnalysisError
from insights.analysis.hotspots import Against, Hotspot, ward_hotspots
from insights.analysis.polarity import (
    Polarity,
    Rag,
    Target,
    Travel,
    direction_of_travel,
    polarity_of,
    rag_status,
    target_for,
)
from insights.analysis.reasons import (
    Labels,
    alert_reason,
    labels_from_reference,
    period_name,
    record_phrase,
    series_label,
    travel_reason,
)
from insights.analysis.series import PeriodSeries, build_series, load_series
from insights.analysis.significance import bh_qvalues, tail_probabilities, two_sided_p
from insights.analysis.targets import load_targets, parse_targets
from insights.analysis.topics import (
    DuplicateGroup,
    EmergingTopic,
    TopicContact,
    TopicSettings,
    emerging_topics,
    is_unsure,
    link_near_duplicates,
)

__all__ = (
    "Against",
    "AnalysisError",
    "Assessment",
    "Baseline",
    "Change",
    "Comparison",
    "DetectorConfig",
    "DuplicateGroup",
    "EmergingTopic",
    "HistoryRules",
    "Hotspot",
    "Labels",
    "PeriodSeries",
    "Polarity",
    "Rag",
    "RecentShift",
    "Target",
    "TopicContact",
    "TopicSettings",
    "Travel",
    "alert_reason",
    "assess",
    "bh_qvalues",
    "build_series",
    "compare",
    "detect",
    "detect_all_periods",
    "direction_of_travel",
    "emerging_topics",
    "fit_baseline",
    "is_unsure",
    "labels_from_reference",
    "latest_period",
    "link_near_duplicates",
    "load_series",
    "load_targets",
    "load_unsure_contacts",
    "parse_targets",
    "period_name",
    "polarity_of",
    "population_for",
    "rag_status",
    "rate_per_1000",
    "record_phrase",
    "rolling_baseline",
    "score_series",
    "series_label",
    "share_of_total",
    "tail_probabilities",
    "target_for",
    "travel_reason",
    "two_sided_p",
    "ward_hotspots",
    "year_to_date",
)
