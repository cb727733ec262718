"""The gazetteer pass for people's names: runs of words that are known given names and
surnames (``_redaction_gazetteer``), wherever they stand and in any case - "Both Ross Byrne and
her husband", "reported by paul field", "Tendai Moyo", "Olamide told me".

A run is a stretch of words joined only by spaces; it ends at punctuation, a line break, a
digit, a placeholder and at a word that is never a name (``STOPS``). A name that is also a
word ("Rose", "Mark") needs a surname or an unknown capitalised word after it; a place, street
or organisation word anywhere in the run means it is not a person ("Victoria Park").

The passes for the writer's name where a text ends (``_redaction_signoffs``) are given from here.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter

from classifiers._redaction_candidates import (
    INTRODUCED,
    PARTICLES,
    TOKEN,
    candidate_word,
    cue_word_before,
    given,
    greeted_words,
    may_start,
    plain,
    stretches,
    surname,
    unknown_lower,
    word_kinds,
)
from classifiers._redaction_gazetteer import Gazetteer, english, fold, gazetteer
from classifiers._redaction_signoffs import closing_names, unsigned_names
from classifiers._redaction_spans import Span
from classifiers._redaction_words import (
    FUNCTION_WORDS,
    JOB_WORDS,
    KIN,
    MODALS,
    NEVER_NAMES,
    PLACE_WORDS,
)

__all__ = (
    "closing_names",
    "coordinated_names",
    "known_names",
    "unsigned_names",
)

_START = itemgetter(0)  # where a span starts, in C: ``map(_START, run)``
_JOIN = re.compile(r"[ \t]+")
_MAX_WORDS = 4
_THANKS = re.compile(r"(?i:thank you to|thanks to)[ \t]+$")
_AT_WORK = re.compile(r"[ \t]+(?:in|at|on|from)[ \t]+the\b", re.IGNORECASE)
_CALLED = re.compile(r"(?<![\w'])(?i:called|named|known as)[ \t]+$")
_TITLE_BEFORE = re.compile(
    r"(?<![\w'])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Cllr|Councillor|Rev|Fr|Sir|Dame|Lady|Lord|"
    r"MR|MRS|MS|MISS|DR|mr|mrs|ms|miss|dr)\.?[ \t]+$"
)
# The check before the capital follows it (the same test, as it is a capital), so that ``re``
# tries no lookbehind at the other characters
_COORDINATED = re.compile(
    r"(?P<before>[A-Z](?<![\w'\]-][A-Z])[^\W\d_]+)[ \t]+(?:and|&)[ \t]+\[name\]"
    r"|\[name\][ \t]+(?:and|&)[ \t]+(?P<after>[A-Z][^\W\d_]+)(?![\w'-])"
)
_PLACEHOLDER = re.compile(r"\[[a-z]+\]")
_ASCII_UPPER = string.ascii_uppercase.encode("ascii")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
# Words before and after a person: "Ask Farai", "Seren told me"
_AFTER_TEXT = "told tells said says rang rings phoned emailed asked wrote helped promised speaking"
_GREETING = re.compile(r"(?<![\w'])(?i:dear|hi|hiya|hello)[ \t]+$")
_VOCATIVE_END = re.compile(r"[ \t]*(?:[,!:]|\r?\n|$)")
_AGE_AFTER = re.compile(r"[ \t]*\([0-9]{1,2}\)")  # "Amara (9)": a child and its age
_PERSON_AFTER = frozenset(_AFTER_TEXT.split())
# Place words that are also common surnames ("Ioana Field", "Tom Hall") do not make a place
_SURNAME_PLACES_TEXT = "hill hills wood woods green field fields hall ward"
_SURNAME_PLACES = frozenset(_SURNAME_PLACES_TEXT.split())
_PLACES = PLACE_WORDS - _SURNAME_PLACES


def known_names(text: str, lowered: str) -> Iterator[Span]:
    """Spans of the names in ``text`` that the gazetteer knows or a cue announces, each with
    the title before it ("Mrs Okonkwo")."""
    kinds = word_kinds(text)
    # Where a word may start a name, or make one with a particle, or is greeted
    wanted = {*may_start(text, lowered, kinds), *greeted_words(text, lowered)}
    if not wanted:
        return  # most texts: no word that may start a name here, and no greeting
    known, caps = gazetteer(), _capitals_once(text)
    thanks = "thank" in lowered
    for start, end, last in stretches(text, wanted):
        for whole in _runs(text, caps, start, end, last):
            if wanted.isdisjoint(map(_START, whole)):
                continue  # no name starts in this run
            for run, words in _place_free(text, whole):
                yield from _run_names(text, run, words, wanted, known, caps, thanks)


def _run_names(
    text: str,
    run: list[Span],
    words: list[str],
    wanted: set[int],
    known: Gazetteer,
    caps: Callable[[], bool],
    thanks: bool,
) -> Iterator[Span]:
    if wanted.isdisjoint(map(_START, run)):
        return
    if all(map(plain, words)) and not any(text[start].isupper() for start, _ in run):
        return  # most runs: "the bins still havent been done" starts no name
    found = _names_in(text, run, words, known, caps, thanks)
    yield from _titled(text, (*found, *_cued(text, run, known)))


def _place_free(text: str, run: list[Span]) -> Iterator[tuple[list[Span], list[str]]]:
    """The run with its folded words, if it holds no place word ("Victoria Park"); else its
    parts that hold none, cut after a lower-case word for someone's job or relation before a
    capitalised word ("district nurse | Siobhán Ní Bhriain", "Irwell Riverside housing officer
    | Jasmin Kaur-Bassi"): there, a place word names no person in another part. Not after
    other words ("the road through Palace Fields" stays one place)."""
    words = [fold(text[s:e]) for s, e in run]
    if _PLACES.isdisjoint(words):
        yield run, words
        return
    cuts = [
        i
        for i in range(1, len(run))
        if text[run[i][0]].isupper()
        and text[run[i - 1][0]].islower()
        and (words[i - 1] in JOB_WORDS or words[i - 1] in KIN)
    ]
    for begin, end in zip([0, *cuts], [*cuts, len(run)], strict=True):
        if _PLACES.isdisjoint(words[begin:end]):
            yield run[begin:end], words[begin:end]


def _titled(text: str, names: Iterable[Span]) -> Iterator[Span]:
    """Each name with the title before it ("Mrs Okonkwo")."""
    for start, end in names:
        title = _TITLE_BEFORE.search(text, max(0, start - 14), start)
        yield (title.start() if title else start), end


def coordinated_names(text: str, lowered: str) -> Iterator[Span]:
    """A capitalised word joined by "and" or "&" to a name found: "Blessing & [name]",
    "[name] and Farai"."""
    if "[name]" not in text:
        return
    known = gazetteer()
    for found in _COORDINATED.finditer(text):
        start, end = found.span("before") if found.group("before") else found.span("after")
        word = fold(text[start:end])
        if word in NEVER_NAMES or word in PLACE_WORDS or text[start:end].isupper():
            continue
        if word in known.all_given or not english(word):  # not "[name] and Adult Social Care"
            yield start, end


def _cued(text: str, run: list[Span], known: Gazetteer) -> Iterator[Span]:
    """The word after "called", "named", "known as": "someone called Ray", "a lady called
    dawn" (in lower case only a known name)."""
    start, end = run[0]
    if not _CALLED.search(text, max(0, start - 12), start):
        return
    word = fold(text[start:end])
    if word in known.all_given or (text[start].isupper() and not english(word)):
        yield start, end


def _runs(
    text: str, caps: Callable[[], bool], begin: int, finish: int, last: int
) -> Iterator[list[Span]]:
    """Stretches of candidate words (not stops, not acronyms, not in placeholders) in
    ``text[begin:finish]``, up to the one that may hold ``last``, where a name may start."""
    run: list[Span] = []
    end = -1
    for token in TOKEN.finditer(text, begin, finish):
        start, stop = token.span()
        word = token.group()
        joined = end >= 0 and start > end and not text[end:start].strip(" \t")
        candidate = (
            candidate_word(word)
            and text[start - 1 : start] != "["
            and (len(word) == 1 or not word.isupper() or caps())  # counted only if asked
        )
        if run and (not joined or not candidate):
            yield run
            run = []
        if start > last and not run:
            return  # each run from here starts after ``last``: no name starts in it
        if candidate:
            run.append((start, stop))
        end = stop
    if run:
        yield run


def _names_in(
    text: str,
    run: list[Span],
    words: list[str],
    known: Gazetteer,
    caps: Callable[[], bool],
    thanks: bool,
) -> Iterator[Span]:
    index = 0
    while index < len(run):
        length = _name_length(text, run, words, index, known, caps, thanks)
        if length:
            yield run[index][0], run[index + length - 1][1]
            index += length
        else:
            index += 1


def _name_length(
    text: str,
    run: list[Span],
    words: list[str],
    index: int,
    known: Gazetteer,
    caps: Callable[[], bool],
    thanks: bool,
) -> int:
    """How many words of ``run`` from ``index`` make a name (0: none starts here)."""
    first = words[index]
    capital = text[run[index][0]].isupper()
    if first in PARTICLES or len(first) < 2 or (thanks and _thanked_staff(text, run, index)):
        return 0
    rest = _followers(text, run, words, index, known, capital)
    after_name = index == 0 and text.endswith("[name] ", 0, run[0][0])
    if after_name and (surname(first, known) or (capital and not english(first))):
        return 1 + rest  # the rest of a name another pass found: "[name] Dhuibhir"
    if given(first, known):
        return 1 + rest
    if not rest:
        return int(_lone_name(text, run[index], known, first))
    after = words[index + 1 : index + 1 + rest]
    if capital:
        return 1 + rest if _capitalised_name(first, after, known, caps) else 0
    # "ray howells", "llinos kamau", "im llinos": in lower case, a known surname or a cue
    cued = unknown_lower(first) and _person_context(text, run[index], known, first)
    named = first in known.given_words or unknown_lower(first)
    return 1 + rest if cued or (named and surname(after[0], known)) else 0


def _lone_name(text: str, span: Span, known: Gazetteer, word: str) -> bool:
    """One word: a name where a person stands ("Ask Farai", "Seren told me", "my partner
    ailsa"), if it is no English word, or a name that is also one ("Dear Lyric,")."""
    # The word's own tests first: they are cached, the context's are not
    if text[span[0]].islower():
        named = word in known.given or unknown_lower(word)
        return named and _person_context(text, span, known, word)
    if not english(word) or word in known.given_words:
        return _person_context(text, span, known, word)
    greeted = _GREETING.search(text, max(0, span[0] - 8), span[0]) is not None
    return greeted and bool(_VOCATIVE_END.match(text, span[1]))


def _capitalised_name(
    first: str, after: list[str], known: Gazetteer, caps: Callable[[], bool]
) -> bool:
    """Whether capitalised ``first`` and the capitalised words ``after`` it make a name (``caps``
    asked last, as it may not be known yet)."""
    second = after[0]
    if any(w in PARTICLES for w in after[:-1]) and not caps():
        return True  # "Olive Ó Murchú", "Lyric Ní Bhraonáin"
    if first in known.given_words:
        # "Rose Fairweather", "Mark Ellison": a name that is also a word needs a surname or a
        # capitalised word that is no English word after it; "Mark Brown" not in capitals
        if surname(second, known) or given(second, known) or not english(second):
            return True
        return second in known.surname_words and not caps()
    if first in NEVER_NAMES or caps():
        return False
    if surname(second, known) and "-" not in second:
        return True  # "Merry Nguyen", "Lech Kaczmarczyk": any word before a known surname
    # "Tendai Moyo", "Imtiaz Archer", "Harpreet Prosser", "Fraser Dumitrescu": an unknown word
    # or a surname before surnames or unknown capitalised words
    if english(first) and not surname(first, known):
        return False
    return all(
        not english(w) or surname(w, known) or given(w, known) or w in known.surname_words
        for w in after
    )


def _person_context(text: str, span: Span, known: Gazetteer, word: str) -> bool:
    """Whether the word at ``span`` stands where a person does: "Ask Farai", "Seren told me",
    "my partner ailsa" (a known name in lower case)."""
    after = _WORD_AFTER.match(text, span[1])
    said = after is not None and after.group(1).lower() in _PERSON_AFTER
    introduced = INTRODUCED.search(text, max(0, span[0] - 16), span[0]) is not None
    cue = cue_word_before(text, span[0])
    if text[span[0]].islower():
        return (cue or introduced) and (word in known.given or unknown_lower(word))
    return said or cue or introduced or _AGE_AFTER.match(text, span[1]) is not None


# Surnames that are also words a sentence goes on with: "my son oliver will be there"
_NOT_AFTER_LOWER = FUNCTION_WORDS | MODALS


def _followers(
    text: str, run: list[Span], words: list[str], index: int, known: Gazetteer, capital: bool
) -> int:
    """How many words after ``index`` continue its name: capitalised ones after a capitalised
    word, known names or words that are not English after a lower-case one."""
    rest = 0
    for word, (start, _) in zip(words[index + 1 :], run[index + 1 :], strict=False):
        if rest + 1 >= _MAX_WORDS:
            break
        upper = text[start].isupper()
        lower_name = not upper and word not in _NOT_AFTER_LOWER and _name_word(word, known)
        if word in PARTICLES or (upper if capital else lower_name):
            rest += 1
        else:
            break
    while rest and words[index + rest] in PARTICLES:  # a name does not end on "de"
        rest -= 1
    return rest


def _name_word(word: str, known: Gazetteer) -> bool:
    return (
        surname(word, known)
        or word in known.surname_words
        or given(word, known)
        or unknown_lower(word)
    )


def _thanked_staff(text: str, run: list[Span], index: int) -> bool:
    """ "Thank you to Jo in the contact centre": staff thanked by first name are kept."""
    start, end = run[index]
    if index + 1 < len(run) and _JOIN.fullmatch(text, end, run[index + 1][0]):
        return False
    return bool(_THANKS.search(text, max(0, start - 20), start)) and bool(_AT_WORK.match(text, end))


def _capitals_once(text: str) -> Callable[[], bool]:
    """``_mostly_capitals(text)``, counted when first asked: most texts never ask (only an
    acronym in a run or some capitalised names do), and counting costs ~2 us a text."""
    found: list[bool] = []

    def in_capitals() -> bool:
        if not found:
            found.append(_mostly_capitals(text))
        return found[0]

    return in_capitals


def _mostly_capitals(text: str) -> bool:
    bare = _PLACEHOLDER.sub("", text) if "[" in text else text
    if bare.isascii():  # the usual case: count by deleting bytes, far faster than per letter
        raw = bare.encode("ascii")
        upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    else:
        upper, letters = sum(map(str.isupper, bare)), sum(map(str.isalpha, bare))
    return upper > 0 and upper > 0.8 * letters
