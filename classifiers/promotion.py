"""Checked promotion: a model whose labels all map onto the taxonomy becomes the worker's model.

A model with every head and taxonomy labels is promoted as it is. Otherwise a derived version
is saved and promoted: the model's heads with their labels renamed onto the taxonomy (ids,
names, aliases, or the mapping file), and any head it lacks taken from the model promoted now.
Its review threshold is the strictest of the parts' (re-measure it with ``evaluate``).
Unless forced, a model whose categories do not cover the taxonomy, or that evaluates worse
than the promoted model on the same hold-out, is refused (``promotion_checks``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from classifiers.artifact import ModelArtifact
from classifiers.cascade import CascadeLabeller
from classifiers.combined import CombinedLabeller, HeadSource
from classifiers.dataset import TARGETS
from classifiers.errors import IncompleteModelError, PromotionRefusedError, UnmappedLabelsError
from classifiers.labeller import ContactLabeller
from classifiers.labels import is_taxonomy_label, taxonomy_resolver
from classifiers.promotion_checks import coverage_reason, evaluation_reason, uncovered_categories
from classifiers.registry import ModelRegistry
from config import Taxonomy, normalise_label


@dataclass(frozen=True)
class Promotion:
    """What a promotion did: ``version`` is now the worker's model."""

    requested: str
    version: str
    heads: dict[str, str]  # target -> version its head came from
    mapped: dict[str, dict[str, str]] = field(default_factory=dict)  # target -> {theirs: ours}
    review_threshold: float | None = None

    @property
    def derived(self) -> bool:
        return self.version != self.requested

    def describe(self) -> str:
        if not self.derived:
            return f"Promoted {self.version}."
        parts = []
        for source in dict.fromkeys(self.heads.values()):
            targets = [t for t, v in self.heads.items() if v == source]
            mapped = sum(len(self.mapped.get(t, {})) for t in targets)
            note = f" ({mapped} label(s) mapped onto the taxonomy)" if mapped else ""
            role = "" if source == self.requested else " (the model promoted before)"
            parts.append(f"{', '.join(targets)} from {source}{role}{note}")
        return (
            f"{'; '.join(parts)}. Saved as {self.version} and promoted; its review threshold "
            f"{self.review_threshold} is the strictest of its parts': check it with "
            "`civicpulse evaluate` on recent labelled contacts."
        )


def taxonomy_labels(
    artifact: ModelArtifact, taxonomy: Taxonomy, mapping: Mapping[str, str]
) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """Per target: each class's taxonomy label, and the classes that have none."""
    by_key = {normalise_label(k): v for k, v in mapping.items()}
    relabel: dict[str, dict[str, str]] = {}
    unmapped: dict[str, list[str]] = {}
    for target in artifact.targets:
        resolve = taxonomy_resolver(taxonomy, target)
        relabel[target] = {}
        for label in (str(c) for c in artifact.labeller.classes(target)):
            if is_taxonomy_label(taxonomy, target, label):
                ours: str | None = label
            elif normalise_label(label) in by_key:
                ours = resolve(by_key[normalise_label(label)])
            else:
                ours = resolve(label)
            if ours is None:
                unmapped.setdefault(target, []).append(label)
            else:
                relabel[target][label] = ours
    return relabel, unmapped


def promote_checked(
    registry: ModelRegistry,
    version: str,
    taxonomy: Taxonomy,
    mapping: Mapping[str, str] | None = None,
    *,
    force: bool = False,
) -> Promotion:
    """Promote ``version``, deriving a combined model when needed; UnmappedLabelsError lists
    the labels that do not map, PromotionRefusedError (unless ``force``) says why a model that
    leaves categories out or evaluates worse is refused, and nothing changes."""
    artifact = registry.load_artifact(version)
    relabel, unmapped = taxonomy_labels(artifact, taxonomy, mapping or {})
    if unmapped:
        raise UnmappedLabelsError(version, unmapped)
    if not force:
        _check(registry, version, artifact, relabel, taxonomy)
    renamed = {t: {k: v for k, v in r.items() if k != v} for t, r in relabel.items()}
    renamed = {t: r for t, r in renamed.items() if r}
    missing = [t for t in TARGETS if t not in artifact.targets]
    if not missing and not renamed and artifact.review_threshold is not None:
        registry.promote(version)
        return Promotion(version, version, dict.fromkeys(TARGETS, version), {}, None)
    base = _base(registry, version, missing)
    derived = _derive(artifact, relabel, base, missing)
    derived.classifier()  # must be usable by the worker before it is saved
    if not registry.exists(derived.version):
        registry.save(
            derived,
            {"name": "promoted", "derived_from": _sources(derived), "mapped": renamed},
        )
    registry.promote(derived.version)
    return Promotion(version, derived.version, _sources(derived), renamed, derived.review_threshold)


def _check(
    registry: ModelRegistry,
    version: str,
    artifact: ModelArtifact,
    relabel: Mapping[str, Mapping[str, str]],
    taxonomy: Taxonomy,
) -> None:
    """PromotionRefusedError naming every reason ``version`` should not become the worker's."""
    if "category" in artifact.targets:
        categories: list[str] | None = list(relabel["category"].values())
    else:  # its category head would come from the promoted model
        promoted = registry.promoted_version()
        lender = registry.load_artifact(promoted) if promoted else None
        categories = (
            list(taxonomy_labels(lender, taxonomy, {})[0].get("category", {}).values())
            if lender
            else None
        )
    reasons = [
        r
        for r in (
            coverage_reason(uncovered_categories(categories, taxonomy), taxonomy)
            if categories is not None
            else None,
            evaluation_reason(registry, version),
        )
        if r
    ]
    if reasons:
        raise PromotionRefusedError(version, reasons)


def _base(registry: ModelRegistry, version: str, missing: list[str]) -> ModelArtifact | None:
    if not missing:
        return None
    promoted = registry.promoted_version()
    if promoted is None:
        raise IncompleteModelError(
            version, f"it has no {', '.join(missing)} head and no model is promoted to lend one"
        )
    return registry.load_artifact(promoted)


def _head(artifact: ModelArtifact, target: str, relabel: Mapping[str, str]) -> HeadSource:
    if isinstance(artifact.labeller, CombinedLabeller):
        return artifact.labeller.heads[target]  # already in taxonomy labels
    assert isinstance(artifact.labeller, ContactLabeller | CascadeLabeller)
    return HeadSource(artifact.labeller, artifact.version, dict(relabel))


def _derive(
    artifact: ModelArtifact,
    relabel: Mapping[str, Mapping[str, str]],
    base: ModelArtifact | None,
    missing: list[str],
) -> ModelArtifact:
    heads: dict[str, HeadSource] = {}
    thresholds: dict[str, float] = {}
    label_maps: dict[str, dict[str, str]] = {}
    for target in TARGETS:
        owner = artifact if target not in missing else base
        assert owner is not None
        heads[target] = _head(owner, target, relabel.get(target, {}) if owner is artifact else {})
        thresholds[target] = owner.thresholds[target]
        rename = heads[target].relabel if owner is artifact else {}
        maps = owner.label_maps.get(target, {})
        label_maps[target] = {k: rename.get(v, v) for k, v in maps.items()}
    strictest = [artifact.thresholds[t] for t in artifact.targets]
    if base is not None and base.review_threshold is not None:
        strictest.append(base.review_threshold)
    sources = [artifact.version] + [heads[t].version for t in missing]
    name = "+".join(dict.fromkeys(sources))
    if any(heads[t].relabel != {} for t in artifact.targets):
        renames = json.dumps({t: dict(heads[t].relabel) for t in artifact.targets}, sort_keys=True)
        name += "+mapped-" + hashlib.sha256(renames.encode()).hexdigest()[:6]
    return ModelArtifact(
        version=name,
        labeller=CombinedLabeller(heads),
        thresholds=thresholds,
        review_threshold=round(max(strictest), 4),
        service_of_category=dict(artifact.service_of_category),
        label_maps=label_maps,
    )


def _sources(artifact: ModelArtifact) -> dict[str, str]:
    assert isinstance(artifact.labeller, CombinedLabeller)
    return artifact.labeller.versions()
