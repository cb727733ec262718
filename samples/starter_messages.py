"""The shape of one starter message: clean, ordinary, a one-liner, a long multi-topic ramble or
a vague chaser; then the mess real records carry. Returns the text and what was done to it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from contracts import ContactType
from samples.compose import Message, compose_message, pick_tone
from samples.crossover import shared_sentence
from samples.phrases import CategoryPhrases
from samples.slots import SlotFiller
from samples.untidy import forward, rant, reply_chain, sign, slapdash, textspeak, vary_wording
from samples.voice import BACKSTORY, Tone

# Shares of each shape; "ordinary" takes the rest.
SHAPES: dict[str, float] = {"clean": 0.14, "one_liner": 0.1, "multi_topic": 0.2, "vague": 0.04}
SECOND_DOMINATES = 0.35  # of multi-topic messages: the unlabelled topic takes most words
SHARED_WORDING = 0.3  # of ordinary and multi-topic messages: a sentence from a shared scene
RAMBLE = 0.2
TEXTSPEAK, SHOUTING, SLAPDASH = 0.12, 0.035, 0.3
FORWARDED, REPLY_CHAIN, SIGNED = 0.05, 0.04, 0.12

# Topic-free rambling, the padding of long messages.
RAMBLES: tuple[str, ...] = (
    "Don't get me started on the state of the town centre either.",
    "My daughter says I should just give up but I won't.",
    "I've paid my council tax in this borough for over forty years.",
    "I'm not being funny but nobody seems to care any more.",
    "I rang last week and the lady said she'd pass it on, but I've heard nothing.",
    "It's been a nightmare of a year to be honest, what with one thing and another.",
    "Anyway, I'm getting off the point.",
    "I know there are cuts and you're all very busy.",
    "I've lived here since 1986 and it was never like this.",
    "My husband has been poorly so I'm dealing with all of this on my own.",
    "I don't want to be a nuisance, I just want it sorted.",
    "I've put it on the community Facebook group and loads of people agree.",
    "Half the time I don't even know who I'm supposed to contact.",
    "The councillor came round at election time and promised all sorts.",
    "I'm at my wits' end with it all.",
    "We were told it would all be different after the last lot of changes.",
)

CONNECTORS: tuple[str, ...] = (
    "Also ", "And another thing, ", "While I'm on, ", "On top of that ", "Separately, ",
    "Oh and ", "PS ", "And while I've got you, ", "Plus ", "",
)  # fmt: skip

# Chasers that name no topic: the category is in the case file, not in the words.
VAGUE: tuple[str, ...] = (
    "Further to my previous email I am still waiting for an update on ref {ref}.",
    "Please can someone call me back about the problem I reported {when}.",
    "Can you tell me what is happening with my case please, ref {ref}.",
    "This is the {times} I have contacted you about this.",
    "I still haven't had a reply. Please respond.",
    "Can I have an update please.",
    "Still not resolved. Ref {ref}.",
    "I reported this {period} ago and nothing has been done, please see my previous emails.",
    "As discussed on the phone {when}, please see attached.",
    "Can someone ring me back please, it's about my complaint.",
    "Thank you for sorting this out so quickly.",
    "Is there any news on this yet?",
)


def starter_message(
    rng: random.Random,
    banks: Mapping[str, CategoryPhrases],
    category: str,
    contact_type: ContactType,
    second: str,
) -> tuple[Message, frozenset[str]]:
    """A message about ``category`` (``second`` is the other topic, if it gets one) and the
    traits it was given: its shape and every kind of mess added."""
    roll, edge = rng.random(), 0.0
    shape = "ordinary"
    for name, share in SHAPES.items():
        edge += share
        if roll < edge:
            shape = name
            break
    fill = SlotFiller(rng, teams=banks[category].of("team")).fill
    traits = {shape}
    if shape == "clean":
        tone = pick_tone(rng, contact_type)
        return compose_message(rng, banks[category], contact_type, tone), frozenset(traits)
    if shape == "one_liner":
        message = _one_liner(rng, banks[category], contact_type, fill)
    elif shape == "vague":
        message = Message(rng.choice(("", "", "Update?", "Chasing")), fill(rng.choice(VAGUE)))
    elif shape == "multi_topic":
        message, dominated = _multi_topic(rng, banks, category, contact_type, second)
        traits |= {"second_dominates"} if dominated else set()
    else:
        tone = pick_tone(rng, contact_type)
        message = compose_message(rng, banks[category], contact_type, tone)
    if shape in ("ordinary", "multi_topic") and rng.random() < SHARED_WORDING:
        shared = shared_sentence(rng, category)
        if shared is not None:
            message = _insert(rng, message, fill(shared))
            traits.add("shared_wording")
    if shape in ("ordinary", "multi_topic") and rng.random() < RAMBLE:
        message = _insert(rng, message, rng.choice((*RAMBLES, *BACKSTORY)))
        traits.add("rambling")
    message, mess = _untidy(rng, message, fill, short=shape == "one_liner")
    return message, frozenset(traits | mess)


def _one_liner(
    rng: random.Random,
    phrases: CategoryPhrases,
    contact_type: ContactType,
    fill: Callable[[str], str],
) -> Message:
    pools = {
        ContactType.complaint: ("short", "short", "subject"),
        ContactType.enquiry: ("question", "subject"),
        ContactType.compliment: ("praise",),
        ContactType.suggestion: ("idea",),
    }[contact_type]
    line = fill(rng.choice(phrases.of(rng.choice(pools))))
    if rng.random() < 0.5:
        line = line.lower().rstrip(".")
    tail = rng.choice(("", "", "", "!!", "??", " pls", " asap", " again"))
    return Message("", line + tail)


def _multi_topic(
    rng: random.Random,
    banks: Mapping[str, CategoryPhrases],
    category: str,
    contact_type: ContactType,
    second: str,
) -> tuple[Message, bool]:
    """The labelled topic and a second one; now and then the second takes over."""
    dominated = rng.random() < SECOND_DOMINATES
    tone = pick_tone(rng, contact_type)
    main = compose_message(rng, banks[category], contact_type, Tone.terse if dominated else tone)
    other_fill = SlotFiller(rng, teams=banks[second].of("team")).fill
    if dominated or rng.random() < 0.5:
        other = _topic_sentences(rng, banks[second], 3 if dominated else 1)
    else:
        other = [rng.choice(banks[second].of("aside"))]
    other_text = " ".join(_capitalise(other_fill(s)) for s in other)
    joined = f"{main.text}\n\n{rng.choice(CONNECTORS)}{_lower_first(other_text)}"
    if not dominated and rng.random() < 0.4:
        back = " ".join(
            _capitalise(fill)
            for fill in map(
                SlotFiller(rng, teams=banks[category].of("team")).fill,
                _topic_sentences(rng, banks[category], 1),
            )
        )
        joined += "\n\n" + rng.choice(("Back to my first point, ", "Anyway, ")) + _lower_first(back)
    subject = rng.choice(banks[second].of("subject")) if dominated and rng.random() < 0.3 else ""
    return Message(other_fill(subject) or main.subject, joined), dominated


def _topic_sentences(rng: random.Random, phrases: CategoryPhrases, details: int) -> list[str]:
    """A problem, what follows from it and some details: the body of a complaint, bare."""
    problem = rng.choice(phrases.of("problem"))
    sentences = [problem, *phrases.more(problem)[: rng.randint(0, 2)]]
    pool = phrases.of("detail")
    sentences += rng.sample(pool, k=min(len(pool), rng.randint(details - 1, details)))
    if rng.random() < 0.4:
        sentences.append(rng.choice(phrases.of("ask")))
    return sentences


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if first in ("I", "I'm", "I've", "I'd") else text[:1].lower() + text[1:]


def _insert(rng: random.Random, message: Message, sentence: str) -> Message:
    """``sentence`` between two sentences of the body, or at its end."""
    parts = message.text.split(". ")
    at = rng.randrange(1, len(parts) + 1)
    if at == len(parts):
        text = f"{message.text} {sentence}"
    else:
        text = ". ".join(parts[:at]) + ". " + sentence + " " + ". ".join(parts[at:])
    return Message(message.subject, text)


def _untidy(
    rng: random.Random, message: Message, fill: Callable[[str], str], *, short: bool
) -> tuple[Message, set[str]]:
    text, subject, mess = vary_wording(message.text, rng), message.subject, set()
    register = rng.random()
    if register < TEXTSPEAK:
        text, subject = textspeak(text, rng), subject.lower()
        mess.add("textspeak")
    elif register < TEXTSPEAK + SHOUTING:
        text, subject = rant(text, rng), subject.upper()
        mess.add("shouting")
    if rng.random() < SLAPDASH:
        text = slapdash(text, rng)
        mess.add("misspelled")
    if short:
        return Message(subject, text), mess
    wrapper = rng.random()
    if wrapper < FORWARDED:
        text, subject = forward(text, subject, rng), f"Fwd: {subject}".strip()
        mess.add("forwarded")
    elif wrapper < FORWARDED + REPLY_CHAIN:
        ref = fill("{ref}")
        text, subject = reply_chain(text, rng, ref), rng.choice((f"Re: {subject}", f"RE: {ref}"))
        mess.add("reply_chain")
    elif wrapper < FORWARDED + REPLY_CHAIN + SIGNED:
        text = sign(text, rng, fill)
        mess.add("signature")
    if rng.random() < 0.15:
        subject = ""
    return Message(subject.strip(), text), mess
