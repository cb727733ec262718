"""JSON bytes on the wire <-> contract events. The only place events are (de)serialised."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from contracts.errors import ContractError

E = TypeVar("E", bound=BaseModel)


def encode(event: BaseModel) -> bytes:
    """Serialise an event to compact UTF-8 JSON."""
    return event.model_dump_json(exclude_none=False).encode("utf-8")


def decode(raw: bytes | str | None, event_type: type[E], *, key: str | None = None) -> E:
    """Parse and validate ``raw`` as ``event_type``; raise ContractError naming the problem."""
    if raw is None or raw in (b"", ""):
        raise ContractError("empty message", key=key)
    try:  # the common case in one pass of pydantic's own parser
        return event_type.model_validate_json(raw)
    except ValidationError:
        pass  # parsed again below, to say exactly what is wrong
    try:
        payload = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ContractError(f"not valid JSON: {exc}", key=key) from exc
    if not isinstance(payload, dict):
        raise ContractError(f"expected a JSON object, got {type(payload).__name__}", key=key)
    version = payload.get("schema_version", 1)
    expected = event_type.model_fields.get("schema_version")
    if expected is not None and version != expected.default:
        raise ContractError(
            f"unsupported schema_version {version!r} for {event_type.__name__}", key=key
        )
    try:
        return event_type.model_validate(payload)
    except ValidationError as exc:
        raise ContractError(
            f"invalid {event_type.__name__}: {describe_errors(exc)}", key=key
        ) from exc


def describe_errors(exc: ValidationError) -> str:
    """One line naming each bad field and what is wrong with it."""
    parts = []
    for error in exc.errors():
        field = ".".join(str(p) for p in error["loc"]) or "(body)"
        parts.append(f"{field}: {error['msg']}")
    return "; ".join(parts)


ENVELOPE_SEPARATOR = b"\n"
ENVELOPE_CONTACTS = 500
"""Contacts a back-fill envelope holds (the last of an export may hold fewer)."""


def encode_envelope(values: Sequence[bytes]) -> bytes:
    """Many encoded events as one message: one compact JSON document per line.

    ``encode`` never writes a raw newline (JSON escapes it inside strings), so a line is an
    event. Bulk paths send envelopes: one message per few hundred events is what keeps the
    consumer's per-message cost, and the broker's, small."""
    if any(ENVELOPE_SEPARATOR in value for value in values):
        raise ContractError("an envelope value contains a raw newline: not compact JSON")
    return ENVELOPE_SEPARATOR.join(values)


def split_envelope(raw: bytes | None) -> list[bytes]:
    """The encoded events of an envelope, in order (blank lines are ignored)."""
    if not raw:
        return []
    return [line for line in raw.split(ENVELOPE_SEPARATOR) if line.strip()]
