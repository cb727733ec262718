"""Demo web-form submissions: what ``make demo`` posts through the intake, across partners,
wards and 2024-04 to 2025-12, with gaps, personal data and duplicate deliveries left in.

Owns who sent what and when; the wording comes from ``samples.compose``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime

from config import ReferenceData
from contracts import ContactType
from samples.compose import compose_message, pick_tone
from samples.people import Resident, make_resident, personal_details
from samples.phrases import CategoryPhrases, load_phrasebank
from samples.starter import CATEGORY_WEIGHTS, TYPE_SHARES
from samples.timeline import in_season, iso_local, pick_day, pick_moment

DEMO_START, DEMO_END = date(2024, 4, 1), date(2025, 12, 20)
WEBFORM_COUNT = 120
DUPLICATE_COUNT = 3
PERSONAL_DATA_COUNT = 10

# A cluster of missed bins in two wards after round changes (autumn 2025).
SPIKE_COUNT = 8
SPIKE_START, SPIKE_END = date(2025, 10, 20), date(2025, 11, 28)
SPIKE_WARDS = ("Castlefields", "Halton Lea")

# Ward names residents type that the council's ward list does not have.
UNKNOWN_WARDS: tuple[str, ...] = ("Runcorn Old Town", "Windmill Hill", "Central & West Bank")

PARTNER_WEIGHTS: dict[str, float] = {
    "council": 0.6, "housing_trust": 0.15, "police": 0.12, "nhs": 0.07, "fire": 0.06,
}  # fmt: skip

# What people contact each partner about (``None``: anything).
PARTNER_CATEGORIES: dict[str, tuple[str, ...] | None] = {
    "council": None,
    "housing_trust": (
        "damp_mould", "heating_hot_water", "repair_delay", "leaks_plumbing", "communal_areas",
        "neighbour_dispute", "pests", "staff_conduct", "response_delay",
    ),
    "police": (
        "asb_youths", "drugs_dealing", "vehicle_nuisance", "vandalism_graffiti",
        "neighbour_dispute", "illegal_parking", "response_delay",
    ),
    "nhs": (
        "care_assessment", "home_care", "equipment_adaptations", "care_charges", "phone_access",
    ),
    "fire": (
        "air_pollution", "fly_tipping", "building_control", "asb_youths", "vandalism_graffiti",
    ),
}  # fmt: skip

# A sentence some writers add because of who they are writing to.
PARTNER_REMARKS: dict[str, tuple[str, ...]] = {
    "police": (
        "I did ring 101 but gave up after 40 minutes on hold.",
        "I didn't think it was a 999 call.",
    ),
    "fire": ("I'm worried it's a fire risk.", "Someone said the fire service do safety visits."),
    "housing_trust": ("I'm a Halton Housing tenant.", "I've been a tenant for 12 years."),
    "nhs": ("The GP told me to get in touch with you.",),
    "council": (),
}

_NIGHT_CATEGORIES = frozenset({"noise_nuisance", "asb_youths", "vehicle_nuisance", "drugs_dealing"})


@dataclass(frozen=True)
class Webform:
    """One web-form submission as the form service delivers it."""

    source_ref: str
    received_at: datetime
    partner: str | None
    contact_type: ContactType | None
    subject: str
    text: str
    ward: str
    resident: Resident
    phone_given: bool

    def as_json(self) -> dict[str, str]:
        """The JSON object, leaving out fields the resident did not fill in."""
        record = {"source_ref": self.source_ref, "received_at": iso_local(self.received_at)}
        if self.partner is not None:
            record["partner"] = self.partner
        if self.contact_type is not None:
            record["contact_type"] = self.contact_type.value
        record |= {
            "subject": self.subject,
            "text": self.text,
            "ward": self.ward,
            "postcode": self.resident.postcode,
            "reporter_name": self.resident.name,
            "reporter_email": self.resident.email,
        }
        if self.phone_given:
            record["reporter_phone"] = self.resident.phone
        return record


def generate_webforms(
    reference: ReferenceData, seed: int, *, avoid_texts: frozenset[str] = frozenset()
) -> list[Webform]:
    """``WEBFORM_COUNT`` submissions in arrival order, plus ``DUPLICATE_COUNT`` re-deliveries.

    ``avoid_texts`` (normalised, lower-case) keeps demo texts out of the training set.
    """
    rng = random.Random(seed)
    banks = load_phrasebank(tuple(reference.taxonomy.service_of_category))
    wards = [(w.name, float(w.population or 5000)) for w in reference.wards]
    wards += [(name, 2500.0) for name in UNKNOWN_WARDS]
    plans = [_plan(rng, banks, wards) for _ in range(WEBFORM_COUNT - SPIKE_COUNT)]
    plans += [_spike_plan(rng) for _ in range(SPIKE_COUNT)]
    personal = set(rng.sample(range(WEBFORM_COUNT), PERSONAL_DATA_COUNT))
    forms: list[Webform] = []
    for index, (partner, day, category, ward, contact_type) in enumerate(plans):
        for _ in range(20):
            form = _compose(
                rng, reference, banks[category], partner, day, ward, contact_type,
                with_personal_data=index in personal,
            )  # fmt: skip
            if " ".join(form.text.split()).lower() not in avoid_texts:
                break
        forms.append(form)
    forms = _number(rng, sorted(forms, key=lambda f: f.received_at))
    for original in rng.sample(forms[: WEBFORM_COUNT - 10], DUPLICATE_COUNT):
        forms.insert(rng.randint(forms.index(original) + 1, len(forms)), original)
    return forms


_Plan = tuple[str, date, str, str, ContactType]


def _plan(
    rng: random.Random, banks: dict[str, CategoryPhrases], wards: list[tuple[str, float]]
) -> _Plan:
    """Who a contact goes to, when, about what, from which ward, and of what type."""
    partner = rng.choices(list(PARTNER_WEIGHTS), weights=list(PARTNER_WEIGHTS.values()))[0]
    day = pick_day(rng, DEMO_START, DEMO_END)
    allowed = PARTNER_CATEGORIES[partner] or tuple(banks)
    choices = [c for c in allowed if c in banks and in_season(c, day)]
    category = rng.choices(choices, weights=[CATEGORY_WEIGHTS.get(c, 1.0) for c in choices])[0]
    ward = rng.choices([w for w, _ in wards], weights=[p for _, p in wards])[0]
    contact_type = rng.choices(list(TYPE_SHARES), weights=list(TYPE_SHARES.values()))[0]
    return partner, day, category, ward, contact_type


def _spike_plan(rng: random.Random) -> _Plan:
    """Missed bins after the autumn 2025 round changes, so trends have something to find."""
    day = pick_day(rng, SPIKE_START, SPIKE_END, recency=0.0)
    return "council", day, "missed_collection", rng.choice(SPIKE_WARDS), ContactType.complaint


def _compose(
    rng: random.Random,
    reference: ReferenceData,
    phrases: CategoryPhrases,
    partner: str,
    day: date,
    ward: str,
    contact_type: ContactType,
    *,
    with_personal_data: bool,
) -> Webform:
    resident = make_resident(rng, ward)
    message = compose_message(
        rng,
        phrases,
        contact_type,
        pick_tone(rng, contact_type),
        postscript=personal_details(rng, resident) if with_personal_data else None,
        named_street_rate=0.6,
    )
    text = message.text
    remarks = PARTNER_REMARKS[partner]
    if remarks and rng.random() < 0.3:
        text = f"{rng.choice(remarks)} {text}"
    night = phrases.category in _NIGHT_CATEGORIES
    return Webform(
        source_ref="",
        received_at=pick_moment(rng, day, night_owl=night),
        partner=None if rng.random() < 0.1 else _partner_label(rng, reference, partner),
        contact_type=None if rng.random() < 0.15 else contact_type,
        subject=message.subject,
        text=text,
        ward=ward.lower() if rng.random() < 0.05 else ward,
        resident=resident,
        phone_given=rng.random() < 0.7,
    )


def _partner_label(rng: random.Random, reference: ReferenceData, partner: str) -> str:
    """The partner as the form sends it: its id most of the time, otherwise its name."""
    for known in reference.partners:
        if known.id == partner and rng.random() < 0.35:
            return known.name
    return partner


def _number(rng: random.Random, forms: list[Webform]) -> list[Webform]:
    """Give each form a ``WF-<year>-<serial>`` reference, serials rising within a year."""
    serials: dict[int, int] = {}
    numbered = []
    for form in forms:
        year = form.received_at.year
        serials[year] = serials.get(year, rng.randint(80, 400)) + rng.randint(1, 60)
        numbered.append(replace(form, source_ref=f"WF-{year}-{serials[year]:06d}"))
    return numbered
