"""Cells that a spreadsheet shows as text and never runs: the one guard every CSV writer uses.

OWASP "CSV Injection": a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return
is read by Excel and LibreOffice as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``), so
it is prefixed with a single quote. Plain numbers (``-3``, ``+50%``, ``1.5e3``) and a lone sign
cannot run anything and are left alone, so figures stay figures. NUL characters are dropped:
spreadsheets and most CSV readers cut the cell or the row at one.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

__all__ = ("SpreadsheetDictWriter", "spreadsheet_safe")

_FORMULA_START = frozenset("=+-@\t\r")
# Leading characters spreadsheets skip before looking for a formula sign.
_SKIPPED = " \n\x0b\x0c"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?|[+-]", re.ASCII)


def spreadsheet_safe(value: object) -> str:
    """``value`` as the text of one CSV cell that no spreadsheet will evaluate.

    ``None`` is an empty cell; numbers and booleans are written as ``str`` writes them.
    """
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = str(value).replace("\x00", "")
    start = text.lstrip(_SKIPPED)
    if start[:1] in _FORMULA_START and not _PLAIN_NUMBER.fullmatch(text.strip()):
        return "'" + text
    return text


if TYPE_CHECKING:
    _DictWriter = csv.DictWriter[str]
else:  # not subscriptable at run time before Python 3.12
    _DictWriter = csv.DictWriter


class SpreadsheetDictWriter(_DictWriter):
    """``csv.DictWriter`` whose every cell goes through ``spreadsheet_safe`` (header too)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow(_safe(rowdict))

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        super().writerows(_safe(row) for row in rowdicts)


def _safe(row: Mapping[str, Any]) -> dict[str, str]:
    return {key: spreadsheet_safe(cell) for key, cell in row.items()}
