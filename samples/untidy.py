"""Makes a finished message read like a real CRM record: heavy typos, text-speak, shouting,
forwarded emails, reply chains and signatures. Never changes what a message is about.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping

from samples.mistakes import MISSPELLINGS, add_mistakes
from samples.registers import to_textspeak

# Slips not in ``samples.mistakes`` (kept apart so the demo files, which use it, stay as they are).
MORE_MISSPELLINGS: dict[str, tuple[str, ...]] = {
    "bins": ("bin's", "binns"),
    "cars": ("car's",),
    "residents": ("resident's",),
    "kids": ("kid's",),
    "potholes": ("pot holes", "pot-holes", "pothole's"),
    "pothole": ("pot hole", "pot-hole"),
    "grass": ("grss",),
    "complaint": ("complant", "complaint's"),
    "lorry": ("lorrie", "lory"),
    "definitely": ("definately", "deffo"),
    "receive": ("recieve",),
    "received": ("recieved",),
    "believe": ("beleive",),
    "noise": ("noice",),
    "again": ("agen",),
    "anything": ("anythink",),
    "something": ("somethink",),
    "nothing": ("nothink",),
    "tonight": ("tonite",),
    "emptied": ("emptyed",),
    "repaired": ("repiared",),
    "months": ("mnths",),
    "weeks": ("wks",),
    "going": ("goin",),
    "with": ("wiv",),
    "off": ("of",),
    "of": ("off",),
}

_ADJACENT_KEYS = {
    "a": "sq", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj",
    "i": "uo", "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o",
    "r": "et", "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "y": "tu",
}  # fmt: skip
_LONG_WORD = re.compile(r"\b[a-zA-Z]{4,}\b")

# What text-speakers add on top of ``registers.to_textspeak``.
_TEXTSPEAK_EXTRA: tuple[tuple[str, str], ...] = (
    (r"\bcould\b", "cud"), (r"\bwould\b", "wud"), (r"\bgreat\b", "gr8"),
    (r"\bto be honest\b", "tbh"),
    (r"\bas soon as possible\b", "asap"), (r"\bcannot\b", "cant"), (r"\bdon't\b", "dont"),
    (r"\bwhat\b", "wot"), (r"\bsee\b", "c"), (r"\bokay\b", "ok"), (r"\bthanks\b", "thx"),
)  # fmt: skip


# Other words for the same thing: no two residents describe a problem the same way.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "rubbish": ("litter", "trash", "junk", "waste", "crap"),
    "bin": ("wheelie bin", "wheelie", "bin"),
    "bins": ("wheelies", "bins", "wheelie bins"),
    "lorry": ("wagon", "truck", "bin wagon"),
    "crew": ("bin men", "binmen", "operatives", "lads"),
    "pavement": ("footpath", "path", "walkway"),
    "road": ("street", "lane", "road"),
    "house": ("property", "home", "place"),
    "flat": ("apartment", "property"),
    "broken": ("damaged", "smashed", "bust", "knackered"),
    "dangerous": ("hazardous", "unsafe", "a death trap"),
    "reported": ("logged", "rang about", "complained about", "flagged"),
    "report": ("log", "flag up", "raise"),
    "council": ("LA", "local authority", "town hall", "council"),
    "children": ("kids", "little ones", "youngsters"),
    "kids": ("children", "youngsters", "kiddies"),
    "youths": ("teenagers", "lads", "yobs", "young people"),
    "car": ("vehicle", "motor"),
    "cars": ("vehicles", "motors"),
    "repair": ("fix", "job", "repair"),
    "fixed": ("repaired", "sorted", "done"),
    "sorted": ("fixed", "resolved", "dealt with"),
    "weeks": ("wks", "weeks and weeks"),
    "months": ("months on end", "mths"),
    "told": ("informed", "promised", "advised"),
    "awful": ("terrible", "shocking", "appalling", "diabolical"),
    "disgrace": ("scandal", "shambles", "disgrace"),
    "dumped": ("tipped", "left", "chucked", "dumped"),
    "neighbours": ("people next door", "residents", "people opposite"),
    "tenant": ("resident", "occupant"),
    "landlord": ("housing association", "housing"),
    "mould": ("black mould", "fungus", "mildew"),
    "damp": ("wet", "damp patches"),
    "noise": ("racket", "din", "row"),
    "loud": ("deafening", "blaring", "too loud"),
    "street light": ("lamp post", "streetlamp", "lamppost", "light"),
    "pothole": ("hole in the road", "crater", "pot hole"),
    "potholes": ("holes in the road", "craters"),
    "charged": ("billed", "made to pay"),
    "letter": ("notice", "letter", "correspondence"),
    "phone": ("ring", "call"),
    "help": ("assist", "support"),
    "staff": ("people", "workers", "employees"),
}


def vary_wording(
    text: str,
    rng: random.Random,
    rate: float = 0.4,
    synonyms: Mapping[str, tuple[str, ...]] = SYNONYMS,
) -> str:
    """Some words swapped for other words people use for the same thing."""
    for word, others in synonyms.items():

        def swap(match: re.Match[str], others: tuple[str, ...] = others) -> str:
            return rng.choice(others) if rng.random() < rate else match[0]

        text = re.sub(rf"\b{re.escape(word)}\b", swap, text)
    return text


def misspell(text: str, rng: random.Random) -> str:
    """Up to three real-world misspellings (recieve, bin's, definately, could of...)."""
    bank = {**MISSPELLINGS, **MORE_MISSPELLINGS}
    present = [w for w in bank if re.search(rf"\b{re.escape(w)}\b", text)]
    for word in rng.sample(present, k=min(len(present), rng.randint(1, 3))):
        text = re.sub(rf"\b{re.escape(word)}\b", rng.choice(bank[word]), text, count=1)
    return text


def typo_storm(text: str, rng: random.Random, rate: float = 0.08) -> str:
    """Fat fingers on a phone: each longer word has a ``rate`` chance of one typo."""

    def slip(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= rate:
            return word
        i = rng.randrange(1, len(word) - 1)
        kind = rng.random()
        if kind < 0.3:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if kind < 0.6:
            return word[:i] + word[i + 1 :]
        if kind < 0.8:
            near = _ADJACENT_KEYS.get(word[i].lower())
            return word[:i] + rng.choice(near) + word[i + 1 :] if near else word
        return word[:i] + word[i] + word[i:]

    return _LONG_WORD.sub(slip, text)


def slapdash(text: str, rng: random.Random) -> str:
    """Misspellings and typos together: a message typed in a hurry and never re-read."""
    text = misspell(text, rng) if rng.random() < 0.8 else text
    text = typo_storm(text, rng, rate=rng.choice((0.03, 0.06, 0.1)))
    return add_mistakes(text, rng) if rng.random() < 0.5 else text


def textspeak(text: str, rng: random.Random) -> str:
    """Phone shorthand: "pls", "u", "thx", no punctuation, no capitals."""
    result = to_textspeak(text, rng)
    for pattern, short in _TEXTSPEAK_EXTRA:
        if rng.random() < 0.6:
            result = re.sub(pattern, short, result)
    return result


def rant(text: str, rng: random.Random) -> str:
    """An all-capitals rant with the punctuation doubled up."""
    shouted = re.sub(r"[.!](\s|$)", lambda m: rng.choice(("!!! ", "!! ", "!!!! ", ". ")), text)
    shouted = shouted.upper().strip()
    return shouted + rng.choice(("", " SORT IT OUT!!!", " DISGRACEFUL!!", " FED UP!!!"))


_SENDERS = ("Mrs H", "Dave", "J.", "Mr T", "Bev", "Sue", "K", "Mr and Mrs A", "Tony", "Jo")
_TEAMS = (
    "Customer Services", "Contact Centre", "Streetscene", "Environmental Services",
    "Council Enquiries", "Housing Services", "Revenues", "Councillor's office", "Highways",
    "Complaints Team", "Adult Services",
)  # fmt: skip
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SIGNATURES: tuple[str, ...] = (
    "Sent from my iPhone",
    "Sent from my Samsung Galaxy smartphone.",
    "Get Outlook for Android",
    "Sent from Mail for Windows",
    "Sent from Yahoo Mail on Android",
    "--\n{sender}",
    "Regards\n{sender}",
    "Kind regards\n\n{sender}\n{street} Residents' Association",
    "{sender}\n(Chair, Friends of {park})",
    "This email and any files transmitted with it are confidential and intended solely for the "
    "use of the individual or entity to whom they are addressed. If you have received this "
    "email in error please notify the sender and delete it.",
    "Please consider the environment before printing this email.",
    "DISCLAIMER: The views expressed in this email are those of the sender only.",
)

# The council's own auto-reply, quoted under a resident's answer: the same words whatever
# the topic, as in every real reply chain.
AUTO_REPLIES: tuple[str, ...] = (
    "Thank you for contacting the council. Your enquiry has been logged with reference {ref} "
    "and passed to the relevant service. We aim to respond within 10 working days.",
    "Thank you for your email. This mailbox is monitored Monday to Friday, 9am to 5pm. If your "
    "enquiry is urgent please call the contact centre.",
    "Your report has been received and will be dealt with by the appropriate team. Please quote "
    "reference {ref} in any further correspondence.",
    "We are currently experiencing a high volume of enquiries and it may take longer than usual "
    "to respond. Thank you for your patience.",
)


def _stamp(rng: random.Random) -> str:
    return (
        f"{rng.choice(_DAYS)}, {rng.randint(1, 28)} {rng.choice(_MONTHS)} "
        f"{rng.randint(2021, 2024)} at {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}"
    )


def sign(text: str, rng: random.Random, fill: Callable[[str], str]) -> str:
    """``text`` with an email signature or disclaimer below it (``fill`` fills its slots)."""
    signature = rng.choice(SIGNATURES).replace("{sender}", rng.choice(_SENDERS))
    return f"{text}\n\n{fill(signature)}"


def forward(text: str, subject: str, rng: random.Random) -> str:
    """``text`` forwarded on by someone else (a councillor's office, a neighbour, a relative)."""
    note = rng.choice(
        (
            "Please see below from one of my residents.",
            "Forwarding this on as I've had no reply.",
            "FYI - can this be picked up please?",
            "See below, my mum asked me to send this on.",
            "",
            "",
        )
    )
    header = (
        "---------- Forwarded message ---------\n"
        f"From: {rng.choice(_SENDERS)}\nDate: {_stamp(rng)}\n"
        f"Subject: {subject or 'No subject'}\nTo: {rng.choice(_TEAMS)}"
    )
    return "\n\n".join(part for part in (note, header, text) if part)


def reply_chain(text: str, rng: random.Random, ref: str) -> str:
    """``text`` as an answer to the council's auto-reply, which is quoted below it."""
    quoted = "\n".join("> " + line for line in rng.choice(AUTO_REPLIES).format(ref=ref).split(". "))
    return f"{text}\n\nOn {_stamp(rng)}, {rng.choice(_TEAMS)} wrote:\n{quoted}"
