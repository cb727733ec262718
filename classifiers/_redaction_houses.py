"""The redaction pass for houses known by their name, which is their address: "Rose Cottage",
"The Old Forge", "The Laurels", "Tŷ Nant". Finds spans; replaces no text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import Span, words_of
from classifiers._redaction_words import COMMON

__all__ = ("house_spans",)

_HOUSE_WORD_TEXT = "Cottage|Farm|Lodge|Barn|Forge|Bungalow|Grange|Croft|Villa|House|Manor"
_HOUSE = re.compile(  # "Rose Cottage", "The Old Forge": a house's name is its address
    rf"(?<![\w\]])((?:[A-Z][a-z'\u2019]+[ \t]+){{1,2}})(?:{_HOUSE_WORD_TEXT})(?!\w)"
)
_HOUSE_WORD = re.compile(_HOUSE_WORD_TEXT)
_HOUSE_WORDS = frozenset(_HOUSE_WORD_TEXT.lower().split("|"))
# Britain's classic house names: "The Laurels, Upper Marsh Lane"
_NAMED_HOUSE = re.compile(  # "T" first, so that re skips ahead to one
    r"T(?<![\w\]]T)he[ \t]+(?:Laurels|Limes|Willows|Beeches|Hollies|Firs|Elms|Gables|Poplars"
    r"|Cedars|Pines|Larches|Chestnuts|Hawthorns|Rowans|Birches|Bothy|Old[ \t]+(?:Rectory"
    r"|Vicarage|Bakery|Dairy|Smithy|Post[ \t]+Office|School[ \t]+House)|Coach[ \t]+House)(?!\w)"
)
# Welsh house names: "Tŷ Nant", "Bwthyn Bach" ("Ty" without its accent is also a given name)
_WELSH_HOUSE = re.compile(
    r"(?<![\w\]])(?:Tŷ|TŶ|Bwthyn)[ \t]+[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)?"
)
_NOT_HOUSES_TEXT = """council town public civic court care nursing station club coach guild white
    leisure opera community health medical custom farm tree green open full half"""
_NOT_HOUSES = frozenset(_NOT_HOUSES_TEXT.split())


def _may_have_house_word(text: str, lowered: str) -> bool:
    """Whether ``_HOUSE`` may match. In ASCII its house word is a whole word (spaces before it,
    no word character after it), so asked first of the shared ``words_of``, a few set lookups
    where ``_HOUSE_WORD``, an alternation with no literal to skip ahead to, tries every
    character."""
    if lowered.isascii() and _HOUSE_WORDS.isdisjoint(words_of(lowered)):
        return False
    return _HOUSE_WORD.search(text) is not None


def house_spans(text: str, lowered: str) -> Iterator[Span]:
    """A house's name, its address: "Rose Cottage", "The Old Forge", "The Laurels", "Tŷ Nant"."""
    if "The" in text:
        yield from (house.span() for house in _NAMED_HOUSE.finditer(text))
    if "Tŷ" in text or "TŶ" in text or "Bwthyn" in text:
        yield from (house.span() for house in _WELSH_HOUSE.finditer(text))
    for house in _HOUSE.finditer(text) if _may_have_house_word(text, lowered) else ():
        words = house.group(1).lower().split()
        first = words[1] if words[0] == "the" and len(words) > 1 else words[0]
        if first not in _NOT_HOUSES and first not in COMMON:
            yield house.span()
