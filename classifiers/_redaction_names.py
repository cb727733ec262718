"""Redaction passes for people's names (after titles, cues such as "my name is", sign-offs) and
street addresses, and the word lists they use. Each finds spans; none replaces text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import (
    RIGHT_EDGE,
    Number,
    Span,
    free_before,
    left_edge,
    matches_at,
)
from contracts import Reporter

__all__ = (
    "COMMON",
    "STREET_AFTER",
    "address_spans",
    "cued_names",
    "signed_names",
    "titled_names",
)

_WORD = r"(?:[A-Z]\.|[A-Za-z][A-Za-z'\u2019-]*)"
_TITLE = r"(?:[Mm][Rr][Ss]?|[Mm][SsXx]|Miss|Dr|Prof)"
_STREETS = """Street St Road Rd Avenue Ave Lane Ln Close Drive Dr Way Court Ct Crescent Cres
    Grove Place Pl Gardens Gdns Terrace Walk View Park Mews Row Square Sq Hill"""
_SUFFIX = "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _STREETS.split())
# Words that are never names, even capitalised ("I am Writing", "Thanks\nThe bins ...").
_FUNCTION_TEXT = """a an the and or but nor so to of in on at by for from with about as into
    than then that this these those there here it its is am are was were be been being have has
    had do does did would should can could not no yes i me my we us our you your he him his she
    her they them their who what when where which why how all any some each also just only very
    too again please"""
_COMMON_TEXT = """writing disappointed unhappy happy angry annoyed upset furious concerned
    worried sorry sure aware afraid unable able trying having getting going looking asking
    calling contacting complaining reporting still now currently fed sick tired extremely
    absolutely totally really disabled elderly pregnant vulnerable retired housebound resident
    tenant owner landlord neighbour parent mum mother dad father carer member customer council
    team dear sir madam hi hello thanks thank regards sincerely faithfully truly cheers yours kind
    best warm many sent iphone email phone tel address postcode name surname first last full
    contact missing wrong spelt spelled correct listed below above attached same british english
    welsh scottish irish ok okay forward once ps re fw subject date cc mr mrs ms mx miss dr prof
    sort code unfortunately mobile urgent"""
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
COMMON = _FUNCTION_WORDS | frozenset(_COMMON_TEXT.split())
# (cue, how many uncapitalised name words may follow it, must "from" follow the name?)
_NAME_CUES = (
    *((cue, 3, False) for cue in ("my name is", "my name's", "my name\u2019s")),
    *((cue, 0, False) for cue in ("i am", "i'm", "i\u2019m")),
    ("this is", 0, True),  # "this is Dave from ...", not "this is Oak Street"
)
_SIGN_OFFS = ("regards", "wishes", "sincerely", "faithfully", "yours truly")
_SIGN_OFFS_WEAK = ("thanks", "thank you", "cheers")  # the name must end its line

_ADDRESS = re.compile(
    left_edge("[0-9]") + r"[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:[0-9]{1,4}[A-Za-z]?,?[ \t]+)?"
    rf"(?:[A-Z][\w'\u2019-]*\.?[ \t]+){{1,3}}(?:{_SUFFIX}){RIGHT_EDGE}"
)
_FLAT_BEFORE = re.compile(r"(?<!\w)(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit)\.?[ \t]+$")
STREET_AFTER = re.compile(rf"[ \t]+(?:{_SUFFIX})(?!\w)")
_TITLED = re.compile(
    r"[MDPm](?<!\w[MDPm])(?<![a-z]\][MDPm])"
    r"(?:(?<=[Mm])(?:[Rr][Ss]?|[SsXx])|(?<=M)iss|(?<=D)r|(?<=P)rof)(?!\w)"
    rf"\.?(?:[ \t]+(?:and|&)[ \t]+{_TITLE}\.?)?"
)
_NAME_WORDS = re.compile(rf"(?:[ \t]+{_WORD}){{1,4}}")
_NAME_FIELD = re.compile(rf"[ \t]*:((?:[ \t]+{_WORD}){{1,3}})")  # "Name: Jane Doe"
_SIGNED = re.compile(
    rf"(?!\w)(?P<gap>[ \t]*[,.!:-]?(?:[ \t]*\r?\n){{0,2}})([ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
_END_OF_LINE = re.compile(r"[ \t]*[.!]?[ \t]*(?:\r?\n|$)")
_THEN_FROM = re.compile(r"[ \t]+[Ff][Rr][Oo][Mm]\b")


def address_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    years = ("19", "20")  # "since 2019 Station Road has flooded"
    starts = (
        s for s, e, _ in numbers if e - s < 4 or (e - s == 4 and text[s : s + 2] not in years)
    )
    for match in matches_at(_ADDRESS, text, starts):
        flat = _FLAT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        yield (flat.start() if flat else match.start()), match.end()


def _cue_ends(text: str, lowered: str, cue: str) -> list[int]:
    """Where ``cue`` (in lower case) ends, wherever it starts a word of ``text``."""
    ends: list[int] = []
    index = lowered.find(cue)
    while index != -1:
        if free_before(text, index):
            ends.append(index + len(cue))
        index = lowered.find(cue, index + 1)
    return ends


def _named(start: int, words: str, lowercase: int, stop_words: frozenset[str]) -> Span | None:
    """The name starting ``words`` (at ``start``): up to ``lowercase`` uncapitalised words."""
    length = position = 0
    capitalised = False
    for word in words.split():
        position = words.index(word, position) + len(word)
        bare = word.rstrip(".")
        if len(bare) == 1 and bare.isupper():
            continue
        if bare.lower() in stop_words or (word[0].islower() and bare.lower() in COMMON):
            break
        if word[0].islower():
            if lowercase == 0 or capitalised:  # "Mr Brown next door": a name ends
                break
            lowercase -= 1
        capitalised = capitalised or word[0].isupper()
        length = position
    return (start + len(words) - len(words.lstrip(" \t")), start + length) if length else None


def titled_names(text: str, lowered: str) -> Iterator[Span]:
    for match in _TITLED.finditer(text):
        words = _NAME_WORDS.match(text, match.end())
        if words and (name := _named(match.end(), words.group(), 1, _FUNCTION_WORDS)):
            yield match.start(), name[1]


def cued_names(text: str, lowered: str) -> Iterator[Span]:
    for cue, lowercase, from_follows in _NAME_CUES:
        for end in _cue_ends(text, lowered, cue) if cue in lowered else ():
            words = _NAME_WORDS.match(text, end)
            if not words or (lowercase == 0 and words.group().isupper()):
                continue  # "I'M MOVING OUT": shouting, not a name
            name = _named(end, words.group(), lowercase, COMMON)
            if name and (not from_follows or _THEN_FROM.match(text, name[1])):
                yield name
    fields = ("name", "surname", "forename") if ":" in text else ()
    for end in (end for field in fields for end in _cue_ends(text, lowered, field)):
        if found := _NAME_FIELD.match(text, end):  # "Name: Jane Doe", "Surname: Doe"
            yield from filter(None, [_named(found.start(1), found.group(1), 3, COMMON)])


def signed_names(text: str, lowered: str) -> Iterator[Span]:
    for cue in _SIGN_OFFS + _SIGN_OFFS_WEAK:
        for end in _cue_ends(text, lowered, cue) if cue in lowered else ():
            if not (signed := _SIGNED.match(text, end)):
                continue
            name, gap = _named(signed.start(2), signed.group(2), 0, COMMON), signed.group("gap")
            strong = "\n" in gap or ("," in gap and cue not in _SIGN_OFFS_WEAK)
            if name and (strong or _END_OF_LINE.match(text, name[1])):
                yield name
