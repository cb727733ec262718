"""The steady shape of the multi-year history: service and type mix, seasonality by month,
weekday effects, channels and partners. Pure tables and small functions; no randomness here.
"""

from __future__ import annotations

from datetime import date

from contracts import Channel, ContactType
from samples.starter import CATEGORY_WEIGHTS
from samples.webforms import PARTNER_CATEGORIES

# Share of all contacts per service (a unitary council with its partners).
SERVICE_SHARES: dict[str, float] = {
    "waste_recycling": 0.19,
    "highways_lighting": 0.14,
    "parking": 0.08,
    "housing_repairs": 0.10,
    "council_tax_benefits": 0.10,
    "environmental_health": 0.06,
    "antisocial_behaviour": 0.07,
    "parks_open_spaces": 0.05,
    "libraries_leisure": 0.04,
    "adult_social_care": 0.04,
    "childrens_education": 0.04,
    "planning": 0.04,
    "customer_service": 0.05,
}

_BASE_TYPES: dict[ContactType, float] = {
    ContactType.complaint: 0.50,
    ContactType.enquiry: 0.33,
    ContactType.compliment: 0.10,
    ContactType.suggestion: 0.07,
}
# Services whose type mix differs from the base: praised, complained about or asked about.
_TYPE_OVERRIDES: dict[str, dict[ContactType, float]] = {
    "libraries_leisure": {ContactType.compliment: 0.26, ContactType.suggestion: 0.12},
    "parks_open_spaces": {ContactType.compliment: 0.20, ContactType.suggestion: 0.12},
    "adult_social_care": {ContactType.compliment: 0.22},
    "parking": {ContactType.complaint: 0.68, ContactType.compliment: 0.03},
    "housing_repairs": {ContactType.complaint: 0.64, ContactType.compliment: 0.07},
    "council_tax_benefits": {ContactType.enquiry: 0.58, ContactType.complaint: 0.30},
    "planning": {ContactType.enquiry: 0.52},
}

# Whole-council volume by calendar month: quiet in August and at Christmas, busy in January.
MONTH_FACTORS: dict[int, float] = {
    1: 1.12, 2: 1.02, 3: 1.05, 4: 1.03, 5: 1.00, 6: 0.97,
    7: 0.95, 8: 0.86, 9: 1.02, 10: 1.06, 11: 1.04, 12: 0.82,
}  # fmt: skip

# Categories with a season: relative volume by calendar month (others are flat).
CATEGORY_SEASONS: dict[str, dict[int, float]] = {
    "winter_gritting": {11: 1.5, 12: 3.0, 1: 3.5, 2: 2.5, 3: 0.6, 10: 0.3},
    "garden_waste": {3: 1.0, 4: 1.8, 5: 2.0, 6: 1.9, 7: 1.7, 8: 1.6, 9: 1.3, 10: 1.0, 11: 0.5},
    "grass_verges": {4: 1.5, 5: 2.5, 6: 2.8, 7: 2.5, 8: 2.0, 9: 1.2},
    "heating_hot_water": {10: 1.6, 11: 2.2, 12: 2.6, 1: 2.8, 2: 2.2, 3: 1.3},
    "pests": {5: 1.4, 6: 1.9, 7: 2.2, 8: 2.3, 9: 1.7, 10: 1.1},
    "noise_nuisance": {6: 1.4, 7: 1.6, 8: 1.6, 12: 1.3},
    "potholes": {1: 1.6, 2: 2.0, 3: 1.8, 4: 1.2},
    "drainage_flooding": {10: 1.5, 11: 1.8, 12: 1.7, 1: 1.6, 2: 1.4},
    "council_tax_bill": {3: 2.4, 4: 2.0, 5: 1.2},
    "school_admissions": {1: 1.6, 3: 1.8, 4: 2.0, 9: 1.5},
    "events_culture": {6: 1.6, 7: 1.8, 8: 1.6, 12: 1.5},
    "play_areas": {4: 1.4, 5: 1.6, 6: 1.8, 7: 2.0, 8: 2.0, 9: 1.2},
}
_OFF_SEASON = 0.35  # a seasonal category's level in months its table does not list

# Monday is busiest (the weekend's problems), weekends quietest (fewer offices open).
WEEKDAY_FACTORS: tuple[float, ...] = (1.30, 1.15, 1.08, 1.04, 0.95, 0.52, 0.46)

# Partners other than the council for the categories they deal with, and their share.
_PARTNER_SHARE: dict[str, float] = {"housing_trust": 0.55, "police": 0.35, "nhs": 0.30, "fire": 0.1}


def type_shares(service: str) -> dict[ContactType, float]:
    """The contact-type mix of ``service``, summing to 1."""
    shares = dict(_BASE_TYPES)
    shares.update(_TYPE_OVERRIDES.get(service, {}))
    total = sum(shares.values())
    return {t: s / total for t, s in shares.items()}


def category_weight(category: str) -> float:
    return CATEGORY_WEIGHTS.get(category, 1.0)


def season_factor(category: str, month: int) -> float:
    """``category``'s relative volume in calendar ``month``; its yearly mean is 1."""
    table = CATEGORY_SEASONS.get(category)
    if table is None:
        return 1.0
    values = [table.get(m, _OFF_SEASON) for m in range(1, 13)]
    return table.get(month, _OFF_SEASON) * 12 / sum(values)


def partner_mix(category: str) -> list[tuple[str, float]]:
    """Who receives contacts about ``category``: partners that deal with it, then the council."""
    mix: list[tuple[str, float]] = []
    for partner, categories in PARTNER_CATEGORIES.items():
        if partner != "council" and categories and category in categories:
            mix.append((partner, _PARTNER_SHARE[partner]))
    total = sum(share for _, share in mix)
    scale = 0.85 / total if total > 0.85 else 1.0
    mix = [(partner, share * scale) for partner, share in mix]
    mix.append(("council", 1.0 - sum(share for _, share in mix)))
    return mix


def channel_mix(day: date, start: date, end: date) -> list[tuple[Channel, float]]:
    """Channels over time: the web grows at the expense of phone and letter."""
    span = max((end - start).days, 1)
    shift = min(max((day - start).days / span, 0.0), 1.0)
    return [
        (Channel.web, 0.30 + 0.22 * shift),
        (Channel.email, 0.20),
        (Channel.crm_export, 0.28 - 0.12 * shift),
        (Channel.phone, 0.12 - 0.06 * shift),
        (Channel.letter, 0.05 - 0.03 * shift),
        (Channel.in_person, 0.05 - 0.01 * shift),
    ]
