"""Reference data: the taxonomy, partners, wards and CRM profiles councils edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import ReferenceData, ReferenceDataError, load_crm_profiles, load_taxonomy

CONFIG = Path(__file__).resolve().parents[2] / "config"


def test_taxonomy_covers_the_services_councils_named() -> None:
    taxonomy = load_taxonomy(CONFIG)
    assert len(taxonomy.services) >= 13
    assert all(s.lgsl for s in taxonomy.services)
    assert taxonomy.service_of_category["fly_tipping"] == "waste_recycling"
    assert taxonomy.resolve_service("Revs and Bens") == "council_tax_benefits"
    assert taxonomy.resolve_category("  Missed  BIN ") == "missed_collection"
    assert taxonomy.resolve_category("no such thing") is None


def test_partner_and_ward_lookups_are_forgiving(reference: ReferenceData) -> None:
    assert reference.resolve_partner("Cheshire Police") == "police"
    assert reference.resolve_partner_by_email("Feedback <x@haltonhousing.co.uk>") == "housing_trust"
    assert reference.resolve_ward("halton-brook") == "Halton Brook"
    assert reference.resolve_ward("Atlantis") is None
    # An HTML-escaped export's labels read as written
    assert reference.resolve_ward("Halton&#45;Brook") == "Halton Brook"
    assert reference.taxonomy.resolve_category("Missed &amp; BIN") == "missed_collection"
    assert reference.ward_population("Riverside") == 5000


def test_shipped_profiles_load() -> None:
    profiles = load_crm_profiles(CONFIG)
    assert {"verint_council", "housing_trust"} <= set(profiles)
    assert profiles["verint_council"].columns["text"] == "Description"


def test_a_broken_taxonomy_names_the_file_and_the_problem(tmp_path: Path) -> None:
    (tmp_path / "taxonomy.yaml").write_text(
        "services:\n  - {id: a, name: A, categories: [{id: x, name: X}]}\n"
        "  - {id: b, name: B, categories: [{id: x, name: X2}]}\n"
    )
    with pytest.raises(ReferenceDataError, match="category ids must be unique: x"):
        load_taxonomy(tmp_path)
