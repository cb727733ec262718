"""Hypothesis properties of the CRM export parser: any row, any CSV file, no surprises.

Fixed @example cases are the odd inputs worth keeping: control characters that strip() eats,
over-long fields, dates outside datetime's range, cells beyond the header, NUL bytes.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from config import CRM_FIELDS, CrmProfile, ReferenceData, load_crm_profiles
from contracts import ContactReceived
from ingest.errors import MalformedRowError
from ingest.sources import RejectedRow, parse_crm_file, parse_crm_row, resolve_profile
from ingest.sources.tabular import EXTRA_CELLS

PROFILES = load_crm_profiles(Path(__file__).resolve().parents[3] / "config")
VERINT, HOUSING = PROFILES["verint_council"], PROFILES["housing_trust"]
PLAUSIBLE = [
    "",
    " ",
    "30/06/2025 09:15",
    "2025-06-30T09:15:00Z",
    "31/02/2025",
    "Complaint - Stage 1",
    "complaint",
    "Highways",
    "Pothole",
    "Hale",
    "West Bank",
    "Telephone",
    "x" * 201,
    "WA7 2GW",
    "\x1f",
    "0001-01-01T00:00:00+14:00",
    "01/01/2099 10:00",
    "01/01/1900",
    "a\x00b",
    '=HYPERLINK("x")',
]
cells = st.one_of(st.text(), st.sampled_from(PLAUSIBLE))


@given(
    values=st.dictionaries(st.sampled_from(CRM_FIELDS), cells),
    extra=st.none() | cells,
    profile=st.sampled_from(
        [VERINT, HOUSING, VERINT.model_copy(update={"date_format": "%d %B %Y"})]
    ),
)
@settings(suppress_health_check=[HealthCheck.too_slow])
@example(values={"text": "\x1f", "received_at": "30/06/2025"}, extra=None, profile=VERINT)
@example(values={"text": "x", "received_at": "1/1/1"}, extra=None, profile=VERINT)
@example(
    values={"text": "x", "received_at": "30/06/2025", "postcode": "0" * 17},
    extra=None,
    profile=HOUSING,
)
@example(
    values={"text": "x", "received_at": "30/06/2025", "source_ref": "x" * 201},
    extra=None,
    profile=VERINT,
)
@example(
    values={"text": "x", "received_at": "30/06/2025", "ward": "x" * 201}, extra=None, profile=VERINT
)
@example(values={"text": "x", "received_at": "30/06/2025"}, extra="more", profile=VERINT)
def test_any_row_is_a_contact_or_a_malformed_row(
    reference: ReferenceData, values: dict[str, str], extra: str | None, profile: CrmProfile
) -> None:
    row = {header: values.get(name, "") for name, header in profile.columns.items()}
    if extra is not None:
        row[EXTRA_CELLS] = extra
    try:
        contact = parse_crm_row(
            row,
            line=2,
            source="prop.csv",
            profile=profile,
            columns=profile.columns,
            reference=reference,
        )
    except MalformedRowError as exc:
        assert exc.reason and exc.line == 2
    else:
        assert isinstance(contact, ContactReceived) and contact.text.strip()


CSV_HEADERS = ["Ref", "When", "Type", "Text", "Ward"]
AD_HOC = resolve_profile(
    None,
    {},
    {
        "source_ref": "Ref",
        "received_at": "When",
        "contact_type": "Type",
        "text": "Text",
        "ward": "Ward",
    },
)


@given(
    rows=st.lists(st.lists(cells, max_size=7), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@example(rows=[["\r"], [""], []], delimiter=",", encoding="utf-8")
@example(rows=[["1", "30/06/2025", "", "a\nb", "", "extra"]], delimiter=";", encoding="utf-8-sig")
@example(rows=[["\x00" * 40]], delimiter=",", encoding="utf-8")
@example(rows=[['"', "\u2028", "\x1c"]], delimiter="\t", encoding="utf-8")
def test_any_csv_gives_one_result_per_row(
    reference: ReferenceData, rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerows([CSV_HEADERS, *rows])
        parsed = parse_crm_file(path, profile=AD_HOC, reference=reference)
        results = list(parsed)
    expected = sum(1 for row in rows if any(cell.strip() for cell in row))
    assert len(results) == parsed.rows_read == expected
    assert all(isinstance(r, ContactReceived | RejectedRow) for r in results)
    lines = [r.line for r in results if isinstance(r, RejectedRow)]
    assert lines == sorted(lines) and all(line is not None and line >= 2 for line in lines)
