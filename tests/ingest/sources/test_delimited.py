"""The one reader of delimited text: any table Python's csv writer writes, in any delimiter and
encoding we detect, reads back cell for cell; quoting is always RFC 4180, never guessed."""

from __future__ import annotations

import codecs
import csv
import io
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ingest.errors import MalformedRowError, UnsupportedEncodingError
from ingest.sources import read_table
from ingest.sources.delimited import DELIMITERS, SAMPLE_CHARS, detect_delimiter

ENCODINGS = {  # written with -> detected as
    "utf-8": "utf-8-sig",
    "utf-8-sig": "utf-8-sig",  # with a BOM, as Excel writes
    "utf-16": "utf-16",
    "windows-1252": "windows-1252",
}


def _cp1252_chars() -> str:
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode("windows-1252"))
        except UnicodeDecodeError:
            continue  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined
    return "".join(chars)


CP1252 = _cp1252_chars()
PIECES = [
    '"',
    '""',
    *DELIMITERS,
    "\r\n",
    "\n",
    "\r",
    " ",
    "\ufeff",
    'She said ""no"", then left',
    'Hello, she said "no", then left',
    "\u00a380 \u2013 it\u2019s caf\u00e9",
]
# The first header is not ASCII, so a windows-1252 file is never also valid UTF-8; the others
# hold no delimiter or quote (a header that did would make two readings equally right).
FIRST_HEADER = "R\u00e9f"
header_names = st.text(string.ascii_letters + string.digits + " _-#/.()", min_size=1, max_size=10)


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, str, str, bool, list[str], list[list[str]]]:
    encoding = draw(st.sampled_from(list(ENCODINGS)))
    delimiter = draw(st.sampled_from(DELIMITERS))
    terminator = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    explicit = draw(st.booleans())
    names = draw(
        st.lists(
            header_names.map(str.strip).filter(bool),
            min_size=0 if explicit else 1,
            max_size=4,
            unique=True,
        )
    )
    headers = [FIRST_HEADER, *names]
    alphabet = CP1252 if encoding == "windows-1252" else st.characters(codec="utf-8")
    pieces = [p for p in PIECES if encoding != "windows-1252" or _encodes(p, encoding)]
    cell = st.one_of(
        st.text(alphabet, max_size=12),
        st.lists(st.sampled_from(pieces) | st.text(alphabet, max_size=3), max_size=6).map("".join),
    )
    # The writer quotes only the characters of its own line terminator: under LF endings a
    # lone CR would be left bare (and the other way round), which no CSV reader can split.
    unquoted = {"\r\n": "", "\n": "\r", "\r": "\n"}[terminator]
    if unquoted:
        cell = cell.map(lambda text: text.replace(unquoted, ""))
    width = len(headers)
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=8))
    return encoding, delimiter, terminator, explicit, headers, rows


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _written(rows: list[list[str]], delimiter: str, terminator: str) -> list[str]:
    """Each row as Python's csv writer writes it."""
    out = []
    for row in rows:
        buffer = io.StringIO(newline="")
        csv.writer(buffer, delimiter=delimiter, lineterminator=terminator).writerow(row)
        out.append(buffer.getvalue())
    return out


@given(table=tables())
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=300)
@example(table=("utf-8", ",", "\r\n", False, [FIRST_HEADER, "Text"], [["1", 'She said "no", x']]))
@example(
    table=("windows-1252", ";", "\r\n", False, [FIRST_HEADER, "B"], [['"', ";"], ["\r", '""']])
)
@example(table=("utf-16", "|", "\r", True, [FIRST_HEADER], [["a|b\r"], ["\ufeff"], [" "]]))
def test_any_table_the_csv_writer_writes_reads_back_cell_for_cell(
    table: tuple[str, str, str, bool, list[str], list[list[str]]],
) -> None:
    encoding, delimiter, terminator, explicit, headers, rows = table
    written = _written([headers, *rows], delimiter, terminator)
    expected, line = [], 1 + _physical_lines(written[0])
    for row, text in zip(rows, written[1:], strict=True):
        if any(cell.strip() for cell in row):  # a record of blank cells is a blank line
            expected.append((line, dict(zip(headers, row, strict=True))))
        line += _physical_lines(text)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        path.write_bytes("".join(written).encode(encoding))
        read = read_table(path, delimiter=delimiter if explicit else None)
        assert (read.headers, read.delimiter) == (tuple(headers), delimiter)
        assert read.encoding == ENCODINGS[encoding]
        assert list(read) == expected


def _physical_lines(text: str) -> int:
    return len(io.StringIO(text, newline="").readlines())


SNIFFER_TRAP = (
    "Case Ref,Customer Comments,Feedback Category,Date Received\n"
    'HA-1,"Hello, she said ""no"", then left",Rent,03/09/2024\n'
    'HA-2,"Hi, the officer said ""we will call"", nobody did",Repairs,04/09/2024\n'
    "HA-3,Boiler broken,Repairs,05/09/2024\n"
)


def test_doubled_quotes_read_as_rfc_4180_where_the_sniffer_guesses_otherwise(
    tmp_path: Path,
) -> None:
    # The trap the training reader fell into: the Sniffer says these quotes are not doubled,
    # so comment fragments spill into the label and date columns.
    assert csv.Sniffer().sniff(SNIFFER_TRAP, delimiters=",;\t|").doublequote is False
    path = tmp_path / "export.csv"
    path.write_text(SNIFFER_TRAP, encoding="utf-8")
    header, *records = csv.reader(io.StringIO(SNIFFER_TRAP))
    table = read_table(path)
    assert table.headers == tuple(header)
    assert [row for _, row in table] == [dict(zip(header, r, strict=True)) for r in records]
    assert [row["Customer Comments"] for _, row in table][:2] == [
        'Hello, she said "no", then left',
        'Hi, the officer said "we will call", nobody did',
    ]


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("Ref|Details|Ward\n1|Bins, bags; boxes|Hale\n", "|"),
        ("Ref;Date, time;Details\n1;03/09/2024, 14:22;Bins, bags, boxes\n", ";"),
        ('Ref,Details\n1,"a;b;c|d\te"\n2,"x;y"\n', ","),
        ("Ref\tName, first\tDetails\n1\tJo, x\tBins, bags\n", "\t"),
        ("Details\n", ","),  # one column: nothing to tell apart
        ("", ","),
    ],
)
def test_detection_counts_only_delimiters_outside_quotes(sample: str, delimiter: str) -> None:
    assert detect_delimiter(sample) == delimiter


def test_a_sample_cut_inside_a_quoted_cell_still_finds_the_delimiter(tmp_path: Path) -> None:
    # The sample ends inside a long quoted, multi-line cell full of commas: the cut record is
    # ignored, and the semicolon still wins.
    long_cell = '"' + "one, two, three\n" * (SAMPLE_CHARS // 10) + '"'
    text = f"Ref;Details;Ward\n1;x;Hale\n2;{long_cell};Hale\n3;y;Hale\n"
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    rows = [row for _, row in table]
    assert [r["Ref"] for r in rows] == ["1", "2", "3"]
    assert rows[1]["Details"] == long_cell[1:-1]


def test_a_workbook_saved_as_csv_says_so(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Ref", "Details"])
    xlsx = tmp_path / "export.xlsx"
    workbook.save(xlsx)
    renamed = tmp_path / "renamed.csv"
    renamed.write_bytes(xlsx.read_bytes())
    with pytest.raises(MalformedRowError, match=r"renamed\.csv: looks like a workbook \(\.xlsx"):
        read_table(renamed)
    old = tmp_path / "old.csv"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(MalformedRowError, match=r"old\.csv: looks like an old Excel workbook"):
        read_table(old)


def test_undecodable_bytes_name_the_file_and_where(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(codecs.BOM_UTF8 + b"Ref,Details\n1,ok\n2,\x81\n")
    with pytest.raises(UnsupportedEncodingError) as raised:
        read_table(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: cannot decode the file")
    assert "utf-8-sig: invalid start byte at byte 22" in message
    assert "windows-1252: character maps to <undefined> at byte 22" in message
