"""Re-running stored contacts through the promoted model, in batches, with a progress bar."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from civicpulse.context import console
from classifiers import ModelRegistry, SourceLabels, contact_text
from config import Settings
from contracts import ContactType
from sinks import apply_reclassification, model_labelled_contacts, open_database


def reclassify_since(settings: Settings, since: date) -> dict[str, Any]:
    classifier = ModelRegistry(settings.models_dir).load_promoted()
    engine = open_database(settings.sqlalchemy_url)
    totals = {"changed": 0, "unchanged": 0, "skipped": 0}
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            task = progress.add_task("re-classifying", total=None)
            for batch in model_labelled_contacts(engine, since):
                # The stored type is kept (it may have come from the source); the model re-decides
                # service and category from the stored, already redacted wording.
                kept = [SourceLabels(contact_type=ContactType(c.contact_type)) for c in batch]
                texts = [contact_text(c.subject, c.text) for c in batch]
                decisions = classifier.categorise(texts, kept)
                result = apply_reclassification(
                    engine, [(c.contact_id, d) for c, d in zip(batch, decisions, strict=True)]
                )
                for key in totals:
                    totals[key] += getattr(result, key)
                progress.advance(task, len(batch))
    finally:
        engine.dispose()
    return {"model_version": classifier.version, **totals}
