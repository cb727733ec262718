"""Reading labelled exports: any delimiter and encoding, forgiving headers, UK dates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from classifiers import LabelledText, TrainingDataError, read_labelled_csv, training_set


def test_a_semicolon_windows_1252_export_with_uk_dates(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(
        "Ref;Date Logged;Subject;Details;Reason\n"
        "1;03/09/2024 14:22;Caf\xe9 bins;Bins not emptied;Waste\n"
        "2;2024-10-01;;Noise from the flat above;  noise \n"
        "3;;;;Waste\n".encode("windows-1252")
    )
    rows = read_labelled_csv(
        export,
        text_columns=["subject", "DETAILS"],
        label_column="reason",
        target="service",
        date_column="date logged",
    )
    assert rows[0] == LabelledText(
        "Café bins\nBins not emptied",
        service="Waste",
        received_at=datetime(2024, 9, 3, 14, 22, tzinfo=UTC),
    )
    assert rows[1].text == "Noise from the flat above" and rows[1].service == "noise"
    data = training_set(rows)
    assert len(data) == 2 and data.dropped == {"no text": 1}
    assert data.targets == ("service",)
    assert data.dates == [rows[0].received_at, datetime(2024, 10, 1, tzinfo=UTC)]
    # Dates are used only when every row has one.
    assert training_set([*rows[:1], LabelledText("no date", service="Waste")]).dates is None


def test_missing_columns_and_unreadable_dates_name_the_file_and_line(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Text,Label,When\nhello,a,31/31/2024\n")
    with pytest.raises(TrainingDataError, match="no column 'Category'; columns are Text, Label"):
        read_labelled_csv(export, text_columns=["Text"], label_column="Category")
    with pytest.raises(TrainingDataError, match=r"export\.csv:2: cannot read date"):
        read_labelled_csv(export, text_columns=["Text"], label_column="Label", date_column="When")


def test_personal_data_in_an_export_never_reaches_the_model(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "Details,Reason\n"
        '"Bins not emptied again, ring me on 07700 900123 or jo.bloggs@example.com",Waste\n'
        '"Mr John Bloggs of 14 Moor Lane, WA8 7TQ: noise from the flat above",Noise\n',
        encoding="utf-8",
    )
    rows = read_labelled_csv(export, text_columns=["Details"], label_column="Reason")
    wording = " ".join(r.text for r in rows)
    for personal in ("07700", "900123", "jo.bloggs", "example.com", "Bloggs", "Moor", "WA8"):
        assert personal not in wording
    assert "Bins not emptied again" in wording and "noise from the flat above" in wording


def test_quoted_speech_with_doubled_quotes_and_commas_stays_in_its_cell(tmp_path: Path) -> None:
    # Every field quoted, as survey tools write them. When the sniffed sample holds no doubled
    # quote, csv.Sniffer guesses doublequote=False, which would split a later comment at "".
    plain = "".join(f'"R{n}","Lovely, clean ward {n}","Cleanliness"\r\n' for n in range(300))
    export = tmp_path / "survey.csv"
    export.write_text(
        '"Response ID","Comment","Theme"\r\n'
        + plain
        + '"R1","She said ""no"", then left","Staff attitude"\r\n'
        '"R2","We were told ""it won\'t be long"", then waited, and waited","Waiting time"\r\n',
        encoding="utf-8",
    )
    rows = read_labelled_csv(export, text_columns=["Comment"], label_column="Theme")
    assert len(rows) == 302
    assert [(r.text, r.category) for r in rows[-2:]] == [
        ('She said "no", then left', "Staff attitude"),
        ('We were told "it won\'t be long", then waited, and waited', "Waiting time"),
    ]
