"""``python -m bench envelopes``: a digest of exactly what a back-fill sends for some exports,
to show that a change to the ingest side (for speed) leaves its output as it was.

Each export goes through the real ``Backfill`` (parse, envelope, send) with a producer that
records instead of sending; the digest covers every envelope's key and bytes, the case events,
the rejects file and the parse's tallies. Run it on two trees and compare the lines:

    python -m bench envelopes [--rows 20000]
    cd ../main && PYTHONPATH=. python ../wt-x/bench/envelopes.py   # on main's code (and data)

The exports: the demo CRM exports, the bench's generated Verint export, and an untidy one made
here (every cell variant the parser treats differently: rejects, unknown labels, ISO and
am/pm dates, lifecycle columns, no reference column).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import config
from config import load_crm_profiles, load_reference_data
from contracts import CaseEvent, Topic, encode
from ingest import (
    Backfill,
    CheckpointFile,
    EnvelopeSender,
    ExportIdentity,
    RejectsFile,
    parse_crm_file,
    resolve_profile,
)

REPO = Path(config.__file__).resolve().parents[1]
"""The tree whose packages are imported (its config and samples are read)."""

UNTIDY_HEADERS = (
    "Case Reference",
    "Case Type",
    "Description",
    "Date Logged",
    "Ward",
    "Contact Method",
    "Service Area",
    "Enquiry Type",
    "Customer Name",
    "Email Address",
    "Telephone",
    "Address",
    "Postcode",
    "Partner",
    "Subject",
    "Acknowledged",
    "Closed",
    "Stage",
    "Outcome",
)
UNTIDY_COLUMNS = {
    "partner": "Partner",
    "subject": "Subject",
    "acknowledged_at": "Acknowledged",
    "closed_at": "Closed",
    "stage": "Stage",
    "outcome": "Outcome",
}
_VARIANTS: dict[str, tuple[str, ...]] = {
    "Case Type": (
        "Complaint - Stage 1",
        "compliment",
        "Service Request",
        "FOI Request",
        "  Stage 2   Complaint ",
        "Enquiry",
        "Grumble",
        "",
    ),
    "Date Logged": (
        "04/11/2025 14:32",
        "4/1/25 9.05",
        "04.11.2024",
        "2024-03-31T01:30:00",
        "2025-06-01 12:00:00+02:00",
        "2024-10-27 01:30",
        "31/03/2024 01:30",
        "03/02/2024 2:15 pm",
        "13/13/2024",
        "01/01/2099 10:00",
        "12/05/2009 08:00",
        "yesterday",
        "",
        " 05/06/2024   10:11:12 ",
    ),
    "Ward": ("Hough Green", "hough-green", "Nowhere Estate", "", "  DITTON  "),
    "Contact Method": ("Telephone", "web form", "Carrier Pigeon", "", "E-mail", "Face to Face"),
    "Service Area": ("Waste Management", "Highways", "Other", "Astrology", "", "parking"),
    "Enquiry Type": ("Missed Bin", "Pothole", "Fly Tip", "Moon Landing", "", "potholes"),
    "Customer Name": ("", "Ann Smith", "  Bob   Jones "),
    "Email Address": ("", "ann@example.org", "not an email"),
    "Telephone": ("", "01234 567890"),
    "Address": ("", "4 Mill Lane, Widnes"),
    "Postcode": ("", "wa8 7qx", " WA8  7QX ", "NOT A REAL POSTCODE AT ALL"),
    "Partner": ("", "council", "Halton Housing", "Unknown Partner Ltd"),
    "Subject": ("", "Bins", "x" * 1200),
    "Acknowledged": ("", "05/11/2025 09:00", "01/01/2020 09:00", "nonsense"),
    "Closed": ("", "20/11/2025 16:00", "01/01/2099 09:00"),
    "Stage": ("", "1", "Stage 2", "4"),
    "Outcome": ("", "Upheld", "partly upheld", "maybe"),
}
_TEXTS = (
    "The bin was not collected again this week.",
    "Street light out on Mill Lane\nsince Monday.",
    "  padded text with a \u00e9 and emoji \U0001f600  ",
    "",
    "   ",
    "nul \x00 inside",
    "y" * 100_001,  # over FreeText's limit
    'quoted "text", with commas; and semicolons',
)


def write_untidy_export(path: Path, rows: int, seed: int = 7) -> None:
    """An export whose cells are mostly the first variant of their column and otherwise any
    other (so most rows are accepted and every odd cell shows up), plus rows with extra cells."""
    rng = random.Random(seed)

    def pick(variants: tuple[str, ...]) -> str:
        return variants[0] if rng.random() < 0.8 else rng.choice(variants)

    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(UNTIDY_HEADERS)
        for i in range(rows):
            row = {h: pick(_VARIANTS[h]) for h in _VARIANTS}
            row["Case Reference"] = pick((f"C{i:06d}", f"C{i // 3:06d}", "", f" c{i} "))
            row["Description"] = pick(_TEXTS)
            cells = [row.get(h, "") for h in UNTIDY_HEADERS]
            if i % 97 == 0:
                cells.append("an unquoted, extra cell")
            out.writerow(cells)


@dataclass
class RecordingProducer:
    """Stands in for the envelope producer: keeps what it was given."""

    digest: hashlib._Hash
    envelopes: int = 0
    sent: list[int] = field(default_factory=list)

    def publish_encoded(self, topic: Topic, events: Iterable[tuple[uuid.UUID, bytes]]) -> int:
        count = 0
        for key, value in events:
            self.digest.update(str(key).encode() + b"\x1e" + value + b"\x1f")
            self.envelopes += 1
            count += 1
        return count

    def close(self) -> None:
        pass


def digest_export(
    export: Path,
    profile_name: str,
    *,
    overrides: dict[str, str] | None = None,
    earliest_year: int | None = None,
) -> dict[str, object]:
    """What a back-fill of ``export`` sends, as counts and one sha256."""
    config = REPO / "config"
    reference = load_reference_data(config)
    profile = resolve_profile(profile_name, load_crm_profiles(config))
    parse = parse_crm_file(
        export,
        profile=profile,
        reference=reference,
        column_overrides=overrides,
        earliest_year=earliest_year,
    )
    digest = hashlib.sha256()
    producer = RecordingProducer(digest)
    events: list[CaseEvent] = []

    def keep_events(batch: list[CaseEvent]) -> int:
        events.extend(batch)
        return len(batch)

    with tempfile.TemporaryDirectory(prefix="civicpulse-envelopes-") as folder:
        rejects_path = Path(folder) / "rejects.csv"
        backfill = Backfill(
            parse=parse,
            sender=EnvelopeSender(lambda: producer),  # type: ignore[arg-type, return-value]
            stored=set,
            checkpoint_file=CheckpointFile(Path(folder), ExportIdentity.of(export, {})),
            rejects=RejectsFile(rejects_path, parse.headers),
            publish_case_events=keep_events,
        )
        tally = backfill.run(resume=False)
        rejects = rejects_path.read_bytes() if rejects_path.exists() else b""
    for event in events:
        digest.update(encode(event) + b"\x1f")
    digest.update(rejects)
    tallies = {
        "accepted": parse.accepted,
        "rejected": parse.rejected,
        "duplicates": parse.duplicates,
        "unknown_partners": sorted(parse.unknown_partners.items()),
        "unknown_wards": sorted(parse.unknown_wards.items()),
        "unmapped_labels": sorted(parse.unmapped_labels.items()),
        "early_dates": sorted(parse.early_dates.items()),
    }
    digest.update(json.dumps(tallies, sort_keys=True).encode())
    return {
        "export": export.name,
        "rows": tally.rows_read,
        "sent": tally.contacts_sent,
        "rejected": tally.rejected,
        "case_events": len(events),
        "envelopes": producer.envelopes,
        "sha256": digest.hexdigest(),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench envelopes", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000, help="rows of each generated export")
    args = parser.parse_args(argv)
    from bench.worker_throughput import write_export

    demo = REPO / "samples" / "demo"
    with tempfile.TemporaryDirectory(prefix="civicpulse-envelopes-") as folder:
        generated, untidy = Path(folder) / "bench_export.csv", Path(folder) / "untidy.csv"
        write_export(generated, args.rows)
        write_untidy_export(untidy, args.rows)
        results = [
            digest_export(demo / "crm_export.csv", "verint_council"),
            digest_export(demo / "housing_trust_export.csv", "housing_trust"),
            digest_export(generated, "verint_council"),
            digest_export(untidy, "verint_council", overrides=UNTIDY_COLUMNS, earliest_year=2015),
            digest_export(
                untidy,
                "verint_council",
                overrides={**UNTIDY_COLUMNS, "source_ref": ""},
                earliest_year=2015,
            ),
        ]
    for result in results:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
