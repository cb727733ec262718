"""A 9-theme patient-feedback survey export: free-text comments (quoted speech, long comments,
comments about two things, generic praise), imbalanced themes and about 10% miscoded rows.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from samples.feedback_phrases import (
    BAD,
    GENERIC,
    GENERIC_HABIT,
    GOOD,
    JOINERS,
    PADDING,
    SITES,
    SLOTS,
    SNIPPETS,
    THEME_LOOK_ALIKES,
    THEMES,
    WORD_FORMS,
)
from samples.miscoding import pick_miscoded
from samples.untidy import slapdash, textspeak, typo_storm, vary_wording

FEEDBACK_SEED = 20240501
FEEDBACK_ROWS = 7_000
FEEDBACK_HEADER = ("Response ID", "Date", "Site", "Rating", "Comment", "Theme")
FEEDBACK_NOISE = 0.1
FEEDBACK_START = date(2023, 4, 1)

# Shares of comment shapes; "single" takes the rest.
SHAPES: dict[str, float] = {"generic": 0.2, "list": 0.2, "two_topics": 0.35, "long": 0.12}
AMBIGUITY: dict[str, float] = {
    "generic": 1.0, "list": 2.0, "single": 0.5, "two_topics": 2.5, "long": 2.0,
}  # fmt: skip
RATINGS_GOOD = ("Very good", "Very good", "Good")
RATINGS_BAD = ("Poor", "Very poor", "Neither good nor poor", "Poor")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class FeedbackRow:
    """One survey response: the theme as coded, the theme it was written about, and its shape."""

    response_id: str
    submitted: date
    site: str
    rating: str
    comment: str
    theme: str
    true_theme: str
    traits: frozenset[str]


def generate_feedback(seed: int = FEEDBACK_SEED, rows: int = FEEDBACK_ROWS) -> list[FeedbackRow]:
    """Every response, in submission order; exactly ``FEEDBACK_NOISE`` of them miscoded."""
    rng = random.Random(seed)
    themes = list(THEMES)
    made: list[FeedbackRow] = []
    for index in range(rows):
        theme = rng.choices(themes, weights=list(THEMES.values()))[0]
        positive = rng.random() < 0.6
        comment, theme, traits = _comment(rng, theme, positive)
        day = FEEDBACK_START + timedelta(days=int(365 * index / rows))
        rating = rng.choice(RATINGS_GOOD if positive else RATINGS_BAD)
        made.append(
            FeedbackRow(
                f"R{100000 + index}", day, rng.choice(SITES), rating, comment, theme, theme, traits
            )
        )
    weights = [max(AMBIGUITY.get(t, 1.0) for t in row.traits) for row in made]
    wrong = pick_miscoded(rng, weights, FEEDBACK_NOISE)
    return [
        replace(row, theme=_look_alike(rng, row.theme)) if i in wrong else row
        for i, row in enumerate(made)
    ]


def _comment(rng: random.Random, theme: str, positive: bool) -> tuple[str, str, frozenset[str]]:
    roll, edge, shape = rng.random(), 0.0, "single"
    for name, share in SHAPES.items():
        edge += share
        if roll < edge:
            shape = name
            break
    fill = _filler(rng)
    if shape == "generic":
        theme = rng.choices(list(GENERIC_HABIT), weights=list(GENERIC_HABIT.values()))[0]
        text = fill(rng.choice(GENERIC))
    elif shape == "list":
        others = rng.sample([t for t in THEMES if t != theme], k=rng.randint(1, 3))
        snippets = [rng.choice(SNIPPETS[t]) for t in others]
        snippets.insert(
            0 if rng.random() < 0.5 else rng.randint(1, len(snippets)), rng.choice(SNIPPETS[theme])
        )
        text = rng.choice((", ", ". ", " and ", ", ")).join(snippets)
        text = text[:1].upper() + text[1:] + rng.choice((".", "", "!", ". Thank you."))
    else:
        own = GOOD[theme] if positive else BAD[theme]
        parts = rng.sample(own, k=min(len(own), 1 if rng.random() < 0.6 else 2))
        if shape in ("two_topics", "long"):
            other = rng.choice([t for t in THEMES if t != theme])
            # Comments about two things usually weigh one good and one bad.
            pool = BAD[other] if positive or rng.random() < 0.3 else GOOD[other]
            second = rng.choice(pool)
            joined = rng.choice(JOINERS) + second[:1].lower() + second[1:]
            parts = [*parts, joined] if rng.random() < 0.5 else [second, *parts]
        if shape == "long":
            parts = [*rng.sample(PADDING, k=2), *parts, *rng.sample(own, k=min(len(own), 2))]
        elif rng.random() < 0.2:
            parts.insert(0, rng.choice(PADDING))
        text = " ".join(fill(p) for p in parts)
    text = _untidy(rng, text)
    return text, theme, frozenset({shape})


def _untidy(rng: random.Random, text: str) -> str:
    text = vary_wording(vary_wording(text, rng, rate=0.25), rng, rate=0.5, synonyms=WORD_FORMS)
    roll = rng.random()
    if roll < 0.08:
        text = textspeak(text, rng)
    elif roll < 0.4:
        text = slapdash(text, rng)
    elif roll < 0.5:
        text = text.lower().replace(".", "")
    return typo_storm(text, rng, rate=0.03)


def _filler(rng: random.Random) -> Callable[[str], str]:
    def fill(sentence: str) -> str:
        return _SLOT.sub(lambda m: rng.choice(SLOTS[m.group(1)]), sentence)

    return fill


def _look_alike(rng: random.Random, theme: str) -> str:
    options = [b if a == theme else a for a, b in THEME_LOOK_ALIKES if theme in (a, b)]
    return rng.choice(options or [t for t in THEMES if t != theme])


def feedback_csv(rows: list[FeedbackRow]) -> str:
    """The rows as CSV text with the ``FEEDBACK_HEADER`` columns (every field quoted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(FEEDBACK_HEADER)
    for r in rows:
        day = r.submitted.strftime("%d/%m/%Y")
        writer.writerow((r.response_id, day, r.site, r.rating, r.comment, r.theme))
    return buffer.getvalue()


def write_feedback_csv(path: Path, seed: int = FEEDBACK_SEED, rows: int = FEEDBACK_ROWS) -> int:
    """Generate the survey export and write it to ``path``; returns the number of rows."""
    made = generate_feedback(seed, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(feedback_csv(made), encoding="utf-8", newline="")
    return len(made)
