"""The annual report's service-quality tables for the steering group: how quickly each
partner's services responded (against ``config/standards.yaml``) and how satisfied residents
were with the responses, over a financial year. Exact rows; the published page hides the
figures of any row resting on fewer than ``THRESHOLD`` contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from config import ServiceStandards
from contracts import Period
from insights.case_reports import period_bounds, satisfaction_table, timeliness_table
from insights.reports.suppression import SMALL, THRESHOLD
from insights.satisfaction import SatisfactionRow
from insights.timeliness import TimelinessRow
from insights.workdays import WorkingCalendar
from sinks import cases_received_between, cases_responded_between, ratings_between

BY = ("partner", "service")


@dataclass(frozen=True)
class ServiceQuality:
    """Timeliness and satisfaction by partner and service for one year."""

    timeliness: tuple[TimelinessRow, ...] = ()
    satisfaction: tuple[SatisfactionRow, ...] = ()

    def as_json(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "timeliness": [r.json_row() for r in self.timeliness],
            "satisfaction": [r.json_row() for r in self.satisfaction],
        }


def service_quality(
    engine: Engine, year: Period, standards: ServiceStandards, now: datetime
) -> ServiceQuality:
    """Responses to the contacts received in ``year`` and the ratings given in it."""
    bounds = period_bounds(year)
    timeliness, _ = timeliness_table(
        cases_received_between(engine, *bounds), BY, year, standards, WorkingCalendar(), now
    )
    satisfaction = satisfaction_table(
        ratings_between(engine, *bounds),
        ratings_between(engine, *period_bounds(year.same_period_last_year())),
        cases_responded_between(engine, *bounds),
        BY,
        year,
        standards.satisfied_scores,
    )
    return ServiceQuality(tuple(timeliness), tuple(satisfaction))


def _pct(value: float | None) -> str:
    return "no figure" if value is None else f"{value:.0f}%"


def published_timeliness(row: TimelinessRow) -> dict[str, str]:
    """What the public page shows of a row: counts under the threshold read ``<5`` and the
    figures worked out from them are not shown."""
    if 0 < row.responded < THRESHOLD:
        return {"responded": SMALL, "within_target": "not shown", "median": "not shown",
                "open_overdue": _count(row.open_overdue)}  # fmt: skip
    median = row.median_working_days
    return {
        "responded": f"{row.responded:,}",
        "within_target": _pct(row.within_target_pct),
        "median": "no figure" if median is None else f"{median:g}",
        "open_overdue": _count(row.open_overdue),
    }


def published_satisfaction(row: SatisfactionRow) -> dict[str, str]:
    if 0 < row.ratings < THRESHOLD:
        return {"ratings": SMALL, "satisfied": "not shown", "interval": "not shown",
                "direction": "not shown"}  # fmt: skip
    ci = row.satisfied_ci
    return {
        "ratings": f"{row.ratings:,}",
        "satisfied": _pct(row.satisfied_pct),
        "interval": "no figure" if ci is None else f"{ci[0]:.0f}% to {ci[1]:.0f}%",
        "direction": row.direction.value if row.direction else "no earlier figure",
    }


def _count(n: int) -> str:
    return SMALL if 0 < n < THRESHOLD else f"{n:,}"
