"""ModelArtifact: what the registry saves for one model version: the labeller, its stored
thresholds, and how its training cleaned labels (so new data is cleaned the same way)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from classifiers.errors import IncompleteModelError
from classifiers.labeller import Labeller
from classifiers.model import ContactClassifier
from config import normalise_label


@dataclass(frozen=True)
class ModelArtifact:
    """``thresholds[target]`` applies to that head's top calibrated probability (what
    ``evaluate`` uses); ``review_threshold`` applies to ``ContactClassifier`` confidence and
    is None for a model that cannot categorise contacts on its own."""

    version: str
    labeller: Labeller
    thresholds: Mapping[str, float]
    review_threshold: float | None
    service_of_category: Mapping[str, str]
    label_maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def targets(self) -> tuple[str, ...]:
        return tuple(self.labeller.targets_)

    def classifier(self) -> ContactClassifier:
        """This model as the worker uses it; IncompleteModelError if it cannot be."""
        if self.review_threshold is None:
            raise IncompleteModelError(
                self.version,
                f"it predicts {', '.join(self.targets)} only, or labels outside the taxonomy",
            )
        return ContactClassifier(
            self.labeller, self.version, self.service_of_category, self.review_threshold
        )

    def clean_label(self, target: str, label: str) -> str:
        """A label from new data as training would have cleaned (and mapped) it."""
        spaced = " ".join(label.split())
        return self.label_maps.get(target, {}).get(normalise_label(spaced), spaced)
