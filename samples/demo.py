"""Writes the demo inputs this package owns: ``webforms.json`` and ``ratings.json``.

Other demo files in the same folder (emails, CRM exports) are written elsewhere and left alone.
"""

from __future__ import annotations

import json
from pathlib import Path

from config import ReferenceData
from samples.ratings import Rating, generate_ratings
from samples.starter import STARTER_SEED, generate_starter_rows
from samples.webforms import Webform, generate_webforms

DEMO_SEED = 20251220
WEBFORMS_FILE = "webforms.json"
RATINGS_FILE = "ratings.json"


def generate_demo(
    reference: ReferenceData, seed: int = DEMO_SEED
) -> tuple[list[Webform], list[Rating]]:
    """The demo web forms (none repeating a starter text) and ratings for some of them."""
    starter = generate_starter_rows(reference.taxonomy, STARTER_SEED)
    avoid = frozenset(" ".join(row.text.split()).lower() for row in starter)
    forms = generate_webforms(reference, seed, avoid_texts=avoid)
    return forms, generate_ratings(forms, seed + 1)


def render_json(records: list[Webform] | list[Rating]) -> str:
    """A JSON array, one object per record, stable across runs."""
    return json.dumps([r.as_json() for r in records], indent=2, ensure_ascii=False) + "\n"


def write_demo(out_dir: Path, reference: ReferenceData, seed: int = DEMO_SEED) -> dict[str, int]:
    """Write both files into ``out_dir``; returns the number of records in each."""
    forms, ratings = generate_demo(reference, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / WEBFORMS_FILE).write_text(render_json(forms), encoding="utf-8", newline="")
    (out_dir / RATINGS_FILE).write_text(render_json(ratings), encoding="utf-8", newline="")
    return {WEBFORMS_FILE: len(forms), RATINGS_FILE: len(ratings)}
