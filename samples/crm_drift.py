"""How a council's CRM export changes over three years: its case types (and the codes renamed
or added), seasons, new topics, and the wording of each era. Data and small lookups only.
"""

# ruff: noqa: E501

from __future__ import annotations

from datetime import date

# Case type as the CRM writes it -> the taxonomy categories advisers file under it.
CASE_TYPES: dict[str, tuple[str, ...]] = {
    "Waste - Missed Collection": ("missed_collection",),
    "Waste - Container Request": ("bin_request",),
    "Fly Tipping": ("fly_tipping",),
    "Bulky Waste": ("bulky_waste",),
    "Street Cleansing": ("street_cleaning",),
    "Garden Waste": ("garden_waste",),
    "Highways - Carriageway Defect": ("potholes",),
    "Street Lighting Fault": ("street_lights",),
    "Highways - Footway Defect": ("pavements",),
    "Drainage/Flooding": ("drainage_flooding",),
    "Roadworks & Traffic": ("roadworks",),
    "Winter Maintenance": ("winter_gritting",),
    "Parking - PCN Challenge": ("penalty_notice",),
    "Parking Permits": ("parking_permit",),
    "Parking - Obstruction": ("illegal_parking",),
    "Car Parks": ("car_parks",),
    "Housing Repair - Damp/Mould": ("damp_mould",),
    "Housing Repair - Heating": ("heating_hot_water",),
    "Housing Repair - General": ("repair_delay", "leaks_plumbing"),
    "Housing - Communal Areas": ("communal_areas",),
    "Council Tax": ("council_tax_bill", "council_tax_reduction"),
    "Housing Benefit": ("housing_benefit",),
    "Revenues - Recovery": ("recovery_enforcement",),
    "EH - Noise": ("noise_nuisance",),
    "EH - Pest Control": ("pests",),
    "EH - Other": ("food_safety", "air_pollution"),
    "ASB": ("asb_youths", "drugs_dealing"),
    "Neighbour Nuisance": ("neighbour_dispute",),
    "Graffiti/Vandalism": ("vandalism_graffiti",),
    "Nuisance Vehicles": ("vehicle_nuisance",),
    "Grounds Maintenance": ("grass_verges", "trees_hedges"),
    "Parks & Play Areas": ("play_areas", "park_facilities"),
    "Libraries & Leisure": ("library_services", "leisure_centres", "events_culture"),
    "Adult Social Care": ("care_assessment", "home_care", "care_charges", "equipment_adaptations"),
    "Education - Admissions & Transport": ("school_admissions", "school_transport"),
    "SEND": ("send_support",),
    "Children's Services": ("childrens_social_care",),
    "Planning & Building Control": ("planning_application", "building_control"),
    "Planning Enforcement": ("planning_enforcement",),
    "Customer Service Complaint": (
        "staff_conduct",
        "response_delay",
        "phone_access",
        "communication",
    ),
}

# Codes added part-way through: (from, category, new case type). Before ``from`` advisers
# filed the category under its old case type; after it, under the new one.
RECODED: tuple[tuple[date, str, str], ...] = (
    (date(2025, 1, 6), "leaks_plumbing", "Housing Repair - Leaks"),
    (date(2025, 7, 1), "staff_conduct", "Complaint - Staff Conduct"),
)

# Topics that did not exist at the start: (from, until, case type, share of all contacts).
NEW_TOPICS: tuple[tuple[date, date, str, float], ...] = (
    (date(2024, 4, 1), date(2026, 3, 31), "Household Support Fund", 0.012),
    (date(2025, 5, 1), date(2026, 3, 31), "Waste - Food Caddy", 0.03),
)

NEW_TOPIC_LINES: dict[str, tuple[str, ...]] = {
    "Household Support Fund": (
        "I've been told I might be able to get help from the household support fund.",
        "How do I apply for the household support fund?",
        "I applied for the cost of living payment {period} ago and heard nothing.",
        "We're struggling with the energy bills and the food shop.",
        "My neighbour got the supermarket vouchers but I didn't.",
        "Can I get help with my gas and electric? I'm on universal credit.",
        "I've got three kids and I can't afford school uniforms this year.",
        "The application form for the support fund won't let me submit it.",
        "Am I eligible for the cost of living support if I work part time?",
        "The voucher code I was sent doesn't work at the shop.",
    ),
    "Waste - Food Caddy": (
        "We haven't received our food waste caddy yet.",
        "The food caddy wasn't emptied on {day}.",
        "Where do I get the liners for the food waste caddy?",
        "The lid on the kitchen caddy is broken already.",
        "Foxes have knocked the food bin over and it's all over the drive.",
        "Why do we need a separate food waste bin now?",
        "The crew left the food caddy in the middle of the path.",
        "Our food waste wasn't collected and it stinks.",
        "Can I have a bigger food waste caddy? We're a family of six.",
        "The new food waste collections started but nobody came down our road.",
    ),
}

# Months each category is busier (x factor); not listed: 1.
SEASONS: dict[str, dict[int, float]] = {
    "winter_gritting": {12: 5.0, 1: 6.0, 2: 4.0, 11: 2.0, 3: 1.0, 4: 0.2, 5: 0.05, 6: 0.05,
                        7: 0.05, 8: 0.05, 9: 0.1, 10: 0.5},
    "grass_verges": {5: 2.5, 6: 3.0, 7: 2.5, 8: 2.0, 11: 0.3, 12: 0.2, 1: 0.2, 2: 0.3},
    "garden_waste": {3: 2.0, 4: 2.5, 5: 2.0, 12: 0.3, 1: 0.3},
    "drainage_flooding": {10: 2.0, 11: 2.5, 12: 2.0, 1: 2.0, 6: 0.5, 7: 0.5},
    "noise_nuisance": {6: 1.6, 7: 1.8, 8: 1.6},
    "pests": {7: 2.0, 8: 2.5, 9: 1.8},
    "heating_hot_water": {11: 2.0, 12: 2.5, 1: 2.5, 2: 2.0, 6: 0.4, 7: 0.4},
    "council_tax_bill": {3: 2.5, 4: 2.0},
    "school_admissions": {1: 2.0, 3: 2.0, 4: 2.5, 9: 1.5},
    "asb_youths": {10: 1.6, 11: 1.4, 7: 1.3, 8: 1.3},
}  # fmt: skip

# What residents mention in each era: (from, until, categories it fits or None for any).
ERA_LINES: tuple[tuple[date, date, frozenset[str] | None, str], ...] = (
    (date(2023, 4, 1), date(2024, 3, 31), None, "Ever since the pandemic things have gone downhill."),
    (date(2023, 4, 1), date(2024, 6, 30), None, "I tried the old online form but it just errors."),
    (date(2023, 4, 1), date(2024, 9, 30), frozenset({"missed_collection", "bin_request", "garden_waste"}),
     "The bin men used to be brilliant round here."),
    (date(2024, 4, 1), date(2025, 9, 30), frozenset({"garden_waste"}),
     "I've paid the new garden waste charge and still nothing."),
    (date(2024, 10, 1), date(2026, 3, 31), frozenset({"missed_collection", "bin_request", "street_cleaning", "fly_tipping"}),
     "Since the rounds changed to three-weekly it's been chaos."),
    (date(2024, 10, 1), date(2026, 3, 31), None, "I reported it on the new app but it just says pending."),
    (date(2025, 3, 1), date(2026, 3, 31), frozenset({"roadworks", "vehicle_nuisance", "illegal_parking", "potholes"}),
     "Nobody sticks to the new 20mph limit."),
    (date(2025, 4, 1), date(2026, 3, 31), None, "I've logged it through the customer portal twice."),
    (date(2025, 1, 1), date(2026, 3, 31), frozenset({"vehicle_nuisance", "asb_youths", "pavements"}),
     "Kids on e-scooters fly down the pavement."),
    (date(2023, 10, 1), date(2025, 3, 31), frozenset({"council_tax_bill", "housing_benefit", "council_tax_reduction", "recovery_enforcement"}),
     "With the cost of living I just can't keep up."),
)  # fmt: skip

# Channels by era: the app arrives in October 2024 and takes over from web forms.
CHANNELS_BEFORE_APP = {"Web form": 0.5, "Email": 0.25, "Phone": 0.25}
CHANNELS_WITH_APP = {"Web form": 0.25, "App": 0.3, "Email": 0.2, "Phone": 0.25}
APP_LAUNCH = date(2024, 10, 1)


def case_type_of(category: str, day: date) -> str:
    """The case type an adviser files ``category`` under on ``day``."""
    for start, recoded, case_type in RECODED:
        if recoded == category and day >= start:
            return case_type
    return next(label for label, cats in CASE_TYPES.items() if category in cats)


def season(category: str, month: int) -> float:
    return SEASONS.get(category, {}).get(month, 1.0)


def era_lines(category: str, day: date) -> list[str]:
    """Sentences a resident writing about ``category`` on ``day`` may add."""
    return [
        line
        for start, end, cats, line in ERA_LINES
        if start <= day <= end and (cats is None or category in cats)
    ]
