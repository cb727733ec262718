"""The starter training set: labelled synthetic contacts for every taxonomy category, as
messy as a real export (Zipf-like category sizes, miscoded labels). Owns the quotas, the label
noise and the CSV format; each message's wording comes from ``samples.starter_messages``.
"""

from __future__ import annotations

import csv
import io
import math
import random
from dataclasses import dataclass, replace
from pathlib import Path

from config import Taxonomy
from contracts import ContactType
from samples.errors import QuotaNotMetError
from samples.miscoding import ambiguity, miscode_category, miscode_type, pick_miscoded
from samples.phrases import load_phrasebank
from samples.starter_messages import starter_message

STARTER_SEED = 20240401
STARTER_HEADER = ("subject", "text", "contact_type", "service", "category")

STARTER_ROWS = 4_000
IMBALANCE = 100.0  # rows of the commonest category per row of the rarest (Zipf-like)
CATEGORY_NOISE = 0.1  # share of rows whose category is miscoded
TYPE_NOISE = 0.05  # share of rows whose contact type is miscoded

# Categories from the commonest to the rarest, as a council's contact centre sees them;
# a taxonomy category not listed here goes after them, in taxonomy order.
FREQUENCY_RANK: tuple[str, ...] = (
    "missed_collection", "potholes", "fly_tipping", "council_tax_bill", "noise_nuisance",
    "repair_delay", "bin_request", "damp_mould", "street_lights", "illegal_parking",
    "response_delay", "street_cleaning", "penalty_notice", "heating_hot_water",
    "leaks_plumbing", "neighbour_dispute", "garden_waste", "pavements", "bulky_waste",
    "asb_youths", "council_tax_reduction", "trees_hedges", "grass_verges",
    "drainage_flooding", "phone_access", "pests", "recovery_enforcement", "housing_benefit",
    "parking_permit", "staff_conduct", "roadworks", "vehicle_nuisance", "communal_areas",
    "planning_application", "school_admissions", "home_care", "communication",
    "care_assessment", "vandalism_graffiti", "winter_gritting", "car_parks", "air_pollution",
    "play_areas", "park_facilities", "send_support", "school_transport", "drugs_dealing",
    "leisure_centres", "equipment_adaptations", "planning_enforcement", "care_charges",
    "library_services", "food_safety", "childrens_social_care", "building_control",
    "events_culture",
)  # fmt: skip

# Relative share of a service's contacts by category, for the demo web forms and the history
# (the starter set uses ``FREQUENCY_RANK``); categories not listed weigh 1.
CATEGORY_WEIGHTS: dict[str, float] = {
    "missed_collection": 1.6,
    "fly_tipping": 1.3,
    "garden_waste": 0.7,
    "bulky_waste": 0.8,
    "potholes": 1.6,
    "winter_gritting": 0.7,
    "roadworks": 0.8,
    "illegal_parking": 1.3,
    "penalty_notice": 1.2,
    "damp_mould": 1.3,
    "repair_delay": 1.3,
    "council_tax_bill": 1.4,
    "noise_nuisance": 1.5,
    "food_safety": 0.7,
    "response_delay": 1.3,
}

TYPE_SHARES: dict[ContactType, float] = {
    ContactType.complaint: 0.55,
    ContactType.enquiry: 0.25,
    ContactType.compliment: 0.12,
    ContactType.suggestion: 0.08,
}

MIN_WORDS, MAX_WORDS = 2, 450

# Services whose topics turn up together in one message (street, home, family, council).
SERVICE_NEIGHBOURS: tuple[frozenset[str], ...] = (
    frozenset({"waste_recycling", "highways_lighting", "parking", "parks_open_spaces",
               "antisocial_behaviour", "environmental_health", "planning"}),
    frozenset({"housing_repairs", "antisocial_behaviour", "environmental_health",
               "council_tax_benefits", "customer_service"}),
    frozenset({"adult_social_care", "childrens_education", "council_tax_benefits",
               "customer_service"}),
    frozenset({"libraries_leisure", "parks_open_spaces", "customer_service"}),
)  # fmt: skip
_ATTEMPTS_PER_ROW = 40


@dataclass(frozen=True)
class StarterRow:
    """One labelled training example: the labels as recorded (miscoded now and then), the
    labels the message was written for, and what was done to it (``samples.starter_messages``)."""

    subject: str
    text: str
    contact_type: ContactType
    service: str
    category: str
    true_contact_type: ContactType
    true_category: str
    traits: frozenset[str]

    @property
    def miscoded(self) -> bool:
        return self.category != self.true_category


def _largest_remainder(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split ``total`` in proportion to ``shares`` so the parts add up exactly."""
    weight = sum(shares.values())
    exact = {key: total * share / weight for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def category_frequencies(taxonomy: Taxonomy) -> dict[str, float]:
    """Each category's share of contacts: Zipf over ``FREQUENCY_RANK``, the commonest
    ``IMBALANCE`` times the rarest."""
    known = [c for c in FREQUENCY_RANK if c in taxonomy.service_of_category]
    ranked = known + [c for c in taxonomy.service_of_category if c not in known]
    exponent = math.log(IMBALANCE) / math.log(max(len(ranked), 2))
    weights = {c: (rank + 1) ** -exponent for rank, c in enumerate(ranked)}
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()}


def starter_quotas(
    taxonomy: Taxonomy, rows: int = STARTER_ROWS
) -> dict[tuple[str, ContactType], int]:
    """How many rows to write about each (category, contact type) cell."""
    quotas: dict[tuple[str, ContactType], int] = {}
    type_shares = {t.value: share for t, share in TYPE_SHARES.items()}
    for category, count in _largest_remainder(rows, category_frequencies(taxonomy)).items():
        for type_value, n in _largest_remainder(count, type_shares).items():
            quotas[(category, ContactType(type_value))] = n
    return quotas


def generate_starter_rows(
    taxonomy: Taxonomy, seed: int = STARTER_SEED, rows: int = STARTER_ROWS
) -> list[StarterRow]:
    """Every starter row, unique by text, in a seeded shuffled order."""
    rng = random.Random(seed)
    service_of = taxonomy.service_of_category
    frequency = category_frequencies(taxonomy)
    banks = load_phrasebank(tuple(service_of))
    seen: set[str] = set()
    made_rows: list[StarterRow] = []
    for (category, contact_type), wanted in starter_quotas(taxonomy, rows).items():
        made = 0
        for _ in range(wanted * _ATTEMPTS_PER_ROW):
            if made == wanted:
                break
            second = _second_topic(rng, category, service_of)
            message, traits = starter_message(rng, banks, category, contact_type, second)
            words = message.text.split()
            key = " ".join(words).lower()
            if key in seen or not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            seen.add(key)
            made_rows.append(
                StarterRow(
                    subject=message.subject,
                    text=message.text,
                    contact_type=contact_type,
                    service=service_of[category],
                    category=category,
                    true_contact_type=contact_type,
                    true_category=category,
                    traits=traits,
                )
            )
            made += 1
        if made < wanted:
            raise QuotaNotMetError(category, contact_type.value, wanted, made)
    made_rows = _miscode(rng, made_rows, service_of, frequency)
    rng.shuffle(made_rows)
    return made_rows


def _miscode(
    rng: random.Random,
    rows: list[StarterRow],
    service_of: dict[str, str],
    frequency: dict[str, float],
) -> list[StarterRow]:
    """The rows as the contact centre coded them: exactly ``CATEGORY_NOISE`` (and
    ``TYPE_NOISE``) of them with a plausible wrong label, the ambiguous ones most often."""
    weights = [ambiguity(row.traits) for row in rows]
    wrong_category = pick_miscoded(rng, weights, CATEGORY_NOISE)
    wrong_type = pick_miscoded(rng, weights, TYPE_NOISE)
    coded: list[StarterRow] = []
    for index, row in enumerate(rows):
        category, contact_type = row.category, row.contact_type
        if index in wrong_category:
            category = miscode_category(rng, category, service_of, frequency)
        if index in wrong_type:
            contact_type = miscode_type(rng, contact_type)
        service = service_of[category]
        coded.append(replace(row, category=category, service=service, contact_type=contact_type))
    return coded


def _second_topic(rng: random.Random, category: str, service_of: dict[str, str]) -> str:
    """Another topic a resident may raise in the same message: a category of the same
    service, or of a service whose topics come up alongside this one."""
    service = service_of[category]
    near = set().union(*(group for group in SERVICE_NEIGHBOURS if service in group)) - {service}
    same_service = [c for c in service_of if service_of[c] == service and c != category]
    others = [c for c in service_of if service_of[c] in near]
    pool = same_service if same_service and (rng.random() < 0.4 or not others) else others
    return rng.choice(pool or [category])


def starter_csv(rows: list[StarterRow]) -> str:
    """The rows as CSV text with the ``STARTER_HEADER`` columns."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(STARTER_HEADER)
    for row in rows:
        writer.writerow((row.subject, row.text, row.contact_type.value, row.service, row.category))
    return buffer.getvalue()


def write_starter_csv(path: Path, taxonomy: Taxonomy, seed: int = STARTER_SEED) -> int:
    """Generate the starter set and write it to ``path``; returns the number of rows."""
    rows = generate_starter_rows(taxonomy, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(starter_csv(rows), encoding="utf-8", newline="")
    return len(rows)
