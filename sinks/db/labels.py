"""A stored contact's labels as the writers see them: read under lock (one query for the
contact sink and relabelling alike) and keyed to the trend cells the contact counts in."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import ARRAY, Connection, any_, bindparam, select

from sinks.db.tables import ContactRow
from sinks.db.trends import Dimensions

CellKey = tuple[date, Dimensions]  # a contact's day and dimensions: the cells it counts in


class Labels(Protocol):
    """What a contact is labelled as: a new classification or a stored one."""

    @property
    def contact_type(self) -> str: ...

    @property
    def service(self) -> str: ...

    @property
    def category(self) -> str: ...


@dataclass(frozen=True)
class StoredLabels:
    """A stored contact's labels and what places it in the trend table."""

    contact_id: uuid.UUID
    received_on: date
    partner: str | None
    ward: str | None
    contact_type: str
    service: str
    category: str
    label_source: str
    confidence: float
    model_version: str | None
    classified_at: datetime
    needs_review: bool

    def cell_key(self) -> CellKey:
        return cell_key(self.received_on, self.partner, self.ward, self)

    def relabelled(self, contact_type: str, service: str, category: str) -> StoredLabels:
        """These labels after a change of type, service and category (nothing else moves)."""
        return replace(self, contact_type=contact_type, service=service, category=category)


_COLUMNS = (
    ContactRow.contact_id,
    ContactRow.received_on,
    ContactRow.partner,
    ContactRow.ward,
    ContactRow.contact_type,
    ContactRow.service,
    ContactRow.category,
    ContactRow.label_source,
    ContactRow.confidence,
    ContactRow.model_version,
    ContactRow.classified_at,
    ContactRow.needs_review,
)
_CHUNK = 500  # ids per IN (...) list


def cell_key(received_on: date, partner: str | None, ward: str | None, labels: Labels) -> CellKey:
    """The trend cells a contact received on ``received_on`` with ``labels`` counts in."""
    dims = Dimensions(
        partner or "", labels.service, labels.category, str(labels.contact_type), ward or ""
    )
    return received_on, dims


def locked_labels(
    connection: Connection, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, StoredLabels]:
    """The stored labels of those of ``ids`` that are stored, locked until the transaction
    ends on PostgreSQL (so two writers never move the same contact's counts from one state)."""
    found: dict[uuid.UUID, StoredLabels] = {}
    for chunk in id_chunks(connection, ids):
        query = select(*_COLUMNS).where(id_in(connection, ContactRow.contact_id, chunk))
        if connection.dialect.name == "postgresql":
            query = query.with_for_update()
        for row in connection.execute(query):
            found[row.contact_id] = StoredLabels(**row._mapping)
    return found


def id_chunks(connection: Connection, ids: Sequence[uuid.UUID]) -> list[list[uuid.UUID]]:
    """``ids`` in lists small enough for ``id_in`` (all at once on PostgreSQL)."""
    wanted = list(ids)
    size = (len(wanted) or 1) if connection.dialect.name == "postgresql" else _CHUNK
    return [wanted[start : start + size] for start in range(0, len(wanted), size)]


def id_in(connection: Connection, column: Any, ids: list[uuid.UUID]) -> Any:
    """``column IN ids``; on PostgreSQL ``column = ANY(array)``, one parameter: psycopg turns
    each of an IN list's placeholders into ``$n`` in Python, on every statement."""
    if connection.dialect.name == "postgresql":
        return column == any_(bindparam(None, ids, type_=ARRAY(column.type)))
    return column.in_(ids)
