"""CRM exports -> ContactReceived | RejectedRow: profiles, overrides, rejects and tallies."""

from __future__ import annotations

import codecs
import runpy
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from config import ReferenceData
from contracts import Channel, ContactType, contact_id_for
from ingest.errors import MalformedRowError
from ingest.sources import (
    RejectedRow,
    parse_crm_file,
    parse_crm_row,
    read_table,
    resolve_profile,
    write_rejects,
)
from ingest.sources.tabular import EXTRA_CELLS
from tests.fixtures.crm_exports import (
    GOOD_ROW,
    HOUSING,
    PROFILES,
    REPO,
    VERINT,
    VERINT_HEADERS,
    contacts,
    parse,
    verint_csv,
)

CP1252_TEXT = "Charged \u00a325 for a bulky collection \u2013 it\u2019s late"


HOUSING_EXPORT = (
    "Ref No;Received;Feedback Type;Received Via;Department;Reason;Details;Estate/Ward;"
    "Tenant Name;Tel;Email;Property Address;Postcode\r\n"
    'HT/25/001;30/06/2025 09:15;Complaint;Phone;Repairs;Damp/Mould;"Mould in the bedroom; '
    'third time reported";castlefields;Alex Example;07700 900001;alex@example.com;'
    "1 Example Street, Runcorn;wa7  2gw\r\n"
    "HT/25/002;15/01/2025 09:15;Comment;My Account;Neighbourhood Team;Noise;"
    "Dog barking all day next door;Palacefields;;;;;\r\n"
    "HT/25/003;01.07.2025;Enquiry;Letter;Income Team;Rent Account;Arrears £12 look wrong;"
    "Halton Lea;;;;;\r\n"
)


def test_bom_semicolon_day_first_export(tmp_path: Path, reference: ReferenceData) -> None:
    path = tmp_path / "housing.csv"
    path.write_bytes(codecs.BOM_UTF8 + HOUSING_EXPORT.encode("utf-8"))
    parsed, results = parse(path, reference, HOUSING)
    first, second, third = contacts(results)

    assert first.received_at == datetime(2025, 6, 30, 8, 15, tzinfo=UTC)  # BST
    assert second.received_at == datetime(2025, 1, 15, 9, 15, tzinfo=UTC)  # GMT
    assert third.received_at == datetime(2025, 6, 30, 23, 0, tzinfo=UTC)  # midnight BST
    assert first.contact_id == contact_id_for("housing_trust_hms", "HT/25/001")
    assert (first.source_system, first.source_ref) == ("housing_trust_hms", "HT/25/001")
    assert (first.contact_type, first.service, first.category) == (
        ContactType.complaint,
        "housing_repairs",
        "damp_mould",
    )
    assert first.text == "Mould in the bedroom; third time reported"
    assert (first.partner, first.ward, first.postcode) == (
        "housing_trust",
        "Castlefields",
        "WA7 2GW",
    )
    assert first.channel is Channel.phone
    assert first.reporter.model_dump() == {
        "name": "Alex Example",
        "email": "alex@example.com",
        "phone": "07700 900001",
        "address": "1 Example Street, Runcorn",
    }
    # "Comment" maps to suggestion; the Noise category decides the service
    assert (second.contact_type, second.service, second.category) == (
        ContactType.suggestion,
        "environmental_health",
        "noise_nuisance",
    )
    assert second.reporter.is_empty() and second.channel is Channel.web
    assert (third.service, third.category, third.text) == (None, None, "Arrears £12 look wrong")
    assert parsed.unknown_wards == {"Palacefields": 1}
    assert parsed.unmapped_labels == {"service: Income Team": 1, "category: Rent Account": 1}
    assert (parsed.rows_read, parsed.accepted, parsed.rejected) == (3, 3, 0)


def test_source_labels_are_mapped_via_the_profile(tmp_path: Path, reference: ReferenceData) -> None:
    path = verint_csv(
        tmp_path,
        {
            "Case Type": "Complaint - Stage 2",
            "Service Area": "Street Scene",
            "Enquiry Type": "Fly Tip",
        },
        {
            "Case Type": "MP Enquiry",
            "Contact Method": "Web Form",
            "Enquiry Type": "Street Light Out",
        },
        {
            "Case Type": "FOI Request",
            "Contact Method": "One Stop Shop",
            "Service Area": "Other",
            "Enquiry Type": "",
        },
        {"Case Type": "compliments", "Service Area": "bins", "Enquiry Type": "dumped rubbish"},
        {
            "Case Type": "",
            "Service Area": "",
            "Enquiry Type": "pothole",
            "Contact Method": "Pigeon",
        },
    )
    parsed, results = parse(path, reference)
    got = [(c.contact_type, c.channel, c.service, c.category) for c in contacts(results)]
    assert got == [
        (ContactType.complaint, Channel.phone, "waste_recycling", "fly_tipping"),
        (ContactType.enquiry, Channel.web, "highways_lighting", "street_lights"),
        (None, Channel.in_person, None, None),  # the profile maps these labels to nothing
        (ContactType.compliment, Channel.phone, "waste_recycling", "fly_tipping"),  # aliases
        (None, Channel.crm_export, "highways_lighting", "potholes"),  # category gives service
    ]
    assert parsed.unmapped_labels == {"channel: Pigeon": 1}


def test_unmappable_service_or_category_is_kept_and_reported(
    tmp_path: Path, reference: ReferenceData
) -> None:
    path = verint_csv(
        tmp_path,
        {"Service Area": "Registrars", "Enquiry Type": "Death Registration"},
        {"Service Area": "Highways", "Enquiry Type": "Something New"},
        {"Service Area": "Registrars", "Enquiry Type": ""},
    )
    parsed, results = parse(path, reference)
    assert [(c.service, c.category) for c in contacts(results)] == [
        (None, None),
        ("highways_lighting", None),
        (None, None),
    ]
    assert parsed.unmapped_labels == {
        "service: Registrars": 2,
        "category: Death Registration": 1,
        "category: Something New": 1,
    }
    assert parsed.rejected == 0


def test_quoted_newlines_keep_text_and_line_numbers(
    tmp_path: Path, reference: ReferenceData
) -> None:
    note = "Cust called re missed bin.\r\nAdvised crew will return.\r\n\r\nCust unhappy."
    path = verint_csv(tmp_path, {"Description": note}, {"Date Logged": "nope"})
    _, results = parse(path, reference)
    assert contacts(results)[0].text == note
    assert isinstance(results[1], RejectedRow) and results[1].line == 6


def test_blank_lines_are_skipped(tmp_path: Path, reference: ReferenceData) -> None:
    path = verint_csv(tmp_path, {}, {})
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    text = "\r\n".join([lines[0], "", ",,,,", lines[1], "   ", lines[2], "", ""])
    path.write_bytes(text.encode("utf-8"))
    parsed, results = parse(path, reference)
    assert len(contacts(results)) == 2 and parsed.rows_read == 2


def test_duplicate_rows_share_an_id_and_are_counted(
    tmp_path: Path, reference: ReferenceData
) -> None:
    same = {"Case Reference": "101499999"}
    parsed, results = parse(verint_csv(tmp_path, same, {}, same), reference)
    first, _, third = contacts(results)
    assert first.contact_id == third.contact_id == contact_id_for("verint", "101499999")
    assert (parsed.duplicates, parsed.accepted) == (1, 3)


def test_without_a_reference_column_the_row_hash_is_the_id(
    tmp_path: Path, reference: ReferenceData
) -> None:
    profile = resolve_profile(None, PROFILES, {"text": "Description", "received_at": "Date Logged"})
    path = verint_csv(tmp_path, {}, {"Ward": "Hale"}, {"Description": "Something else"})
    parsed, results = parse(path, reference, profile)
    a, b, c = contacts(results)
    assert a.contact_id == b.contact_id != c.contact_id  # Ward is not mapped: same values
    assert a.source_ref is None and a.source_system == "crm"
    assert parsed.duplicates == 1
    _, again = parse(path, reference, profile)
    assert [r.contact_id for r in contacts(again)] == [a.contact_id, b.contact_id, c.contact_id]


def test_windows_1252_export(tmp_path: Path, reference: ReferenceData) -> None:
    path = verint_csv(tmp_path, {"Description": CP1252_TEXT})
    path.write_bytes(path.read_text(encoding="utf-8").encode("windows-1252"))
    _, results = parse(path, reference)
    assert contacts(results)[0].text == CP1252_TEXT


def test_bad_rows_are_rejected_with_reasons_and_later_rows_still_parse(
    tmp_path: Path, reference: ReferenceData
) -> None:
    path = verint_csv(
        tmp_path,
        {},
        {"Date Logged": "31/02/2025 10:15"},
        {"Description": "   "},
        {"Case Type": "Grumble"},
        {"Case Reference": ""},
        {"Postcode": "not given - customer declined"},
        {},
    )
    parsed, results = parse(path, reference)
    assert [type(r).__name__ for r in results] == ["ContactReceived"] + ["RejectedRow"] * 5 + [
        "ContactReceived"
    ]
    rejects = [r for r in results if isinstance(r, RejectedRow)]
    assert [r.line for r in rejects] == [3, 4, 5, 6, 7]
    assert all(r.source == str(path) for r in rejects)
    reasons = [r.reason for r in rejects]
    assert "'Date Logged'" in reasons[0] and "unparseable date '31/02/2025 10:15'" in reasons[0]
    assert reasons[1] == "missing text: column 'Description' is empty"
    assert "unknown contact type 'Grumble'" in reasons[2] and "complaint" in reasons[2]
    assert reasons[3] == "missing reference: column 'Case Reference' is empty"
    assert "'Postcode'" in reasons[4]
    assert rejects[0].raw["Date Logged"] == "31/02/2025 10:15"
    assert (parsed.rows_read, parsed.accepted, parsed.rejected) == (7, 2, 5)


def test_parse_crm_row_errors_name_file_and_line(reference: ReferenceData) -> None:
    row = {**GOOD_ROW, "Date Logged": "31/02/2025"}
    with pytest.raises(MalformedRowError) as raised:
        parse_crm_row(
            row, line=7, source="x.csv", profile=VERINT, columns=VERINT.columns, reference=reference
        )
    assert (raised.value.source, raised.value.line) == ("x.csv", 7)
    assert str(raised.value).startswith("x.csv:7: column 'Date Logged': unparseable date")


def test_extra_cells_are_rejected(tmp_path: Path, reference: ReferenceData) -> None:
    path = verint_csv(tmp_path, {})
    shifted = ["101", "30/06/2025", "", "", "", "", "Bins", " missed", *[""] * 5, "WA7 2GW"]
    path.write_text(path.read_text() + ",".join(shifted) + "\n")
    _, results = parse(path, reference)
    assert isinstance(results[1], RejectedRow)
    assert "more cells than the header" in results[1].reason
    assert results[1].raw[EXTRA_CELLS] == "WA7 2GW"


def test_unknown_partner_and_ward_are_accepted_and_reported(
    tmp_path: Path, reference: ReferenceData
) -> None:
    headers = [*VERINT_HEADERS, "Agency"]
    path = verint_csv(
        tmp_path,
        {"Agency": "Cheshire Police", "Ward": "HALTON  LEA"},
        {"Agency": "Mersey Ferries", "Ward": "West Bank"},
        {"Agency": " Mersey Ferries ", "Ward": "West Bank"},
        {"Agency": ""},
        headers=headers,
    )
    parsed, results = parse(path, reference, overrides={"partner": "Agency"})
    got = [(c.partner, c.ward) for c in contacts(results)]
    assert got == [
        ("police", "Halton Lea"),
        ("Mersey Ferries", "West Bank"),
        ("Mersey Ferries", "West Bank"),
        ("council", "Halton Lea"),  # blank partner cell: the profile's partner
    ]
    assert parsed.unknown_partners == {"Mersey Ferries": 2}
    assert parsed.unknown_wards == {"West Bank": 2}


def test_xlsx_export(tmp_path: Path, reference: ReferenceData) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(VERINT_HEADERS)
    logged_cells = [(101400001, datetime(2025, 6, 30, 9, 15)), (101400002, "15/01/2025 09:15")]
    for case, logged in logged_cells:
        row = {**GOOD_ROW, "Case Reference": case, "Date Logged": logged}
        sheet.append([row[header] for header in VERINT_HEADERS])
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    _, results = parse(path, reference)
    first, second = contacts(results)
    assert first.received_at == datetime(2025, 6, 30, 8, 15, tzinfo=UTC)
    assert second.received_at == datetime(2025, 1, 15, 9, 15, tzinfo=UTC)
    assert first.source_ref == "101400001"


def test_iterating_again_starts_over(tmp_path: Path, reference: ReferenceData) -> None:
    parsed, first = parse(verint_csv(tmp_path, {}, {"Ward": "Nowhere"}), reference)
    assert list(parsed) == first
    assert (parsed.rows_read, parsed.unknown_wards) == (2, {"Nowhere": 1})


def test_write_rejects(tmp_path: Path, reference: ReferenceData) -> None:
    path = verint_csv(tmp_path, {"Date Logged": "yesterday"}, {}, {"Description": ""})
    _, results = parse(path, reference)
    out = tmp_path / "rejects.csv"
    assert write_rejects((r for r in results if isinstance(r, RejectedRow)), out) == 2
    table = read_table(out)
    assert table.headers == ("line", "reason", *VERINT_HEADERS)
    rows = [row for _, row in table]
    assert [row["line"] for row in rows] == ["2", "4"]
    assert "yesterday" in rows[0]["reason"] and rows[0]["Date Logged"] == "yesterday"


def test_demo_exports_parse_and_are_reproducible(tmp_path: Path, reference: ReferenceData) -> None:
    demo = REPO / "samples" / "demo"
    script = runpy.run_path(str(REPO / "samples" / "demo_crm.py"))
    for written in script["write_demo_exports"](tmp_path):
        assert written.read_bytes() == (demo / written.name).read_bytes(), "re-run demo_crm.py"

    council, results = parse(demo / "crm_export.csv", reference)
    assert (council.rows_read, council.rejected, council.duplicates) == (247, 3, 2)
    assert sorted(council.unknown_wards) == ["Town Centre", "West Bank"]
    found = contacts(results)
    assert sum(c.service is None for c in found) > 50  # left for the classifier
    assert min(c.received_at for c in found) >= datetime(2024, 3, 31, 23, tzinfo=UTC)
    assert max(c.received_at for c in found) <= datetime(2025, 12, 20, 18, tzinfo=UTC)
    assert any("\n" in c.text for c in found)
    assert all(c.reporter.name is None or c.reporter.name not in c.text for c in found)

    housing, results = parse(demo / "housing_trust_export.csv", reference, HOUSING)
    assert (housing.rows_read, housing.rejected, housing.duplicates) == (60, 0, 0)
    assert {c.partner for c in contacts(results)} == {"housing_trust"}


def test_a_date_over_a_day_ahead_is_rejected_and_an_early_one_tallied(
    tmp_path: Path, reference: ReferenceData
) -> None:
    path = verint_csv(
        tmp_path,
        {"Date Logged": "01/01/2099 10:00"},
        {"Date Logged": "01/01/1900 10:00"},
        {"Date Logged": "31/12/1999 23:00"},
        {},
    )
    parsed = parse_crm_file(path, profile=VERINT, reference=reference, earliest_year=2000)
    results = list(parsed)
    [reject] = [r for r in results if isinstance(r, RejectedRow)]
    assert reject.line == 2
    assert reject.reason == (
        "column 'Date Logged': 2099-01-01T10:00:00+00:00 is more than a day in the future"
    )
    assert len(contacts(results)) == 3
    assert parsed.early_dates == {"1900": 1, "1999": 1}
    # No earliest year, no tally; the future is refused whatever the setting.
    unset = parse_crm_file(path, profile=VERINT, reference=reference)
    assert len(contacts(list(unset))) == 3 and not unset.early_dates
