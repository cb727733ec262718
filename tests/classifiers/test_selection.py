"""Cross-validation folds: time-ordered ones test the later half of the history, each block
predicted from everything before it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from classifiers.selection import stratified_folds, time_ordered_folds


def test_time_ordered_folds_predict_the_later_half_from_all_before_it() -> None:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    days = np.random.default_rng(3).permutation(100)  # rows arrive out of date order
    dates = [start + timedelta(days=int(d)) for d in days]
    folds = time_ordered_folds(dates, 3)
    assert len(folds) == 3
    tested = np.concatenate([test for _, test in folds])
    assert sorted(days[tested]) == list(range(50, 100))  # the later half, each row once
    for train, test in folds:
        assert max(days[train]) < min(days[test])  # never trained on its own future
        assert set(days[train]) == set(range(min(days[test])))  # ...but on all of its past
    assert [len(train) for train, _ in folds] == [50, 67, 84]


def test_stratified_folds_spread_every_label() -> None:
    labels = ["a"] * 9 + ["b"] * 3
    folds = stratified_folds(labels, 3)
    for train, test in folds:
        assert {labels[i] for i in test} == {"a", "b"}
        assert len(train) + len(test) == len(labels)
