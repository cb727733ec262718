"""The starter training set: labelled synthetic contacts for every taxonomy category.

Owns the quotas (rows per service, per category, per contact type) and the CSV format; the
wording of each message comes from ``samples.compose``.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from pathlib import Path

from config import Taxonomy
from contracts import ContactType
from samples.compose import compose_message, pick_tone
from samples.errors import QuotaNotMetError
from samples.phrases import CategoryPhrases, load_phrasebank

STARTER_SEED = 20240401
STARTER_HEADER = ("subject", "text", "contact_type", "service", "category")

# Rows per service: busier services get more examples.
SERVICE_ROWS: dict[str, int] = {
    "waste_recycling": 440,
    "highways_lighting": 380,
    "parking": 200,
    "housing_repairs": 300,
    "council_tax_benefits": 220,
    "environmental_health": 180,
    "antisocial_behaviour": 220,
    "parks_open_spaces": 150,
    "libraries_leisure": 100,
    "adult_social_care": 140,
    "childrens_education": 140,
    "planning": 100,
    "customer_service": 180,
}
DEFAULT_SERVICE_ROWS = 120
MINIMUM_CATEGORY_ROWS = 30

# Relative share of a service's rows; categories not listed weigh 1.
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

MIN_WORDS, MAX_WORDS = 5, 150
ASIDE_RATE = 0.15  # of complaints: compose only mixes topics into complaints

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
    """One labelled training example."""

    subject: str
    text: str
    contact_type: ContactType
    service: str
    category: str


def _largest_remainder(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Split ``total`` in proportion to ``shares`` so the parts add up exactly."""
    weight = sum(shares.values())
    exact = {key: total * share / weight for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    by_remainder = sorted(exact, key=lambda key: exact[key] - counts[key], reverse=True)
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts


def starter_quotas(taxonomy: Taxonomy) -> dict[tuple[str, ContactType], int]:
    """How many rows to make for each (category, contact type) cell."""
    quotas: dict[tuple[str, ContactType], int] = {}
    type_shares = {t.value: share for t, share in TYPE_SHARES.items()}
    for service in taxonomy.services:
        weights = {c.id: CATEGORY_WEIGHTS.get(c.id, 1.0) for c in service.categories}
        per_category = _largest_remainder(
            SERVICE_ROWS.get(service.id, DEFAULT_SERVICE_ROWS), weights
        )
        for category, rows in per_category.items():
            per_type = _largest_remainder(max(rows, MINIMUM_CATEGORY_ROWS), type_shares)
            for type_value, count in per_type.items():
                quotas[(category, ContactType(type_value))] = count
    return quotas


def generate_starter_rows(taxonomy: Taxonomy, seed: int = STARTER_SEED) -> list[StarterRow]:
    """Every starter row, unique by text, in a seeded shuffled order."""
    rng = random.Random(seed)
    service_of = taxonomy.service_of_category
    banks = load_phrasebank(tuple(service_of))
    seen: set[str] = set()
    rows: list[StarterRow] = []
    for (category, contact_type), wanted in starter_quotas(taxonomy).items():
        made = 0
        for _ in range(wanted * _ATTEMPTS_PER_ROW):
            if made == wanted:
                break
            aside = _pick_aside(rng, banks, category, service_of)
            tone = pick_tone(rng, contact_type)
            message = compose_message(rng, banks[category], contact_type, tone, aside=aside)
            words = message.text.split()
            key = " ".join(words).lower()
            if key in seen or not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            seen.add(key)
            rows.append(
                StarterRow(
                    message.subject, message.text, contact_type, service_of[category], category
                )
            )
            made += 1
        if made < wanted:
            raise QuotaNotMetError(category, contact_type.value, wanted, made)
    rng.shuffle(rows)
    return rows


def _pick_aside(
    rng: random.Random,
    banks: dict[str, CategoryPhrases],
    category: str,
    service_of: dict[str, str],
) -> str | None:
    """Now and then, a passing mention of another category (same service half the time)."""
    if rng.random() >= ASIDE_RATE:
        return None
    service = service_of[category]
    near = set().union(*(group for group in SERVICE_NEIGHBOURS if service in group)) - {service}
    same_service = [c for c in service_of if service_of[c] == service and c != category]
    others = [c for c in service_of if service_of[c] in near]
    pool = same_service if same_service and (rng.random() < 0.5 or not others) else others
    return rng.choice(banks[rng.choice(pool)].of("aside"))


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
