"""Labelled texts from exports read by ``ingest.read_table``: any delimiter and encoding,
forgiving headers, UK dates, doubled quotes read as csv reads them."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers import (
    LabelledText,
    TrainingDataError,
    labelled_texts,
    redact_personal_data,
    training_set,
)
from contracts.periods import LOCAL_TZ
from ingest import read_table


def test_a_semicolon_windows_1252_export_with_uk_dates(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(
        "Ref;Date Logged;Subject;Details;Reason\n"
        "1;03/09/2024 14:22;Caf\xe9 bins;Bins not emptied;Waste\n"
        "2;2024-10-01;;Noise from the flat above;  noise \n"
        "3;;;;Waste\n".encode("windows-1252")
    )
    rows = labelled_texts(
        read_table(export),
        text_columns=["subject", "DETAILS"],
        label_column="reason",
        target="service",
        date_column="date logged",
    )
    assert rows[0] == LabelledText(
        "Café bins\nBins not emptied",
        service="Waste",
        received_at=datetime(2024, 9, 3, 13, 22, tzinfo=UTC),  # London time, as ingest reads it
    )
    assert rows[1].text == "Noise from the flat above" and rows[1].service == "noise"
    data = training_set(rows)
    assert len(data) == 2 and data.dropped == {"no text": 1}
    assert data.targets == ("service",)
    assert data.dates == [rows[0].received_at, datetime(2024, 9, 30, 23, tzinfo=UTC)]
    # Dates are used only when every row has one.
    assert training_set([*rows[:1], LabelledText("no date", service="Waste")]).dates is None


def test_missing_columns_and_unreadable_dates_name_the_file_and_line(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Text,Label,When\nhello,a,31/31/2024\n")
    with pytest.raises(TrainingDataError, match="no column 'Category'; columns are Text, Label"):
        labelled_texts(read_table(export), text_columns=["Text"], label_column="Category")
    with pytest.raises(TrainingDataError, match=r"export\.csv:2: cannot read date"):
        labelled_texts(
            read_table(export), text_columns=["Text"], label_column="Label", date_column="When"
        )


def test_personal_data_in_an_export_never_reaches_the_model(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "Details,Reason\n"
        '"Bins not emptied again, ring me on 07700 900123 or jo.bloggs@example.com",Waste\n'
        '"Mr John Bloggs of 14 Moor Lane, WA8 7TQ: noise from the flat above",Noise\n',
        encoding="utf-8",
    )
    rows = labelled_texts(read_table(export), text_columns=["Details"], label_column="Reason")
    wording = " ".join(r.text for r in rows)
    for personal in ("07700", "900123", "jo.bloggs", "example.com", "Bloggs", "Moor", "WA8"):
        assert personal not in wording
    assert "Bins not emptied again" in wording and "noise from the flat above" in wording


QUOTED = Path(__file__).parent / "data" / "quoted_comments.csv"


def test_an_export_with_doubled_quotes_reads_as_the_csv_module_reads_it() -> None:
    """Regression: the Sniffer read these doubled quotes as two quoted strings, so comment
    fragments became labels and a label landed in the date column ("cannot read date")."""
    raw = QUOTED.read_text(encoding="utf-8")
    assert csv.Sniffer().sniff(raw[:8192], delimiters=",;\t|").doublequote is False  # the trap
    header, *records = csv.reader(io.StringIO(raw, newline=""))
    assert sum('"' in r[1] for r in records) > 30 and all("," in r[1] for r in records[:2])
    table = read_table(QUOTED)
    assert [row for _, row in table] == [dict(zip(header, r, strict=True)) for r in records]
    rows = labelled_texts(
        table,
        text_columns=["Customer Comments"],
        label_column="Feedback Category",
        date_column="Date Received",
    )
    assert [r.text for r in rows] == [redact_personal_data(r[1].strip()) for r in records]
    assert [r.category for r in rows] == [r[2].strip() for r in records]
    assert [r.received_at for r in rows] == [
        datetime.strptime(r[3], "%d/%m/%Y").replace(tzinfo=LOCAL_TZ).astimezone(UTC)
        for r in records
    ]


def test_month_named_dates_read_as_ingest_reads_them(tmp_path: Path) -> None:
    """A review site's export writes "May 30, 2011"; a CRM's "30-May-2011 14:32"."""
    export = tmp_path / "reviews.tsv"
    export.write_text(
        "review\tcondition\tdate\n"
        '"""It worked, but &#039;slowly&#039;"""\tPain\tMay 30, 2011\n'
        "Fine\tAcne\t30-May-2011 14:32\n",
        encoding="utf-8",
    )
    rows = labelled_texts(
        read_table(export), text_columns=["review"], label_column="condition", date_column="date"
    )
    assert [r.received_at for r in rows] == [
        datetime(2011, 5, 29, 23, tzinfo=UTC),
        datetime(2011, 5, 30, 13, 32, tzinfo=UTC),
    ]
    assert rows[0].text == "\"It worked, but 'slowly'\""
