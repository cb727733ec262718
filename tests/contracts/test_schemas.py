"""The JSON Schema files in schemas/ say what the models say (regenerate: `make schemas`)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from contracts import (
    Categorisation,
    ContactClassified,
    ContactReceived,
    ContactType,
    LabelSource,
    encode,
    event_schemas,
    render_schema,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_event_schemas_match_the_models() -> None:
    for name, schema in event_schemas().items():
        path = SCHEMAS / name
        assert path.exists(), f"{path} is missing: run `make schemas`"
        assert path.read_text(encoding="utf-8") == render_schema(schema), (
            f"{name} is stale: run `make schemas`"
        )


def test_contact_schema_keeps_personal_data_in_its_own_object() -> None:
    schema = json.loads((SCHEMAS / "contact_received.v1.schema.json").read_text())
    assert set(schema["required"]) == {
        "contact_id",
        "received_at",
        "channel",
        "source_system",
        "text",
    }
    assert "reporter" in schema["properties"]
    reporter = schema["$defs"]["Reporter"]["properties"]
    assert set(reporter) == {"name", "email", "phone", "address"}
    assert ContactReceived.model_fields["schema_version"].default == 1


def test_a_classification_is_a_categorisation_with_its_v1_wire_order() -> None:
    """ContactClassified is built from Categorisation; on the wire it still opens with which
    contact and when, then the decision, as v1 consumers have always read it."""
    decision = Categorisation(
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category="fly_tipping",
        confidence=0.9,
        label_source=LabelSource.model,
    )
    classified = ContactClassified.of(uuid.uuid4(), decision)
    assert isinstance(classified, Categorisation)
    assert list(json.loads(encode(classified))) == [
        "schema_version",
        "contact_id",
        "classified_at",
        "contact_type",
        "service",
        "category",
        "confidence",
        "label_source",
        "model_version",
        "needs_review",
        "suggestions",
    ]
