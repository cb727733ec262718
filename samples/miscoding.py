"""How a contact centre miscodes: the wrong but plausible category (a neighbour in the same
service, or a known look-alike in another) and the wrong contact type. Picks labels only.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

from contracts import ContactType

# Look-alikes across services, each way round: what a busy adviser picks instead.
LOOK_ALIKES: tuple[tuple[str, str], ...] = (
    ("fly_tipping", "street_cleaning"), ("fly_tipping", "bulky_waste"),
    ("missed_collection", "bin_request"), ("missed_collection", "garden_waste"),
    ("street_cleaning", "grass_verges"), ("fly_tipping", "pests"),
    ("potholes", "pavements"), ("potholes", "roadworks"), ("pavements", "illegal_parking"),
    ("drainage_flooding", "leaks_plumbing"), ("winter_gritting", "pavements"),
    ("illegal_parking", "vehicle_nuisance"), ("penalty_notice", "parking_permit"),
    ("car_parks", "penalty_notice"), ("damp_mould", "leaks_plumbing"),
    ("damp_mould", "repair_delay"), ("heating_hot_water", "repair_delay"),
    ("leaks_plumbing", "repair_delay"), ("communal_areas", "repair_delay"),
    ("repair_delay", "response_delay"), ("council_tax_bill", "council_tax_reduction"),
    ("council_tax_bill", "recovery_enforcement"), ("housing_benefit", "council_tax_reduction"),
    ("noise_nuisance", "neighbour_dispute"), ("noise_nuisance", "asb_youths"),
    ("air_pollution", "neighbour_dispute"), ("food_safety", "pests"),
    ("asb_youths", "vandalism_graffiti"), ("asb_youths", "drugs_dealing"),
    ("vehicle_nuisance", "asb_youths"), ("vandalism_graffiti", "street_cleaning"),
    ("grass_verges", "trees_hedges"), ("play_areas", "park_facilities"),
    ("park_facilities", "vandalism_graffiti"), ("leisure_centres", "events_culture"),
    ("library_services", "events_culture"), ("care_assessment", "home_care"),
    ("care_assessment", "equipment_adaptations"), ("care_charges", "care_assessment"),
    ("school_admissions", "school_transport"), ("school_transport", "send_support"),
    ("send_support", "childrens_social_care"), ("planning_application", "planning_enforcement"),
    ("building_control", "planning_enforcement"), ("trees_hedges", "planning_application"),
    ("staff_conduct", "response_delay"), ("response_delay", "communication"),
    ("phone_access", "response_delay"), ("communication", "staff_conduct"),
    ("missed_collection", "response_delay"), ("potholes", "response_delay"),
)  # fmt: skip

# How much likelier a message with each trait is to be miscoded than a clear one: advisers
# slip on the vague, the short and the ones about two things, rarely on the clear ones.
AMBIGUITY: dict[str, float] = {
    "clean": 0.1, "ordinary": 0.4, "shared_wording": 2.0, "multi_topic": 3.0,
    "second_dominates": 2.0, "one_liner": 3.0, "vague": 6.0, "forwarded": 1.5,
    "reply_chain": 1.5, "shouting": 1.5,
}  # fmt: skip

# How much likelier a look-alike is than any other category of the same service.
LOOK_ALIKE_WEIGHT = 3.0

# A type as it is miscoded: mostly complaints logged as enquiries and back.
TYPE_SLIPS: dict[ContactType, tuple[tuple[ContactType, float], ...]] = {
    ContactType.complaint: ((ContactType.enquiry, 0.8), (ContactType.suggestion, 0.2)),
    ContactType.enquiry: ((ContactType.complaint, 0.85), (ContactType.suggestion, 0.15)),
    ContactType.compliment: ((ContactType.complaint, 0.5), (ContactType.enquiry, 0.5)),
    ContactType.suggestion: ((ContactType.complaint, 0.5), (ContactType.enquiry, 0.5)),
}


def neighbours(
    category: str, service_of: Mapping[str, str], frequency: Mapping[str, float]
) -> dict[str, float]:
    """The categories ``category`` is miscoded as, with weights: same-service categories and
    look-alikes, each scaled by how common it is (advisers reach for the codes they know)."""
    weights = {
        other: 1.0
        for other, service in service_of.items()
        if service == service_of[category] and other != category
    }
    for first, second in LOOK_ALIKES:
        if category in (first, second):
            other = second if category == first else first
            if other in service_of:
                weights[other] = weights.get(other, 0.0) + LOOK_ALIKE_WEIGHT
    return {other: w * frequency.get(other, 1.0) for other, w in weights.items()}


def ambiguity(traits: frozenset[str]) -> float:
    """How likely a message with ``traits`` is to be miscoded, relative to a clear one."""
    return math.prod(AMBIGUITY.get(trait, 1.0) for trait in traits)


def pick_miscoded(rng: random.Random, weights: Sequence[float], share: float) -> set[int]:
    """``share`` of the rows, drawn without replacement with chances in proportion to
    ``weights`` (Efraimidis-Spirakis keys)."""
    keys = [rng.random() ** (1.0 / w) for w in weights]
    ranked = sorted(range(len(weights)), key=lambda i: keys[i], reverse=True)
    return set(ranked[: round(share * len(weights))])


def miscode_category(
    rng: random.Random,
    category: str,
    service_of: Mapping[str, str],
    frequency: Mapping[str, float],
) -> str:
    """A plausible wrong category for a contact about ``category``."""
    options = neighbours(category, service_of, frequency)
    if not options:
        return category
    return rng.choices(list(options), weights=list(options.values()))[0]


def miscode_type(rng: random.Random, contact_type: ContactType) -> ContactType:
    """A plausible wrong contact type."""
    slips = TYPE_SLIPS[contact_type]
    return rng.choices([t for t, _ in slips], weights=[w for _, w in slips])[0]
