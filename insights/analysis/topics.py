"""Emerging topics: clusters of recent contacts the classifier was unsure about that resemble each
other, across channels and partners, labelled by common terms; near-duplicates count as one
issue. Pure functions over ``TopicContact`` values; never reads the database."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

import numpy as np
from scipy.sparse import csr_matrix

from sinks import UnsureContact

PLACEHOLDER = re.compile(r"\[[a-z_]+\]")
EXTRA_STOP_WORDS = frozenset(
    {"hi", "hello", "dear", "thanks", "thank", "regards", "please", "sir", "madam", "council"}
    | {"just", "like", "know", "get", "got", "need", "want", "today", "yesterday", "week"}
)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOP_WORDS


# What topic finding needs of a stored contact: the typed row ``sinks`` reads.
TopicContact = UnsureContact


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that report the same thing in nearly the same words; earliest first."""

    contact_ids: tuple[str, ...]

    @property
    def representative(self) -> str:
        return self.contact_ids[0]


@dataclass(frozen=True)
class EmergingTopic:
    """A theme among unsure contacts: ``issues`` distinct reports, ``reports`` contacts."""

    label: str
    terms: tuple[str, ...]
    issues: int
    reports: int
    contact_ids: tuple[str, ...]
    duplicates: tuple[DuplicateGroup, ...]  # only groups of two or more
    channels: Mapping[str, int]
    partners: Mapping[str, int]
    first_seen: date
    last_seen: date
    examples: tuple[str, ...]


@dataclass(frozen=True)
class TopicSettings:
    max_confidence: float = 0.6  # "unsure": needs review or confidence below this
    duplicate_similarity: float = 0.8  # cosine of character n-gram TF-IDF
    topic_similarity: float = 0.2  # average share of words in common within a topic
    min_issues: int = 3  # distinct issues (after linking duplicates) to make a topic
    max_contacts: int = 2000  # the most recent unsure contacts considered
    max_terms: int = 3
    examples: int = 3


def is_unsure(contact: TopicContact, max_confidence: float = 0.6) -> bool:
    return contact.needs_review or contact.confidence < max_confidence


def _clean(text: str) -> str:
    return PLACEHOLDER.sub(" ", text).lower()


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    """Words of three letters or more, stop words dropped, plurals made singular."""
    return [_singular(w) for w in re.findall(r"[a-z]{3,}", text) if w not in _stop_words()]


def _terms(text: str) -> list[str]:
    """Words and word pairs, for labels."""
    words = _words(text)
    return words + [f"{a} {b}" for a, b in pairwise(words)]


def link_near_duplicates(
    contacts: Sequence[TopicContact], similarity: float = 0.8
) -> list[DuplicateGroup]:
    """Every contact in exactly one group; a group links contacts whose texts are near-copies
    (directly or through each other), earliest first; groups in order of their first contact."""
    # imported here: scikit-learn takes a second to import and most commands never cluster
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not contacts:
        return []
    order = sorted(range(len(contacts)), key=lambda i: (contacts[i].received_on, i))
    texts = [_clean(contacts[i].text) for i in order]
    if len(texts) == 1 or not any(t.strip() for t in texts):
        return [DuplicateGroup((contacts[i].contact_id,)) for i in order]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)
    matrix = vectors.fit_transform(texts)
    linked = csr_matrix((matrix @ matrix.T) >= similarity)
    _, component = connected_components(linked, directed=False)
    groups: dict[int, list[str]] = {}
    for position, label in enumerate(component):
        groups.setdefault(int(label), []).append(contacts[order[position]].contact_id)
    return [DuplicateGroup(tuple(ids)) for ids in groups.values()]


def emerging_topics(
    contacts: Sequence[TopicContact], settings: TopicSettings | None = None
) -> list[EmergingTopic]:
    """Topics among the unsure contacts in ``contacts``, most issues first."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    settings = settings or TopicSettings()
    unsure = [c for c in contacts if is_unsure(c, settings.max_confidence)]
    unsure = sorted(unsure, key=lambda c: c.received_on)[-settings.max_contacts :]
    groups = link_near_duplicates(unsure, settings.duplicate_similarity)
    if len(groups) < settings.min_issues:
        return []
    by_id = {c.contact_id: c for c in unsure}
    texts = [_clean(" ".join(by_id[i].text for i in g.contact_ids[:1])) for g in groups]
    # similarity: the share of words two reports have in common (cosine of word sets); idf
    # would favour each report's unique words over the ones a topic shares
    shared = TfidfVectorizer(analyzer=_words, use_idf=False, binary=True)
    words = TfidfVectorizer(analyzer=_terms, sublinear_tf=True)
    try:
        sets = shared.fit_transform(texts)
        matrix = words.fit_transform(texts)
    except ValueError:  # nothing but stop words
        return []
    distance = np.clip(1.0 - (sets @ sets.T).toarray(), 0.0, 2.0)
    clustering = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=1.0 - settings.topic_similarity,
    )
    labels = clustering.fit_predict(distance)
    vocabulary = [str(v) for v in words.get_feature_names_out()]
    topics = []
    for label in set(int(v) for v in labels):
        members = [i for i, v in enumerate(labels) if v == label]
        if len(members) < settings.min_issues:
            continue
        terms = _common_terms(matrix[members], vocabulary, settings.max_terms)
        topics.append(_topic([groups[i] for i in members], by_id, terms, settings.examples))
    return sorted(topics, key=lambda t: (-t.issues, -t.reports, t.label))


def _common_terms(rows: csr_matrix, vocabulary: Sequence[str], limit: int) -> tuple[str, ...]:
    """Terms in at least half the topic's issues: the most shared first, a word pair before
    its single words, then the heaviest."""
    present = np.asarray((rows > 0).sum(axis=0)).ravel()
    weight = np.asarray(rows.sum(axis=0)).ravel()
    ranked = sorted(
        (int(i) for i in np.flatnonzero(present * 2 >= rows.shape[0])),
        key=lambda i: (-present[i], -vocabulary[i].count(" "), -weight[i], vocabulary[i]),
    )
    chosen: list[str] = []
    for i in ranked:
        term = vocabulary[i]
        if any(term in c.split() or c in term.split() for c in chosen):
            continue
        chosen.append(term)
        if len(chosen) == limit:
            break
    if not chosen:
        chosen = [vocabulary[int(i)] for i in np.argsort(-weight)[:limit]]
    return tuple(chosen)


def _topic(
    groups: Sequence[DuplicateGroup],
    by_id: Mapping[str, TopicContact],
    terms: tuple[str, ...],
    examples: int,
) -> EmergingTopic:
    members = [by_id[i] for g in groups for i in g.contact_ids]
    days = [c.received_on for c in members]
    return EmergingTopic(
        label=", ".join(terms),
        terms=terms,
        issues=len(groups),
        reports=len(members),
        contact_ids=tuple(c.contact_id for c in members),
        duplicates=tuple(g for g in groups if len(g.contact_ids) > 1),
        channels=dict(Counter(c.channel for c in members).most_common()),
        partners=dict(Counter(c.partner or "unknown" for c in members).most_common()),
        first_seen=min(days),
        last_seen=max(days),
        examples=tuple(by_id[g.representative].text for g in groups[:examples]),
    )
