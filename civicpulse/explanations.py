"""Explanations for people: the words that pushed a contact to its label, from the promoted
model (loaded on first use and reloaded when another model is promoted)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from classifiers import ContactClassifier, ModelRegistry, explain
from config import Settings

Explainer = Callable[[str], list[tuple[str, float]]]


def promoted_model_explainer(settings: Settings, top: int = 8) -> Explainer:
    registry = ModelRegistry(settings.models_dir)
    lock = threading.Lock()
    current: dict[str, ContactClassifier] = {}

    def explainer(text: str) -> list[tuple[str, float]]:
        version = registry.promoted_version()
        if version is None:
            return []
        with lock:
            if "model" not in current or current["model"].version != version:
                current["model"] = registry.load(version)
            model = current["model"]
        return explain(model, text, target="category", top=top)

    return explainer
