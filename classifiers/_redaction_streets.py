"""The redaction pass for street addresses with a house number ("14 Oak Street", "Flat 3, 22b
High Road") and the street words other passes use. Finds spans; replaces no text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import RIGHT_EDGE, Number, Span, left_edge, matches_at
from contracts import Reporter

__all__ = (
    "NUMBERED_SUFFIX",
    "STREET_AFTER",
    "STREET_WORDS",
    "WELSH_STREETS",
    "address_spans",
    "lower_case_address_spans",
)

_STREETS = """Street St Road Rd Avenue Ave Lane Ln Close Drive Dr Way Court Ct Crescent Cres
    Grove Place Pl Gardens Gdns Terrace Walk View Park Mews Row Square Sq Hill"""
# Street words that are also surnames or common words ("Jo Green", "the bank"): a street only
# after a house number ("43 Clover Bank"), never marking the end of a name elsewhere.
_NUMBERED_STREETS = """Rise Bank Parade Vale Chase Green Mount Boulevard Approach Fold Meadows
    Heights Quay Wharf Yard Brow Wynd Circus Promenade Parkway Gate Side Dale Fields Cottages
    Villas Buildings Mansions Houses"""
_SUFFIX = "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _STREETS.split())
NUMBERED_SUFFIX = "|".join(
    f"[{w[0]}{w[0].lower()}]{w[1:]}|{w.upper()}" for w in f"{_STREETS} {_NUMBERED_STREETS}".split()
)
_WELSH_STREET_WORDS = (
    "heol ffordd stryd lon lôn rhodfa cilgant teras maes clos llwyn parc cwrt rhes"
)
# Words that make a street, in English after its name and in Welsh before it ("Lôn Isaf")
STREET_WORDS = frozenset(w.lower() for w in _STREETS.split()) | frozenset(
    _WELSH_STREET_WORDS.split()
)

_ADDRESS = re.compile(
    left_edge("[0-9]") + r"[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:[0-9]{1,4}[A-Za-z]?,?[ \t]+)?"
    rf"((?:[A-Z][\w'\u2019-]*\.?[ \t]+){{1,3}})(?:{NUMBERED_SUFFIX}){RIGHT_EDGE}"
)
# Welsh streets put the street word first: "12 Heol y Dderwen", "4 Ffordd yr Eglwys", "22 Stryd
# Fawr", "7 Maes y Coed"; they end on a capitalised word
WELSH_STREETS = "Heol|Ffordd|Stryd|L[ôo]n|Rhodfa|Cilgant|Teras|Maes|Clos|Llwyn|Parc|Cwrt|Rhes"
_WELSH_ADDRESS = re.compile(
    left_edge("[0-9]") + r"[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:[0-9]{1,4}[A-Za-z]?,?[ \t]+)?"
    rf"(?:{WELSH_STREETS})(?:[ \t]+(?:y|yr|[A-Z][\w'\u2019-]*)){{0,2}}[ \t]+[A-Z][\w'\u2019-]*"
    + RIGHT_EDGE
)
# In capitals, "3 WEEKS FOR THE ROAD" is no address: the street's name holds no such word.
_SMALL_WORDS_TEXT = """a an the and or of for to in on at by with from my our your his her their
    its it is was be been has have had not no so but if as this that these those weeks days
    months years times"""
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
_FLAT_BEFORE = re.compile(r"(?<!\w)(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt|[Uu]nit)\.?[ \t]+$")
STREET_AFTER = re.compile(rf"[ \t]+(?:{_SUFFIX})(?!\w)")
# In lower case ("lives alone at 62 nelson road", "address: 34 elm avenue") only after a word
# that places it or at a line's start, and never "2 hours drive", "a 5 minute walk"
_LOWER_STREETS = """street st road rd avenue ave lane close drive way court crt crescent cres
    grove place gardens gdns terrace tce walk view park mews row square hill rise parade cottages
    cotts"""
_LOWER_ADDRESS = re.compile(
    r"[0-9]{1,4}[a-z]?,?[ \t]+(?:[0-9]{1,4}[a-z]?,?[ \t]+)?"
    r"(the[ \t]+|(?:[a-z][a-z'\u2019-]*[ \t]+){1,3})"  # "43 the crescent", "4 bank top cottages"
    rf"(?:{'|'.join(_LOWER_STREETS.split())}){RIGHT_EDGE}"
)
# Where a lower-case address may start: after a word that places it, a comma or a field's
# colon ("[name], 12 glebe rd", "addr: 5 elm close"), or at the start of a line or sentence
_PLACED_BEFORE = re.compile(
    r"(?:(?<![\w'\u2019])(?i:at|on|from|outside|opposite|near|behind|to|address:?)[ \t]+"
    r"|[,:;][ \t]*|[.!?][ \t]+|^[ \t]*)$",
    re.MULTILINE,
)
# Streets of one word after a house number: "24 Kingsway", "3 Broadway"
_ONE_WORD_STREET = re.compile(
    left_edge("[0-9]")
    + r"[0-9]{0,3}[A-Za-z]?,?[ \t]+(?:(?:Kings|Queens|Broad|North|South|East|West|Ridge|Green"
    r"|Fair|Cause|Park)way|[A-Z][a-z]{2,}(?:gate|side))"  # "14 Swinegate", "16 Sunnyside"
    + RIGHT_EDGE
    + r"(?![ \t]+[A-Z][a-z])"  # not a building's first word: "3, Riverside Industrial Estate"
)
_NOT_STREET_NAMES_TEXT = """hour hours hr hrs minute minutes min mins mile miles second seconds
    day days week weeks month months year years time times more other different separate
    big small long short main car cars kid kids dog dogs way ways lane lanes am pm past"""
_NOT_STREET_NAMES = _SMALL_WORDS | frozenset(_NOT_STREET_NAMES_TEXT.split())


def address_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    years = ("19", "20")  # "since 2019 Station Road has flooded"
    starts = [
        s for s, e, _ in numbers if e - s < 4 or (e - s == 4 and text[s : s + 2] not in years)
    ]
    english = (m for m in matches_at(_ADDRESS, text, starts) if _no_small_words(m.group(1)))
    # Tried at the few numbers' starts: a search of the text for a Welsh street word first, to
    # skip them, cost twice as much
    welsh = matches_at(_WELSH_ADDRESS, text, starts)
    one_word = (
        matches_at(_ONE_WORD_STREET, text, starts)
        if "way" in text or "gate" in text or "side" in text
        else ()
    )
    for match in (*english, *welsh, *one_word):
        flat = _FLAT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        yield (flat.start() if flat else match.start()), match.end()


def _no_small_words(name: str) -> bool:
    return _SMALL_WORDS.isdisjoint(name.lower().split())


def lower_case_address_spans(
    text: str, numbers: list[Number], _: Reporter | None
) -> Iterator[Span]:
    """Addresses in lower case ("lives alone at 62 nelson road"): only after a word that
    places them or at a line's start ("address: 34 elm avenue", "[name]\n87 windsor road")."""
    starts = (s for s, e, _ in numbers if e - s < 4)
    for match in matches_at(_LOWER_ADDRESS, text, starts):
        words = match.group(1).split()
        if words != ["the"] and not _NOT_STREET_NAMES.isdisjoint(words):
            continue  # "at 2 hours drive", "on 3 different road"
        flat = _FLAT_BEFORE.search(text, max(0, match.start() - 12), match.start())
        start = flat.start() if flat else match.start()
        if _PLACED_BEFORE.search(text, max(0, start - 12), start):
            yield start, match.end()
