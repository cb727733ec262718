"""CRM export rows -> ContactReceived | RejectedRow, driven by a column profile.

One bad row never stops a file: it becomes a RejectedRow naming its line and the reason.
A date over a day in the future is a reject; one before the earliest year is tallied.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

from pydantic import ValidationError

from config import CRM_FIELDS, CrmProfile, ReferenceData, normalise_label
from contracts import CaseEvent, ContactReceived, contact_id_for
from ingest.errors import IngestError, MalformedRowError, UnknownProfileError
from ingest.sources.crm_cells import Cells, Notes, ProfileLabels, profile_channel
from ingest.sources.crm_lifecycle import LIFECYCLE_FIELDS, row_case_events
from ingest.sources.event_dates import early_date_warning, future_date_problem
from ingest.sources.rejects import RejectedRow
from ingest.sources.tabular import EXTRA_CELLS, READ_ERROR, TableRows, read_table
from ingest.sources.uk_dates import parse_uk_datetime

REQUIRED_FIELDS: tuple[str, ...] = ("received_at", "text")
AD_HOC_PROFILE = "ad-hoc"
_FIELDS = ", ".join(CRM_FIELDS)


def parse_column_overrides(specs: Iterable[str]) -> dict[str, str]:
    """``["text=Details", ...]`` (``--column FIELD=HEADER``) as ``{field: header}``.

    An empty HEADER unmaps the field. Raises ``IngestError`` for a malformed spec or a FIELD
    that is not one of ``CRM_FIELDS``.
    """
    overrides: dict[str, str] = {}
    for spec in specs:
        name, sep, header = spec.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or not name:
            raise IngestError(f"--column {spec!r}: expected FIELD=HEADER, e.g. text=Description")
        if name not in CRM_FIELDS:
            raise IngestError(f"--column {spec!r}: unknown field {name!r}; fields: {_FIELDS}")
        overrides[name] = header.strip()
    return overrides


def resolve_profile(
    name: str | None,
    profiles: Mapping[str, CrmProfile],
    column_overrides: Mapping[str, str] | None = None,
) -> CrmProfile:
    """The profile called ``name``, or an ad-hoc one (source system ``crm``) built from
    ``column_overrides`` when no name is given. Raises ``UnknownProfileError``."""
    known = ", ".join(sorted(profiles)) or "(none configured)"
    if name is None:
        if column_overrides:
            return CrmProfile(
                name=AD_HOC_PROFILE, source_system="crm", columns={**column_overrides}
            )
        raise UnknownProfileError(f"no CRM profile given: use one of {known} or --column")
    if name not in profiles:
        raise UnknownProfileError(f"unknown CRM profile {name!r}; known profiles: {known}")
    return profiles[name]


def parse_crm_row(
    row: Mapping[str, str],
    *,
    line: int,
    source: str,
    profile: CrmProfile,
    columns: Mapping[str, str],
    reference: ReferenceData,
    now: datetime | None = None,
) -> ContactReceived:
    """One export row as a contact; raises ``MalformedRowError`` naming the line and problem.

    ``columns`` is the effective ``{field: header}`` map (profile columns plus overrides).
    A date more than a day after ``now`` (default: the current time) is refused.
    """
    when = now or datetime.now(UTC)
    labels = ProfileLabels(profile, reference)
    cells = Cells(row, columns)
    contact, _ = _parse_row(row, cells, line, source, profile, labels, when, None)
    return contact


class CrmParse:
    """One CRM export being parsed: iterate for one result per data row, then read the tallies.

    Each iteration starts from the top of the file and resets the tallies. ``line`` is the
    line of the row last read; rows on lines up to ``skip_through`` are passed over unparsed
    (a resumed back-fill), counted in ``rows_skipped``.
    """

    def __init__(
        self,
        table: TableRows,
        *,
        profile: CrmProfile,
        reference: ReferenceData,
        columns: Mapping[str, str],
        earliest_year: int | None = None,
    ) -> None:
        self.source, self.headers = table.source, table.headers
        self.profile, self.columns = profile, dict(columns)
        self.earliest_year = earliest_year
        self._table, self._labels = table, ProfileLabels(profile, reference)
        # Most exports have no lifecycle columns: their rows need no look for case events.
        self._lifecycle = any(name in self.columns for name in LIFECYCLE_FIELDS)
        self.skip_through = 0
        self._reset()

    def _reset(self) -> None:
        self.rows_read = self.accepted = self.rejected = 0
        self.rows_skipped = self.line = 0
        self.unknown_partners: Counter[str] = Counter()
        self.unknown_wards: Counter[str] = Counter()
        self.unmapped_labels: Counter[str] = Counter()
        self.early_dates: Counter[str] = Counter()  # year -> rows dated before earliest_year
        self.case_events: list[CaseEvent] = []  # lifecycle steps of accepted rows; drained
        # The low 64 bits of each accepted row's id, 8 bytes a row: a set of UUIDs (or of
        # ints) costs about 80 bytes a row, 80 MB for a million-row export. A false
        # duplicate needs two ids equal in 64 random bits.
        self._ids = array("Q")
        self._tallies = {
            "partner": self.unknown_partners,
            "ward": self.unknown_wards,
            "label": self.unmapped_labels,
            "early_date": self.early_dates,
        }

    @property
    def duplicates(self) -> int:
        """Accepted rows whose contact id an earlier row of the file already had."""
        import numpy as np  # only when asked: the summary at the end of a file

        ids = np.frombuffer(self._ids, dtype=np.uint64)
        return int(ids.size - np.unique(ids).size)

    def take_case_events(self) -> list[CaseEvent]:
        """The lifecycle events of the rows yielded since the last call (optional columns)."""
        events, self.case_events = self.case_events, []
        return events

    def __iter__(self) -> Iterator[ContactReceived | RejectedRow]:
        self._reset()
        now = datetime.now(UTC)
        for line, row in self._table:
            self.line = line
            if line <= self.skip_through:
                self.rows_skipped += 1
                continue
            self.rows_read += 1
            try:
                cells = Cells(row, self.columns)
                contact, notes = _parse_row(
                    row,
                    cells,
                    line,
                    self.source,
                    self.profile,
                    self._labels,
                    now,
                    self.earliest_year,
                )
                if self._lifecycle:
                    events = row_case_events(cells, cells.where, contact, self.profile, now)
                    self.case_events.extend(events)
            except (MalformedRowError, ValueError) as exc:
                self.rejected += 1
                reason = exc.reason if isinstance(exc, MalformedRowError) else str(exc)
                yield RejectedRow(self.source, line, reason, dict(row))
                continue
            self.accepted += 1
            self._ids.append(contact.contact_id.int & 0xFFFF_FFFF_FFFF_FFFF)
            for kind, value in notes:
                self._tallies[kind][value] += 1
            yield contact


def parse_crm_file(
    path: Path,
    *,
    profile: CrmProfile,
    reference: ReferenceData,
    column_overrides: Mapping[str, str] | None = None,
    earliest_year: int | None = None,
) -> CrmParse:
    """The export at ``path`` ready to iterate. Checks up front that every mapped header is in
    the file; if not, raises ``MalformedRowError`` (line None) listing missing and present.
    Rows dated before ``earliest_year`` are counted in ``early_dates``."""
    source = str(path)
    columns = {**profile.columns, **(column_overrides or {})}
    columns = {name: header.strip() for name, header in columns.items() if header.strip()}
    unmapped = [name for name in REQUIRED_FIELDS if name not in columns]
    if unmapped:
        raise MalformedRowError(
            f"profile {profile.name!r} maps no column to {', '.join(unmapped)}; "
            "map one with --column FIELD=HEADER",
            source=source,
        )
    profile_channel(profile)
    table = read_table(path, encoding=profile.encoding, delimiter=profile.delimiter)
    columns = _match_headers(columns, table.headers, source)
    return CrmParse(
        table, profile=profile, reference=reference, columns=columns, earliest_year=earliest_year
    )


def _match_headers(
    columns: dict[str, str], headers: tuple[str, ...], source: str
) -> dict[str, str]:
    """``columns`` pointing at the file's own spelling of each header (exact match first,
    then ignoring case, spacing and punctuation)."""
    loose = {normalise_label(h): h for h in reversed(headers)}
    matched, missing = {}, []
    for name, header in columns.items():
        found = header if header in headers else loose.get(normalise_label(header))
        if found is None:
            missing.append(f"{header!r} (for {name})")
        else:
            matched[name] = found
    if missing:
        present = ", ".join(repr(h) for h in headers)
        raise MalformedRowError(
            f"missing column(s) {', '.join(missing)}; the file's columns are: {present}. "
            "Fix the profile or map them with --column FIELD=HEADER",
            source=source,
        )
    return matched


def _parse_row(
    row: Mapping[str, str],
    cells: Cells,
    line: int,
    source: str,
    profile: CrmProfile,
    labels: ProfileLabels,
    now: datetime,
    earliest_year: int | None,
) -> tuple[ContactReceived, Notes]:
    columns, notes = cells.columns, list[tuple[str, str]]()

    def fail(reason: str) -> MalformedRowError:
        return MalformedRowError(reason, source=source, line=line)

    if row.get(READ_ERROR):
        raise fail(f"cannot read this record: {row[READ_ERROR]}")
    if row.get(EXTRA_CELLS):
        extra = row[EXTRA_CELLS]
        raise fail(
            f"more cells than the header has columns (extra: {extra[:60]!r}); "
            "is there an unquoted delimiter in a value?"
        )
    text = cells("text")
    if not text:
        raise fail(f"missing text: {cells.where('text')} is empty")
    try:
        received_at = parse_uk_datetime(cells("received_at"), date_format=profile.date_format)
    except MalformedRowError as exc:
        raise fail(f"{cells.where('received_at')}: {exc.reason}") from exc
    if problem := future_date_problem(received_at, now=now):
        raise fail(f"{cells.where('received_at')}: {problem}")
    if early_date_warning(received_at, earliest_year=earliest_year):
        notes.append(("early_date", str(received_at.year)))
    if "source_ref" in columns:
        ref = source_ref = cells.label("source_ref")
        if not ref:
            raise fail(f"missing reference: {cells.where('source_ref')} is empty")
    else:
        source_ref = None
        ref = "row-sha256:" + _row_digest(cells, columns)
    try:
        contact_type = labels.contact_type(cells.label("contact_type"))
    except ValueError as exc:
        raise fail(f"{cells.where('contact_type')}: {exc}") from exc
    service, category = labels.service_and_category(cells, notes)
    data = {
        "contact_id": contact_id_for(profile.source_system, ref),
        "received_at": received_at,
        "channel": labels.channel(cells.label("channel"), notes),
        "source_system": profile.source_system,
        "source_ref": source_ref,
        "partner": labels.partner(cells, notes),
        "contact_type": contact_type,
        "service": service,
        "category": category,
        "subject": cells("subject") or None,
        "text": text,
        "ward": labels.ward(cells, notes),
        "postcode": " ".join(cells("postcode").upper().split()) or None,
        "reporter": {
            "name": cells.label("reporter_name") or None,
            "email": cells.label("reporter_email") or None,
            "phone": cells.label("reporter_phone") or None,
            "address": cells("reporter_address") or None,
        },
    }
    try:
        return ContactReceived.model_validate(data), notes
    except ValidationError as exc:
        raise fail(_validation_reason(exc, columns)) from exc


def _row_digest(cells: Cells, columns: Mapping[str, str]) -> str:
    values = [[name, cells(name)] for name in sorted(columns)]
    encoded = json.dumps(values, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(encoded).hexdigest()


def _validation_reason(exc: ValidationError, columns: Mapping[str, str]) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(part) for part in error["loc"]]
        name = "_".join(loc[:2]) if loc[:1] == ["reporter"] else (loc[0] if loc else "row")
        where = f"column {columns[name]!r}" if name in columns else name
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)
