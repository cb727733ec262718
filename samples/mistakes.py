"""Injects the slips real people make: misspellings, typos and dropped punctuation.

Applied to a share of finished messages; never changes what a message is about.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# Misspellings people really make, keyed by the correct form.
MISSPELLINGS: dict[str, tuple[str, ...]] = {
    "received": ("recieved",),
    "receive": ("recieve",),
    "definitely": ("definately", "defiantly", "definatly"),
    "separate": ("seperate",),
    "until": ("untill", "till"),
    "tomorrow": ("tommorow", "tomorow"),
    "a lot": ("alot",),
    "because": ("becuase", "becouse"),
    "neighbours": ("nieghbours", "neighbors", "neighbous"),
    "neighbour": ("nieghbour", "neighbor"),
    "absolutely": ("absolutley", "absolutly"),
    "disgusting": ("discusting", "disgusing"),
    "council": ("counsil", "councel"),
    "their": ("there",),
    "there": ("their",),
    "weird": ("wierd",),
    "necessary": ("neccessary", "necessery"),
    "appointment": ("appointmant", "apointment"),
    "rubbish": ("rubish",),
    "pavement": ("pavment",),
    "immediately": ("immediatly", "imediately"),
    "would have": ("would of",),
    "could have": ("could of",),
    "should have": ("should of",),
    "you're": ("your",),
    "it's": ("its",),
    "business": ("buisness",),
    "which": ("wich",),
    "already": ("allready",),
    "really": ("realy",),
    "disappointed": ("dissapointed", "disapointed"),
    "responsible": ("responsable",),
    "environmental": ("enviromental",),
    "collected": ("collectd", "colected"),
    "collection": ("colection",),
    "emptied": ("emptyed",),
    "people": ("poeple",),
    "dangerous": ("dangerus",),
    "Wednesday": ("Wendesday", "wednesday"),
    "February": ("Febuary",),
    "accommodation": ("accomodation",),
    "occasionally": ("occasionaly",),
    "embarrassing": ("embarassing",),
    "unbelievable": ("unbeleivable",),
    "ridiculous": ("rediculous",),
    "whether": ("weather",),
    "thought": ("thougt",),
    "literally": ("literaly",),
    "address": ("adress",),
}

_WORD = re.compile(r"\b[a-z]{5,}\b")


def _misspell(text: str, rng: random.Random) -> str:
    present = [w for w in MISSPELLINGS if re.search(rf"\b{re.escape(w)}\b", text)]
    for word in rng.sample(present, k=min(len(present), rng.randint(1, 2))):
        wrong = rng.choice(MISSPELLINGS[word])
        text = re.sub(rf"\b{re.escape(word)}\b", wrong, text, count=1)
    return text


def _fat_finger(text: str, rng: random.Random) -> str:
    """Swap, drop or double one letter in a longish word."""
    words = list(_WORD.finditer(text))
    if not words:
        return text
    match = rng.choice(words)
    word = match.group(0)
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif kind == "drop":
        typo = word[:i] + word[i + 1 :]
    else:
        typo = word[:i] + word[i] + word[i:]
    return text[: match.start()] + typo + text[match.end() :]


def _drop_full_stops(text: str, rng: random.Random) -> str:
    return re.sub(r"\.(\s|$)", lambda m: m.group(1) if rng.random() < 0.7 else ". ", text).strip()


def _drop_commas(text: str, rng: random.Random) -> str:
    return text.replace(",", "")


def _drop_apostrophes(text: str, rng: random.Random) -> str:
    return text.replace("'", "")


def _lower_starts(text: str, rng: random.Random) -> str:
    """No capital letters at sentence starts, and a lower-case "i"."""
    text = re.sub(r"(^|[.!?]\s+)([A-Z])", lambda m: m.group(1) + m.group(2).lower(), text)
    return re.sub(r"\bI\b", "i", text)


def _comma_splice(text: str, rng: random.Random) -> str:
    """Run sentences together with commas, the way people type in a hurry."""
    return re.sub(r"\. (?=[A-Z])", lambda m: ", " if rng.random() < 0.6 else ". ", text)


_SLIPS: tuple[Callable[[str, random.Random], str], ...] = (
    _misspell,
    _misspell,
    _fat_finger,
    _fat_finger,
    _drop_full_stops,
    _drop_commas,
    _drop_apostrophes,
    _lower_starts,
    _comma_splice,
)


def add_mistakes(text: str, rng: random.Random) -> str:
    """``text`` with one to three slips of different kinds."""
    for slip in rng.sample(_SLIPS, k=rng.randint(1, 3)):
        text = slip(text, rng)
    return text
