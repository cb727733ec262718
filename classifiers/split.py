"""Hold-out splits: the most recent months when dates are known (train on the past, test on
the future, as the model is used), otherwise stratified by label. Never a row in both."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np


@dataclass(frozen=True)
class Split:
    train: np.ndarray
    test: np.ndarray
    method: Literal["temporal", "stratified"]
    description: str

    def summary(self) -> dict[str, object]:
        return {
            "method": self.method,
            "description": self.description,
            "train_rows": len(self.train),
            "test_rows": len(self.test),
        }


def holdout_split(
    labels: Sequence[str],
    dates: Sequence[datetime] | None = None,
    *,
    fraction: float = 0.2,
    seed: int = 0,
) -> Split:
    """Split row indices into train and test; temporal whenever the dates span 2+ months."""
    if dates is not None:
        split = temporal_split(dates, fraction=fraction)
        if split is not None:
            return split
    train, test = stratified_split(labels, fraction=fraction, seed=seed)
    reason = "" if dates is None else " (all dates fall in one month)"
    return Split(
        train,
        test,
        "stratified",
        f"stratified by label{reason}: {len(test)} of {len(labels)} contacts held out at random",
    )


def temporal_split(dates: Sequence[datetime], *, fraction: float = 0.2) -> Split | None:
    """Test on the latest whole months, as close to ``fraction`` of rows as months allow;
    every test date is strictly later than every training date. None with under 2 months."""
    months = np.array([d.year * 12 + d.month - 1 for d in dates])
    distinct = np.unique(months)
    if len(distinct) < 2:
        return None
    share_from = np.array([(months >= m).mean() for m in distinct[1:]])
    cutoff = int(distinct[1:][np.argmin(np.abs(share_from - fraction))])
    test = np.flatnonzero(months >= cutoff)
    train = np.flatnonzero(months < cutoff)
    first, last = _month(int(months.min())), _month(int(months.max()))
    description = (
        f"temporal: trained on {first} to {_month(cutoff - 1)} ({len(train)} contacts), "
        f"tested on the most recent months {_month(cutoff)} to {last} ({len(test)} contacts)"
    )
    return Split(train, test, "temporal", description)


def stratified_split(
    labels: Sequence[str], *, fraction: float = 0.2, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Per label, ``fraction`` of its rows to test (randomly rounded), at least one kept
    for training: rare labels never vanish from the training side."""
    rng = np.random.default_rng(seed)
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    test: list[int] = []
    for label in sorted(by_label):
        rows = rng.permutation(by_label[label])
        wanted = len(rows) * fraction
        n = int(wanted) + int(rng.random() < wanted - int(wanted))
        test.extend(int(i) for i in rows[: min(n, len(rows) - 1)])
    chosen = np.zeros(len(labels), dtype=bool)
    chosen[test] = True
    return np.flatnonzero(~chosen), np.flatnonzero(chosen)


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def holdout_digest(texts: Sequence[str], labels: Mapping[str, Sequence[str]]) -> str:
    """A fingerprint of a hold-out (its texts and labels, in any order): two models whose
    digests match were evaluated on the same contacts, so their metrics compare."""
    rows = sorted(
        json.dumps([text, *(labels[t][i] for t in sorted(labels))], ensure_ascii=False)
        for i, text in enumerate(texts)
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()
