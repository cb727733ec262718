"""The steering group's annual report: complaints, compliments, enquiries and suggestions by
partner and service for a UK financial year (April to March, by UK date), against the year
before, with the top categories and wards. Read from the trend table's ``year`` cells."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine

from config import ReferenceData, ServiceStandards
from contracts import ContactType, Period, local_date
from insights.actions import ActionReport, action_reports
from insights.errors import DigestError
from insights.reports.service_quality import ServiceQuality, service_quality
from sinks import grouped_trend_counts, yearly_type_totals

TYPES: tuple[str, ...] = tuple(t.value for t in ContactType)


@dataclass(frozen=True)
class AnnualRow:
    """One partner x service x contact type; ``partner`` is None when not known."""

    partner: str | None
    partner_name: str
    service: str
    service_name: str
    contact_type: str
    count: int
    previous_year_count: int


@dataclass(frozen=True)
class Ranked:
    """A category or ward with its contacts this year and last, and its complaints."""

    name: str
    detail: str  # the category's service, or the ward's rate per 1,000 residents
    count: int
    previous_year_count: int
    complaints: int
    previous_year_complaints: int


@dataclass(frozen=True)
class AnnualReport:
    year: Period
    previous_year: Period
    totals: dict[str, int]
    previous_totals: dict[str, int]
    rows: tuple[AnnualRow, ...]
    top_categories: tuple[Ranked, ...]
    top_wards: tuple[Ranked, ...]
    history: dict[str, dict[str, int]]  # financial year label -> type -> count
    generated_at: datetime
    actions: tuple[ActionReport, ...] = ()  # "you said, we did" in the year
    quality: ServiceQuality = field(default_factory=ServiceQuality)  # timeliness, satisfaction
    partner_names: dict[str, str] = field(default_factory=dict)
    service_names: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """``year``, ``from``, ``to``, ``totals`` and ``rows`` (exact counts, for tools; rows carry
        ids to join on and the names the published report shows)."""
        return {
            "year": self.year.label,
            "from": self.year.start.isoformat(),
            "to": self.year.end.isoformat(),
            "totals": dict(self.totals),
            "actions": [a.record() for a in self.actions],
            **self.quality.as_json(),
            "rows": [
                {
                    "partner": r.partner,
                    "partner_name": r.partner_name,
                    "service": r.service,
                    "service_name": r.service_name,
                    "contact_type": r.contact_type,
                    "count": r.count,
                    "previous_year_count": r.previous_year_count,
                }
                for r in self.rows
            ],
        }


def annual_report(
    engine: Engine,
    reference: ReferenceData,
    year: Period,
    *,
    top: int = 10,
    now: datetime | None = None,
    standards: ServiceStandards | None = None,
) -> AnnualReport:
    """The report for financial ``year`` (a ``2025/26`` period); ``standards`` (from
    ``config/standards.yaml``) measure timeliness and satisfaction."""
    if year.kind != "year":
        raise DigestError(f"{year.label} is not a financial year; use one like 2025/26")
    previous = year.same_period_last_year()
    labels = (year.label, previous.label)
    cells = _year_cells(engine, ("partner", "service", "contact_type"), labels)
    now_cells, before_cells = cells.get(year.label, {}), cells.get(previous.label, {})
    totals = {t: 0 for t in TYPES}
    previous_totals = {t: 0 for t in TYPES}
    for (_, _, t), n in now_cells.items():
        totals[t] = totals.get(t, 0) + n
    for (_, _, t), n in before_cells.items():
        previous_totals[t] = previous_totals.get(t, 0) + n
    partner_names = {p.id: p.name for p in reference.partners}
    partner_order = {p.id: i for i, p in enumerate(reference.partners)}
    service_order = {s: i for i, s in enumerate(reference.taxonomy.service_ids)}
    keys = sorted(
        set(now_cells) | set(before_cells),
        key=lambda k: (
            partner_order.get(k[0], len(partner_order)),
            k[0],
            service_order.get(k[1], len(service_order)),
            k[1],
            TYPES.index(k[2]) if k[2] in TYPES else len(TYPES),
        ),
    )
    rows = tuple(
        AnnualRow(
            partner=p or None,
            partner_name=partner_names.get(p, p) if p else "Partner not known",
            service=s,
            service_name=reference.taxonomy.service_name(s),
            contact_type=t,
            count=now_cells.get((p, s, t), 0),
            previous_year_count=before_cells.get((p, s, t), 0),
        )
        for p, s, t in keys
    )
    return AnnualReport(
        year=year,
        previous_year=previous,
        totals=totals,
        previous_totals=previous_totals,
        rows=rows,
        top_categories=_top_categories(engine, reference, labels, top),
        top_wards=_top_wards(engine, reference, labels, top),
        history=_history(engine),
        generated_at=now or datetime.now(UTC),
        actions=tuple(
            action_reports(
                engine,
                reference.taxonomy,
                taken_from=year.start,
                taken_to=year.end,
                today=local_date(now or datetime.now(UTC)),
            )
        ),
        quality=service_quality(
            engine, year, standards or ServiceStandards(), now or datetime.now(UTC)
        ),
        partner_names=partner_names,
        service_names={s.id: s.name for s in reference.taxonomy.services},
    )


def _year_cells(
    engine: Engine, by: Sequence[str], labels: Sequence[str]
) -> dict[str, dict[tuple[str, ...], int]]:
    return grouped_trend_counts(engine, by, labels, ["year"])


def _ranked(engine: Engine, by: str, labels: Sequence[str]) -> dict[str, tuple[int, int, int, int]]:
    cells = _year_cells(engine, (by, "contact_type"), labels)
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for column, label in enumerate(labels):
        for (name, t), n in cells.get(label, {}).items():
            out[name][column] += n
            if t == "complaint":
                out[name][2 + column] += n
    return {k: (v[0], v[1], v[2], v[3]) for k, v in out.items()}


def _top_categories(
    engine: Engine, reference: ReferenceData, labels: Sequence[str], top: int
) -> tuple[Ranked, ...]:
    taxonomy = reference.taxonomy
    names = {c.id: (c.name, s.name) for s in taxonomy.services for c in s.categories}
    ranked = _ranked(engine, "category", labels)
    order = sorted(ranked, key=lambda k: (-ranked[k][0], k))[:top]
    return tuple(
        Ranked(names.get(k, (k, ""))[0], names.get(k, (k, ""))[1], *ranked[k]) for k in order
    )


def _top_wards(
    engine: Engine, reference: ReferenceData, labels: Sequence[str], top: int
) -> tuple[Ranked, ...]:
    ranked = {k: v for k, v in _ranked(engine, "ward", labels).items() if k}
    order = sorted(ranked, key=lambda k: (-ranked[k][0], k))[:top]
    out = []
    for ward in order:
        population = reference.ward_population(ward)
        rate = f"{1000 * ranked[ward][0] / population:.1f}" if population else ""
        out.append(Ranked(ward, rate, *ranked[ward]))
    return tuple(out)


def _history(engine: Engine) -> dict[str, dict[str, int]]:
    return yearly_type_totals(engine)
