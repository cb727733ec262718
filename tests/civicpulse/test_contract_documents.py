"""The committed OpenAPI document is the intake API as built (regenerate: `make schemas`)."""

from __future__ import annotations

from pathlib import Path

from civicpulse.commands.contract import contract_documents
from config import ReferenceData, Settings

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_committed_contract_documents_are_current(reference: ReferenceData, tmp_path: Path) -> None:
    for name, text in contract_documents(Settings(home=tmp_path), reference).items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, (
            f"{name} is stale: run `make schemas`"
        )
