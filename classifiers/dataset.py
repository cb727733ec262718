"""Labelled texts to train on, from tables another room read (the starter dataset, any export
a council gives: a text column, a label column, maybe a date column) or from rows read
elsewhere (the database). Reading is faithful: labels are cleaned later (``classifiers.labels``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from classifiers.errors import TrainingDataError
from classifiers.features import contact_text
from classifiers.redaction import redact_personal_data
from classifiers.tables import TextTable, checked_rows, find_column
from config import Taxonomy
from contracts import parse_export_datetime

STARTER_DATASET = Path(__file__).resolve().parent / "data" / "starter_contacts.csv"
TARGETS = ("contact_type", "service", "category")
TARGET_NAMES = {"type": "contact_type", "contact_type": "contact_type"} | {
    t: t for t in ("service", "category")
}


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


def taxonomy_training_set(table: TextTable, taxonomy: Taxonomy) -> TrainingSet:
    """A table with ``subject,text,contact_type,service,category`` (taxonomy ids), such as the
    starter dataset; personal data removed from the wording (as in ``labelled_texts``)."""
    missing = {"text", *TARGETS} - set(table.headers)
    if missing:
        raise TrainingDataError(f"{table.source}: missing column(s) {', '.join(sorted(missing))}")
    texts: list[str] = []
    labels: dict[str, list[str]] = {t: [] for t in TARGETS}
    for line, row in checked_rows(table):
        if not row["text"].strip():
            raise TrainingDataError(f"{table.source}:{line}: empty text")
        if taxonomy.service_of_category.get(row["category"]) != row["service"]:
            raise TrainingDataError(
                f"{table.source}:{line}: category {row['category']!r} is not a category of "
                f"service {row['service']!r} in the taxonomy"
            )
        subject = redact_personal_data(row["subject"]) if row.get("subject") else None
        texts.append(contact_text(subject, redact_personal_data(row["text"])))
        for target in TARGETS:
            labels[target].append(row[target])
    return TrainingSet(texts, labels)


def labelled_texts(
    table: TextTable,
    *,
    text_columns: Sequence[str],
    label_column: str,
    target: str = "category",
    date_column: str | None = None,
) -> list[LabelledText]:
    """Rows of any export: text from ``text_columns`` (joined), one label column for
    ``target``, optional dates (ISO or UK day-first); cells stripped. Personal data in the
    text is removed as the worker removes it before predicting, so that the model learns the
    same wording it will see and never keeps a name or number as a word."""
    if target not in TARGETS:
        raise TrainingDataError(f"unknown target {target!r}: one of {', '.join(TARGETS)}")
    texts = [find_column(table, c) for c in text_columns]
    label = find_column(table, label_column)
    date = find_column(table, date_column) if date_column else None
    rows: list[LabelledText] = []
    for line, row in checked_rows(table):
        text = redact_personal_data("\n".join(v for c in texts if (v := row[c].strip())))
        when = None if date is None else _parse_date(row[date].strip(), f"{table.source}:{line}")
        rows.append(
            LabelledText(text=text, received_at=when, **{target: row[label].strip() or None})
        )
    return rows


def _parse_date(value: str, where: str) -> datetime | None:
    """Any date an export writes (``contracts.parse_export_datetime``: UK day-first, month
    names, ISO); blank is unknown."""
    if not value:
        return None
    try:
        return parse_export_datetime(value)
    except ValueError as exc:
        raise TrainingDataError(f"{where}: cannot read date {value!r}: {exc}") from exc


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
