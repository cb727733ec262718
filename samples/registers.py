"""Rewrites a finished message into a register: text-speak, or angry emphasis.

Works on whole messages after composition; it never chooses what is said, only how.
"""

from __future__ import annotations

import random
import re

# Word swaps for text-speak, each applied with its own probability.
_TEXTSPEAK: tuple[tuple[str, str, float], ...] = (
    (r"\byou\b", "u", 0.85),
    (r"\byour\b", "ur", 0.8),
    (r"\byou're\b", "ur", 0.8),
    (r"\bplease\b", "pls", 0.8),
    (r"\bthanks\b", "thx", 0.5),
    (r"\bthank you\b", "ty", 0.3),
    (r"\bbecause\b", "cos", 0.8),
    (r"\bare\b", "r", 0.5),
    (r"\bfor\b", "4", 0.15),
    (r"\bto\b", "2", 0.1),
    (r"\btonight\b", "2nite", 0.7),
    (r"\btomorrow\b", "2moro", 0.7),
    (r"\bpeople\b", "ppl", 0.6),
    (r"\bgoing to\b", "gonna", 0.7),
    (r"\bwant to\b", "wanna", 0.7),
    (r"\bsomeone\b", "some1", 0.4),
    (r"\banyone\b", "any1", 0.4),
    (r"\bbefore\b", "b4", 0.4),
    (r"\bthough\b", "tho", 0.6),
    (r"\bwith\b", "wiv", 0.08),
    (r"\band\b", "n", 0.08),
    (r"\bthe\b", "da", 0.03),
    (r"\bI am\b", "im", 0.5),
    (r"\bdon't know\b", "dunno", 0.5),
    (r"\bmessage\b", "msg", 0.6),
    (r"\bweek\b", "wk", 0.3),
    (r"\btoday\b", "2day", 0.5),
)

_SHOUTABLE = (
    "again", "still", "never", "nothing", "nobody", "not", "every", "months", "weeks",
    "disgusting", "joke", "ridiculous", "dangerous", "three", "four",
)  # fmt: skip


def to_textspeak(text: str, rng: random.Random, *, upbeat: bool = False) -> str:
    """Lower-case, abbreviated, barely punctuated: the way people type on a phone."""
    result = text.replace("\n", " ").lower()
    for pattern, replacement, chance in _TEXTSPEAK:
        if rng.random() < chance:
            result = re.sub(pattern, replacement, result)
    result = result.replace("'", "")
    result = re.sub(r"[.,;:](\s|$)", lambda m: rng.choice((" ", " ", ", ", "... ")), result)
    result = re.sub(r"\s+", " ", result).strip()
    if rng.random() < 0.3:
        result += rng.choice(
            (" !!", " x", " :)", " x x") if upbeat else (" !!", "??", " x", " !!!", " :(")
        )
    return result


def add_anger(text: str, rng: random.Random) -> str:
    """Capitals on a word or two and extra exclamation marks; now and then, all capitals."""
    if rng.random() < 0.06:
        return text.upper()
    words = [w for w in _SHOUTABLE if re.search(rf"\b{w}\b", text)]
    for word in rng.sample(words, k=min(len(words), rng.randint(0, 2))):
        text = re.sub(rf"\b{word}\b", word.upper(), text, count=1)
    marks = rng.choice(("!", "!!", "!!!", "!"))
    sentences = re.split(r"(?<=\.) ", text)
    for index in rng.sample(range(len(sentences)), k=min(len(sentences), rng.randint(0, 2))):
        if sentences[index].endswith("."):
            sentences[index] = sentences[index][:-1] + marks
    return " ".join(sentences)
