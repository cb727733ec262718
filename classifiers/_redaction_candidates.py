"""Which words and stretches of a text the gazetteer pass (``_redaction_people``) looks at:
per-word decisions, cached, and where in a text a name may start. Most words of most texts are
plain words that start no name, so the pass skips most stretches. Finds no names itself."""

from __future__ import annotations

import re
import string
from bisect import bisect_right
from collections.abc import Collection, Iterator
from functools import lru_cache, reduce
from itertools import chain, filterfalse
from operator import or_

from classifiers._redaction_gazetteer import Gazetteer, english, fold, gazetteer, near_english
from classifiers._redaction_spans import Span, words_of
from classifiers._redaction_words import KIN, NEVER_NAMES, PARTICLES
from classifiers.ascii_words import ascii_pieces, spaces_but

__all__ = (
    "INTRODUCED",
    "PARTICLES",
    "TOKEN",
    "candidate_word",
    "cue_word_before",
    "given",
    "greeted_words",
    "may_start",
    "plain",
    "stretches",
    "surname",
    "unknown_lower",
    "word_kinds",
)

# A letter, then letters, digits, apostrophes and hyphens before a letter ("Mary-Jo", "O'Brien");
# written without a lookahead inside the repeat, which made ``re`` twice as slow
_TOKEN_TEXT = r"[^\W\d_][\w'\u2019]*(?:-[^\W\d_][\w'\u2019]*)*"
TOKEN = re.compile(_TOKEN_TEXT)
_TOKEN_KEPT = string.ascii_letters + string.digits + "_'-"  # a word's characters, in ASCII
_TOKEN_CHARS = spaces_but(_TOKEN_KEPT)
_NEXT_WORD = re.compile(rf"[ \t]+({_TOKEN_TEXT})")  # the next word of a run
# Characters that are in no word nor space between words: no run crosses them
_BREAKS = re.compile(r"[^\w'\u2019 \t-]+")
# ``_BREAKS`` in ASCII: a ``bytes.translate`` table marking each character of a break "|"
_BREAK_MARKS = bytes(
    ord("|") if chr(code) not in _TOKEN_KEPT + " \t" else code for code in range(256)
)
# Wider than the pass's greeting test: where a greeted capitalised word may stand ("Dear Lyric,")
_GREETINGS = ("dear", "hiya", "hi", "hello")  # "hiya" before "hi", as a greedy "hi(?:ya)?"
_GREETED_TEXT = rf"(?:{'|'.join(_GREETINGS)})[ \t]+(?=[^\W\d_])"
_GREETED = re.compile(_GREETED_TEXT, re.IGNORECASE)
_GREETED_LOWER = re.compile(_GREETED_TEXT)  # in ``lowered``
# A word before a person ("Ask Farai", "my partner ailsa"), or an introduction ("it's")
_BEFORE_TEXT = "ask tell told thanks cheers ta hi hello hiya dear with"
_CUE_WORDS = frozenset(_BEFORE_TEXT.split()) | KIN
# The word before and spaces or a comma, read backwards from the person: one ``re`` match,
# where "([^\W\d_]+)[ \t]*,?[ \t]+$" searched from every place before it ("\n?": "$" also
# matches before a last line break)
_WORD_BEFORE_BACKWARDS = re.compile(r"\n?[ \t]+,?[ \t]*([^\W\d_]+)")
INTRODUCED = re.compile(
    r"(?<![\w'])(?i:it'?s|it\u2019s|it is|i'?m|i\u2019m|i am|this is|my name is|my name'?s)"
    r"[ \t]+$"
)

# What a word may do in a run (``_kind``). Where the pass (``_name_length``, ``_cued``) lets a word
# start a name: a capitalised word that is no plain word, and a lower-case (or caseless) known
# given name, anywhere (_STARTS); a lower-case given name that is also a word ("mark"), before a
# surname or after "called" (_WORD_NAME); a lower-case word that is no English word, where a
# cue comes before it or before a surname (_UNKNOWN); a surname, after "[name] " (_SURNAME).
# A plain capitalised word (_CAPITAL) only after a greeting or before a particle (_PARTICLE)
_STARTS, _CAPITAL, _PARTICLE, _WORD_NAME, _UNKNOWN, _SURNAME = 1, 2, 4, 8, 16, 32


_QUIET: set[str] = set()  # pieces whose words are all of kind 0: most words of most texts
_QUIET_MAX = 200_000  # then no more are added (about 15 MB): kinds are still found, slower


def greeted_words(text: str, lowered: str) -> set[int]:
    """Where a word after a greeting starts ("Dear Friend,"): more places than the pass's
    greeting test finds (``_lone_name``), none fewer, but for words no run holds ("Dear Sir",
    "Hi there")."""
    if not _may_greet(text, lowered):
        return set()
    # In ASCII, ``lowered`` is what ``re.IGNORECASE`` compares
    greetings = _GREETED_LOWER.finditer(lowered) if text.isascii() else _GREETED.finditer(text)
    return {found.end() for found in greetings if _candidate_at(text, found.end())}


def _may_greet(text: str, lowered: str) -> bool:
    """Whether ``text`` may hold a greeting that the pass's test finds. That test takes one
    only where no letter, digit or apostrophe comes before it and a space after it, so such a
    greeting is a whole word of ``lowered``; the words are shared with other passes
    (``words_of``), so most texts (which hold none) are told by one set test. But "\u0131"
    and "\u0130" match "i" too, the only letters but ASCII ones that match a greeting's letters
    in any case ("\u0130" keeps its case in ``lowered``): a text with either may greet."""
    if words_of(lowered).isdisjoint(_GREETINGS):
        return "\u0131" in text or "\u0130" in text
    return True


def _candidate_at(text: str, at: int) -> bool:
    """Whether the word starting at ``at`` (after a space: a word does start there) is a
    candidate: a run holds no other."""
    word = TOKEN.match(text, at)
    return word is not None and candidate_word(word.group())


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` may occur in ``text`` as a word: not after a letter (it would be part of
    the word that letter is in) nor before a letter or digit (the word would go on)."""
    at, size = text.find(word), len(word)
    while at != -1:
        if not text[at - 1 : at].isalpha() and not text[at + size : at + size + 1].isalnum():
            yield at
        at = text.find(word, at + 1)


def stretches(text: str, positions: Collection[int]) -> list[tuple[int, int, int]]:
    """The stretches of ``text`` between punctuation and line breaks (which no run crosses)
    that hold ``positions``, in order, each with the last of them it holds."""
    holding: dict[Span, int] = {}  # in the order of the positions: a stretch keeps its place
    if text.isascii():  # the usual case: find the breaks around each position, in C
        marks = text.encode("ascii").translate(_BREAK_MARKS)
        for at in sorted(positions):
            holding[_stretch_at(marks, at)] = at
        return [(start, end, last) for (start, end), last in holding.items()]
    breaks = [found.span() for found in _BREAKS.finditer(text)]
    starts = [0, *(end for _, end in breaks)]
    ends = [*(start for start, _ in breaks), len(text)]
    for at in sorted(positions):
        index = bisect_right(starts, at) - 1
        holding[starts[index], ends[index]] = at
    return [(start, end, last) for (start, end), last in holding.items()]


def _stretch_at(marks: bytes, at: int) -> Span:
    """The stretch holding the word character at ``at``, in ``marks`` (``_BREAK_MARKS``)."""
    end = marks.find(b"|", at)
    return marks.rfind(b"|", 0, at) + 1, len(marks) if end == -1 else end


def word_kinds(text: str) -> dict[str, int]:
    """The kinds of the words (``TOKEN``) of ``text``, but for those of kind 0. A filter in C
    skips the pieces already known to hold only words of kind 0, which are most of them."""
    # ASCII, the usual case: cut at characters no word holds. Else cut at spaces, which no word
    # holds either (``re`` finding every word was ~4 times as slow). Both in C
    pieces = ascii_pieces(text, _TOKEN_CHARS) if text.isascii() else text.split()
    # ``filterfalse`` hashes each piece once; a set difference built a set of all of them.
    # A word's kind is its own, whichever piece holds it: the dict of the pairs is built in C
    loud = set(filterfalse(_QUIET.__contains__, pieces))
    return dict(chain.from_iterable(map(_piece_kinds, loud)))


@lru_cache(maxsize=65536)
def _piece_kinds(piece: str) -> tuple[tuple[str, int], ...]:
    """The words of kind other than 0, with their kinds, of a piece of text between
    characters that no word holds (ASCII ones, or spaces): "it's" is one word, "2nd" is "nd",
    "a--b" is two, "Siân," is "Siân" (no word crosses such a character, so the words of the
    pieces are the words of the text). A piece with none is kept in ``_QUIET``."""
    kinds = tuple((word, kind) for word in TOKEN.findall(piece) if (kind := _kind(word)))
    if not kinds and len(_QUIET) < _QUIET_MAX:
        _QUIET.add(piece)
    return kinds


@lru_cache(maxsize=65536)
def _kind(word: str) -> int:
    """``word``'s flags (0: it is no candidate, or a plain lower-case word)."""
    if not candidate_word(word):
        return 0
    folded, known = fold(word), gazetteer()
    kind = (_PARTICLE if folded in PARTICLES else 0) | (_SURNAME if surname(folded, known) else 0)
    if word[0].isupper():
        return kind | _CAPITAL | (0 if plain(folded) else _STARTS)
    if not word[0].islower() or given(folded, known) or folded in known.given:
        return kind | _STARTS  # caseless letters take other branches: always look
    if folded in known.all_given:
        kind |= _WORD_NAME
    return kind | (_UNKNOWN if unknown_lower(folded) else 0)


def may_start(text: str, lowered: str, kinds: dict[str, int]) -> Iterator[int]:
    """Where a name may start (also inside words: only the stretches holding them count)."""
    every = reduce(or_, kinds.values(), 0)  # the flags of all the words, or-ed in C
    if not every & ~_CAPITAL:
        return  # many texts: plain capitalised words alone ("The", "Please") start no name
    capitals, surnames = bool(every & _CAPITAL), bool(every & _SURNAME)
    # Each cue is looked for only if a word needs it: "a man called mark", "[name] Dhuibhir"
    called = bool(every & _WORD_NAME) and (
        "called" in lowered or "named" in lowered or "known" in lowered
    )
    # What ``_may_start_at`` needs beside the word: most texts have neither, so most such
    # words ("over", "weeks") are not looked for at all
    after_name = surnames and "[name] " in text
    for word, kind in kinds.items():
        if kind & _STARTS or (kind & _WORD_NAME and called):
            yield from _occurrences(text, word)
            continue
        particle = kind & _PARTICLE and capitals
        others = (
            (kind & _SURNAME and after_name) or kind & _UNKNOWN or (kind & _WORD_NAME and surnames)
        )
        if particle or others:
            yield from (
                at
                for at in _occurrences(text, word)
                if (particle and _after_capital(text, at))
                or (others and _may_start_at(text, at, word, kind, kinds))
            )


def _after_capital(text: str, at: int) -> bool:
    """Whether the word before ``at``, joined to it by spaces, holds a capital: a particle
    makes a name only after a capitalised word ("Sat bin Laden", "Olive Ó Murchú"), never
    after a lower-case one ("the bin was"), which no name starts from."""
    k = at
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == at or k == 0:
        return False  # at the start of a run: nothing before it to join
    j = k
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "_'\u2019-"):
        j -= 1
    return any(ch.isupper() for ch in text[j:k])


def _may_start_at(text: str, at: int, word: str, kind: int, kinds: dict[str, int]) -> bool:
    """Whether ``word`` (of ``kind``) may start a name at ``at``: a lower-case name that is
    also a word, or an unknown word, before a surname ("mark smith") or, unknown, after a cue
    ("ask farai"); a surname right after "[name] "."""
    if kind & _SURNAME and text.endswith("[name] ", 0, at):
        return True
    if kind & _UNKNOWN and _cue_before(text, at):
        return True
    after = _NEXT_WORD.match(text, at + len(word)) if kind & (_WORD_NAME | _UNKNOWN) else None
    return after is not None and bool(kinds.get(after.group(1), 0) & _SURNAME)


def _cue_before(text: str, at: int) -> bool:
    """``_person_context``'s test for a lower-case word at ``at``: a cue word or an
    introduction right before it."""
    if cue_word_before(text, at):
        return True
    return INTRODUCED.search(text, max(0, at - 16), at) is not None


def cue_word_before(text: str, at: int) -> bool:
    """Whether a word that comes before a person ("ask", "my partner") stands right before
    ``at``, within the 24 characters before it."""
    found = _WORD_BEFORE_BACKWARDS.match(text[max(0, at - 24) : at][::-1])
    return found is not None and found.group(1)[::-1].lower() in _CUE_WORDS


@lru_cache(maxsize=65536)
def candidate_word(word: str) -> bool:
    """A word that may be part of a name: no digit, no stop word, no contraction."""
    return (
        not any(map(str.isdigit, word)) and fold(word) not in NEVER_NAMES and _no_contraction(word)
    )


def _no_contraction(word: str) -> bool:
    """Not "I'm", "don't": an apostrophe only as in "O'Brien" or a possessive."""
    word = word.replace("\u2019", "'")
    if "'" not in word:
        return True
    before, _, after = word.partition("'")
    return (len(before) == 1 and before.upper() in "ODL") or after.lower() == "s"


def given(word: str, known: Gazetteer) -> bool:
    """An unambiguous given name, or a hyphenated one with such a part ("Mary-Jo")."""
    if word in known.given:
        return True
    parts = word.split("-") if "-" in word else ()
    return bool(parts) and all(p in known.all_given for p in parts)


def surname(word: str, known: Gazetteer) -> bool:
    """A known surname that is no word, a surname by its ending ("Kaczmarczyk", "Popescu"),
    or a double-barrelled one with a known part."""
    if word in known.surnames or _surname_by_ending(word):
        return True
    parts = word.split("-") if "-" in word else ()
    return any(p in known.surnames or p in known.surname_words for p in parts)


# Endings that make a surname in Polish, Czech, Romanian, Ukrainian, South Slavic, Greek and
# Turkish, whose surnames are too many for the lists: "Kaczmarczyk", "Popescu", "Kovalenko"
_SURNAME_ENDING = re.compile(
    r"(?:ski|ska|cki|cka|czyk|wicz|escu|eanu|enko|chuk|ovic|evic|opoulos|akis|oglu)$"
)

_NOT_SURNAMES = frozenset(("alaska", "nebraska", "polski", "polska"))  # "Polski Sklep"


@lru_cache(maxsize=65536)
def _surname_by_ending(word: str) -> bool:
    """Not a given name ("Franziska", "Vicki") nor a word; folded, so "Marković" is here."""
    if len(word) < 6 or not _SURNAME_ENDING.search(word) or word in _NOT_SURNAMES:
        return False
    known = gazetteer()
    return word not in known.all_given and not english(word)


@lru_cache(maxsize=65536)
def plain(word: str) -> bool:
    """An English word (folded) that is no name nor part of one: in lower case it starts no
    name, continues none and is no cue's name."""
    known = gazetteer()
    return (
        english(word)
        and word not in known.all_given
        and word not in known.surname_words
        and not given(word, known)
        and not surname(word, known)
    )


@lru_cache(maxsize=65536)
def unknown_lower(word: str) -> bool:
    """A lower-case word that is no English word, nor a typo of one ("doeesnt"), nor
    text-speak or a typo without a vowel ("stll", "fll", "txt")."""
    if len(word) >= 3 and _VOWELS.isdisjoint(word) and word not in _VOWELLESS_TITLES:
        return False
    return not english(word) and not near_english(word)


_VOWELS = frozenset("aeiouyw")  # "w": Welsh "cwm"
# Titles written without vowels, which a name follows ("cllr weeks-smith", "sgt okafor")
_VOWELLESS_TITLES = frozenset(("cllr", "sgt", "cpl", "cmdr"))
