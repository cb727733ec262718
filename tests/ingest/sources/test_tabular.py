"""read_table: encodings, BOMs, delimiters, quoted newlines, blank lines and .xlsx sheets."""

from __future__ import annotations

import codecs
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from ingest.errors import IngestError, MalformedRowError, UnsupportedEncodingError
from ingest.sources import read_table
from ingest.sources.delimited import detect_delimiter
from ingest.sources.tabular import EXTRA_CELLS, READ_ERROR

CP1252_TEXT = "Caf\u00e9 charged \u00a380 \u2013 it\u2019s wrong"  # dash and curly quote


def write(tmp_path: Path, data: str | bytes, name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_bom_and_semicolons(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF8 + b"Ref No;Details\r\n1;Bins, again\r\n")
    table = read_table(path)
    assert (table.headers, table.delimiter, table.encoding) == (
        ("Ref No", "Details"),
        ";",
        "utf-8-sig",
    )
    assert list(table) == [(2, {"Ref No": "1", "Details": "Bins, again"})]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Ref,Details,Ward\n1,Missed bin; again,Hale\n", ","),
        ('Ref,Details\n1,"Bins; bags; boxes"\n2,"x;y"\n', ","),
        ("Ref\tDetails\tWard\n1\tNoisy, late; again\tHale\n", "\t"),
        ("Ref;Details;Ward\n1;Bins, bags, boxes, more;Hale\n", ";"),
        ('"Ref; No",Details\n1,x\n', ","),  # a quoted header can hold another delimiter
        ("Details\nJust one column, with commas\n", ","),
    ],
)
def test_delimiter_is_detected(tmp_path: Path, text: str, delimiter: str) -> None:
    assert detect_delimiter(text) == delimiter
    assert read_table(write(tmp_path, text)).delimiter == delimiter


def test_explicit_delimiter_wins(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "a|b\n1|2\n"), delimiter="|")
    assert list(table) == [(2, {"a": "1", "b": "2"})]
    assert read_table(write(tmp_path, "a\tb\n1\t2\n"), delimiter="\\t").delimiter == "\t"
    with pytest.raises(IngestError, match="one character"):
        read_table(write(tmp_path, "a\n"), delimiter=";;")


def test_quoted_newlines_and_blank_lines_keep_physical_line_numbers(tmp_path: Path) -> None:
    text = (
        "Ref,Details\r\n"
        "\r\n"
        '1,"first line\r\nsecond line\r\n\r\nfourth line"\r\n'
        ",\r\n"  # a row of empty cells is a blank line too
        "   \r\n"
        "2,after\r\n"
    )
    rows = list(read_table(write(tmp_path, text)))
    assert rows == [
        (3, {"Ref": "1", "Details": "first line\r\nsecond line\r\n\r\nfourth line"}),
        (9, {"Ref": "2", "Details": "after"}),
    ]


def test_blank_lines_before_the_header(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "\n\n Ref , Details \n1,x\n"))
    assert table.headers == ("Ref", "Details")
    assert list(table) == [(4, {"Ref": "1", "Details": "x"})]


def test_windows_1252_fallback(tmp_path: Path) -> None:
    text = f"Ref,Details\n1,{CP1252_TEXT}\n"
    table = read_table(write(tmp_path, text.encode("windows-1252")))
    assert table.encoding == "windows-1252"
    assert next(iter(table))[1]["Details"] == CP1252_TEXT


def test_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    text = "Ref\tDetails\r\n1\tZo\u00eb\u2019s bin\r\n"
    for data in (text.encode("utf-16"), text.encode("utf-16-le")):
        table = read_table(write(tmp_path, data))
        assert table.delimiter == "\t"
        assert list(table) == [(2, {"Ref": "1", "Details": "Zo\u00eb\u2019s bin"})]


def test_undecodable_bytes(tmp_path: Path) -> None:
    # 0x81 and 0x9d are neither UTF-8 nor defined in windows-1252
    with pytest.raises(UnsupportedEncodingError, match="windows-1252"):
        read_table(write(tmp_path, b"Ref,Details\n1,\x81\x9d\n"))
    with pytest.raises(UnsupportedEncodingError, match="unknown encoding"):
        read_table(write(tmp_path, "a\n"), encoding="klingon")
    with pytest.raises(UnsupportedEncodingError, match="ascii"):
        read_table(write(tmp_path, "a\n£\n"), encoding="ascii")


def test_explicit_utf8_still_drops_the_bom(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, codecs.BOM_UTF8 + b"Ref\n1\n"), encoding="utf-8")
    assert table.headers == ("Ref",)


def test_ragged_rows(tmp_path: Path) -> None:
    text = "Ref,Details,Ward\n1,short\n2,x,Hale,,\n3,x,Hale,oops,more\n"
    rows = dict(read_table(write(tmp_path, text)))
    assert rows[2] == {"Ref": "1", "Details": "short", "Ward": ""}
    assert rows[3] == {"Ref": "2", "Details": "x", "Ward": "Hale"}  # empty trailing cells
    assert rows[4][EXTRA_CELLS] == "oops,more"


def test_blank_and_repeated_headers_get_names(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, f"Ref,,Notes,Notes,{EXTRA_CELLS},,\n1,2,3,4,5\n"))
    assert table.headers == ("Ref", "Column 2", "Notes", "Notes (2)", f"{EXTRA_CELLS} (2)")


def test_oversized_field_is_reported_and_the_next_row_still_reads(tmp_path: Path) -> None:
    text = f'Ref,Details\n1,"{"x" * 200_000}"\n2,fine\n'
    rows = list(read_table(write(tmp_path, text)))
    assert rows[0][0] == 2 and "field limit" in rows[0][1][READ_ERROR]
    assert rows[1] == (3, {"Ref": "2", "Details": "fine"})


def test_empty_file_has_no_header(tmp_path: Path) -> None:
    with pytest.raises(MalformedRowError, match="no header row") as raised:
        read_table(write(tmp_path, "\n\n"))
    assert raised.value.line is None


def test_table_can_be_read_twice(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "a\n1\n2\n"))
    assert list(table) == list(table) == [(2, {"a": "1"}), (3, {"a": "2"})]


def test_xlsx_sheet(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([" Case Reference ", "Date Logged", "Description", "Count", "Logged On"])
    sheet.append([101, datetime(2025, 6, 30, 9, 15), "Pothole", 2.0, date(2025, 7, 1)])
    sheet.append([None, None, None, None, None])
    sheet.append(["102", "04/11/2025 14:32", "Street light\nout", 2.5, True])
    sheet.append(["103", None, None, None, None, "extra"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)

    table = read_table(path)
    assert table.headers == ("Case Reference", "Date Logged", "Description", "Count", "Logged On")
    rows = list(table)
    assert rows[0] == (
        2,
        {
            "Case Reference": "101",
            "Date Logged": "2025-06-30 09:15:00",
            "Description": "Pothole",
            "Count": "2",
            "Logged On": "2025-07-01 00:00:00",  # Excel keeps every date as a datetime
        },
    )
    assert rows[1][0] == 4
    assert rows[1][1]["Description"] == "Street light\nout"
    assert rows[1][1]["Count"] == "2.5" and rows[1][1]["Logged On"] == "TRUE"
    assert rows[2][1][EXTRA_CELLS] == "extra"


def test_unreadable_workbooks(tmp_path: Path) -> None:
    with pytest.raises(MalformedRowError, match=r"not a readable \.xlsx"):
        read_table(write(tmp_path, b"not a zip file", name="broken.xlsx"))
    with pytest.raises(MalformedRowError, match=r"save it as \.xlsx or CSV"):
        read_table(write(tmp_path, b"\xd0\xcf\x11\xe0", name="old.xls"))


def test_explicit_utf16_without_bom(tmp_path: Path) -> None:
    data = "Ref\tDetails\r\n1\tx\r\n".encode("utf-16-be")
    table = read_table(write(tmp_path, data), encoding="utf-16-be")
    assert list(table) == [(2, {"Ref": "1", "Details": "x"})]
