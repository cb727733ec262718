"""Cleaning the labels people typed: case and spacing variants merged, synonyms mapped (their
label -> our label), rare labels folded into "other"; and a report of what was done. Taxonomy
labels are never folded: the worker needs them intact."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from config import CONTACT_TYPE_WORDS, Taxonomy, normalise_label
from contracts import ContactType

OTHER = "other"


def labels_with_counts(counts: Mapping[str, int], most: int | None = None) -> str:
    """ "'Rent' (12), 'Noise' (3)" in ``counts``' order; past ``most`` labels, "and N more"."""
    shown = list(counts.items())[:most]
    more = len(counts) - len(shown)
    listed = ", ".join(f"{label!r} ({n})" for label, n in shown)
    return f"{listed} and {more} more" if more else listed


@dataclass(frozen=True)
class LabelCleaning:
    """What cleaning did to one target's labels, and the map that repeats it on new data."""

    target: str
    rows: int
    variants_merged: dict[str, list[str]] = field(default_factory=dict)
    variant_rows: int = 0
    synonyms: dict[str, str] = field(default_factory=dict)
    synonym_rows: int = 0
    folded: dict[str, int] = field(default_factory=dict)
    folded_rows: int = 0
    min_count: int = 1
    canonical: dict[str, str] = field(default_factory=dict)  # normalised key -> final label

    @property
    def warnings(self) -> list[str]:
        if not self.folded:
            return []
        rare = labels_with_counts(self.folded)
        return [
            f"{self.target}: {len(self.folded)} label(s) with fewer than {self.min_count} "
            f"examples folded into {OTHER!r}: {rare}"
        ]

    def summary(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "case_and_whitespace": {"rows": self.variant_rows, "merged": self.variants_merged},
            "synonyms": {"rows": self.synonym_rows, "mapped": self.synonyms},
            "folded_into_other": {
                "rows": self.folded_rows,
                "min_count": self.min_count,
                "labels": self.folded,
            },
            "warnings": self.warnings,
        }


def taxonomy_resolver(taxonomy: Taxonomy, target: str) -> Callable[[str], str | None]:
    """Our label for ``text`` in ``target``'s taxonomy (id, name or alias), else None."""
    if target == "category":
        return taxonomy.resolve_category
    if target == "service":
        return taxonomy.resolve_service

    def contact_type(text: str) -> str | None:
        key = normalise_label(text)
        if key in {t.value for t in ContactType}:
            return key
        found = CONTACT_TYPE_WORDS.get(key)
        return found.value if found is not None else None

    return contact_type


def is_taxonomy_label(taxonomy: Taxonomy, target: str, label: str) -> bool:
    if target == "category":
        return label in taxonomy.service_of_category
    if target == "service":
        return label in taxonomy.service_ids
    return label in {t.value for t in ContactType}


def clean_labels(
    labels: Sequence[str],
    target: str,
    taxonomy: Taxonomy,
    *,
    mapping: Mapping[str, str] | None = None,
    min_count: int = 1,
) -> tuple[list[str], LabelCleaning]:
    """Merge case/spacing variants (``_preferred`` spelling wins), map synonyms (values that
    name a taxonomy entry become its id), fold labels under ``min_count`` into "other"."""
    spellings: dict[str, Counter[str]] = {}
    for label in labels:
        spellings.setdefault(normalise_label(label), Counter())[label] += 1
    canonical = {key: _preferred(c) for key, c in spellings.items()}
    variants = {
        canonical[key]: sorted(c)
        for key, c in spellings.items()
        if len(c) > 1 or next(iter(c)) != canonical[key]
    }
    variant_rows = sum(n for k, c in spellings.items() for s, n in c.items() if s != canonical[k])
    resolve = taxonomy_resolver(taxonomy, target)
    synonyms: dict[str, str] = {}
    for their, ours in (mapping or {}).items():
        key = normalise_label(their)
        if key in canonical:
            synonyms[canonical[key]] = resolve(ours) or _spaced(ours)
    final = {key: synonyms.get(label, label) for key, label in canonical.items()}
    cleaned = [final[normalise_label(label)] for label in labels]
    synonym_rows = sum(1 for label in labels if canonical[normalise_label(label)] in synonyms)
    counts = Counter(cleaned)
    folded = {
        label: n
        for label, n in sorted(counts.items())
        if n < min_count and label != OTHER and not is_taxonomy_label(taxonomy, target, label)
    }
    if folded:
        cleaned = [OTHER if label in folded else label for label in cleaned]
        final = {key: OTHER if label in folded else label for key, label in final.items()}
    return cleaned, LabelCleaning(
        target=target,
        rows=len(labels),
        variants_merged=variants,
        variant_rows=variant_rows,
        synonyms={k: v for k, v in synonyms.items() if k != v},
        synonym_rows=synonym_rows,
        folded=folded,
        folded_rows=sum(folded.values()),
        min_count=min_count,
        canonical=final,
    )


def _preferred(spellings: Counter[str]) -> str:
    """The spelling to keep: mixed case before ALL CAPS or all lower case, then the most used."""
    tidy: Counter[str] = Counter()
    for spelling, n in spellings.items():
        tidy[_spaced(spelling)] += n
    return max(tidy, key=lambda s: (s not in (s.upper(), s.lower()), tidy[s], s))


def _spaced(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()
