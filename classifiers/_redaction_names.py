"""Redaction passes for people's names that a word before them announces: a title, a cue such as
"my name is", a family word such as "my son", a sign-off, a date of birth after them. Names
found by where they stand (beside the writer, before contact details, in a letter's heading)
are in ``_redaction_placed``; the word lists both use are in ``_redaction_words``. Each finds
spans; none replaces text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from typing import NamedTuple

from classifiers._redaction_gazetteer import known_given
from classifiers._redaction_ids import DOB_CUE, dob_cue_possible
from classifiers._redaction_spans import (
    Span,
    free_before,
    line_starts,
    matches_at,
    words_of,
)
from classifiers._redaction_words import (
    COMMON,
    FAMILY,
    FUNCTION_WORDS,
    LANGUAGES,
    MODALS,
    ORGANISATIONS,
    PARTICLES,
    SIGNED_STOPS,
)

__all__ = (
    "born_names",
    "cued_names",
    "kin_names",
    "signed_names",
    "strong_name",
    "titled_names",
)

# Letters of any script: "Wiśniewski". A run of letters at a time, not a choice per letter:
# the same words, matched about a quarter faster
_WORD = r"(?:[A-Z]\.|[^\W\d_]+(?:['\u2019-][^\W\d_]*)*)"
_TITLE = r"(?:[Mm][Rr][Ss]?|[Mm][SsXx]|Miss|Dr|Prof)"
# What follows a family word before a name: "my mum, Jo"
_KIN_CUE_END = re.compile(r"(?:[ \t]*,)?(?=[ \t]+[^\W\d_])")
_FAMILY_WORDS = frozenset(FAMILY)
_THEN_HERE = re.compile(r"[ \t]+(?i:here|from|again|speaking|calling|ringing|writing)\b")
_NAME_FIELDS = (
    *("name", "surname", "forename", "tenant", "resident", "customer", "applicant", "complainant"),
)
# A forwarded message's sender: "From: Sue", "From: Bev Hughes <...>"
_FROM_HEADER = re.compile(
    r"^[ \t]*From:[ \t]*(?P<name>[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*){0,2})"
    r"[ \t]*(?:<|\r?$)",
    re.MULTILINE,
)
_ANYTHING = re.compile("")  # a cue whose name must be strong: two words or a known given name
_THEN_FROM = re.compile(r"[ \t]+(?i:from|here)\b")
_THEN_KNOW = re.compile(r"[ \t]+know\b")
# (cue, how many uncapitalised name words may follow it, what must follow the name)
_NAME_CUES: tuple[tuple[str, int, re.Pattern[str] | None], ...] = (
    *((cue, 3, None) for cue in ("my name is", "my name's", "my name\u2019s")),
    *((cue, 0, None) for cue in ("i am", "i'm", "i\u2019m")),
    # "he said his name was Rich", "I think his surname is Carver", "Ayşe née Kaya"
    *((cue, 0, None) for cue in ("name is", "name was", "surname is", "surname was", "née", "nee")),
    ("this is", 0, _THEN_FROM),  # "this is Dave from ...", not "this is Oak Street"
    *((cue, 0, _THEN_HERE) for cue in ("it's", "it\u2019s", "it is", "its")),  # "it's Jo here"
    ("from", 0, re.compile(r"[ \t]*[,(<-]?[ \t]*\[(?:phone|email)\]")),  # "From Jo Bloggs, 0151"
    *((cue, 0, _ANYTHING) for cue in ("on behalf of", "ask for", "speak to my", "care of")),
    *((cue, 0, _ANYTHING) for cue in ("belongs to", "owned by", "rented by", "lives at")),
    *((cue, 0, _ANYTHING) for cue in ("resident", "complainant", "applicant", "client")),
    *((cue, 0, _ANYTHING) for cue in ("me and", "myself and")),  # "me and Jo Bloggs"
    *((cue, 0, _THEN_HERE) for cue in ("hi,", "hiya,", "hello,", "hi", "hiya", "hello")),
    ("let", 0, _THEN_KNOW),  # "let Jo Bloggs know"
)


# The whole words one of which what follows the name starts with (in ASCII text)
_THEN_WORDS = {
    _THEN_HERE: frozenset(["here", "from", "again", "speaking", "calling", "ringing", "writing"]),
    _THEN_FROM: frozenset(("from", "here")),
    _THEN_KNOW: frozenset(("know",)),
}


class _Cue(NamedTuple):
    """A cue of ``_NAME_CUES`` and the words a text must hold for it. ``order``, its place, is
    unique: sorting cues compares nothing else."""

    order: int
    cue: str
    lowercase: int
    then: re.Pattern[str] | None
    words: frozenset[str]
    then_words: frozenset[str]  # empty if any word may follow


def _cues_by_word() -> dict[str, tuple[_Cue, ...]]:
    """Each cue filed under its longest word (not "i"): a text is checked only for the cues
    whose word it holds, in their order, not for all forty."""
    filed: dict[str, list[_Cue]] = {}
    for order, (cue, lowercase, then) in enumerate(_NAME_CUES):
        words = frozenset(re.findall(r"\w+", cue))
        then_words = _THEN_WORDS.get(then, frozenset()) if then is not None else frozenset()
        key = max(sorted(words), key=lambda w: (len(w), w != "i"))
        filed.setdefault(key, []).append(_Cue(order, cue, lowercase, then, words, then_words))
    return {word: tuple(cues) for word, cues in filed.items()}


_CUES_UNDER = _cues_by_word()
_CUE_KEYS = frozenset(_CUES_UNDER)
_SIGN_OFFS = ("regards", "wishes", "sincerely", "faithfully", "yours truly", "yours", "signed")
_SIGN_OFFS_WEAK = ("thanks", "thank you", "cheers")  # the name must end its line
_SIGN_OFF_WORDS = tuple((cue, frozenset(cue.split())) for cue in _SIGN_OFFS + _SIGN_OFFS_WEAK)

_TITLED = re.compile(
    r"[MDPm](?<!\w[MDPm])(?<![a-z]\][MDPm])"
    r"(?:(?<=[Mm])(?:[Rr][Ss]?|[SsXx])|(?<=M)iss|(?<=D)r|(?<=P)rof)(?!\w)"
    rf"\.?(?:[ \t]+(?:and|&)[ \t]+{_TITLE}\.?)?"
)
_TITLE_WORDS = frozenset(("mr", "mrs", "ms", "mx", "miss", "dr", "prof"))  # ``_TITLED``'s
_NAME_WORDS = re.compile(rf"(?:[ \t]+{_WORD}){{1,4}}")
_NAME_FIELD = re.compile(rf"[ \t]*:((?:[ \t]+{_WORD}){{1,3}})")  # "Name: Jane Doe"
_SIGNED = re.compile(
    rf"(?!\w)(?P<gap>[ \t]*[,.!:-]?(?:[ \t]*\r?\n){{0,2}})([ \t]*{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
)
_END_OF_LINE = re.compile(r"[ \t]*[.!]?[ \t]*(?:\r?\n|$)")
_BEFORE_BORN = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Za-z][\w'\u2019-]*[ \t]+){0,2}[A-Za-z][\w'\u2019-]*)"
    r"[ \t]*(\(|,|-)?[ \t]*$"
)


def _cue_ends(text: str, lowered: str, cue: str) -> list[int]:
    """Where ``cue`` (in lower case) ends, wherever it starts a word of ``text``."""
    ends: list[int] = []
    index = lowered.find(cue)
    while index != -1:
        if free_before(text, index):
            ends.append(index + len(cue))
        index = lowered.find(cue, index + 1)
    return ends


def _named(
    start: int,
    words: str,
    lowercase: int,
    stop_words: frozenset[str],
    caps: bool = False,
    cased: str | None = None,
) -> Span | None:
    """The name starting ``words`` (at ``start``): up to ``lowercase`` uncapitalised words; a
    word in capitals ("HTML only") only where the text around it is in capitals (``caps``).
    ``cased``: ``words`` as written, when they were lower-cased."""
    length = position = 0
    capitalised = False
    parts = words.split()
    as_written = cased.split() if cased else parts
    for index, word in enumerate(parts):
        position = words.index(word, position) + len(word)
        bare = word.rstrip(".")
        if len(bare) == 1 and bare.isupper():
            continue
        lower_bare = bare.lower()
        lower_word = word[0].islower() and (lower_bare in COMMON or lower_bare in MODALS)
        if lower_bare in stop_words or lower_word or lower_bare in LANGUAGES:
            break  # "I am Spanish": a language or nationality is never a name
        if not caps and len(bare) > 1 and bare.isupper():
            break
        if length and word in PARTICLES and _capital_after(as_written, index):
            continue  # "Mary de Souza", "Mr van der Berg": inside a name, never its end
        if word[0].islower():
            if lowercase == 0 or capitalised:  # "Mr Brown next door": a name ends
                break
            lowercase -= 1
        capitalised = capitalised or word[0].isupper()
        length = position
    return (start + len(words) - len(words.lstrip(" \t")), start + length) if length else None


def _capital_after(parts: list[str], index: int) -> bool:
    """Whether the first word after ``parts[index]`` that is no particle is capitalised."""
    following = (word for word in parts[index + 1 :] if word not in PARTICLES)
    return next(following, "")[:1].isupper()


def titled_names(text: str, lowered: str) -> Iterator[Span]:
    if _TITLE_WORDS.isdisjoint(words_of(lowered)):
        return  # a title is a whole word
    for match in _TITLED.finditer(text):
        words = _NAME_WORDS.match(text, match.end())
        caps = words is not None and _capitals_around(text, match.start(), words.group())
        if words and (name := _name_at(match.end(), words.group(), 1, FUNCTION_WORDS, caps)):
            yield match.start(), name[1]


def cued_names(text: str, lowered: str) -> Iterator[Span]:
    details = "[phone]" in text or "[email]" in text
    words_here = words_of(lowered)
    # ``re.IGNORECASE`` sees the lower case of ASCII text only as ``lowered`` holds it
    ascii_text = text.isascii()
    held = sorted(chain.from_iterable(map(_CUES_UNDER.__getitem__, _CUE_KEYS & words_here)))
    for _, cue, lowercase, then, cue_words, then_words in held:
        if cue == "from" and not details:
            continue  # "from" only before contact details
        if not cue_words <= words_here:
            continue  # a cue that names someone is whole words, and a name follows it
        if then_words and ascii_text and then_words.isdisjoint(words_here):
            continue  # nor can the words the name must come before follow it
        for end in _cue_ends(text, lowered, cue) if cue in lowered else ():
            words = _NAME_WORDS.match(text, end)
            if not words:
                continue
            if lowercase == 0 and words.group().isupper():  # "I'M MOVING OUT": not a name
                name = _named_known(end, words.group(), COMMON)
            else:
                caps = _capitals_around(text, end, words.group())
                name = _name_at(end, words.group(), lowercase, COMMON, caps)
            if not name or (then is not None and not then.match(text, name[1])):
                continue
            if then not in (_THEN_HERE, _ANYTHING) or strong_name(text[name[0] : name[1]]):
                yield name
    for header in matches_at(_FROM_HEADER, text, line_starts(text)) if "From:" in text else ():
        if known_given(header.group("name").split()[0]):  # not "From: Housing Options"
            yield header.span("name")
    fields = [f for f in _NAME_FIELDS if f in words_here] if ":" in text else ()
    for end in (end for field in fields for end in _cue_ends(text, lowered, field)):
        if found := _NAME_FIELD.match(text, end):  # "Name: Jane Doe", "Surname: Doe"
            caps = _capitals_around(text, end, found.group(1))
            yield from filter(None, [_named(found.start(1), found.group(1), 3, COMMON, caps)])


def kin_names(text: str, lowered: str) -> Iterator[Span]:
    """Capitalised names after family and neighbour words: "neighbour Li Wei", "my son Oliver"."""
    if _FAMILY_WORDS.isdisjoint(words_of(lowered)):
        return  # the cue is a whole word: most texts hold none
    for start, end in _kin_cues(lowered):
        if free_before(text, start) and (words := _NAME_WORDS.match(text, end)):
            yield from filter(None, [_name_at(end, words.group(), 0, SIGNED_STOPS)])


def _kin_cues(lowered: str) -> list[Span]:
    """Each family word before another word, with the comma after it, in order. Found with
    ``str.find`` for the family words the text holds: one regex of all of them, tried at every
    character, cost ten times more."""
    cues: list[Span] = []
    for word in _FAMILY_WORDS.intersection(words_of(lowered)):
        at = lowered.find(word)
        while at != -1:
            before = lowered[at - 1 : at]
            word_before = before.isalnum() or before == "_"  # as ``\b``
            if not word_before and (end := _KIN_CUE_END.match(lowered, at + len(word))):
                cues.append((at, end.end()))
            at = lowered.find(word, at + 1)
    return sorted(cues)


def born_names(text: str, lowered: str) -> Iterator[Span]:
    """The name just before a date-of-birth cue: "Oliver (DOB 14/05/2012)", "Amy Hill, born"."""
    for cue in DOB_CUE.finditer(text) if dob_cue_possible(text, lowered) else ():
        found = _BEFORE_BORN.search(text, max(0, cue.start() - 40), cue.start())
        if not found:
            continue
        words = found.group(1).split()
        while words and words[0].lower() in SIGNED_STOPS:
            words.pop(0)
        if any(w.lower() in SIGNED_STOPS for w in words):
            continue
        if not all(w[0].isupper() for w in words):  # lower case only right before "(dob"
            words = words[-1:] if found.group(2) == "(" else []
        if words and (len(words[-1]) < 2 or words[-1].isupper() is not words[0].isupper()):
            continue
        if words:
            yield found.end(1) - len(" ".join(words)), found.end(1)


def _name_at(
    start: int, words: str, lowercase: int, stop_words: frozenset[str], caps: bool = False
) -> Span | None:
    """``_named``, but a known given name may also start a name in lower case or capitals."""
    first = words.split()[0]
    if len(first.rstrip(".")) < 2 or (first[:1].isupper() and not first.isupper()):
        return _named(start, words, lowercase, stop_words, caps)
    if lowercase == 0 and first[:1].islower():  # ``_named`` would end the name before it
        return _named_known(start, words, stop_words)
    return _named_known(start, words, stop_words) or (
        None if first.isupper() and not caps else _named(start, words, lowercase, stop_words, caps)
    )


def _named_known(start: int, words: str, stop_words: frozenset[str]) -> Span | None:
    """A name of up to two words in any case whose first word is a known given name."""
    lowered = words.lower()
    first = lowered.split()[0].rstrip(".,")
    if not known_given(first) or len(lowered) != len(words):
        return None
    return _named(start, lowered, 2, stop_words, cased=words)


def strong_name(name: str) -> bool:
    """Two words or more (not an organisation's), or a known given name: "It's Grim here",
    "on behalf of Halton Housing" are not names."""
    words = name.lower().split()
    if known_given(words[0]):
        return True
    return len(words) > 1 and not any(word in ORGANISATIONS for word in words)


def _in_capitals(text: str, index: int) -> bool:
    """Whether the text around ``index`` is written in capitals (shouting, a form's fields)."""
    # ``map`` of the C method: no Python frame per character
    return not any(map(str.islower, text[max(0, index - 40) : index + 40]))


def _capitals_around(text: str, index: int, words: str) -> bool:
    """``_in_capitals`` for a name in ``words``, or False where that cannot matter: only a word
    in capitals asks it (``_named``, ``_name_at``), and ``words`` in lower case hold none."""
    return not words.islower() and _in_capitals(text, index)


def signed_names(text: str, lowered: str) -> Iterator[Span]:
    words_here = words_of(lowered)
    for cue, cue_words in _SIGN_OFF_WORDS:
        if not cue_words <= words_here:
            continue  # the sign-off is whole words: ``_SIGNED`` starts at a word's end
        for end in _cue_ends(text, lowered, cue) if cue in lowered else ():
            if not (signed := _SIGNED.match(text, end)):
                continue
            words = signed.group(2)
            if _afterthought(words):
                continue
            if words.lstrip()[:1].islower():  # ``_named`` allowing no lower-case word finds none
                # "thanks, gareth jones": lower-case words that end the line
                name = _named(signed.start(2), words, 3, SIGNED_STOPS)
                if name and _END_OF_LINE.match(text, name[1]):
                    yield name
                continue
            caps, gap = _capitals_around(text, end, words), signed.group("gap")
            name = _named(signed.start(2), words, 0, COMMON, caps)
            strong = "\n" in gap or ("," in gap and cue not in _SIGN_OFFS_WEAK)
            if name and (strong or _END_OF_LINE.match(text, name[1])):
                yield name


def _afterthought(words: str) -> bool:
    """A new sentence after the sign-off, not a name: "Kind regards\n\nOh and the lid ...",
    "Thanks, oh, by the way" (but "Cheers, Oh Min-jun")."""
    first, *rest = words.lower().split()
    return first == "oh" and (not rest or rest[0] in COMMON)
