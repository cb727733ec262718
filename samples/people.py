"""Fake residents for the demo inputs: names, example.com mail, Ofcom drama-range phone numbers,
Halton postcodes by ward, and the personal details people type into their messages.

Every value is invented; nothing here may be used for the starter training set.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from samples.slots import STREET_NAMES

FIRST_NAMES: tuple[str, ...] = (
    "Susan", "David", "Karen", "Paul", "Jackie", "Stephen", "Linda", "Mark", "Tracey", "Gary",
    "Joanne", "Lee", "Emma", "Craig", "Hannah", "Ryan", "Chloe", "Liam", "Megan", "Jordan",
    "Margaret", "Brian", "Patricia", "Kenneth", "Doreen", "Ahmed", "Fatima", "Piotr", "Agnieszka",
    "Siobhan", "Declan", "Kelly", "Dean", "Shannon", "Jade", "Wayne", "Lorraine", "Colin",
)  # fmt: skip

LAST_NAMES: tuple[str, ...] = (
    "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Hughes", "Wright", "Walker", "Edwards", "Green", "Hall", "Wood",
    "Harris", "Lewis", "Clarke", "Jackson", "McDonald", "Murphy", "Kelly", "Khan", "Kowalski",
    "Hesketh", "Whittle", "Critchley", "Ashworth", "Barlow",
)  # fmt: skip

_MAIL_DOMAINS = ("example.com", "example.org", "example.net", "example.co.uk")

# Which postcode district each ward sits in (Runcorn WA7, Widnes WA8).
WARD_DISTRICTS: dict[str, str] = {
    "Beechwood": "WA7", "Castlefields": "WA7", "Daresbury": "WA7", "Grange": "WA7",
    "Halton Brook": "WA7", "Halton Castle": "WA7", "Halton Lea": "WA7", "Heath": "WA7",
    "Mersey": "WA7", "Norton North": "WA7", "Norton South": "WA7", "Windmill Hill": "WA7",
    "Runcorn Old Town": "WA7", "Appleton": "WA8", "Birchfield": "WA8", "Broadheath": "WA8",
    "Ditton": "WA8", "Farnworth": "WA8", "Hale": "WA8", "Halton View": "WA8",
    "Hough Green": "WA8", "Kingsway": "WA8", "Riverside": "WA8", "Central & West Bank": "WA8",
}  # fmt: skip

_TOWNS = {"WA7": "Runcorn", "WA8": "Widnes"}
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass(frozen=True)
class Resident:
    """A fake person and where they live."""

    name: str
    email: str
    phone: str
    house: str
    postcode: str
    town: str


def postcode_for(rng: random.Random, ward: str) -> str:
    """A well-formed WA7/WA8 postcode for ``ward`` (unknown wards get either district)."""
    district = WARD_DISTRICTS.get(ward) or rng.choice(("WA7", "WA8"))
    letters = "".join(rng.choice(_INWARD_LETTERS) for _ in range(2))
    return f"{district} {rng.randint(1, 9)}{letters}"


def mobile_number(rng: random.Random) -> str:
    """A number from Ofcom's range reserved for drama (07700 900000-900999)."""
    digits = f"{rng.randrange(1000):03d}"
    return rng.choice((f"07700 900{digits}", f"07700900{digits}", f"+44 7700 900{digits}"))


def landline_number(rng: random.Random) -> str:
    """A number from Ofcom's drama range for landlines (01632 960000-960999)."""
    return f"01632 960{rng.randrange(1000):03d}"


def make_resident(rng: random.Random, ward: str) -> Resident:
    """A fake resident of ``ward``."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    local = rng.choice(
        (
            f"{first}.{last}",
            f"{first}{last}{rng.randint(1, 99)}",
            f"{first[0]}{last}",
            f"{first}_{last}{rng.randint(60, 99)}",
        )
    ).lower()
    postcode = postcode_for(rng, ward)
    phone = mobile_number(rng) if rng.random() < 0.8 else landline_number(rng)
    house = f"{rng.randint(1, 120)} {rng.choice(STREET_NAMES)}"
    return Resident(
        name=f"{first} {last}",
        email=f"{local}@{rng.choice(_MAIL_DOMAINS)}",
        phone=phone,
        house=house,
        postcode=postcode,
        town=_TOWNS[postcode[:3]],
    )


def personal_details(rng: random.Random, resident: Resident) -> str:
    """A sentence giving away the resident's own phone number or address, as people do."""
    return rng.choice(
        (
            f"My number is {resident.phone} if you need to ring me.",
            f"I live at {resident.house}.",
            f"I live at {resident.house}, {resident.town} {resident.postcode}.",
            f"You can call me on {resident.phone}, I'm in after 3.",
            f"The address is {resident.house}, just ring {resident.phone} before you come.",
            f"Please email me at {resident.email} rather than writing.",
        )
    )
