"""What a CRM row's cells mean: ProfileLabels remembers each label's meaning, and gives the
same answers, notes and errors as working it out afresh."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from config import ReferenceData, load_crm_profiles
from contracts import Channel, ContactType
from ingest.sources import crm_cells
from ingest.sources.crm_cells import (
    Cells,
    Notes,
    ProfileLabels,
    channel_of,
    contact_type_of,
    default_partner,
    known_or_given,
    service_and_category,
)

REPO = Path(__file__).resolve().parents[3]
VERINT = load_crm_profiles(REPO / "config")["verint_council"]
COLUMNS = {
    "contact_type": "Type",
    "channel": "How",
    "service": "Service",
    "category": "Category",
    "partner": "Partner",
    "ward": "Ward",
}
ROWS = [
    {
        "Type": "Complaint - Stage 1",
        "How": "Telephone",
        "Service": "Highways",
        "Category": "Pothole",
        "Partner": "",
        "Ward": "Halton Lea",
    },
    {
        "Type": " compliment ",
        "How": "Carrier Pigeon",
        "Service": "Astrology",
        "Category": "Moon Landing",
        "Partner": "Unknown Partner Ltd",
        "Ward": "Nowhere Estate",
    },
    {"Type": "FOI Request", "How": "", "Service": "Other", "Category": "", "Partner": "council"},
    {"Type": "", "How": "web   form", "Service": "", "Category": "Fly Tip", "Ward": "  DITTON "},
]


def fresh(cells: Cells, reference: ReferenceData) -> tuple[object, ...]:
    """The meaning of a row's labels worked out with the plain functions."""
    notes: Notes = []
    kind = contact_type_of(cells.label("contact_type"), VERINT)
    channel = channel_of(cells.label("channel"), VERINT, notes)
    service, category = service_and_category(cells, VERINT, reference, notes)
    partner = known_or_given("partner", cells, reference.resolve_partner, notes) or default_partner(
        VERINT, reference
    )
    ward = known_or_given("ward", cells, reference.resolve_ward, notes)
    return kind, channel, service, category, partner, ward, notes


def remembered(labels: ProfileLabels, cells: Cells) -> tuple[Any, ...]:
    notes: Notes = []
    kind = labels.contact_type(cells.label("contact_type"))
    channel = labels.channel(cells.label("channel"), notes)
    service, category = labels.service_and_category(cells, notes)
    partner = labels.partner(cells, notes)
    ward = labels.ward(cells, notes)
    return kind, channel, service, category, partner, ward, notes


def test_remembered_labels_mean_what_fresh_ones_do_with_their_notes_every_time(
    reference: ReferenceData,
) -> None:
    labels = ProfileLabels(VERINT, reference)
    for _ in range(3):  # the first pass works them out, the others remember
        for row in ROWS:
            cells = Cells(row, COLUMNS)
            assert remembered(labels, cells) == fresh(cells, reference)
    first = remembered(labels, Cells(ROWS[0], COLUMNS))
    assert first[:2] == (ContactType.complaint, Channel.phone)
    assert ("label", "channel: Carrier Pigeon") in remembered(labels, Cells(ROWS[1], COLUMNS))[-1]


def test_an_unknown_contact_type_raises_each_time_it_is_asked(reference: ReferenceData) -> None:
    labels = ProfileLabels(VERINT, reference)
    for _ in range(2):
        with pytest.raises(ValueError, match="unknown contact type 'Grumble'"):
            labels.contact_type("Grumble")


def test_remembered_labels_are_bounded(
    reference: ReferenceData, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crm_cells, "REMEMBERED_LABELS", 5)
    labels = ProfileLabels(VERINT, reference)
    for n in range(20):
        notes: Notes = []
        assert labels.ward(Cells({"Ward": f"Estate {n}"}, {"ward": "Ward"}), notes) == f"Estate {n}"
        assert notes == [("ward", f"Estate {n}")]
        assert len(labels._known) <= 5
