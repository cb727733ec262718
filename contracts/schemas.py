"""JSON Schema documents for the events, for CRM teams who emit events directly."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from contracts.actions import ContactToldOfAction
from contracts.cases import CaseEvent
from contracts.events import (
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    DeadLetter,
    RatingReceived,
)
from contracts.topics import Topic

EVENT_TYPES: dict[Topic, type[BaseModel]] = {
    Topic.contacts_received: ContactReceived,
    Topic.ratings_received: RatingReceived,
    Topic.contacts_classified: ContactClassified,
    Topic.contacts_reviewed: ContactReviewed,
    Topic.cases_events: CaseEvent,
    Topic.dead_letter: DeadLetter,
    Topic.actions_told: ContactToldOfAction,
}


def schema_filename(event_type: type[BaseModel]) -> str:
    """``ContactReceived`` -> ``contact_received.v1.schema.json``."""
    name = "".join(f"_{c.lower()}" if c.isupper() else c for c in event_type.__name__).lstrip("_")
    version = event_type.model_fields["schema_version"].default
    return f"{name}.v{version}.schema.json"


def event_schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema for every event on the wire."""
    out: dict[str, dict[str, Any]] = {}
    for topic, event_type in EVENT_TYPES.items():
        schema = event_type.model_json_schema(mode="validation")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$comment"] = f"Carried on topic <prefix>{topic.value}; message key = contact id."
        out[schema_filename(event_type)] = schema
    return out


def render_schema(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
