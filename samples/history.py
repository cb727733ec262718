"""A multi-year, realistic history of classified contacts (events from ``contracts``) for
back-filling a database: seasonality by month, weekday effects, growth, overdispersion and the
injected events of ``samples.history_events``; texts from the starter dataset (no personal
data). Generates only: ``civicpulse backfill`` writes it through the sink. Seeded and stable."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from itertools import accumulate
from pathlib import Path

import numpy as np

from config import ReferenceData
from contracts import (
    Categorisation,
    Channel,
    ContactClassified,
    ContactReceived,
    ContactType,
    LabelSource,
    contact_id_for,
)
from samples.errors import SamplesError
from samples.history_events import (
    DEFAULT_EVENTS,
    Drop,
    EmergingTopic,
    HistoryEvent,
    LevelShift,
    Spike,
    drop_factor,
)
from samples.history_mix import (
    MONTH_FACTORS,
    SERVICE_SHARES,
    WEEKDAY_FACTORS,
    category_weight,
    channel_mix,
    partner_mix,
    season_factor,
    type_shares,
)
from samples.timeline import pick_moment

HISTORY_SEED = 20260331
HISTORY_SOURCE = "history"
_NIGHT = frozenset({"noise_nuisance", "asb_youths", "vehicle_nuisance", "drugs_dealing"})
_UNKNOWN_WARD_SHARE = 0.04
Texts = dict[tuple[str, str], list[tuple[str | None, str]]]


@dataclass(frozen=True)
class HistoryPlan:
    """What to generate: dates (inclusive), first-year volume, yearly growth, events, seed."""

    start: date = date(2021, 4, 1)
    end: date = date(2026, 3, 31)
    per_year: int = 12_000
    growth: float = 0.05
    seed: int = HISTORY_SEED
    events: tuple[HistoryEvent, ...] = DEFAULT_EVENTS
    monthly_noise: float = 0.08  # sd of a service-month's log-level (overdispersion)


@dataclass(frozen=True)
class HistoricContact:
    contact: ContactReceived
    classified: ContactClassified


def load_texts(path: Path) -> Texts:
    """Starter texts by (category, contact type): what residents' contacts read like."""
    texts: Texts = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts[(row["category"], row["contact_type"])].append(
                (row["subject"] or None, row["text"])
            )
    return dict(texts)


def generate_history(
    plan: HistoryPlan, reference: ReferenceData, texts: Texts
) -> Iterator[HistoricContact]:
    """Every contact of the plan, day by day, oldest first."""
    if plan.end < plan.start:
        raise SamplesError(f"history ends ({plan.end}) before it starts ({plan.start})")
    return _Generator(plan, reference, texts).contacts()


@dataclass(frozen=True)
class _Cell:
    service: str
    category: str
    contact_type: ContactType
    weight: float


class _Generator:
    """One run of a plan: the seeded random streams and the tables built once."""

    def __init__(self, plan: HistoryPlan, reference: ReferenceData, texts: Texts) -> None:
        self.plan, self.texts = plan, texts
        self.np_rng = np.random.default_rng(plan.seed)
        self.rng = random.Random(plan.seed)
        self.cells = _cells(reference, texts)
        self.service_of = reference.taxonomy.service_of_category
        self.wards, self.partners = _picks(reference, self.cells, plan.seed + 1)
        self.day, self.n = plan.start, 0
        self.channels: tuple[list[Channel], list[float]] = ([], [])

    def contacts(self) -> Iterator[HistoricContact]:
        plan, cells = self.plan, self.cells
        weights = np.array([c.weight for c in cells])
        seasons = np.array([[season_factor(c.category, m) for c in cells] for m in range(1, 13)])
        services = sorted({c.service for c in cells})
        service_index = np.array([services.index(c.service) for c in cells])
        months = (plan.end.year - plan.start.year) * 12 + plan.end.month - plan.start.month + 1
        noise = np.exp(self.np_rng.normal(0.0, plan.monthly_noise, size=(months, len(services))))
        while self.day <= plan.end:
            day = self.day
            years = (day - plan.start).days / 365.25
            level = plan.per_year / 365.25 * (1 + plan.growth) ** years
            level *= MONTH_FACTORS[day.month] * WEEKDAY_FACTORS[day.weekday()]
            month = (day.year - plan.start.year) * 12 + day.month - plan.start.month
            lam = level * weights * seasons[day.month - 1] * noise[month, service_index]
            if any(isinstance(e, Drop) and e.start <= day <= e.end for e in plan.events):
                lam *= np.array([drop_factor(plan.events, c.category, day) for c in cells])
            mix = channel_mix(day, plan.start, plan.end)
            self.channels = ([c for c, _ in mix], list(accumulate(w for _, w in mix)))
            self.n = 0
            counts = self.np_rng.poisson(lam)
            for i in np.flatnonzero(counts):
                for _ in range(int(counts[i])):
                    yield self.contact(cells[i])
            for event in plan.events:
                yield from self.event_contacts(event, lam)
            self.day += timedelta(days=1)

    def event_contacts(self, event: HistoryEvent, lam: np.ndarray) -> Iterator[HistoricContact]:
        day, cells = self.day, self.cells
        if isinstance(event, Spike) and event.start <= day <= event.end:
            for i, cell in enumerate(cells):
                if cell.category == event.category and cell.contact_type == event.contact_type:
                    for _ in range(int(self.np_rng.poisson(lam[i] * event.extra))):
                        yield self.contact(cell, ward=event.ward)
        elif isinstance(event, LevelShift) and day >= event.start:
            for i, cell in enumerate(cells):
                if cell.service in event.services and cell.contact_type in event.contact_types:
                    for _ in range(int(self.np_rng.poisson(lam[i] * (event.factor - 1)))):
                        yield self.contact(cell, channel=event.channel)
        elif isinstance(event, EmergingTopic) and event.start <= day <= event.end:
            for _ in range(int(self.np_rng.poisson(float(lam.sum()) * event.share))):
                yield self.emerging(event)
        # a Drop is applied to the rates themselves

    def contact(
        self, cell: _Cell, *, ward: str | None = None, channel: Channel | None = None
    ) -> HistoricContact:
        rng = self.rng
        if ward is None and rng.random() >= _UNKNOWN_WARD_SHARE:
            names, cum = self.wards[cell.category]
            ward = rng.choices(names, cum_weights=cum)[0]
        names, cum = self.partners[cell.category]
        partner = rng.choices(names, cum_weights=cum)[0]
        if channel is None:
            channel = rng.choices(self.channels[0], cum_weights=self.channels[1])[0]
        subject, text = rng.choice(self.texts[(cell.category, cell.contact_type.value)])
        if channel == Channel.crm_export:  # the CRM's own labels
            source, confidence = LabelSource.source, 1.0
        else:
            source, confidence = LabelSource.model, min(0.99, rng.betavariate(9, 2))
        labels = Categorisation(
            contact_type=cell.contact_type,
            service=cell.service,
            category=cell.category,
            confidence=round(confidence, 3),
            label_source=source,
            model_version=None if source == LabelSource.source else HISTORY_SOURCE,
            needs_review=confidence < 0.55,
        )
        return self.build(cell.category in _NIGHT, channel, partner, ward, subject, text, labels)

    def emerging(self, event: EmergingTopic) -> HistoricContact:
        rng = self.rng
        category = rng.choice(event.categories)
        text = rng.choice(event.texts).format(place=rng.choice(event.places))
        if rng.random() < event.duplicate_share:  # the same report made again, lightly edited
            text = rng.choice(("Reporting this again. ", "Second time of asking. ", "")) + text
        names, cum = self.wards[category]
        labels = Categorisation(
            contact_type=ContactType.complaint if rng.random() < 0.8 else ContactType.enquiry,
            service=self.service_of[category],
            category=category,
            confidence=round(rng.uniform(0.18, 0.5), 3),
            label_source=LabelSource.model,
            model_version=HISTORY_SOURCE,
            needs_review=True,
        )
        return self.build(
            False,
            rng.choice((Channel.web, Channel.email, Channel.social_media)),
            "police" if rng.random() < 0.25 else "council",
            rng.choices(names, cum_weights=cum)[0],
            None,
            text,
            labels,
        )

    def build(
        self,
        night_owl: bool,
        channel: Channel,
        partner: str,
        ward: str | None,
        subject: str | None,
        text: str,
        labels: Categorisation,
    ) -> HistoricContact:
        self.n += 1
        ref = f"HIS-{self.day:%Y%m%d}-{self.n:05d}"
        received = pick_moment(self.rng, self.day, night_owl=night_owl)
        contact = ContactReceived(
            contact_id=contact_id_for(HISTORY_SOURCE, ref),
            received_at=received,
            channel=channel,
            source_system=HISTORY_SOURCE,
            source_ref=ref,
            partner=partner,
            subject=subject,
            text=text,
            ward=ward,
        )
        classified = ContactClassified.model_construct(
            contact_id=contact.contact_id,
            classified_at=(received + timedelta(seconds=self.rng.randint(5, 900))).astimezone(UTC),
            **dict(labels),
        )
        return HistoricContact(contact, classified)


Picks = dict[str, tuple[list[str], list[float]]]


def _cells(reference: ReferenceData, texts: Texts) -> list[_Cell]:
    cells: list[_Cell] = []
    for service in reference.taxonomy.services:
        share = SERVICE_SHARES.get(service.id, 0.03)
        total = sum(category_weight(c.id) for c in service.categories)
        for category in service.categories:
            for contact_type, type_share in type_shares(service.id).items():
                if (category.id, contact_type.value) not in texts:
                    continue
                weight = share * category_weight(category.id) / total * type_share
                cells.append(_Cell(service.id, category.id, contact_type, weight))
    if not cells:
        raise SamplesError("no starter texts match the taxonomy: cannot write a history")
    return cells


def _picks(reference: ReferenceData, cells: list[_Cell], seed: int) -> tuple[Picks, Picks]:
    """Ward weights (population x a fixed local factor x a category affinity) and partners."""
    np_rng = np.random.default_rng(seed)
    wards = [w for w in reference.wards if w.population]
    if not wards:
        raise SamplesError("no wards with a population in the reference data")
    local = np.exp(np_rng.normal(0.0, 0.25, size=len(wards)))
    population = np.array([float(w.population or 0) for w in wards])
    ward_picks: Picks = {}
    partner_picks: Picks = {}
    for category in sorted({c.category for c in cells}):
        affinity = np.exp(np_rng.normal(0.0, 0.35, size=len(wards)))
        ward_picks[category] = (
            [w.name for w in wards],
            [float(x) for x in np.cumsum(population * local * affinity)],
        )
        mix = partner_mix(category)
        partner_picks[category] = (
            [p for p, _ in mix],
            [float(x) for x in np.cumsum([share for _, share in mix])],
        )
    return ward_picks, partner_picks
