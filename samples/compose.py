"""Composes one resident's message (subject and text) from a category's phrases and a tone.

Owns the shape of complaints, enquiries, compliments and suggestions; it does not decide how
many of each to make (``samples.starter``) or who sent them (``samples.webforms``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from contracts import ContactType
from samples.mistakes import add_mistakes
from samples.phrases import CategoryPhrases
from samples.registers import add_anger, to_textspeak
from samples.slots import SlotFiller
from samples.voice import (
    ASIDE_CONNECTORS,
    ASKS,
    BACKSTORY,
    CLOSERS,
    COMPLAINT_EXTRAS,
    COMPLIMENT_CLOSERS,
    COMPLIMENT_EXTRAS,
    ENQUIRY_EXTRAS,
    GREETINGS,
    OPENERS,
    SUBJECT_PREFIXES,
    SUGGESTION_EXTRAS,
    TERSE_TAILS,
    TONE_WEIGHTS,
    TYPE_SUBJECTS,
    Tone,
)

MISTAKE_RATE = 0.2


@dataclass(frozen=True)
class Message:
    """A composed message: what a resident typed into the subject and body."""

    subject: str
    text: str


def pick_tone(rng: random.Random, contact_type: ContactType) -> Tone:
    """A tone for ``contact_type``, drawn from ``voice.TONE_WEIGHTS``."""
    weights = TONE_WEIGHTS[contact_type]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def compose_message(
    rng: random.Random,
    phrases: CategoryPhrases,
    contact_type: ContactType,
    tone: Tone,
    *,
    aside: str | None = None,
    postscript: str | None = None,
    named_street_rate: float = 0.3,
) -> Message:
    """A message about ``phrases.category``; ``aside`` mentions another topic in passing and
    ``postscript`` is added as-is at the end of the body, above any sign-off."""
    fill = SlotFiller(rng, teams=phrases.of("team"), named_street_rate=named_street_rate).fill
    if contact_type is ContactType.complaint:
        body = _complaint(rng, phrases, tone, aside=aside)
    else:
        body = _BODIES[contact_type](rng, phrases, tone)
    sentences = [_capitalise(fill(s)) for s in body]
    if postscript is not None:
        sentences.append(postscript)
    text = _layout(rng, sentences, tone, contact_type)
    if tone is Tone.textspeak:
        text = to_textspeak(text, rng, upbeat=contact_type is ContactType.compliment)
    elif tone is Tone.angry:
        text = add_anger(text, rng)
    if rng.random() < MISTAKE_RATE:
        text = add_mistakes(text, rng)
    subject = _subject(rng, phrases, contact_type, tone, fill, about=text)
    return Message(subject=subject, text=text)


def _complaint(
    rng: random.Random, phrases: CategoryPhrases, tone: Tone, *, aside: str | None = None
) -> list[str]:
    problem = rng.choice(phrases.of("problem"))
    if tone is Tone.terse:
        if rng.random() < 0.5:
            joiner = rng.choice((" - ", ", ", ". ", " "))
            return [rng.choice(phrases.of("short")) + joiner + rng.choice(TERSE_TAILS)]
        return [problem, *_maybe(rng, 0.4, COMPLAINT_EXTRAS[Tone.terse])]
    follow_ups = phrases.more(problem)
    wanted = rng.randint(*_DETAILS[tone])
    taken = min(len(follow_ups), wanted)
    body = _maybe(rng, 0.55, OPENERS[ContactType.complaint][tone])
    if tone in (Tone.polite, Tone.formal, Tone.angry):
        body += _maybe(rng, 0.18, BACKSTORY)
    body += [problem, *follow_ups[:taken]]
    body += _some(rng, phrases.of("detail"), wanted - taken, wanted - taken + 1)
    body += _maybe(rng, 0.5 if tone is Tone.angry else 0.25, COMPLAINT_EXTRAS[tone])
    if aside is not None:
        body.append(_lead_in(rng, aside))
    if rng.random() < 0.75:
        fixes = phrases.fixes_for(problem)
        roll = rng.random()
        if fixes and roll < 0.6:
            body.append(rng.choice(fixes))
        else:
            body.append(rng.choice(phrases.of("ask") if roll < 0.8 else ASKS[tone]))
    return body


# How many supporting sentences a complaint carries, by tone.
_DETAILS: dict[Tone, tuple[int, int]] = {
    Tone.textspeak: (0, 2),
    Tone.plain: (1, 2),
    Tone.polite: (1, 3),
    Tone.angry: (1, 4),
    Tone.formal: (2, 4),
}


def _enquiry(rng: random.Random, phrases: CategoryPhrases, tone: Tone) -> list[str]:
    questions = phrases.of("question")
    if tone is Tone.terse:
        return [rng.choice(questions)]
    body = _maybe(rng, 0.45, OPENERS[ContactType.enquiry][tone])
    body += _some(rng, phrases.of("context"), 0 if rng.random() < 0.3 else 1, 1)
    body += _some(rng, questions, 1, 2 if rng.random() < 0.3 else 1)
    body += _maybe(rng, 0.45, ENQUIRY_EXTRAS)
    return body


def _compliment(rng: random.Random, phrases: CategoryPhrases, tone: Tone) -> list[str]:
    praise = phrases.of("praise")
    if tone is Tone.terse:
        return [rng.choice(praise)]
    body = _maybe(rng, 0.6, OPENERS[ContactType.compliment][tone])
    body.append(rng.choice(praise))
    body += _some(rng, COMPLIMENT_EXTRAS, 1, 2)
    return body


def _suggestion(rng: random.Random, phrases: CategoryPhrases, tone: Tone) -> list[str]:
    ideas = phrases.of("idea")
    if tone is Tone.terse:
        return [rng.choice(ideas)]
    body = _maybe(rng, 0.4, OPENERS[ContactType.suggestion][tone])
    roll = rng.random()
    if roll < 0.3:
        body.append(rng.choice(phrases.of("context")))
    elif roll < 0.45:
        body.append(rng.choice(phrases.of("problem")))
    body += _some(rng, ideas, 1, 2 if rng.random() < 0.25 else 1)
    body += _some(rng, SUGGESTION_EXTRAS, 0, 2)
    return body


_BODIES = {
    ContactType.enquiry: _enquiry,
    ContactType.compliment: _compliment,
    ContactType.suggestion: _suggestion,
}


def _lead_in(rng: random.Random, aside: str) -> str:
    """An aside, sometimes introduced ("Also, the street light...") unless it joins on itself."""
    if aside.startswith(_SELF_JOINING) or " also " in aside or rng.random() < 0.4:
        return aside
    first = aside.split(" ", 1)[0]
    lowered = aside if first in ("I", "I'm", "I've") else aside[:1].lower() + aside[1:]
    return rng.choice(ASIDE_CONNECTORS) + lowered


_SELF_JOINING = ("And ", "Plus ", "On top", "Not to mention", "While ", "It doesn't help")


def _maybe(rng: random.Random, chance: float, choices: Sequence[str]) -> list[str]:
    return [rng.choice(choices)] if choices and rng.random() < chance else []


def _some(rng: random.Random, choices: Sequence[str], low: int, high: int) -> list[str]:
    return rng.sample(list(choices), k=min(len(choices), rng.randint(low, high)))


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _decapitalise(words: str) -> str:
    """Lower-case a subject's first letter, unless it starts "PCN" or a proper name."""
    first = words.split(" ", 1)[0]
    return words if first.isupper() or first in _PROPER else words[:1].lower() + words[1:]


# First words that may lose their capital after an inline greeting ("Hi, the bins...").
_COMMON_STARTS = frozenset(
    {
        "the", "our", "my", "there", "there's", "we", "we've", "we're", "someone", "somebody",
        "a", "can", "could", "how", "is", "do", "when", "what", "who", "just", "sorry", "thank",
        "thanks", "nobody", "cars", "it", "it's", "this", "your", "you", "why", "will", "are",
        "please", "once", "not", "since", "half", "kids", "people", "one",
    }
)  # fmt: skip

_PROPER = frozenset({"Council", "Halton", "Runcorn", "Widnes", "Victoria", "Town"})


def _layout(rng: random.Random, sentences: list[str], tone: Tone, contact_type: ContactType) -> str:
    """Greeting, body and sign-off, on separate lines when the writer is a letter-writer."""
    greeting = _maybe(rng, {Tone.formal: 0.9, Tone.polite: 0.55}.get(tone, 0.2), GREETINGS[tone])
    closers = CLOSERS[tone]
    if contact_type is ContactType.compliment and tone in (Tone.polite, Tone.plain):
        closers = COMPLIMENT_CLOSERS
    closer = _maybe(rng, {Tone.formal: 0.85, Tone.polite: 0.6}.get(tone, 0.3), closers)
    body = " ".join(sentences)
    if tone is Tone.formal or (tone is Tone.polite and rng.random() < 0.35):
        return "\n\n".join([*greeting, body, *closer])
    if greeting and rng.random() < 0.5:
        return "\n".join([*greeting, " ".join([body, *closer])])
    if greeting and body.split(" ", 1)[0].lower() in _COMMON_STARTS:
        body = body[:1].lower() + body[1:]
    return " ".join([*greeting, body, *closer])


def _subject(
    rng: random.Random,
    phrases: CategoryPhrases,
    contact_type: ContactType,
    tone: Tone,
    fill: Callable[[str], str],
    *,
    about: str,
) -> str:
    empty_chance = {Tone.terse: 0.35, Tone.textspeak: 0.4}.get(tone, 0.15)
    if rng.random() < empty_chance:
        return ""
    topic = fill(_matching_subject(rng, phrases.of("subject"), about))
    roll = rng.random()
    own_topic = {ContactType.complaint: 0.7, ContactType.enquiry: 0.55}.get(contact_type, 0.15)
    if roll < own_topic:
        subject = topic
    elif roll < own_topic + 0.15:
        subject = rng.choice(SUBJECT_PREFIXES[contact_type]) + _decapitalise(topic)
    else:
        subject = rng.choice(TYPE_SUBJECTS[contact_type])
    if tone is Tone.textspeak:
        return subject.lower()
    if tone is Tone.angry and rng.random() < 0.3:
        return subject.upper()
    return subject


_WORD = re.compile(r"[a-z]{3,}")
_STOPWORDS = frozenset({"the", "and", "not", "for", "our", "has", "have", "was", "been", "with"})


def _matching_subject(rng: random.Random, subjects: Sequence[str], text: str) -> str:
    """Usually the subject sharing most words with the message; sometimes any of them."""
    words = set(_WORD.findall(text.lower())) - _STOPWORDS
    scores = [len(set(_WORD.findall(s.lower())) & words) for s in subjects]
    best = [s for s, score in zip(subjects, scores, strict=True) if score == max(scores)]
    return rng.choice(best if max(scores) > 0 and rng.random() < 0.75 else subjects)
