"""Building a digest for a scope (a service manager's services and a period): the period's
table from the trend counts, then each section in turn. The one entry point for the command,
the scheduler and the bench, so all of them build the same thing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Engine

from config import ReferenceData, ServiceStandards
from insights.analysis import Target
from insights.digests.errors import DigestError
from insights.digests.model import Digest, DigestScope, Section, TableRow
from insights.digests.sections import (
    TYPES,
    ComplimentsSection,
    DigestSection,
    ExamplesSection,
    SummarySection,
    TableSection,
)
from insights.digests.sections_actions import ActionsSection
from insights.digests.sections_analysis import (
    ChangesSection,
    EmergingSection,
    HotspotsSection,
    TargetsSection,
)
from insights.digests.sections_lifecycle import (
    FollowUpsSection,
    SatisfactionSection,
    TimelinessSection,
)
from insights.digests.signals import travel
from insights.digests.source import DigestSource

DEFAULT_SECTIONS: tuple[DigestSection, ...] = (
    SummarySection(),
    ChangesSection(),
    FollowUpsSection(),  # overdue follow-ups are escalated: near the top
    TargetsSection(),
    TableSection(),
    HotspotsSection(),
    EmergingSection(),
    ComplimentsSection(),
    SatisfactionSection(),
    TimelinessSection(),
    ActionsSection(),
    ExamplesSection(),
)


def build_digest(
    engine: Engine,
    reference: ReferenceData,
    scope: DigestScope,
    *,
    sections: Sequence[DigestSection] = DEFAULT_SECTIONS,
    targets: Sequence[Target] = (),
    now: datetime | None = None,
    standards: ServiceStandards | None = None,
) -> Digest:
    """The digest of ``scope``: its table and every section that has something to say
    (``targets``, from ``insights.analysis.load_targets``, give red/amber/green;
    ``standards`` from ``config/standards.yaml`` measure timeliness and satisfaction)."""
    unknown = [s for s in scope.services if s not in reference.taxonomy.service_ids]
    if unknown:
        raise DigestError(
            f"unknown service(s) {', '.join(unknown)}; "
            f"known: {', '.join(reference.taxonomy.service_ids)}",
            key=scope.key,
        )
    now = now or datetime.now(UTC)
    source = DigestSource(engine, reference, scope, targets, standards, now)
    table = period_table(source)
    built: list[Section] = []
    for section in sections:
        result = section.build(source, table)
        if result is not None:
            built.append(result)
    return Digest(
        scope=scope,
        title=f"{', '.join(scope.services)} {scope.period.label}",
        generated_at=now,
        previous=source.previous,
        last_year=source.last_year,
        table=tuple(table),
        sections=tuple(built),
        to_date=source.to_date,
    )


def period_table(source: DigestSource) -> list[TableRow]:
    """Service x category x type rows with any contacts in the period or its comparisons,
    in taxonomy order."""
    counts = source.rollup(("service", "category", "contact_type"))
    now = counts.get(source.period.label, {})
    previous = counts.get(source.previous.label, {})
    last_year = counts.get(source.last_year.label, {})
    keys = set(now) | set(previous) | set(last_year)
    taxonomy = source.reference.taxonomy
    rows: list[TableRow] = []
    for service_id in source.scope.services:
        service = taxonomy.service(service_id)
        names = {c.id: c.name for c in service.categories}
        stored = sorted({k[1] for k in keys if k[0] == service_id} - set(names))
        for category in [*names, *stored]:
            for contact_type in TYPES:
                key = (service_id, category, contact_type)
                if key not in keys:
                    continue
                n, p, ly = now.get(key, 0), previous.get(key, 0), last_year.get(key, 0)
                rows.append(
                    TableRow(
                        service=service_id,
                        service_name=service.name,
                        category=category,
                        category_name=names.get(category, category),
                        contact_type=contact_type,
                        count=n,
                        previous=p,
                        last_year=ly,
                        travel=travel(contact_type, n, ly),
                    )
                )
    return rows
