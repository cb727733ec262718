"""The committed 9-theme feedback survey export: determinism, imbalance, miscoding, and the
quoting and shapes of real free-text comments."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from samples import FEEDBACK_HEADER, FEEDBACK_SEED, FeedbackRow, feedback_csv, generate_feedback
from samples.feedback_phrases import THEME_LOOK_ALIKES, THEMES

REPO = Path(__file__).resolve().parents[2]
EXPORT = REPO / "samples" / "exports" / "feedback_export.csv"


@pytest.fixture(scope="module")
def rows() -> list[FeedbackRow]:
    return generate_feedback(FEEDBACK_SEED)


def test_the_committed_export_is_what_the_seed_generates(rows: list[FeedbackRow]) -> None:
    assert EXPORT.read_bytes().decode("utf-8") == feedback_csv(rows)
    assert EXPORT.stat().st_size < 3_000_000


def test_one_seed_one_export_and_another_seed_another() -> None:
    assert generate_feedback(7, rows=300) == generate_feedback(7, rows=300)
    assert generate_feedback(7, rows=300) != generate_feedback(8, rows=300)


def test_nine_imbalanced_themes(rows: list[FeedbackRow]) -> None:
    counts = Counter(r.theme for r in rows)
    assert set(counts) == set(THEMES) and len(counts) == 9
    assert 15 <= max(counts.values()) / min(counts.values()) <= 40


def test_ten_percent_miscoded_as_look_alike_themes(rows: list[FeedbackRow]) -> None:
    wrong = [r for r in rows if r.theme != r.true_theme]
    assert len(wrong) == round(0.1 * len(rows))
    pairs = {frozenset(p) for p in THEME_LOOK_ALIKES}
    assert all(frozenset((r.theme, r.true_theme)) in pairs for r in wrong)


def test_comments_have_every_shape(rows: list[FeedbackRow]) -> None:
    shapes = Counter(t for r in rows for t in r.traits)
    for shape, least in (("generic", 0.1), ("list", 0.1), ("two_topics", 0.25), ("long", 0.08)):
        assert shapes[shape] >= least * len(rows), shape
    assert max(len(r.comment.split()) for r in rows) >= 60


def test_quoted_speech_survives_a_csv_round_trip(rows: list[FeedbackRow]) -> None:
    text = feedback_csv(rows)
    assert '""' in text
    read = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(read[0]) == FEEDBACK_HEADER
    assert [r["Comment"] for r in read] == [r.comment for r in rows]
    quoted = [r.comment for r in rows if '"' in r.comment and "," in r.comment]
    assert len(quoted) >= 50
