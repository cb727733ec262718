"""Reading exported tables (CSV in any common dialect, or .xlsx) into header-keyed text rows:
the one reader of every table the project is given (exports, training files, mappings).

Owns headers and spreadsheet cells (delimited text is ``delimited``); knows nothing about contacts.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from datetime import date, datetime, time
from pathlib import Path

from ingest.errors import MalformedRowError
from ingest.sources.delimited import (
    choose_delimiter,
    choose_encoding,
    read_records,
)

EXTRA_CELLS = "(extra cells)"
"""Reserved row key: non-blank cells beyond the last header, joined by the delimiter."""
READ_ERROR = "(read error)"
"""Reserved row key: why the reader could not split this record into cells."""
RESERVED_KEYS: tuple[str, ...] = (EXTRA_CELLS, READ_ERROR)

_XLSX_SUFFIXES = (".xlsx", ".xlsm")

Row = tuple[int, dict[str, str]]


class TableRows:
    """A table's headers and its data rows as ``(line_number, {header: value})``.

    Iterating starts again from the top each time, streaming from the file (a row at a time,
    never the whole file). Line numbers are the physical line (CSV) or sheet row (XLSX) where
    a record starts; blank records are skipped.
    """

    def __init__(
        self,
        source: str,
        headers: tuple[str, ...],
        rows: Callable[[], Iterator[Row]],
        *,
        encoding: str | None = None,
        delimiter: str | None = None,
    ) -> None:
        self.source = source
        self.headers = headers
        self.encoding = encoding
        self.delimiter = delimiter
        self._rows = rows

    def __iter__(self) -> Iterator[Row]:
        return self._rows()

    def __repr__(self) -> str:
        return f"TableRows({self.source!r}, headers={self.headers!r})"


def read_table(
    path: Path, *, encoding: str | None = None, delimiter: str | None = None
) -> TableRows:
    """The table in ``path``: ``.xlsx`` via openpyxl, anything else as delimited text.

    Raises ``UnsupportedEncodingError`` for undecodable text and ``MalformedRowError``
    (line None) for a file with no header row, a workbook that cannot be opened, or workbook
    bytes under another name (an .xlsx saved as .csv).
    """
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix == ".xls":
        raise MalformedRowError(
            "old .xls workbooks are not supported: save it as .xlsx or CSV", source=str(path)
        )
    return _read_csv(path, encoding=encoding, delimiter=delimiter)


def _is_blank(cells: list[str]) -> bool:
    return all(not cell.strip() for cell in cells)


def _name_headers(cells: list[str]) -> tuple[str, ...]:
    """Stripped headers, trailing blanks dropped; other blanks become ``Column N`` and
    repeats get `` (2)``, `` (3)``..."""
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    names: list[str] = []
    taken = set(RESERVED_KEYS)
    for index, cell in enumerate(cells, start=1):
        name = cell.replace("\ufeff", "").strip() or f"Column {index}"
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name} ({n})"
        taken.add(candidate)
        names.append(candidate)
    return tuple(names)


def _as_row(headers: tuple[str, ...], cells: list[str], joiner: str) -> dict[str, str]:
    if len(cells) == len(headers):  # the usual row: nothing missing, nothing extra
        return dict(zip(headers, cells, strict=True))
    row = dict(zip(headers, cells, strict=False))
    for header in headers[len(cells) :]:
        row[header] = ""
    extra = cells[len(headers) :]
    if not _is_blank(extra):
        row[EXTRA_CELLS] = joiner.join(extra)
    return row


def _read_csv(path: Path, *, encoding: str | None, delimiter: str | None) -> TableRows:
    source = str(path)
    used = choose_encoding(path, encoding)
    chosen = choose_delimiter(path, used, delimiter)
    with closing(read_records(path, used, chosen)) as records:
        header = next(records, None)
    if header is None:
        raise MalformedRowError("no header row: the file is empty", source=source)
    header_line, header_cells, error = header
    if error:
        raise MalformedRowError(f"cannot read the header row: {error}", source=source)
    headers = _name_headers(header_cells)

    def rows() -> Iterator[Row]:
        for line, cells, error in read_records(path, used, chosen):
            if line <= header_line:
                continue
            yield line, {READ_ERROR: error} if error else _as_row(headers, cells, chosen)

    return TableRows(source, headers, rows, encoding=used, delimiter=chosen)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> TableRows:
    source = str(path)

    def sheet_rows() -> Generator[tuple[int, list[str]], None, None]:
        # Imported here: openpyxl (with numpy and Pillow) is only needed for a workbook, and
        # every command that imports ingest would otherwise pay for it at start.
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
            raise MalformedRowError(f"not a readable .xlsx workbook: {exc}", source=source) from exc
        try:
            sheet = workbook.worksheets[0]
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in values]
                if not _is_blank(cells):
                    yield number, cells
        finally:
            workbook.close()

    first = sheet_rows()
    header = next(first, None)
    first.close()
    if header is None:
        raise MalformedRowError("no header row: the first sheet is empty", source=source)
    headers, header_line = _name_headers(header[1]), header[0]

    def rows() -> Iterator[Row]:
        for line, cells in sheet_rows():
            if line > header_line:
                yield line, _as_row(headers, cells, " | ")

    return TableRows(source, headers, rows)
