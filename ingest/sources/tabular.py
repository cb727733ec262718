"""Reading exported tables (CSV in any common dialect, or .xlsx) into header-keyed text rows.

Owns encodings, BOMs, delimiters and spreadsheet cells; knows nothing about contacts.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Generator, Iterator
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ingest.errors import IngestError, MalformedRowError, UnsupportedEncodingError

EXTRA_CELLS = "(extra cells)"
"""Reserved row key: non-blank cells beyond the last header, joined by the delimiter."""
READ_ERROR = "(read error)"
"""Reserved row key: why the reader could not split this record into cells."""
RESERVED_KEYS: tuple[str, ...] = (EXTRA_CELLS, READ_ERROR)

DELIMITERS = (",", ";", "\t")
_SNIFF_CHARS = 16_384
_XLSX_SUFFIXES = (".xlsx", ".xlsm")

Row = tuple[int, dict[str, str]]


class TableRows:
    """A table's headers and its data rows as ``(line_number, {header: value})``.

    Iterating starts again from the top each time. Line numbers are the physical line (CSV)
    or sheet row (XLSX) where a record starts; blank records are skipped.
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
    (line None) for a file with no header row or a workbook that cannot be opened.
    """
    suffix = path.suffix.lower()
    if suffix in _XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix == ".xls":
        raise MalformedRowError(
            "old .xls workbooks are not supported: save it as .xlsx or CSV", source=str(path)
        )
    return _read_csv(path, encoding=encoding, delimiter=delimiter)


def decode_text(data: bytes, *, encoding: str | None = None, source: str = "") -> tuple[str, str]:
    """``data`` decoded, and the encoding used: UTF-8 (BOM or not), UTF-16 with BOM, else
    windows-1252. An explicit ``encoding`` is used alone."""
    if encoding:
        candidates = [_with_bom_handling(encoding, source)]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif utf16 := _utf16_without_bom(data[:64]):
        candidates = [utf16]
    else:
        candidates = ["utf-8-sig", "windows-1252"]
    failures = []
    for candidate in candidates:
        try:
            return data.decode(candidate).removeprefix("\ufeff"), candidate
        except UnicodeDecodeError as exc:
            failures.append(f"{candidate}: {exc.reason} at byte {exc.start}")
    where = f"{source}: " if source else ""
    raise UnsupportedEncodingError(f"{where}cannot decode the file ({'; '.join(failures)})")


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: ``csv.Sniffer`` on a sample, checked against the header line
    (the delimiter it uses most outside quotes); comma when nothing tells them apart."""
    header_counts = _count_outside_quotes(_first_line(text))
    best = max(header_counts.values())
    if best == 0:
        return ","
    try:
        sniffed = csv.Sniffer().sniff(text[:_SNIFF_CHARS], delimiters="".join(DELIMITERS))
        if header_counts.get(sniffed.delimiter, 0) == best:
            return sniffed.delimiter
    except csv.Error:
        pass
    return next(d for d in DELIMITERS if header_counts[d] == best)


def _with_bom_handling(encoding: str, source: str) -> str:
    try:
        name = codecs.lookup(encoding).name
    except LookupError as exc:
        raise UnsupportedEncodingError(f"{source}: unknown encoding {encoding!r}") from exc
    return "utf-8-sig" if name == "utf-8" else name


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 whose header row is mostly ASCII shows NUL in every other byte."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for nuls, chars, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) >= 0.8 * len(nuls) and chars.count(0) <= 0.2 * len(chars):
            return name
    return None


def _first_line(text: str) -> str:
    for line in io.StringIO(text[:_SNIFF_CHARS], newline=""):
        if line.strip():
            return line
    return ""


def _count_outside_quotes(line: str) -> dict[str, int]:
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


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
    row = dict(zip(headers, cells, strict=False))
    for header in headers[len(cells) :]:
        row[header] = ""
    extra = cells[len(headers) :]
    if not _is_blank(extra):
        row[EXTRA_CELLS] = joiner.join(extra)
    return row


def _read_csv(path: Path, *, encoding: str | None, delimiter: str | None) -> TableRows:
    source = str(path)
    text, used = decode_text(path.read_bytes(), encoding=encoding, source=source)
    chosen = _explicit_delimiter(delimiter, source) or sniff_delimiter(text)
    header = next(_csv_records(text, chosen), None)
    if header is None:
        raise MalformedRowError("no header row: the file is empty", source=source)
    header_line, header_cells, error = header
    if error:
        raise MalformedRowError(f"cannot read the header row: {error}", source=source)
    headers = _name_headers(header_cells)

    def rows() -> Iterator[Row]:
        for line, cells, error in _csv_records(text, chosen):
            if line <= header_line:
                continue
            yield line, {READ_ERROR: error} if error else _as_row(headers, cells, chosen)

    return TableRows(source, headers, rows, encoding=used, delimiter=chosen)


def _explicit_delimiter(delimiter: str | None, source: str) -> str | None:
    if not delimiter:
        return None
    named = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    chosen = named.get(delimiter.lower(), delimiter)
    if len(chosen) != 1:
        raise IngestError(f"{source}: delimiter must be one character, not {delimiter!r}")
    return chosen


def _csv_records(text: str, delimiter: str) -> Iterator[tuple[int, list[str], str | None]]:
    """Non-blank records with the physical line each starts on, or why it could not be read."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')
    previous_end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield previous_end + 1, [], str(exc)
            previous_end = reader.line_num
            continue
        start, previous_end = previous_end + 1, reader.line_num
        if not _is_blank(cells):
            yield start, cells, None


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
