"""The committed demo web forms and ratings: shape, spread, duplicates and determinism."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from config import ReferenceData, load_reference_data
from contracts import ContactType
from samples import DEMO_SEED, generate_demo, render_json

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "samples" / "demo"
POSTCODE = re.compile(r"^WA[78] [0-9][A-Z]{2}$")
REF = re.compile(r"^WF-(\d{4})-\d{6}$")
REQUIRED = {"source_ref", "received_at", "subject", "text", "ward", "postcode", "reporter_name"}


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference_data(REPO / "config")


@pytest.fixture(scope="module")
def forms() -> list[dict[str, object]]:
    loaded: list[dict[str, object]] = json.loads((DEMO / "webforms.json").read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def ratings() -> list[dict[str, object]]:
    loaded: list[dict[str, object]] = json.loads((DEMO / "ratings.json").read_text("utf-8"))
    return loaded


def test_about_120_forms_with_exactly_three_exact_duplicates(
    forms: list[dict[str, object]],
) -> None:
    refs = Counter(str(f["source_ref"]) for f in forms)
    assert 110 <= len(refs) <= 130
    repeated = [ref for ref, n in refs.items() if n > 1]
    assert len(repeated) == 3 and all(refs[r] == 2 for r in repeated)
    for ref in repeated:
        first, second = (f for f in forms if f["source_ref"] == ref)
        assert first == second


def test_every_form_is_well_formed(forms: list[dict[str, object]]) -> None:
    for form in forms:
        assert form.keys() >= REQUIRED, form
        match = REF.match(str(form["source_ref"]))
        assert match, form["source_ref"]
        received = datetime.fromisoformat(str(form["received_at"]))
        assert received.utcoffset() is not None
        assert match.group(1) == str(received.year)
        assert date(2024, 4, 1) <= received.date() <= date(2025, 12, 20)
        assert POSTCODE.match(str(form["postcode"])), form["postcode"]
        if "contact_type" in form:
            ContactType(str(form["contact_type"]))


def test_later_months_are_busier(forms: list[dict[str, object]]) -> None:
    months = Counter(str(f["received_at"])[:7] for f in forms)
    first_year = sum(n for m, n in months.items() if m < "2025-01")
    last_six = sum(n for m, n in months.items() if m >= "2025-07")
    assert last_six > first_year


def test_optional_fields_are_sometimes_missing(forms: list[dict[str, object]]) -> None:
    for key in ("partner", "contact_type", "reporter_phone"):
        missing = sum(1 for f in forms if key not in f)
        assert 0 < missing < len(forms) / 2, key


def test_partners_and_wards_include_known_and_unknown(
    forms: list[dict[str, object]], reference: ReferenceData
) -> None:
    partners = {reference.resolve_partner(str(f["partner"])) for f in forms if "partner" in f}
    assert {p.id for p in reference.partners} <= partners
    wards = {str(f["ward"]) for f in forms}
    assert any(reference.resolve_ward(w) is None for w in wards)
    assert len({reference.resolve_ward(w) for w in wards} - {None}) >= 15


def test_some_texts_carry_personal_data(forms: list[dict[str, object]]) -> None:
    personal = re.compile(r"07700 ?900\d{3}|\+44 7700|01632 960\d{3}|I live at \d+|@example\.")
    assert sum(1 for f in forms if personal.search(str(f["text"]))) >= 5


def test_ratings_point_at_forms_and_come_after_them(
    forms: list[dict[str, object]], ratings: list[dict[str, object]]
) -> None:
    received = {str(f["source_ref"]): datetime.fromisoformat(str(f["received_at"])) for f in forms}
    assert 50 <= len(ratings) <= 70
    assert len({r["contact_source_ref"] for r in ratings}) == len(ratings)
    for rating in ratings:
        ref = str(rating["contact_source_ref"])
        assert ref in received
        assert rating["score"] in {1, 2, 3, 4, 5}
        assert isinstance(rating["follow_up_requested"], bool)
        assert datetime.fromisoformat(str(rating["rated_at"])) > received[ref]


def test_regenerating_with_the_same_seed_reproduces_both_files(reference: ReferenceData) -> None:
    forms, ratings = generate_demo(reference, DEMO_SEED)
    assert render_json(forms) == (DEMO / "webforms.json").read_bytes().decode("utf-8")
    assert render_json(ratings) == (DEMO / "ratings.json").read_bytes().decode("utf-8")
