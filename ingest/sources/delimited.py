"""Delimited text, streamed from disk as RFC 4180 records: which encoding and which delimiter a
file uses are detected; its quoting never is ('"' quotes a cell, a doubled quote inside is one
quote, quoted newlines stay in the cell). Knows nothing about headers or contacts."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Generator, Iterable, Iterator
from itertools import chain
from pathlib import Path

from ingest.errors import IngestError, MalformedRowError, UnsupportedEncodingError

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_CHARS = 64 * 1024
"""How much text delimiter detection reads: the header and the first records."""
_CHUNK_BYTES = 1024 * 1024
_HEAD_BYTES = 64
_WORKBOOKS = (
    (
        b"PK\x03\x04",
        "looks like a workbook (.xlsx, a zip file), not CSV text: give it the .xlsx "
        "extension to read its first sheet, or save it as CSV",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "looks like an old Excel workbook (.xls), not CSV text: save it as .xlsx or CSV",
    ),
)
_NAMED_DELIMITERS = {"\\t": "\t", "tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}

Record = tuple[int, list[str], str | None]
"""The physical line a record starts on, its cells, and why it could not be read (else None)."""


def choose_encoding(path: Path, encoding: str | None = None) -> str:
    """The encoding every byte of ``path`` decodes in: ``encoding`` alone if given (UTF-8 then
    skips a BOM), else UTF-16 (with a BOM, or ASCII-looking without), UTF-8 (BOM or not), then
    windows-1252. Reads the whole file in chunks, so memory stays flat whatever its size.

    Raises ``MalformedRowError`` for a workbook (.xlsx or .xls bytes) and
    ``UnsupportedEncodingError`` naming the file when no candidate decodes it.
    """
    source = str(path)
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    for magic, reason in _WORKBOOKS:
        if head.startswith(magic):
            raise MalformedRowError(reason, source=source)
    if encoding:
        candidates = [_with_bom_handling(encoding, source)]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif utf16 := _utf16_without_bom(head):
        candidates = [utf16]
    else:
        candidates = ["utf-8-sig", "windows-1252"]
    failures = []
    for candidate in candidates:
        failure = _decode_failure(path, candidate)
        if failure is None:
            return candidate
        failures.append(f"{candidate}: {failure}")
    raise UnsupportedEncodingError(f"{source}: cannot decode the file ({'; '.join(failures)})")


def choose_delimiter(path: Path, encoding: str, delimiter: str | None = None) -> str:
    """``delimiter`` if given (one character, or tab/comma/semicolon/pipe by name), else the one
    ``detect_delimiter`` finds in the first ``SAMPLE_CHARS`` characters of ``path``."""
    if delimiter:
        chosen = _NAMED_DELIMITERS.get(delimiter.lower(), delimiter)
        if len(chosen) != 1:
            raise IngestError(f"{path}: delimiter must be one character, not {delimiter!r}")
        return chosen
    with path.open(encoding=encoding, newline="") as handle:
        sample = handle.read(SAMPLE_CHARS)
        complete = not handle.read(1)
    return detect_delimiter(sample.removeprefix("\ufeff"), complete=complete)


def detect_delimiter(sample: str, *, complete: bool = True) -> str:
    """The delimiter among comma, semicolon, tab and pipe that splits the records of ``sample``
    most consistently into the header's number of cells (two or more); comma when none does.

    Each candidate reads the sample with the same RFC 4180 quoting, so a delimiter inside
    quotes never counts. Ties go to the wider header, then to the order above.
    ``complete=False`` says the sample was cut, so its last record is ignored.
    """
    best, best_score = ",", (0.0, 1)
    for delimiter in DELIMITERS:
        records = [
            cells for _, cells, error in _records(io.StringIO(sample, newline=""), delimiter)
        ]
        if not complete and len(records) > 1:
            records.pop()
        if not records or len(records[0]) < 2:
            continue
        width, rows = len(records[0]), records[1:]
        fit = sum(len(cells) == width for cells in rows) / len(rows) if rows else 1.0
        if (fit, width) > best_score:
            best, best_score = delimiter, (fit, width)
    return best


def read_records(path: Path, encoding: str, delimiter: str) -> Generator[Record, None, None]:
    """The non-blank records of ``path`` in order, streamed. A record the csv module cannot
    split (a cell over its size limit) comes with the reason, and reading goes on."""
    with path.open(encoding=encoding, newline="") as handle:
        try:
            yield from _records(_without_bom(handle), delimiter)
        except UnicodeDecodeError as exc:  # the file changed since its encoding was chosen
            raise UnsupportedEncodingError(f"{path}: cannot decode the file ({exc})") from exc


def _records(lines: Iterable[str], delimiter: str) -> Iterator[Record]:
    # Spelled out so that no default or guess can change them: this is RFC 4180 quoting.
    reader = csv.reader(
        lines,
        delimiter=delimiter,
        quotechar='"',
        doublequote=True,
        escapechar=None,
        quoting=csv.QUOTE_MINIMAL,
        skipinitialspace=False,
        strict=False,
    )
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
        # Blank when every cell is whitespace, i.e. when they all are together (one C call).
        if "".join(cells).strip():
            yield start, cells, None


def _without_bom(lines: Iterable[str]) -> Iterator[str]:
    """``lines`` with a BOM taken off the first (chained, so that no Python frame runs for
    each line after it)."""
    iterator = iter(lines)
    first = next(iterator, None)
    if first is None:
        return iter(())
    return chain((first.removeprefix("\ufeff"),), iterator)


def _decode_failure(path: Path, encoding: str) -> str | None:
    """None when all of ``path`` decodes as ``encoding``, else the reason and the byte."""
    skip = 0
    if encoding == "utf-8-sig":  # plain UTF-8 past the BOM, so that byte offsets stay true
        with path.open("rb") as handle:
            skip = len(codecs.BOM_UTF8) if handle.read(3) == codecs.BOM_UTF8 else 0
        encoding = "utf-8"
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = skip
    with path.open("rb") as handle:
        handle.seek(skip)
        while True:
            chunk = handle.read(_CHUNK_BYTES)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                pending = decoder.getstate()[0]
                return f"{exc.reason} at byte {offset - len(pending) + exc.start}"
            if not chunk:
                return None
            offset += len(chunk)


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
