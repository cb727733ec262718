"""Hold-out splits: the most recent months when dates are known, else stratified by label."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from classifiers.split import holdout_split, stratified_split, temporal_split

START = datetime(2023, 1, 1, tzinfo=UTC)


@given(st.lists(st.integers(min_value=0, max_value=900), min_size=2, max_size=300))
def test_the_temporal_test_set_is_strictly_later_than_training(days: list[int]) -> None:
    dates = [START + timedelta(days=d, hours=d % 24) for d in days]
    split = temporal_split(dates, fraction=0.2)
    months = {(d.year, d.month) for d in dates}
    if len(months) < 2:
        assert split is None
        return
    assert split is not None
    assert len(split.train) and len(split.test)
    assert sorted([*split.train, *split.test]) == list(range(len(dates)))
    assert max(dates[i] for i in split.train) < min(dates[i] for i in split.test)
    # Whole months: the test set starts on the first day of a month.
    first = min(dates[i] for i in split.test)
    assert all(
        (d.year, d.month) >= (first.year, first.month) for d in (dates[i] for i in split.test)
    )


def test_the_most_recent_months_come_closest_to_the_fraction() -> None:
    dates = [datetime(2024, m, 10, tzinfo=UTC) for m in range(1, 11) for _ in range(10)]
    split = holdout_split(["a", "b"] * 50, dates, fraction=0.2)
    assert split.method == "temporal"
    assert {dates[i].month for i in split.test} == {9, 10}
    assert "2024-09 to 2024-10" in split.description


def test_one_month_of_dates_falls_back_to_a_stratified_split() -> None:
    dates = [datetime(2024, 5, d, tzinfo=UTC) for d in range(1, 29)]
    split = holdout_split(["a", "b"] * 14, dates)
    assert split.method == "stratified"
    assert "one month" in split.description


@given(
    st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=200),
    st.floats(min_value=0.05, max_value=0.5),
)
def test_stratified_split_keeps_every_label_in_training(labels: list[str], fraction: float) -> None:
    train, test = stratified_split(labels, fraction=fraction, seed=3)
    assert sorted([*train, *test]) == list(range(len(labels)))
    assert {labels[i] for i in train} == set(labels)


def test_stratified_split_holds_out_each_label_in_proportion() -> None:
    labels = ["big"] * 500 + ["small"] * 50
    _, test = stratified_split(labels, fraction=0.2)
    held = Counter(labels[i] for i in test)
    assert 90 <= held["big"] <= 110
    assert 8 <= held["small"] <= 12
