"""JSON bytes on the wire <-> contract events. The only place events are (de)serialised."""

from __future__ import annotations

import json
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
