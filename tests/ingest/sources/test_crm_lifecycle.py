"""The optional lifecycle columns of a CRM export: steps become CaseEvents for the row's
contact with stable ids; an unreadable cell rejects the row naming the column."""

from __future__ import annotations

from pathlib import Path

from config import ReferenceData
from contracts import CaseEventKind, CaseOutcome, ContactReceived
from ingest.sources import RejectedRow, parse_column_overrides, parse_crm_file, resolve_profile

HEADER = "Ref,Logged,Details,Acknowledged,Responded,Closed,Stage,Outcome\n"
COLUMNS = [
    "source_ref=Ref",
    "received_at=Logged",
    "text=Details",
    "acknowledged_at=Acknowledged",
    "responded_at=Responded",
    "closed_at=Closed",
    "stage=Stage",
    "outcome=Outcome",
]


def parse(tmp_path: Path, reference: ReferenceData, body: str) -> tuple[list[object], list[object]]:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    overrides = parse_column_overrides(COLUMNS)
    profile = resolve_profile(None, {}, overrides)
    parse = parse_crm_file(path, profile=profile, reference=reference, column_overrides=overrides)
    results = list(parse)
    return results, list(parse.take_case_events())


def test_lifecycle_columns_become_case_events(tmp_path: Path, reference: ReferenceData) -> None:
    results, events = parse(
        tmp_path,
        reference,
        "C1,06/10/2025 09:00,Bin missed again,07/10/2025,20/10/2025 16:30,,2,Partly upheld\n"
        "C2,06/10/2025 09:00,Where is my permit,,,,,\n",
    )
    first, second = results
    assert isinstance(first, ContactReceived) and isinstance(second, ContactReceived)
    assert [e.kind for e in events] == [CaseEventKind.acknowledged, CaseEventKind.responded]
    assert {e.contact_id for e in events} == {first.contact_id}
    responded = events[1]
    assert (responded.stage, responded.outcome) == (2, CaseOutcome.partly_upheld)
    assert responded.occurred_at.isoformat() == "2025-10-20T15:30:00+00:00"  # BST -> UTC
    # A re-export with a corrected date replaces the step: same event id.
    _, corrected = parse(
        tmp_path,
        reference,
        "C1,06/10/2025 09:00,Bin missed again,07/10/2025,21/10/2025 09:00,,2,Partly upheld\n",
    )
    assert corrected[1].event_id == responded.event_id


def test_an_unreadable_lifecycle_cell_rejects_the_row_naming_the_column(
    tmp_path: Path, reference: ReferenceData
) -> None:
    results, events = parse(
        tmp_path,
        reference,
        "C1,06/10/2025 09:00,Bin,07/10/2025,,,,Upheld\n"  # outcome without a response
        "C2,06/10/2025 09:00,Bin,yesterday,,,,\n"
        "C3,06/10/2025 09:00,Bin,,,,Stage four,\n"
        "C4,06/10/2025 09:00,Bin,01/10/2025,,,,\n",  # acknowledged before it was received
    )
    reasons = [r.reason for r in results if isinstance(r, RejectedRow)]
    assert len(reasons) == 4 and events == []
    assert "'Outcome'" in reasons[0] and "responded_at or closed_at" in reasons[0]
    assert "'Acknowledged'" in reasons[1]
    assert "'Stage'" in reasons[2]
    assert "before the contact was received" in reasons[3]
