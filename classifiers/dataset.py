"""Labelled texts to train on: the starter CSV, any CSV a council exports (a text column, a
label column, maybe a date column), or rows the caller read elsewhere (the database).

Reading is faithful: labels are cleaned later (``classifiers.labels``), not here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from classifiers.errors import TrainingDataError
from classifiers.features import contact_text
from classifiers.redaction import redact_personal_data
from config import Taxonomy, normalise_label

STARTER_DATASET = Path(__file__).resolve().parent / "data" / "starter_contacts.csv"
TARGETS = ("contact_type", "service", "category")
TARGET_NAMES = {"type": "contact_type", "contact_type": "contact_type"} | {
    t: t for t in ("service", "category")
}
_DATE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d/%m/%y",
)


@dataclass(frozen=True)
class LabelledText:
    """One contact with the labels someone trusted (a source system or a reviewer).

    ``text`` is what the model reads: subject and text, with personal data removed.
    A label left ``None`` is unknown for that target.
    """

    text: str
    contact_type: str | None = None
    service: str | None = None
    category: str | None = None
    received_at: datetime | None = None

    def label(self, target: str) -> str | None:
        value: str | None = getattr(self, target)
        return value


@dataclass(frozen=True)
class TrainingSet:
    """Texts, their labels per target and (when every row has one) their dates."""

    texts: list[str]
    labels: dict[str, list[str]]
    dates: list[datetime] | None = None
    dropped: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(self.labels)


def training_set(rows: Iterable[LabelledText], targets: Sequence[str] | None = None) -> TrainingSet:
    """Keep rows with a text and a label for every target; ``targets`` defaults to those
    that any row labels. Dates are kept only when every kept row has one."""
    items = list(rows)
    wanted = tuple(targets or [t for t in TARGETS if any(r.label(t) for r in items)])
    if not wanted:
        raise TrainingDataError("no labelled rows: every label is empty")
    kept: list[LabelledText] = []
    dropped = {"no text": 0, "no label": 0}
    for row in items:
        if not row.text.strip():
            dropped["no text"] += 1
        elif any(not (row.label(t) or "").strip() for t in wanted):
            dropped["no label"] += 1
        else:
            kept.append(row)
    dates = [r.received_at for r in kept]
    return TrainingSet(
        texts=[r.text for r in kept],
        labels={t: [str(r.label(t)) for r in kept] for t in wanted},
        dates=[_aware(d) for d in dates if d is not None] if all(dates) and kept else None,
        dropped={k: v for k, v in dropped.items() if v},
    )


def read_training_csv(path: Path, taxonomy: Taxonomy) -> TrainingSet:
    """Read a CSV with ``subject,text,contact_type,service,category`` (taxonomy ids), personal
    data removed from the wording (as in ``read_labelled_csv``)."""
    texts: list[str] = []
    labels: dict[str, list[str]] = {t: [] for t in TARGETS}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"text", *TARGETS} - set(reader.fieldnames or ())
        if missing:
            raise TrainingDataError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for line, row in enumerate(reader, start=2):
            if not (row.get("text") or "").strip():
                raise TrainingDataError(f"{path}:{line}: empty text")
            if taxonomy.service_of_category.get(row["category"]) != row["service"]:
                raise TrainingDataError(
                    f"{path}:{line}: category {row['category']!r} is not a category of service "
                    f"{row['service']!r} in the taxonomy"
                )
            subject = redact_personal_data(row["subject"]) if row.get("subject") else None
            texts.append(contact_text(subject, redact_personal_data(row["text"])))
            for target in TARGETS:
                labels[target].append(row[target])
    return TrainingSet(texts, labels)


def read_labelled_csv(
    path: Path,
    *,
    text_columns: Sequence[str],
    label_column: str,
    target: str = "category",
    date_column: str | None = None,
) -> list[LabelledText]:
    """Rows of any export: text from ``text_columns`` (joined), one label column for
    ``target``, optional dates (ISO or UK day-first). Delimiter and encoding are sniffed.
    Personal data in the text is removed as the worker removes it before predicting, so that
    the model learns the same wording it will see and never keeps a name or number as a word."""
    if target not in TARGETS:
        raise TrainingDataError(f"unknown target {target!r}: one of {', '.join(TARGETS)}")
    header, lines = read_export_rows(path)
    text_idx = [column_index(path, header, c) for c in text_columns]
    label_idx = column_index(path, header, label_column)
    date_idx = column_index(path, header, date_column) if date_column else None
    rows: list[LabelledText] = []
    for line, values in lines:
        text = redact_personal_data("\n".join(values[i] for i in text_idx if values[i]))
        date = None if date_idx is None else _parse_date(values[date_idx], f"{path}:{line}")
        label = values[label_idx] or None
        rows.append(LabelledText(text=text, received_at=date, **{target: label}))
    return rows


def read_export_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-blank rows (with their line numbers) of any CSV export:
    encoding and delimiter sniffed, cells stripped, short rows padded to the header."""
    content = _decode(path)
    reader = csv.reader(io.StringIO(content), "excel", delimiter=_sniff(content[:8192]))
    header = [h.strip() for h in next(reader, [])]
    if not header:
        raise TrainingDataError(f"{path}: empty file")
    rows = [
        (line, [c.strip() for c in cells] + [""] * max(0, len(header) - len(cells)))
        for line, cells in enumerate(reader, start=2)
        if any(c.strip() for c in cells)
    ]
    return header, rows


def column_index(path: Path, header: list[str], name: str) -> int:
    """Index of column ``name``, forgiving case, spacing and punctuation."""
    if name in header:
        return header.index(name)
    loose = [normalise_label(h) for h in header]
    if normalise_label(name) in loose:
        return loose.index(normalise_label(name))
    raise TrainingDataError(f"{path}: no column {name!r}; columns are {', '.join(header)}")


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("windows-1252", errors="replace")


def _sniff(sample: str) -> str:
    """The delimiter only: the Sniffer often guesses ``doublequote=False``, which splits
    quoted speech (``"She said ""no"", then left"``); quoting stays as every export writes it."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _parse_date(value: str, where: str) -> datetime | None:
    if not value:
        return None
    try:
        return _aware(datetime.fromisoformat(value))
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    raise TrainingDataError(f"{where}: cannot read date {value!r} (ISO or dd/mm/yyyy [hh:mm])")


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
