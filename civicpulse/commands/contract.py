"""``civicpulse schemas``: write the event JSON Schemas and the intake API's OpenAPI document."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from civicpulse.context import command_context, console
from contracts import event_schemas, render_schema


def register(app: typer.Typer) -> None:
    app.command("schemas")(schemas)


def contract_documents(settings: Any, reference: Any) -> dict[str, str]:
    """File name -> text for every contract document we publish."""
    from web import create_app

    docs = {name: render_schema(schema) for name, schema in event_schemas().items()}
    openapi = create_app(settings, reference).openapi()
    docs["openapi.json"] = json.dumps(openapi, indent=2, sort_keys=True) + "\n"
    return docs


def schemas(
    out: Annotated[Path, typer.Option(help="Folder to write into")] = Path("schemas"),
) -> None:
    """Write JSON Schema files for each event and the intake API's OpenAPI document."""
    ctx = command_context()
    out.mkdir(parents=True, exist_ok=True)
    for name, text in contract_documents(ctx.settings, ctx.reference).items():
        (out / name).write_text(text, encoding="utf-8")
        console.print(f"wrote {out / name}")
