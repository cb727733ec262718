"""Shops and cars named like people ("John Lewis", "Marks & Spencer", "a red Nissan Micra"): the
name passes leave these spans alone, so that a report keeps where and what it is about. Finds
spans; replaces no text. The reporter's own name is still redacted wherever it appears."""

from __future__ import annotations

import re

from classifiers._redaction_candidates import surname
from classifiers._redaction_gazetteer import fold, gazetteer
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
# ... or after it: "John Lewis rang me", "Peter Jones is my neighbour"
_PERSON_AFTER_TEXT = """rang rings phoned phones emailed emails said says told tells asked asks
    wrote writes came comes visited promised wants wanted lives lived who"""
_PERSON_AFTER = frozenset(_PERSON_AFTER_TEXT.split())
_OWNER = frozenset(("my", "our", "his", "her", "their"))
_WORD = re.compile(r"[^\W\d_]+")


def brand_spans(text: str, lowered: str) -> list[Span]:
    """Where the text names a shop or a car that a name pass could take for a person, unless
    the words beside it say a person stands there."""
    words = words_of(lowered)
    spans: list[Span] = []
    if not _SHOP_WORDS.isdisjoint(words):
        spans += (found.span() for found in _SHOP.finditer(text))
    if not _CAR_WORDS.isdisjoint(words):
        spans += (found.span() for found in _CAR.finditer(text) if not _named_model(found))
    return [span for span in spans if not _person_beside(lowered, span)]


def _named_model(car: re.Match[str]) -> bool:
    """A "model" that is a name: "Kia Jones", "Mercedes Smith" are people."""
    model, known = fold(car.group().split()[-1]), gazetteer()
    return model in known.all_given or surname(model, known) or model in known.surname_words


def _person_beside(lowered: str, span: Span) -> bool:
    """One of the two words before ``span`` is a person cue ("spoke to", "my neighbour"), or the
    words after it say what a person does ("rang") or is ("is my neighbour")."""
    before = _WORD.findall(lowered, max(0, span[0] - 30), span[0])[-2:]
    if not _PERSON_CUES.isdisjoint(before):
        return True
    if lowered[span[1] : span[1] + 1] != " ":
        return False
    after = [*lowered[span[1] : span[1] + 30].split()[:2], "", ""]
    return after[0] in _PERSON_AFTER or (after[0] in ("is", "was") and after[1] in _OWNER)
