"""Demo satisfaction ratings: how residents scored the handling of some demo web forms.

Owns scores, comments and timing; which contacts exist comes from ``samples.webforms``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from contracts import ContactType
from samples.timeline import LONDON, iso_local, pick_moment
from samples.webforms import DEMO_END, Webform

RATING_COUNT = 60
_LAST_MOMENT = datetime.combine(DEMO_END, time(21, 0), tzinfo=LONDON)

# Score weights (1..5) by the kind of contact being rated.
SCORE_WEIGHTS: dict[ContactType | None, tuple[float, ...]] = {
    ContactType.complaint: (0.25, 0.2, 0.2, 0.2, 0.15),
    ContactType.enquiry: (0.08, 0.12, 0.2, 0.3, 0.3),
    ContactType.compliment: (0.0, 0.02, 0.08, 0.3, 0.6),
    ContactType.suggestion: (0.1, 0.15, 0.35, 0.25, 0.15),
    None: (0.2, 0.2, 0.2, 0.2, 0.2),
}

COMMENTS: dict[int, tuple[str, ...]] = {
    1: (
        "Nobody got back to me and the problem is still there.",
        "Complete waste of time. Case closed without anything being done.",
        "Reported it three times, still not fixed.",
        "Told it was sorted when it wasn't.",
        "rude on the phone and no follow up",
        "Still waiting. Don't bother asking me to rate you.",
    ),
    2: (
        "Took far too long and I had to chase it twice.",
        "Got a reply but it didn't answer my question.",
        "Partly sorted but they left half of it.",
        "slow, had to ring again",
    ),
    3: (
        "Sorted in the end but it took weeks.",
        "OK, but communication could be better.",
        "Fixed but they left a mess.",
        "Fine I suppose.",
    ),
    4: (
        "Good service, just a bit slow.",
        "Polite staff and the job got done.",
        "Happy with the outcome, thanks.",
        "Quick reply, sorted within the week.",
    ),
    5: (
        "Brilliant, sorted the next day.",
        "Excellent, thank you.",
        "Really helpful officer, kept me informed all the way.",
        "Couldn't fault it.",
        "amazing thank you so much",
    ),
}


@dataclass(frozen=True)
class Rating:
    """One satisfaction rating, linked to a web form by its ``source_ref``."""

    contact_source_ref: str
    score: int
    comment: str | None
    rated_at: datetime
    follow_up_requested: bool

    def as_json(self) -> dict[str, object]:
        """The JSON object for ``ratings.json``."""
        return {
            "contact_source_ref": self.contact_source_ref,
            "score": self.score,
            "comment": self.comment,
            "rated_at": iso_local(self.rated_at),
            "follow_up_requested": self.follow_up_requested,
        }


def generate_ratings(forms: list[Webform], seed: int) -> list[Rating]:
    """``RATING_COUNT`` ratings for distinct forms old enough to have been answered."""
    rng = random.Random(seed)
    unique = list({form.source_ref: form for form in forms}.values())
    eligible = [f for f in unique if f.received_at + timedelta(days=3) <= _LAST_MOMENT]
    ratings = [_rate(rng, form) for form in rng.sample(eligible, RATING_COUNT)]
    return sorted(ratings, key=lambda r: r.rated_at)


def _rate(rng: random.Random, form: Webform) -> Rating:
    score = rng.choices(range(1, 6), weights=SCORE_WEIGHTS[form.contact_type])[0]
    comment = rng.choice(COMMENTS[score]) if rng.random() < 0.75 else None
    day = (form.received_at + timedelta(days=rng.randint(2, 21))).date()
    rated_at = min(pick_moment(rng, day), _LAST_MOMENT)
    follow_up = rng.random() < (0.6 if score <= 2 else 0.08)
    return Rating(form.source_ref, score, comment, rated_at, follow_up)
