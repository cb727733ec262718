"""spreadsheet_safe: no cell a project CSV writes can start a formula, and nothing else changes."""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from contracts import SpreadsheetDictWriter, spreadsheet_safe

FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_ONLY = re.compile(r"\s*[+-]?[\d.,]*(?:[eE][+-]?\d+)?%?\s*")


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","Click")',
            '\'=HYPERLINK("http://evil.example","Click")',
        ),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("  =1+1", "'  =1+1"),
        ("\n=1+1", "'\n=1+1"),
        ("+3 (+25%)", "'+3 (+25%)"),
        ("a\x00b", "ab"),
        ("=\x00x", "'=x"),
        # Plain numbers and a lone sign cannot run anything: figures stay figures.
        ("-3", "-3"),
        ("+50%", "+50%"),
        ("-1,250.5", "-1,250.5"),
        ("-1.5e3", "-1.5e3"),
        ("-", "-"),
        ("Fly-tipping = rubbish", "Fly-tipping = rubbish"),
        ("", ""),
        (None, ""),
        (-3, "-3"),
        (0.5, "0.5"),
        (True, "True"),
    ],
)
def test_formula_cells_are_quoted_and_nothing_else_changes(cell: object, written: str) -> None:
    assert spreadsheet_safe(cell) == written


@given(st.text())
@example("=1+1")
@example("\x00=1")
@example(" \x0b-cmd")
def test_no_cell_starts_a_formula_and_the_text_survives(text: str) -> None:
    cell = spreadsheet_safe(text)
    assert "\x00" not in cell
    if cell.lstrip(" \n\x0b\x0c")[:1] in FORMULA_SIGNS:
        assert NUMBER_ONLY.fullmatch(cell), cell
    # Nothing is lost: without the guard's quote (and the NULs) the text is as it was.
    assert cell in (text.replace("\x00", ""), "'" + text.replace("\x00", ""))


def test_dict_writer_guards_every_cell_and_the_header() -> None:
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(buffer, fieldnames=["=name", "count"], lineterminator="\n")
    writer.writeheader()
    writer.writerow({"=name": "=HYPERLINK(1)", "count": -2})
    writer.writerows([{"=name": "@x", "count": None}])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows == [["'=name", "count"], ["'=HYPERLINK(1)", "-2"], ["'@x", ""]]
