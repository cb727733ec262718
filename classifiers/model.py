"""ContactClassifier: a trained labeller plus the taxonomy, deciding type, service and category.

Labels assigned by the source win over the model. The category is always one of the chosen
service's categories: service and category are decided jointly, not independently. Below the
review threshold a model decision is marked ``needs_review``; the top 3 (service, category)
pairs come with it as suggestions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from classifiers.dataset import TARGETS
from classifiers.errors import IncompleteModelError
from classifiers.labeller import Labeller
from contracts import Categorisation, ContactReceived, ContactType, LabelSource

SUGGESTIONS = 3


@dataclass(frozen=True)
class Decisions:
    """Model-only decisions for a batch (no source labels), as arrays."""

    contact_type: np.ndarray
    service: np.ndarray
    category: np.ndarray
    confidence: np.ndarray


@dataclass(frozen=True)
class SourceLabels:
    """Labels a source system assigned to one contact (a CRM's type, service, category);
    they win over the model. ``None``: the source did not say."""

    contact_type: ContactType | None = None
    service: str | None = None
    category: str | None = None

    @classmethod
    def of(cls, contact: ContactReceived) -> SourceLabels:
        return cls(contact.contact_type, contact.service, contact.category)


NO_SOURCE_LABELS = SourceLabels()


@dataclass(frozen=True)
class ContactClassifier:
    labeller: Labeller
    version: str
    service_of_category: Mapping[str, str]
    review_threshold: float = 0.0
    _services: np.ndarray = field(init=False, repr=False, compare=False)
    _categories: np.ndarray = field(init=False, repr=False, compare=False)
    _service_of_column: np.ndarray = field(init=False, repr=False, compare=False)
    _service_column: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        missing = [t for t in TARGETS if t not in self.labeller.targets_]
        if missing:
            raise IncompleteModelError(self.version, f"it has no {', '.join(missing)} head")
        categories = self.labeller.classes("category")
        unknown = [str(c) for c in categories if c not in self.service_of_category]
        if unknown:
            raise IncompleteModelError(
                self.version, f"categories outside the taxonomy: {', '.join(unknown[:10])}"
            )
        services = self.labeller.classes("service")
        index = {s: i for i, s in enumerate(services)}
        of_column = np.array([self.service_of_category[c] for c in categories])
        object.__setattr__(self, "_services", services)
        object.__setattr__(self, "_categories", categories)
        object.__setattr__(self, "_service_of_column", of_column)
        # The service head's column of each category's service (-1: the head never saw it).
        object.__setattr__(
            self, "_service_column", np.array([index.get(s, -1) for s in of_column], dtype=int)
        )

    def pair_probabilities(
        self, proba: Mapping[str, np.ndarray], source_services: Sequence[str | None] = ()
    ) -> np.ndarray:
        """p(service, category) per contact: p(category) x p(its service), normalised; where
        the source named the service, only that service's categories (p(service) = 1)."""
        p_cat = proba["category"]
        col = self._service_column
        joint = p_cat * np.where(col >= 0, proba["service"][:, np.clip(col, 0, None)], 0.0)
        for service in {s for s in source_services if s is not None}:
            mask = self._service_of_column == service
            rows = [i for i, s in enumerate(source_services) if s == service]
            if mask.any():
                joint[rows] = p_cat[rows] * mask
        total = joint.sum(axis=1, keepdims=True)
        joint = np.where(total > 0, joint, p_cat)
        return np.asarray(joint / joint.sum(axis=1, keepdims=True))

    def decide(self, texts: Sequence[str]) -> Decisions:
        """What the model alone decides for each text, with the confidence that is compared
        with ``review_threshold`` (used to choose that threshold on validation data)."""
        return self.decisions(self.labeller.predict_proba(texts))

    def decisions(self, proba: Mapping[str, np.ndarray]) -> Decisions:
        """``decide`` from probabilities already computed by the labeller."""
        pairs = self.pair_probabilities(proba)
        best = np.argmax(pairs, axis=1)
        rows = np.arange(len(best))
        p_type = proba["contact_type"]
        best_type = np.argmax(p_type, axis=1)
        return Decisions(
            contact_type=self.labeller.classes("contact_type")[best_type],
            service=self._service_of_column[best],
            category=self._categories[best],
            confidence=pairs[rows, best] * p_type[rows, best_type],
        )

    def categorise(
        self, texts: Sequence[str], sources: Sequence[SourceLabels] | None = None
    ) -> list[Categorisation]:
        """Categorise a batch; ``texts`` is what the model reads for each contact (redacted),
        ``sources`` the labels its source assigned (default: none)."""
        if not texts:
            return []
        contacts = list(sources) if sources is not None else [NO_SOURCE_LABELS] * len(texts)
        if len(contacts) != len(texts):
            raise ValueError(f"{len(texts)} texts but {len(contacts)} source labels")
        proba = self.labeller.predict_proba(texts)
        known_services = set(self._services)
        source_services = [c.service if c.service in known_services else None for c in contacts]
        pairs = self.pair_probabilities(proba, source_services)
        ranked = np.argsort(-pairs, axis=1, kind="stable")[:, :SUGGESTIONS]
        top_p = np.take_along_axis(pairs, ranked, axis=1)
        top, best_p = np.round(top_p, 4).tolist(), top_p[:, 0].tolist()
        # Not the other services' categories when the source named one (probability 0).
        possible = (top_p > 0).tolist()
        p_type = proba["contact_type"]
        best_type = np.argmax(p_type, axis=1)
        type_p = p_type[np.arange(len(contacts)), best_type].tolist()
        type_of = [ContactType(str(t)) for t in self.labeller.classes("contact_type")]
        service_of, category_of = self._service_of_column.tolist(), self._categories.tolist()
        out: list[Categorisation] = []
        for i, (contact, ranks) in enumerate(zip(contacts, ranked.tolist(), strict=True)):
            if contact.contact_type is not None:
                contact_type, type_confidence = contact.contact_type, 1.0
            else:
                contact_type, type_confidence = type_of[best_type[i]], type_p[i]
            if contact.category in self.service_of_category:
                out.append(self._from_source(contact, contact_type, type_confidence))
                continue
            confidence = best_p[i] * type_confidence
            # Validated from one dict: pydantic's compiled validation builds the suggestions
            # too, faster than model_construct or three Suggestion(...) calls from Python.
            out.append(
                Categorisation.model_validate(
                    {
                        "contact_type": contact_type,
                        "service": service_of[ranks[0]],
                        "category": category_of[ranks[0]],
                        "confidence": round(min(max(confidence, 0.0), 1.0), 4),
                        "label_source": LabelSource.model,
                        "model_version": self.version,
                        "needs_review": confidence < self.review_threshold,
                        "suggestions": [
                            {"service": service_of[j], "category": category_of[j], "probability": p}
                            for j, p, ok in zip(ranks, top[i], possible[i], strict=True)
                            if ok
                        ],
                    }
                )
            )
        return out

    def _from_source(
        self, contact: SourceLabels, contact_type: ContactType, type_confidence: float
    ) -> Categorisation:
        category = str(contact.category)
        return Categorisation(
            contact_type=contact_type,
            service=self.service_of_category[category],
            category=category,
            confidence=round(type_confidence, 4),
            label_source=LabelSource.source,
            model_version=self.version,
        )
