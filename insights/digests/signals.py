"""What digests take from ``insights.analysis``: direction of travel with polarity, significant
changes (the alert detector), ward hotspots and emerging topics, reshaped into the small
records the templates show. The only digest module that imports the analysis, so its API can
move without the templates noticing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from contracts import period_of, periods_between
from insights.analysis import (
    TopicSettings,
    build_series,
    detect,
    direction_of_travel,
    emerging_topics,
    labels_from_reference,
    load_series,
    rag_status,
    ward_hotspots,
)
from insights.digests.source import DigestSource

UNSURE_LIMIT = 400  # the scope's most recent unsure contacts clustered for a digest
TOPIC_WINDOW = timedelta(days=27)  # at least four weeks of unsure contacts, even for a week
COUNTED = frozenset({"complaint", "compliment", "enquiry", "suggestion"})
LONGER: dict[str, set[str]] = {  # target periods a digest of this kind rates to date
    "month": {"month", "quarter", "year"},
    "quarter": {"quarter", "year"},
}


@dataclass(frozen=True)
class ChangeItem:
    """A significant change: observed against expected from history, and why it matters."""

    label: str
    observed: int
    expected: float
    direction: str  # up | down
    travel: str  # better | worse | up | down (with the contact type's polarity)
    q_value: float
    reason: str


@dataclass(frozen=True)
class HotspotItem:
    """A ward behind a service's change in complaints against the same period last year."""

    service: str
    ward: str
    count: int
    before: int
    share_of_change: float | None
    rate_per_1000: float | None
    reason: str


@dataclass(frozen=True)
class TopicItem:
    """A cluster of recent contacts the classifier was unsure about, alike in wording."""

    label: str
    issues: int  # distinct reports once near-duplicates are linked
    reports: int
    channels: tuple[str, ...]
    partners: tuple[str, ...]
    first_seen: str
    last_seen: str
    examples: tuple[str, ...]


@dataclass(frozen=True)
class TargetItem:
    """A service's count against its target: red, amber or green ("on course to be achieved"
    when the target's period is longer than the digest's and only part of it has passed)."""

    service: str
    measure: str
    span: str  # the periods counted, e.g. "2025/26-Q3 to 2025-10" or "2025-10"
    value: int
    limit: float
    bound: str  # max | min
    rag: str
    reason: str


def travel(contact_type: str, now: int, then: int) -> str:
    """``better``/``worse``/``same`` (``up``/``down`` for neutral types) against ``then``."""
    return direction_of_travel(contact_type, now, then).value


def significant_changes(source: DigestSource, *, limit: int = 8) -> list[ChangeItem]:
    """Alerts for the digest's period over its services' category x type series (each tested
    against its own history, false discoveries controlled across them), most significant
    first."""
    series = []
    for service in source.scope.services:
        series.extend(
            load_series(
                source.engine,
                source.period.kind,
                ("service", "category", "contact_type"),
                where={"service": service},
            )
        )
    alerts = detect(series, source.period, labels=labels_from_reference(source.reference))
    return [
        ChangeItem(
            label=a.reason.split(":", 1)[0],
            observed=a.observed,
            expected=a.expected,
            direction=a.direction,
            travel=a.travel.value,
            q_value=a.q_value,
            reason=a.reason,
        )
        for a in alerts[:limit]
    ]


def complaint_hotspots(source: DigestSource, *, limit: int = 5) -> list[HotspotItem]:
    """Per service, the wards driving its complaints' change against the same period last
    year (only wards moving with the total). Built from the counts the digest has already
    read, so it costs no query."""
    populations = {w.name: w.population for w in source.reference.wards if w.population}
    counts = source.rollup(("service", "contact_type", "ward"))
    out: list[HotspotItem] = []
    for service in source.scope.services:
        rows = [
            (label, (ward,), n)
            for label in (source.period.label, source.last_year.label)
            for (svc, kind, ward), n in counts.get(label, {}).items()
            if svc == service and kind == "complaint"
        ]
        if not rows:
            continue
        series = build_series(
            source.period.kind, ("ward",), rows, first=source.last_year, last=source.period
        )
        name = source.reference.taxonomy.service_name(service)
        for spot in ward_hotspots(series, source.period, populations=populations, top=limit):
            if not spot.ward or spot.share_of_change is None or spot.share_of_change <= 0:
                continue
            out.append(
                HotspotItem(
                    service=name,
                    ward=spot.ward,
                    count=spot.count,
                    before=int(spot.reference or 0),
                    share_of_change=spot.share_of_change,
                    rate_per_1000=spot.rate_per_1000,
                    reason=f"{name} complaints in {spot.reason}",
                )
            )
    return out


def topics_for(source: DigestSource, *, limit: int = 3) -> list[TopicItem]:
    """Emerging topics among the scope's recent contacts the classifier was unsure about
    (whatever category it guessed: a new problem has none yet), most distinct issues first."""
    period = source.period
    since = min(period.start, period.end - TOPIC_WINDOW)
    contacts = source.unsure_contacts(since, limit=UNSURE_LIMIT)
    topics = emerging_topics(contacts, TopicSettings(max_contacts=UNSURE_LIMIT))
    return [
        TopicItem(
            label=topic.label,
            issues=topic.issues,
            reports=topic.reports,
            channels=tuple(c.replace("_", " ") for c in topic.channels),
            partners=tuple(_partner(source, p) for p in topic.partners),
            first_seen=topic.first_seen.isoformat(),
            last_seen=topic.last_seen.isoformat(),
            examples=tuple(" ".join(e.split()) for e in topic.examples[:2]),
        )
        for topic in topics[:limit]
    ]


def _partner(source: DigestSource, partner: str) -> str:
    names = {p.id: p.name for p in source.reference.partners}
    return names.get(partner, partner)


def target_ratings(source: DigestSource) -> list[TargetItem]:
    """RAG for the scope's count targets that apply: those set per the digest's kind of
    period, and, for month and quarter digests, those per quarter or year (to date, projected
    pro rata to the whole period). Satisfaction targets wait for the satisfaction section."""
    period = source.period
    out: list[TargetItem] = []
    for target in source.targets:
        if target.service not in source.scope.services or target.measure not in COUNTED:
            continue
        if target.per == period.kind:
            spans = [period]
            container = period
        elif period.kind in ("month", "quarter") and target.per in LONGER[period.kind]:
            container = period_of(target.per, period.start)
            spans = periods_between("month", container.start, period.end)
        else:
            continue
        counts = source.counts(("service", "contact_type"), spans)
        value = sum(c.get((target.service, target.measure), 0) for c in counts.values())
        elapsed = len(spans) / len(periods_between("month", container.start, container.end))
        if target.per == period.kind:
            elapsed = 1.0
        if source.to_date is not None:  # part of the last month: count its days, not all
            counted = (source.to_date - container.start).days + 1
            elapsed = counted / ((container.end - container.start).days + 1)
        rag = rag_status(value, target, elapsed=elapsed)
        span = period.label if container == period else f"{container.label} to {period.label}"
        name = source.reference.taxonomy.service_name(target.service)
        limit = f"{'at most' if target.bound == 'max' else 'at least'} {target.limit:g}"
        projected = "" if elapsed == 1.0 else f", on course for {value / elapsed:.0f}"
        out.append(
            TargetItem(
                service=name,
                measure=target.measure,
                span=span,
                value=value,
                limit=target.limit,
                bound=target.bound,
                rag=rag.value,
                reason=(
                    f"{name} {target.measure}s, {span}: {value}{projected} against a target "
                    f"of {limit} a {target.per}: {rag.value}."
                ),
            )
        )
    return out
