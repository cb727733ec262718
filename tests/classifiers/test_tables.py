"""Tables other rooms read, as classifiers use them: forgiving column names, and records that
hold more than their headers refused with their line."""

from __future__ import annotations

from pathlib import Path

import pytest

from classifiers import TrainingDataError
from classifiers.tables import checked_rows, find_column
from ingest import read_table


def test_columns_are_found_whatever_their_case_spacing_and_punctuation(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text("Case Ref;Customer-Comments\n1;x\n", encoding="utf-8")
    table = read_table(export)
    assert find_column(table, "Case Ref") == "Case Ref"
    assert find_column(table, "customer comments") == "Customer-Comments"
    with pytest.raises(TrainingDataError, match="no column 'Label'; columns are Case Ref, Cust"):
        find_column(table, "Label")


def test_a_record_with_cells_beyond_the_header_names_its_line(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text('Text,Label\n"fine, quoted",a\nunquoted, comma,b\n', encoding="utf-8")
    rows = checked_rows(read_table(export))
    assert next(rows) == (2, {"Text": "fine, quoted", "Label": "a"})
    with pytest.raises(TrainingDataError, match=r"export\.csv:3: cannot use this record: \(extra"):
        next(rows)
