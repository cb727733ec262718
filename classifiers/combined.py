"""CombinedLabeller: heads taken from several trained labellers, each head's own labels
renamed onto the taxonomy (several of theirs may become one of ours: probabilities add up).

This is how a model trained on one target of a council's export (say category, with its own
label names) becomes usable by the worker: at promotion its head is mapped and combined with
the promoted model's other heads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from classifiers.labeller import Labeller


@dataclass(frozen=True)
class HeadSource:
    """One target's head: which labeller has it, under which name, and how its labels map."""

    labeller: Labeller  # a ContactLabeller, or a CascadeLabeller (an embedding stack)
    version: str
    relabel: Mapping[str, str] = field(default_factory=dict)


class CombinedLabeller:
    """Same interface as ``ContactLabeller`` (the ``Labeller`` protocol)."""

    def __init__(self, heads: Mapping[str, HeadSource]) -> None:
        self.heads = dict(heads)
        self._classes: dict[str, np.ndarray] = {}
        self._merge: dict[str, np.ndarray] = {}
        for target, source in self.heads.items():
            theirs = source.labeller.classes(target)
            ours = [source.relabel.get(str(c), str(c)) for c in theirs]
            self._classes[target] = np.array(sorted(set(ours)))
            column = {c: i for i, c in enumerate(self._classes[target])}
            merge = np.zeros((len(theirs), len(column)))
            merge[np.arange(len(theirs)), [column[c] for c in ours]] = 1.0
            self._merge[target] = merge

    @property
    def targets_(self) -> tuple[str, ...]:
        return tuple(self.heads)

    def classes(self, target: str) -> np.ndarray:
        return self._classes[target]

    def predict_proba(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        # Each distinct labeller transforms the texts once, whatever number of heads it gives.
        computed: dict[int, dict[str, np.ndarray]] = {}
        out: dict[str, np.ndarray] = {}
        for target, source in self.heads.items():
            key = id(source.labeller)
            if key not in computed:
                computed[key] = source.labeller.predict_proba(texts)
            out[target] = computed[key][target] @ self._merge[target]
        return out

    def versions(self) -> dict[str, str]:
        """The model version each target's head came from."""
        return {target: source.version for target, source in self.heads.items()}
