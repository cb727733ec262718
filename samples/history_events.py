"""Things that happen in the history on purpose, so trends and alerts have something to find:
a spike, a drop, a lasting level shift when a new channel opens, and an emerging topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from contracts import Channel, ContactType


@dataclass(frozen=True)
class Spike:
    """Extra contacts about ``category`` concentrated in one ward for a while."""

    name: str
    category: str
    ward: str
    start: date
    end: date
    extra: float  # extra contacts as a multiple of the category's usual volume
    contact_type: ContactType = ContactType.complaint


@dataclass(frozen=True)
class Drop:
    """Fewer contacts about ``category`` for a while (a facility closed, a round changed)."""

    name: str
    category: str
    start: date
    end: date
    factor: float  # what is left of the usual volume


@dataclass(frozen=True)
class LevelShift:
    """A lasting change from ``start``: a new channel brings extra contacts that stay."""

    name: str
    services: tuple[str, ...]
    start: date
    factor: float  # volume after the shift as a multiple of before
    channel: Channel
    contact_types: tuple[ContactType, ...] = (ContactType.complaint, ContactType.enquiry)


@dataclass(frozen=True)
class EmergingTopic:
    """A new problem no category fits: contacts the classifier is unsure about, alike in
    wording, across channels and partners, some of them the same report made again."""

    name: str
    start: date
    end: date
    share: float  # of all contacts on a day
    categories: tuple[str, ...]  # where an unsure classifier puts them
    texts: tuple[str, ...]
    places: tuple[str, ...]
    duplicate_share: float = 0.3


HistoryEvent = Spike | Drop | LevelShift | EmergingTopic

E_SCOOTER_TEXTS: tuple[str, ...] = (
    "Hire e-scooters have been dumped across the pavement {place} again. "
    "Nobody can get past with a pushchair.",
    "There are e-scooters left lying on the footpath {place}. My neighbour is blind and "
    "walked straight into one.",
    "Who do I report abandoned e-scooters to? Three of them have been {place} for a week.",
    "Kids riding e-scooters at speed on the pavement {place}. Someone will get hurt.",
    "E-scooter parked across the dropped kerb {place}, wheelchair users have to go in the road.",
    "Please can the e-scooter company move their scooters {place}, they block the path every "
    "morning.",
)
E_SCOOTER_PLACES: tuple[str, ...] = (
    "outside the shops on the high street",
    "by the bus station",
    "near the primary school gates",
    "on the bridge approach",
    "outside the health centre",
    "at the entrance to the park",
)

DEFAULT_EVENTS: tuple[HistoryEvent, ...] = (
    LevelShift(
        name="social media channel opens",
        services=("highways_lighting", "waste_recycling"),
        start=date(2024, 4, 1),
        factor=1.4,
        channel=Channel.social_media,
    ),
    Drop(
        name="leisure centre closed for refurbishment",
        category="leisure_centres",
        start=date(2025, 8, 1),
        end=date(2025, 8, 31),
        factor=0.25,
    ),
    Spike(
        name="fly-tipping hotspot",
        category="fly_tipping",
        ward="Riverside",
        start=date(2025, 10, 1),
        end=date(2025, 10, 31),
        extra=1.6,
    ),
    EmergingTopic(
        name="hire e-scooters",
        start=date(2025, 9, 1),
        end=date(2026, 3, 31),
        share=0.025,
        categories=("pavements", "vehicle_nuisance", "illegal_parking", "street_cleaning"),
        texts=E_SCOOTER_TEXTS,
        places=E_SCOOTER_PLACES,
    ),
)


def drop_factor(events: tuple[HistoryEvent, ...], category: str, day: date) -> float:
    """What is left of ``category``'s volume on ``day`` after any drops."""
    factor = 1.0
    for event in events:
        if isinstance(event, Drop) and event.category == category and event.start <= day:
            factor *= event.factor if day <= event.end else 1.0
    return factor
