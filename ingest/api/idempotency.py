"""The ``Idempotency-Key`` request header, and the one key a request carries (header or field).

A key only decides the id of what is posted (see ``ingest.sources.webform``): the API keeps no
record of keys, so the same key with a different body is the same contact, stored as last sent.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Header
from fastapi.exceptions import RequestValidationError

from ingest.sources.webform import IDEMPOTENCY_KEY_PATTERN

IdempotencyKeyHeader = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        pattern=IDEMPOTENCY_KEY_PATTERN,
        description="1-200 visible ASCII characters naming this submission: a retry with the "
        "same key is stored once. Without a key (or source_ref) every post is a new record.",
    ),
]


def one_key(header: str | None, field: str | None) -> str | None:
    """The request's idempotency key; a 422 if the header and the body field disagree."""
    if header is not None and field is not None and header != field:
        raise RequestValidationError(
            [
                {
                    "loc": ("header", "Idempotency-Key"),
                    "msg": "differs from the body's idempotency_key; send one, or the same",
                    "type": "value_error",
                }
            ]
        )
    return header if header is not None else field
