"""Shops and cars named like people ("John Lewis", "Marks & Spencer", "a red Nissan Micra"): the
name passes leave these spans alone, so that a report keeps where and what it is about. Finds
spans; replaces no text. The reporter's own name is still redacted wherever it appears."""

from __future__ import annotations

import re

from classifiers._redaction_spans import Span, words_of
from classifiers._redaction_words import KIN

__all__ = ("brand_spans",)

# Shops, banks and chains named after people, as residents write them
_SHOPS_TEXT = """john lewis|marks & spencer|marks and spencer|william hill|dorothy perkins
    |laura ashley|peter jones|harvey nichols|jack wills|tim hortons|ted baker|paddy power
    |holland & barrett|holland and barrett|ronald mcdonald|frankie & benny's
    |frankie and benny's|ben sherman|fred perry|harry ramsden's|sue ryder|bernard matthews|ryman"""
_SHOPS = tuple(" ".join(shop.split()) for shop in _SHOPS_TEXT.split("|"))
_SHOP = re.compile(
    r"(?<![\w'\u2019])(?i:"
    + "|".join(re.escape(s).replace(r"\ ", r"[ \t]+") for s in _SHOPS)
    + r")"
    r"(?![\w'\u2019])"
)
_SHOP_WORDS = frozenset(shop.split()[0] for shop in _SHOPS)
# A car's make and model ("Vauxhall Corsa", "Toyota Yaris", "Kia Picanto", "Hyundai i10");
# "Ford" is also a surname, so only with one of its models
_MAKES = """vauxhall|toyota|nissan|honda|kia|hyundai|peugeot|renault|citroen|citroën|fiat|skoda
    |škoda|volkswagen|vw|volvo|mazda|suzuki|seat|dacia|mitsubishi|subaru|mini|audi|bmw|mercedes
    |tesla|lexus|jaguar|land rover|range rover"""
_FORD_MODELS = "fiesta|focus|transit|ka|kuga|mondeo|galaxy|puma|escort|sierra|ranger|c-max|s-max"
_CAR = re.compile(
    r"(?<![\w'\u2019])(?:(?i:" + "|".join(m.strip() for m in _MAKES.split("|")) + r")"
    r"[ \t]+(?:[A-Z][\w-]*|[a-z]*[0-9][\w-]*)"
    r"|(?i:ford)[ \t]+(?i:" + _FORD_MODELS + r"))(?![\w'\u2019])"
)
_CAR_WORDS = frozenset(m.strip().split()[0] for m in f"{_MAKES}|ford".split("|"))


# Words that say a person follows, whatever their name: "my neighbour John Lewis", "Dear Laura
# Ashley", "Mrs Marks"
_PERSON_CUES_TEXT = """dear hi hello hiya mr mrs ms miss mx dr called named tenant resident
    customer caller ask tell thanks cheers regards spoke speak speaking talked talking"""
_PERSON_CUES = KIN | frozenset(_PERSON_CUES_TEXT.split())
_WORD = re.compile(r"[^\W\d_]+")


def brand_spans(text: str, lowered: str) -> list[Span]:
    """Where the text names a shop or a car that a name pass could take for a person, unless a
    word before it says a person stands there."""
    words = words_of(lowered)
    spans: list[Span] = []
    if not _SHOP_WORDS.isdisjoint(words):
        spans += (found.span() for found in _SHOP.finditer(text))
    if not _CAR_WORDS.isdisjoint(words):
        spans += (found.span() for found in _CAR.finditer(text))
    return [span for span in spans if not _person_before(lowered, span[0])]


def _person_before(lowered: str, start: int) -> bool:
    """One of the two words before ``start`` is a person cue ("spoke to", "my neighbour")."""
    words = _WORD.findall(lowered, max(0, start - 30), start)[-2:]
    return not _PERSON_CUES.isdisjoint(words)
