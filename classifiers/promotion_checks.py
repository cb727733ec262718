"""What promotion checks before a model becomes the worker's: that its categories (after any
label mapping) cover the taxonomy, and that it evaluates no worse than the promoted model on
the same hold-out. A model that fails either would silently mislabel contacts (a model of 4 of
56 categories files every street light as a pothole)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from classifiers.registry import ModelRegistry
from config import Taxonomy

SHOWN = 8  # missing categories named in a refusal; the rest are counted


def uncovered_categories(categories: Iterable[str], taxonomy: Taxonomy) -> list[str]:
    """Taxonomy categories the model can never predict."""
    return sorted(set(taxonomy.service_of_category) - set(categories))


def coverage_reason(missing: list[str], taxonomy: Taxonomy) -> str | None:
    if not missing:
        return None
    total = len(taxonomy.service_of_category)
    named = ", ".join(missing[:SHOWN]) + (
        f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    )
    return (
        f"its labels cover {total - len(missing)} of the taxonomy's {total} categories "
        f"(never predicted: {named}); train on data with every category, or map its labels "
        "with --mapping FILE"
    )


def evaluation_reason(registry: ModelRegistry, version: str) -> str | None:
    """Why ``version`` evaluates worse than the promoted model, when both were measured on
    the same hold-out (same contacts and labels); None when better, equal or not comparable."""
    promoted = registry.promoted_version()
    if promoted is None or promoted == version:
        return None
    ours, theirs = registry.metadata(version), registry.metadata(promoted)
    digest = _holdout(ours)
    if digest is None or digest != _holdout(theirs):
        return None
    worse = [
        f"{target} macro-F1 {mine:.3f} < {best:.3f}"
        for target, mine, best in _shared_macro_f1(ours, theirs)
        if mine < best
    ]
    if not worse:
        return None
    return f"on the same hold-out it scores worse than the promoted {promoted}: {', '.join(worse)}"


def _holdout(metadata: Mapping[str, Any]) -> str | None:
    digest = metadata.get("report", {}).get("holdout_sha256")
    return str(digest) if digest else None


def _shared_macro_f1(
    ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> list[tuple[str, float, float]]:
    mine, best = ours.get("metrics", {}), theirs.get("metrics", {})
    return [
        (t, round(float(mine[t]["macro_f1"]), 4), round(float(best[t]["macro_f1"]), 4))
        for t in mine
        if t in best and mine[t].get("macro_f1") is not None and best[t].get("macro_f1") is not None
    ]
