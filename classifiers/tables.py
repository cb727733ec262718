"""What classifiers read from a table another room opened (its name, headers and rows of text
cells), and finding a column in it by a forgiving name. No file formats here: files are read by
``ingest.read_table``, whose ``TableRows`` is a ``TextTable``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from classifiers.errors import TrainingDataError
from config import normalise_label


class TextTable(Protocol):
    """Headers, then rows as ``(line, {header: cell})``; iterable more than once.

    A key that is not a header marks a record the reader could not use as it stands (cells
    beyond the header, a record it could not split): ``checked_rows`` refuses it.
    """

    @property
    def source(self) -> str: ...

    @property
    def headers(self) -> tuple[str, ...]: ...

    def __iter__(self) -> Iterator[tuple[int, Mapping[str, str]]]: ...


def find_column(table: TextTable, name: str) -> str:
    """The header called ``name``, forgiving case, spacing and punctuation."""
    if name in table.headers:
        return name
    loose = {normalise_label(h): h for h in reversed(table.headers)}
    found = loose.get(normalise_label(name))
    if found is None:
        columns = ", ".join(table.headers)
        raise TrainingDataError(f"{table.source}: no column {name!r}; columns are {columns}")
    return found


def checked_rows(table: TextTable) -> Iterator[tuple[int, Mapping[str, str]]]:
    """The rows of ``table``; raises ``TrainingDataError`` naming the line of a row that holds
    more than its headers (so that no cell is silently dropped or shifted)."""
    headers = set(table.headers)
    for line, row in table:
        odd = [f"{key} {value[:60]!r}" for key, value in row.items() if key not in headers]
        if odd:
            raise TrainingDataError(
                f"{table.source}:{line}: cannot use this record: {'; '.join(odd)} "
                "(is there an unquoted delimiter or quote in a value?)"
            )
        yield line, row
