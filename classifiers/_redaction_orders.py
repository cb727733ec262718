"""Redaction passes for names written in other orders and forms than "Given Surname": a CRM's
surname first ("MENSAH, [name]", "Zhang [name]"), initials before a surname ("J. Okoro") and a
family by its surname ("the Okafors").
Each runs after the other name passes, finds spans and replaces no text."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from classifiers._redaction_candidates import TOKEN
from classifiers._redaction_candidates import surname as known_surname
from classifiers._redaction_gazetteer import Gazetteer, english, fold, gazetteer
from classifiers._redaction_spans import Span, found_at, line_starts, matches_at, words_of
from classifiers._redaction_streets import STREET_AFTER
from classifiers._redaction_words import FUNCTION_WORDS, NEVER_NAMES, PARTICLES, PLACE_WORDS

__all__ = ("family_names", "initialled_names", "inverted_names", "joined_names", "nicknamed_names")

# Who a CRM or a partner's form names at the start of a field: "Caller:", "Patient:"
_CRM_PEOPLE = (
    "customer|cust|caller|name|tenant|resident|complainant|applicant|client|patient|occupier"
    "|service user|young person|adult at risk|landlord|deceased|informant|pupil|child|parent"
    "|account holder|licence holder|permit holder|victim|suspect|ip"
)
_CRM_WORDS = frozenset(_CRM_PEOPLE.replace("|", " ").split())
_CRM_CUES = tuple((cue, frozenset(cue.split())) for cue in _CRM_PEOPLE.split("|"))
# Between a CRM's cue and the name after it: ``_CRM_CUE_BEFORE``'s "$" also allows a newline
_SEPARATORS = re.compile(r"[ \t:]*\n?")
_INVERTED = re.compile(  # "MENSAH, [name]": a CRM's surname first, at the start of a line
    rf"^[ \t]*(?:(?i:{_CRM_PEOPLE})[ \t]*:"
    r"[ \t]*)?(?P<surname>[A-Z][^\W\d_]*(?:['\u2019-][A-Z][^\W\d_]*)?),[ \t]*\[name\]",
    re.MULTILINE,
)
# Initials before a surname ("J. Okoro", "R.J. Thistlewood", "P Hughes") or a name found
_INITIALLED = re.compile(  # the first capital first, so that re skips ahead to one
    r"(?P<initials>[A-Z](?<![\w.'\u2019\]][A-Z])"
    r"(?:\.[ \t]?(?:[A-Z]\.[ \t]?){0,2}|(?<=[A-HJ-Z])[ \t]))"
    r"(?:(?P<surname>[A-Z][a-z][\w'\u2019-]*)|\[name\])"
)
# What an initial and what follows it look like to ``_may_have_initials``: a capital or "["
# is "A", a space or tab " ", a full stop ".", anything else "x"
_SHAPE_OF = {ch: "A" for ch in string.ascii_uppercase + "["} | {" ": " ", "\t": " ", ".": "."}
_INITIAL_SHAPES = bytes(ord(_SHAPE_OF.get(chr(byte), "x")) for byte in range(256))
# A family by its surname: "the Okafors", "the Joneses"
_FAMILY = re.compile(  # tried only where "the" is (``found_at``)
    r"(?<![\w'\u2019])[Tt]he[ \t]+(?P<surname>[A-Z][a-z'\u2019]+?)(?:es|s)(?![\w'\u2019])"
)
# "Caller ABEBE Bekele (Mr)": a CRM's cue, then the surname in capitals before a given name
_CAPS_FIRST = re.compile(  # the capitals first, so that re skips ahead to them
    r"(?P<name>[A-Z](?<![\w'\u2019][A-Z])[A-Z]+(?:['\u2019-][A-Z]+)?,?[ \t]+[A-Z][a-z'\u2019-]+)"
    r"(?![\w'\u2019])"
)
_CRM_CUE_BEFORE = re.compile(rf"(?<![\w'\u2019])(?:{_CRM_PEOPLE})[ \t]*:?[ \t]+$")
# A surname in capitals before a name found, anywhere in a text that is not in capitals:
# "ASC referral. ROBERTSON, [name], DOB"
_CAPS_INVERTED = re.compile(  # the capital first, so that re skips ahead to one
    r"(?P<surname>[A-Z](?<![\w'\u2019-][A-Z])[A-Z]+(?:['\u2019-][A-Z]{2,})?),[ \t]*\[name\]"
)
# What each _FAMILY match holds: a literal first, which re finds fast, where a family is rare
_HE_CAPITAL = re.compile(r"he[ \t]+[A-Z]")
# "the Horváth family", "the Lane family": any surname, even one that is a word
_FAMILY_OF = re.compile(
    r"(?<![\w'\u2019])[Tt]he[ \t]+(?P<surname>[A-Z][\w'\u2019-]+)[ \t]+(?i:family|families)\b"
)
_BEFORE_NAME = re.compile(r"(?<![\w'\u2019\]-])(?P<word>[A-Z][^\W\d_]+)[ \t]+\[name\]")
_LETTER = re.compile(r"[^\W\d_]")  # ``_BEFORE_NAME``'s word is a run of these
_ASCII_LETTERS = string.ascii_letters  # the ASCII characters in ``_LETTER``
# A nickname in quotes inside a name ('Gary "Gaz" Whitworth', 'Kai "KJ" Jenkins-Obi'), with
# the surname after it or the given name before it
_QUOTED = r"[\"\u201c\u201d'\u2018\u2019]"
_NICK_WORD = r"[^\W\d_][\w'\u2019-]{0,14}"
_NICK = rf"{_QUOTED}(?P<nick>\[name\]|{_NICK_WORD}(?:[ \t]{_NICK_WORD})?){_QUOTED}"
_WORD = TOKEN.pattern  # a word as the gazetteer pass reads one ("Jenkins-Obi")
_NICK_ON = re.compile(rf"{_NICK}(?:[ \t]+(?:\[name\]|(?P<surname>{_WORD})))?")  # at a quote
_BEFORE_NICK = re.compile(rf"(?:\[name\]|(?P<given>{_WORD}))[ \t]+$")
# A particle between two parts of a name found ("[name] bin [name]", "[name] da [name]"), and
# an Arabic surname with its article after one ("[name] al-Hashimi", "[name] el-Idrissi")
_JOINED = re.compile(
    r"\[name\](?:[ \t]+(?P<particle>(?:[^\W\d_]{1,5}[ \t]+)?[^\W\d_]{1,5})[ \t]+"
    r"(?:\[name\]|(?P<surname>[A-Z][^\W\d_'\u2019-]+(?![\w'\u2019-])))"
    r"|[ \t]+(?P<article>(?:al|el|Al|El)-[A-Z][^\W\d_'\u2019-]+))"
)
_JOINING = PARTICLES | frozenset(("binti", "ibn", "bte", "ben"))
_NOT_NICKNAMES = NEVER_NAMES | FUNCTION_WORDS


def inverted_names(text: str, lowered: str) -> Iterator[Span]:
    """A surname before a name found, as CRMs list people ("MENSAH, [name]", "Okafor, [name]",
    in capitals or no English word: "Thanks, [name]" is no surname; in capitals anywhere in a
    text that is not, "referral. ROBERTSON, [name]"), or as Chinese and
    Hungarian names are written ("Zhang [name]": a known name that is no English word); a
    surname in capitals before a given name after a CRM's cue ("Caller ABEBE Bekele")."""
    known = gazetteer()
    words_here = words_of(lowered)
    cued = not _CRM_WORDS.isdisjoint(words_here) and not text.isupper()
    for found in matches_at(_CAPS_FIRST, text, _after_cues(lowered, words_here)) if cued else ():
        if not _CRM_CUE_BEFORE.search(lowered, max(0, found.start() - 20), found.start()):
            continue
        words = [fold(w.rstrip(",")) for w in found.group("name").split()]
        if all(_named_word(w, known) for w in words):
            yield found.span("name")  # "Caller ABEBE Bekele": needs no name found before
    if "[name]" not in text:
        return
    for found in matches_at(_INVERTED, text, line_starts(text)):  # "^": only a line's start
        surname = found.group("surname")
        word = fold(surname)
        if word in NEVER_NAMES or word in PLACE_WORDS:
            continue
        if (surname.isupper() and len(word) > 1) or not english(word):
            yield found.span("surname")
    inverted = (", [name]" in text or ",[name]" in text) and not text.isupper()
    for found in _CAPS_INVERTED.finditer(text) if inverted else ():
        word = fold(found.group("surname"))  # not an acronym: "NHS, [name] said"
        named = word in known.surnames or (len(word) >= 4 and not english(word))
        if named and word not in NEVER_NAMES and word not in PLACE_WORDS:
            yield found.span("surname")
    for found in matches_at(_BEFORE_NAME, text, _words_before_names(text)):  # "Zhang [name]"
        word = fold(found.group("word"))
        if (word in known.surnames or word in known.given) and word not in NEVER_NAMES:
            yield found.span("word")


def _after_cues(lowered: str, words: frozenset[str]) -> list[int]:
    """Where a name may start after a CRM's cue ("Caller ABEBE Bekele"): past the spaces, tabs,
    colon and newline after each place a cue's words stand, every one a whole word of ``lowered`` as
    ``_CRM_CUE_BEFORE`` wants them. A capitals-first name must start at one of them to pass that
    check, and no ``_CAPS_FIRST`` match from before one reaches into it (its own second letter
    is a capital, which a match's last word, "Bekele", cannot have there): trying only these
    finds what ``finditer`` would."""
    starts = {
        _past_separators(lowered, at + len(cue))
        for cue, cue_words in _CRM_CUES
        if cue_words <= words
        for at in found_at(lowered, cue)
    }
    return sorted(starts)


def _past_separators(lowered: str, at: int) -> int:
    found = _SEPARATORS.match(lowered, at)
    return found.end() if found else at  # it always matches, if only nothing


def _words_before_names(text: str) -> Iterator[int]:
    """Where the run of letters (``[^\\W\\d_]``) before the spaces before each "[name]" starts:
    the only place a ``_BEFORE_NAME`` match ending there can start, as its word is such a run
    with no word character before it. None of these starts lies inside another's match (a
    match's letters have none before them, and "name]" is followed by no space), so trying
    only them finds what ``finditer`` would."""
    for at in found_at(text, "[name]"):
        end = len(text[:at].rstrip(" \t"))
        if end == at:
            continue  # no space before the placeholder
        start = end
        while True:  # ASCII letters in C; another character asks the pattern's class
            start = len(text[:start].rstrip(_ASCII_LETTERS))
            if not start or text[start - 1].isascii() or not _LETTER.match(text, start - 1):
                break
            start -= 1
        if start < end:
            yield start


def _named_word(word: str, known: Gazetteer) -> bool:
    """A word that may be part of a name: a known name, or no English word nor never a name."""
    if word in NEVER_NAMES or word in PLACE_WORDS:
        return False
    return word in known.surnames or word in known.all_given or not english(word)


def initialled_names(text: str, lowered: str) -> Iterator[Span]:
    """A surname after initials: "J. Okoro", "R.J. Thistlewood", and the initials before a name
    found ("A. [name]"). Without a full stop only a known surname that is no English word
    ("P Hughes", not "A Road" or "B Block")."""
    if not _may_have_initials(text):
        return  # most texts
    known = gazetteer()
    for found in _INITIALLED.finditer(text):
        surname = found.group("surname")
        if surname is None:
            yield found.span()  # "A. [name]": the initial is part of the name
            continue
        word = fold(surname)
        if word in NEVER_NAMES or word in PLACE_WORDS or STREET_AFTER.match(text, found.end()):
            continue  # "Plan B. Smith Street"
        dotted = "." in found.group("initials")
        if word in known.surnames or (
            dotted and (word in known.surname_words or not english(word))
        ):
            yield found.span()


def _may_have_initials(text: str) -> bool:
    """Whether ``_INITIALLED`` may match: it needs a capital then a full stop ("J."), or a
    capital, a space or tab, and a capital or a placeholder's "[" ("P Hughes", "A [name]").
    Asked of the text's shape (one byte a character, ``replace`` keeping non-ASCII ones one
    byte each), found in C, where the pattern would try every capital."""
    shape = text.encode("ascii", "replace").translate(_INITIAL_SHAPES)
    return b"A." in shape or b"A A" in shape


def family_names(text: str, lowered: str) -> Iterator[Span]:
    """A family named by its surname that is no English word: "our neighbours the Okafors",
    "the Joneses", not "the Browns" (a word) nor "the Rangers"; any surname before "family"
    ("the Horváth family", "the Lane family"), not "the Royal family"."""
    if "the " not in lowered:
        return
    known = gazetteer()
    thes = found_at(lowered, "the") if _HE_CAPITAL.search(text) else ()  # as _FAMILY needs
    for found in matches_at(_FAMILY, text, thes):
        word = fold(found.group("surname"))
        plural = fold(found.group()[found.start("surname") - found.start() :])
        named = len(word) >= 4 and known_surname(word, known)  # not "the Otis lift"
        if named and not english(plural) and word not in NEVER_NAMES:
            yield found.start("surname"), found.end()
    for found in _FAMILY_OF.finditer(text) if "famil" in lowered else ():
        word = fold(found.group("surname"))
        if word not in NEVER_NAMES and (
            known_surname(word, known) or word in known.surname_words or not english(word)
        ):
            yield found.span("surname")


def nicknamed_names(text: str, lowered: str) -> Iterator[Span]:
    """A nickname in quotes in a name, with the name's other parts: beside a name found
    ('[name] "Gaz" Whitworth', 'Ifeoma "Ify" [name]'), or between a known given name or
    surname and another capitalised word ('Kai "KJ" Jenkins-Obi'). A surname after one is
    the name's however English ('[name] "Paddy" Ward'); in lower case only a known surname."""
    known = None
    for found, before in _nicknames(text):
        known = known or gazetteer()
        given, nick, surname = before.group("given"), found.group("nick"), found.group("surname")
        named = before.group().startswith("[name]") or found.group().endswith("[name]")
        if not named and given is not None and surname is not None:
            named = fold(given) in known.all_given or known_surname(fold(surname), known)
        if not named or (given is None and surname is None and nick == "[name]"):
            continue
        if nick != "[name]" and any(fold(w) in _NOT_NICKNAMES for w in nick.split()):
            continue  # 'Mr [name] "the builder"'
        if given is not None and not _name_part(given, known, lower_too=False):
            continue
        end = found.end()  # the whole name, its quotes too, becomes one [name]
        if surname is not None and not _name_part(surname, known, lower_too=True):
            end = found.end("nick") + 1
        yield before.start(), end


def _nicknames(text: str) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """Each quoted word or two at a word's start, with the name or word before it: tried only
    where a quote opens ("... Gary "Gaz" ..."), far fewer places than every word."""
    for quote in "\"\u201c'\u2018":
        at = text.find(quote)
        while at != -1:
            found = _NICK_ON.match(text, at) if at and text[at - 1] in " \t" else None
            before = _BEFORE_NICK.search(text, max(0, at - 40), at) if found else None
            if found and before:
                yield found, before
            at = text.find(quote, at + 1)


def _name_part(word: str, known: Gazetteer, *, lower_too: bool) -> bool:
    """A word beside a quoted nickname that is part of the name: capitalised and never a
    stop word, or (``lower_too``) a known surname in lower case ("lesley "les" marsh")."""
    folded = fold(word)
    if folded in NEVER_NAMES or folded in FUNCTION_WORDS:
        return False
    if word[0].isupper():
        return not word.isupper() or len(word) > 1
    return lower_too and (known_surname(folded, known) or folded in known.surname_words)


def joined_names(text: str, lowered: str) -> Iterator[Span]:
    """What joins or ends a name found: a particle between two of its parts ("[name] bin
    [name]", "[name] van der [name]") and an Arabic surname after it ("[name] al-Hashimi")."""
    if "[name]" not in text:
        return
    for found in matches_at(_JOINED, text, found_at(text, "[name]")):
        if found.group("article"):
            yield found.span()
            continue
        if not all(w.lower() in _JOINING for w in found.group("particle").split()):
            continue
        surname = found.group("surname")
        if surname is None or ((w := fold(surname)) not in NEVER_NAMES and w not in PLACE_WORDS):
            yield found.span()  # "[name] bin [name]", "[name] da Silva": one name
