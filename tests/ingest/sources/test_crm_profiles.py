"""CRM profiles and column mappings: overrides, resolving a profile, headers that are missing,
differently written or unmapped, and profile values that are not the product's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import CRM_FIELDS, ReferenceData
from ingest.errors import IngestError, MalformedRowError, UnknownProfileError
from ingest.sources import RejectedRow, parse_column_overrides, parse_crm_file, resolve_profile
from tests.fixtures.crm_exports import (
    GOOD_ROW,
    HOUSING,
    PROFILES,
    VERINT,
    VERINT_HEADERS,
    contacts,
    parse,
    verint_csv,
)


def test_column_overrides(tmp_path: Path, reference: ReferenceData) -> None:
    headers = [h if h != "Description" else "Notes" for h in VERINT_HEADERS] + ["Description"]
    path = verint_csv(tmp_path, {"Notes": "The real text", "Description": "old"}, headers=headers)
    overrides = parse_column_overrides(["text=Notes", " Reporter-Name = ", "subject=Description"])
    assert overrides == {"text": "Notes", "reporter_name": "", "subject": "Description"}
    parsed, results = parse(path, reference, overrides=overrides)
    contact = contacts(results)[0]
    assert (contact.text, contact.subject, contact.reporter.name) == ("The real text", "old", None)
    assert "reporter_name" not in parsed.columns


def test_parse_column_overrides_rejects_unknown_fields() -> None:
    with pytest.raises(IngestError) as raised:
        parse_column_overrides(["descripton=Details"])
    assert "'descripton'" in str(raised.value)
    assert all(name in str(raised.value) for name in CRM_FIELDS)
    with pytest.raises(IngestError, match="FIELD=HEADER"):
        parse_column_overrides(["text"])


def test_resolve_profile() -> None:
    assert resolve_profile("housing_trust", PROFILES) is HOUSING
    ad_hoc = resolve_profile(None, PROFILES, {"text": "Notes", "received_at": "When"})
    assert (ad_hoc.source_system, ad_hoc.columns) == (
        "crm",
        {"text": "Notes", "received_at": "When"},
    )
    with pytest.raises(UnknownProfileError) as raised:
        resolve_profile("lagan", PROFILES)
    assert "'lagan'" in str(raised.value) and "housing_trust, verint_council" in str(raised.value)
    with pytest.raises(UnknownProfileError, match="--column"):
        resolve_profile(None, PROFILES, {})


def test_missing_headers_fail_the_file_up_front(tmp_path: Path, reference: ReferenceData) -> None:
    headers = [h for h in VERINT_HEADERS if h not in ("Ward", "Date Logged")]
    path = verint_csv(tmp_path, {}, headers=headers)
    with pytest.raises(MalformedRowError) as raised:
        parse_crm_file(path, profile=VERINT, reference=reference)
    error = raised.value
    assert error.line is None and error.source == str(path)
    assert "'Date Logged' (for received_at)" in error.reason and "'Ward' (for ward)" in error.reason
    assert "'Case Reference'" in error.reason.split("columns are:")[1]


def test_headers_match_ignoring_case_and_spacing(tmp_path: Path, reference: ReferenceData) -> None:
    headers = [h.upper() for h in VERINT_HEADERS]
    path = verint_csv(tmp_path, {h.upper(): v for h, v in GOOD_ROW.items()}, headers=headers)
    parsed, results = parse(path, reference)
    assert parsed.columns["text"] == "DESCRIPTION" and contacts(results)[0].ward == "Halton Lea"


def test_required_fields_must_be_mapped(tmp_path: Path, reference: ReferenceData) -> None:
    profile = resolve_profile(None, PROFILES, {"received_at": "Date Logged"})
    with pytest.raises(MalformedRowError, match="maps no column to text"):
        parse_crm_file(verint_csv(tmp_path, {}), profile=profile, reference=reference)


def test_profile_channel_must_be_a_channel(tmp_path: Path, reference: ReferenceData) -> None:
    profile = VERINT.model_copy(update={"channel": "carrier pigeon"})
    with pytest.raises(IngestError, match="carrier pigeon"):
        parse_crm_file(verint_csv(tmp_path, {}), profile=profile, reference=reference)


def test_profile_mapping_to_a_non_type_rejects_the_row(
    tmp_path: Path, reference: ReferenceData
) -> None:
    values = {**VERINT.values, "contact_type": {"Grumble": "moan"}}
    profile = VERINT.model_copy(update={"values": values})
    _, results = parse(verint_csv(tmp_path, {"Case Type": "Grumble"}), reference, profile)
    assert isinstance(results[0], RejectedRow) and "'moan'" in results[0].reason
