"""The redaction pass for given names that are also words ("Grace", "Hope", "Will", "Amber")
where the words around them say a person stands there: after a title ("Nurse Grace", "Cllr
Rose Hart", the title redacted with the name), after a verb of speaking to someone ("spoke to
Faith", "ring Amber") or a job ("the manager, Gaynor"), before "from the council", "on
[phone]", a family word ("Rose (my wife)", "Summer, my daughter") or a verb only people do
("Hope loved", "Jade rang").

Only capitalised words: "The rose bed", "Summer holiday club", "Will someone please" and
"Mark this urgent" have none of these cues and are kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from classifiers._redaction_gazetteer import english, fold, gazetteer
from classifiers._redaction_spans import Span, words_of
from classifiers._redaction_words import JOB_WORDS, KIN, NEVER_NAMES, PLACE_WORDS

__all__ = ("role_names",)

_NAME_REST = r"[^\W\d_]*(?:['\u2019-][A-Z]?[^\W\d_]+)*"  # a capitalised word after its capital
_NAME = rf"[A-Z]{_NAME_REST}"
_TITLES_TEXT = """Nurse Professor Prof Sister Cllr Councillor Sgt Sergeant PC Dr Rev Revd Reverend
    DC DS DI DCI PCSO Insp Inspector Supt Constable"""  # police ranks: "DC Smith rang"
_TITLES_AFTER = "|".join(  # each title without its first letter, after it: (?<=N)urse
    sorted((f"(?<={t[0]}){t[1:]}" for t in _TITLES_TEXT.split()), key=len, reverse=True)
)
# A title, then one to three capitalised words or a name another pass found
_FIRSTS = "".join(sorted({t[0] for t in _TITLES_TEXT.split()}))
_TITLED = re.compile(  # the title's first letter first, so that re skips ahead to it
    rf"[{_FIRSTS}](?<!\w[{_FIRSTS}])(?<!['\u2019][{_FIRSTS}])(?:{_TITLES_AFTER})\.?[ \t]+"
    r"(?:[0-9]{2,5}[ \t]+)?"  # a police officer's collar number: "PC 2314 McAllister"
    rf"(?:\[name\]|(?P<words>{_NAME}(?:[ \t]+{_NAME}){{0,2}}))"
)
_TITLE_WORDS = frozenset(title.lower() for title in _TITLES_TEXT.split())
# Titles that are no other word, so also in lower case: "cllr Smith said", "sgt okafor rang"
# ("pc", "dr", "rev", "sister" and "nurse" are words too, and stay capitalised only)
_PLAIN_TITLES_TEXT = """cllr councillor sgt sergeant pcso insp inspector supt constable revd
    reverend professor"""
_ANY_CASE_TITLED = re.compile(
    rf"(?<![\w'\u2019])(?i:{'|'.join(_PLAIN_TITLES_TEXT.split())})\.?[ \t]+"
    rf"(?P<word>[^\W\d_][\w'\u2019-]*)"
)
# "dr" and "pc" are also words ("12 oak dr", "pc world"): in lower case a name follows them
# only as surnames or words that are no English word ("dr patel", "pc rhodri hughes")
_LOWER_TITLED = re.compile(
    r"(?<![\w'\u2019])(?:dr|pc)\.?(?:[ \t]+\[name\]"
    r"|(?P<words>(?:[ \t]+[^\W\d_A-Z][\w'\u2019-]*){1,3}))"
)
_VOWELS = frozenset("aeiouy")
_OWNED = ("my ", "our ", "her ", "his ")  # "my Sister Grace": the family word, not a title
# Given names that are words, missing from Faker's lists ("call Will back")
_MORE_GIVEN_TEXT = "will pat rob kit sky lyric harmony precious trinity sage wren"
_MORE_GIVEN = frozenset(_MORE_GIVEN_TEXT.split())
_GIVEN = re.compile(rf"[A-Z](?<!\w[A-Z])(?<!['\u2019\]-][A-Z]){_NAME_REST}")
_SURNAMES = re.compile(rf"(?:[ \t]+{_NAME}){{1,2}}")
_KIN_TEXT = "|".join(sorted(KIN, key=len, reverse=True))
_CUES_TEXT = """spoke to|speak to|speaking to|talked to|talk to|talking to|ask for|asked for|ask|
    ring|call|email|emailed|phoned"""
_THANKS = ("thank", "thanks to", "thanks", "thank you to", "thx", "ty")  # "ok thx Faith"
# A job before a given name: "the manager, Gaynor", "IDVA Becca attending", "reception, Bernie"
# (not "resident", "owner": "the resident Grace Street")
_JOB_CUES = (JOB_WORDS - {"resident", "tenant", "owner", "lead", "chair"}) | {
    "reception",
    "contact",
}
_CUES = (
    *(cue.strip() for cue in _CUES_TEXT.split("|")),
    *_THANKS,
    *(f"{owner} {kin}" for owner in ("my", "our", "her", "his") for kin in KIN),  # "my son,"
    *_JOB_CUES,
)
# "Thank you to Joy on reception": staff thanked by first name at work are kept
_AT_WORK = re.compile(r"[ \t]+(?:in|at|on|from)[ \t]+(?!\[phone\])")
_WHEN = (
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Now|Today"
    r"|Tomorrow|Next|Last|Then|Here|There)"
)
_CUE_AFTER = re.compile(
    r"[ \t]+from[ \t]+(?:the[ \t]+[^\W\d_]|(?!" + _WHEN + r")[A-Z])"  # "Jade from the council",
    # "Grace from Age UK", not "Hope from Monday"
    r"|[ \t]+on[ \t]+\[phone\]"  # "Faith on [phone]"
    r"|[ \t]*\([ \t]*(?i:my|our|her|his)[ \t]"  # "Rose (my wife)"
    rf"|[ \t]*,?[ \t]+(?i:my|our|her|his)[ \t]+(?i:{_KIN_TEXT})\b"  # "Summer, my daughter"
    r"|[ \t]+(?:loved|said|says|came|comes|rang|rings|told|tells|helped|helps|asked|asks|"
    r"phoned|emailed|visited|explained|promised|replied|wrote|mentioned|agreed|arranged)\b"
)


def role_names(text: str, lowered: str) -> Iterator[Span]:
    """Spans of titled names and of known given names that a cue marks as a person."""
    titled = not _TITLE_WORDS.isdisjoint(words_of(lowered))  # a title is a whole word
    for found in _TITLED.finditer(text) if titled else ():
        if lowered.endswith(_OWNED, 0, found.start()):
            continue
        words = found.group("words")
        if words is None:
            yield found.span()
        elif not _named_person(words.split()[0]):
            continue  # "PC World", "Nurse Practitioner"
        elif (end := _name_end(text, found.start("words"), found.end("words"))) is not None:
            yield found.start(), end
    if titled:
        yield from _any_case_titled(text, lowered)
        yield from _lower_titled(text)
    given = set(filter(_known_given_word, _GIVEN.findall(text)))
    if not given:
        return  # no capitalised word is a given name
    for word in _given_words(text, given):
        start, end = word.span()
        if word.group().isupper():
            continue
        cue = _cue_before(lowered, start)
        if not cue and not _CUE_AFTER.match(text, end):
            continue
        if surname := _SURNAMES.match(text, end):  # "Will Parry", not "Hope Street"
            if (last := _name_end(text, end, surname.end())) is None:
                continue
            end = max(end, last)
        thanked = cue in _THANKS or (cue in _JOB_CUES and "thank" in lowered)
        if thanked and _AT_WORK.match(text, end):
            continue  # "Thank you to Joy on reception": staff thanked at work are kept
        if fold(word.group()) not in NEVER_NAMES:
            yield start, end


def _given_words(text: str, given: set[str]) -> list[re.Match[str]]:
    """``_GIVEN.finditer(text)``'s matches that are words of ``given``, found by ``str.find``
    rather than by passing every capitalised word in Python. A match starts after no word
    character, apostrophe or hyphen, and holds only those: none starts inside another, so the
    matches are exactly the places where ``_GIVEN.match`` succeeds."""
    found: list[re.Match[str]] = []
    for name in given:
        at = text.find(name)
        while at != -1:
            if (word := _GIVEN.match(text, at)) and word.group() == name:
                found.append(word)
            at = text.find(name, at + 1)
    return sorted(found, key=lambda word: word.start())


def _cue_before(lowered: str, start: int) -> str:
    """The cue that ends just before ``start`` ("spoke to", "my daughter,"), or ""."""
    before = lowered[max(0, start - 24) : start].rstrip(" \t").rstrip(",").rstrip(" \t")
    if not before.endswith(_CUES):
        return ""
    cue = max((c for c in _CUES if before.endswith(c)), key=len)
    edge = before[-len(cue) - 1 : -len(cue)]
    return "" if edge.isalnum() or edge in ("'", "\u2019") else cue


@cache
def _known_given() -> frozenset[str]:
    return gazetteer().all_given | _MORE_GIVEN


@lru_cache(maxsize=65536)
def _known_given_word(word: str) -> bool:
    return fold(word) in _known_given()


def _any_case_titled(text: str, lowered: str) -> Iterator[Span]:
    """A name after a title that is no other word, in any case: "cllr Smith", "sgt okafor".
    In lower case a word that names someone but a given name that is also a word: "cllr smith",
    "cllr okonkwo", but not "the councillor visited" or "the sergeant will call"."""
    word_names = gazetteer().given_words
    for found in _ANY_CASE_TITLED.finditer(text):
        if lowered.endswith(_OWNED, 0, found.start()):
            continue
        end = found.end("word")
        word = found.group("word")
        folded = fold(word)
        if folded in NEVER_NAMES or (len(word) > 1 and word.isupper()):
            continue
        if word[0].isupper():  # after a title "Hall" and "Wood" are surnames
            if not _named_person(word):
                continue
            if surname := _SURNAMES.match(text, end):  # "cllr Jane Hill"
                end = _name_end(text, end, surname.end()) or end
        elif _word_not_name(folded, word_names) or not _named_person(word):
            continue
        yield found.start(), end


def _lower_titled(text: str) -> Iterator[Span]:
    """Lower-case "dr" or "pc", then a name found or up to three words that are surnames or
    no English words ("dr patel", "pc okafor"); "pc world", "the dr said" are kept."""
    known = gazetteer()
    for found in _LOWER_TITLED.finditer(text):
        if found.group("words") is None:
            yield found.span()  # "pc [name]"
            continue
        end = None
        for word in re.finditer(r"\S+", found.group("words")):
            folded = fold(word.group())
            if folded in NEVER_NAMES or folded in PLACE_WORDS:
                break
            if english(folded) and folded not in known.surname_words:
                break
            if len(folded) < 3 or _VOWELS.isdisjoint(folded):  # "pc rn", typos and text-speak
                break
            end = found.start("words") + word.end()
        if end is not None:
            yield found.start(), end


def _word_not_name(folded: str, word_names: frozenset[str]) -> bool:
    """In lower case after a title: a place word or a given name that is also a word."""
    return folded in PLACE_WORDS or folded in word_names or folded in _MORE_GIVEN


def _named_person(word: str) -> bool:
    """A word that names someone: a known given name or surname, or no English word."""
    folded, known = fold(word), gazetteer()
    return (
        folded in _known_given()
        or folded in known.surnames
        or folded in known.surname_words
        or not english(folded)
    )


def _name_end(text: str, start: int, end: int) -> int | None:
    """Where the name among the capitalised words ``text[start:end]`` ends: before the first
    word that is never a name; None if a word makes them a place ("Summer Holiday Club")."""
    last = None
    words = list(re.finditer(r"\S+", text[start:end]))
    for index, word in enumerate(words):
        folded = fold(word.group())
        if folded in PLACE_WORDS:
            # "PCSO Gemma Lane", "Pete Marsh": a surname that is a place word, last after a name
            surname = last is not None and index == len(words) - 1
            if surname and folded in gazetteer().surname_words:
                return start + word.end()
            return None
        if folded in NEVER_NAMES or (word.group().isupper() and len(word.group()) > 1):
            break
        last = start + word.end()
    return last
