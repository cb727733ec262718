"""Known given names and surnames for the name passes, from maintained packages: the person
names of Faker's locales for the communities of the UK (Latin script only), and the ordinary
English words of Webster's word list (``english-words``, its lower-case entries), which set
apart the names that are also words ("Mark", "Hope", "Rose", "Will"): those count as a name
only with more evidence (a surname after them, a cue before them).

Loaded once per process, on first use (about 1.5 s); lookups are by lower-case word with its
accents removed, so "Siân" and "Sian" are the same name.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from classifiers._redaction_given import GIVEN_NAMES, SURNAMES

__all__ = ("Gazetteer", "english", "fold", "gazetteer", "known_given", "name_in", "near_english")

# Faker's person providers for the main languages and origins of UK residents.
_LOCALES_TEXT = """
    en_GB en_IE ga_IE en_US en_IN en_PK en_NG en_KE yo_NG ig_NG ha_NG tw_GH zu_ZA sw pl_PL
    ro_RO cs_CZ sk_SK hu_HU lt_LT lv_LV hr_HR sl_SI tr_TR it_IT es_ES pt_PT fr_FR de_DE nl_NL
    zh_CN zh_TW vi_VN
"""
_LOCALES = tuple(_LOCALES_TEXT.split())
_FIRST = ("first_name", "first_romanized")
# Locales whose given names are common enough in English text to be names first, even where
# Webster's list also has them as words ("harry", "tony", "peter")
_ENGLISH_LOCALES = ("en_GB", "en_US", "en_IE")
# Given names that are everyday English words, capitalised at the start of a sentence or in a
# heading: a name only with more evidence, whatever the lists say
_WORD_NAMES_TEXT = """
    mark will hope grace may june april august rose faith joy dawn bill ray sky summer autumn
    holly ivy daisy heather penny robin frank sunny pearl amber crystal jade olive hazel violet
    iris ruby drew art chase guy pat sue don glen rob rich lance miles norm precious patience
    mercy blessing gift honor honour merry star storm river rain sterling lyric jasper rowan
    willow poppy bonnie harmony destiny trinity lucky angel major earl king duke prince royal
    page reed wade cliff dale forest gene job lot man min said made till tea mile canal gang
    floor else grit case good young long short brown white black green gray grey bell hall hill
    wood field stone marsh moon day bird fox lamb cook baker mason archer fisher bishop ward
    mills love west north south east christian ash sage lark wren jay kit bud buck colt pierce
    hunter carter porter parker walker turner
"""
_WORD_NAMES = frozenset(_WORD_NAMES_TEXT.split())
_LAST = ("last_name", "last_romanized")


@dataclass(frozen=True)
class Gazetteer:
    """Folded lower-case words: ``given`` and ``surnames`` hold no English word;
    ``given_words`` and ``surname_words`` are the names that are also English words."""

    given: frozenset[str]
    surnames: frozenset[str]
    given_words: frozenset[str]
    surname_words: frozenset[str]
    english: frozenset[str]  # every lower-case word of Webster's list
    all_given: frozenset[str]  # ``given`` and ``given_words``


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without accents or a trailing possessive: "Siân's" -> "sian"."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ł", "l")


# Webster's list has head words in American spelling: "behaviours" is "behavior" + "s"
_ENDINGS = (
    *(("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")),
    *(("ers", ""), ("er", ""), ("ly", ""), ("ness", ""), ("ment", ""), ("ments", "")),
    *(("ied", "y"), ("ier", "y"), ("iest", "y")),  # "emptied", "busiest"
)
_BRITISH = (
    *(("our", "or"), ("tre", "ter"), ("ise", "ize"), ("isation", "ization"), ("yse", "yze")),
    *(("ence", "ense"), ("mme", "m"), ("llor", "lor")),  # "licence", "programme", "councillor"
)


# Everyday words Webster's 1934 list lacks: newer ("I'm emailing", "it's online"), British
# ("kerb"), irregular ("paid") or text-speak ("pls")
_EVERYDAY_TEXT = """email online offline website web internet wifi app apps google googled
    covid lockdown smartphone laptop login logon password username postcode selfie facebook
    whatsapp youtube instagram tiktok twitter zoom ebay amazon flytipping flytipped fly-tipping
    recycling wheelie broadband voicemail ringback callback chatbot sat-nav satnav
    kerb kerbs pushchair pushchairs binman binmen paid heard held began
    pls plz thx wk wks ppl asap yob yobs"""
_EVERYDAY = frozenset(_EVERYDAY_TEXT.split())


@lru_cache(maxsize=65536)
def english(word: str) -> bool:
    """Whether ``word`` (folded) is an ordinary English word, inflected or in British spelling:
    "potholes", "passed", "behaviour", "anti-social"."""
    words = gazetteer().english
    if word in words or word in _EVERYDAY:
        return True
    if "-" in word:
        return all(english(part) for part in word.split("-") if part)
    stems = {word} | {word[: -len(end)] + new for end, new in _ENDINGS if _ends(word, end)}
    stems |= {stem[:-1] for stem in stems if len(stem) > 3 and stem[-1] == stem[-2]}  # "stopped"
    for stem in list(stems):
        stems |= {stem[: -len(uk)] + us for uk, us in _BRITISH if stem.endswith(uk)}
        stems |= {stem.replace(uk, us) for uk, us in _BRITISH[:1] if uk in stem}  # "colourful"
    return any(stem in words or stem in _EVERYDAY for stem in stems)


@lru_cache(maxsize=65536)
def near_english(word: str) -> bool:
    """Whether ``word`` is an English word with one letter too many or two swapped: a typo
    ("faithhfully", "teh"), not someone's name."""
    words = gazetteer().english
    deletions = (word[:i] + word[i + 1 :] for i in range(len(word)))
    swaps = (word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1))
    return any(candidate in words for candidate in (*deletions, *swaps))


def _ends(word: str, end: str) -> bool:
    return word.endswith(end) and len(word) > len(end) + 1


def known_given(word: str) -> bool:
    """Whether ``word`` is a given name, also one that is a word ("Rose"), or a hyphenated
    one ("Mary-Jo")."""
    return name_in(fold(word), gazetteer().all_given)


def name_in(word: str, names: frozenset[str]) -> bool:
    """``word`` (folded) is in ``names``, or every part of it is ("lucy-anne")."""
    return word in names or ("-" in word and all(p in names for p in word.split("-") if p))


@cache
def gazetteer() -> Gazetteer:
    given, surnames = _faker_names(_LOCALES)
    given |= GIVEN_NAMES
    surnames |= SURNAMES
    english = _english_words()
    usual = (_faker_names(_ENGLISH_LOCALES)[0] | GIVEN_NAMES) - _WORD_NAMES
    given_words = (given & english - usual) | (given & _WORD_NAMES)
    return Gazetteer(
        given=frozenset(given - given_words),
        surnames=frozenset(surnames - english),
        given_words=frozenset(given_words),
        surname_words=frozenset(surnames & english),
        english=english,
        all_given=frozenset(given),
    )


def _faker_names(locales: Sequence[str]) -> tuple[set[str], set[str]]:
    given: set[str] = set()
    surnames: set[str] = set()
    for locale in locales:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute, value in vars(provider).items():
            into = given if attribute.startswith(_FIRST) else None
            into = surnames if attribute.startswith(_LAST) else into
            if into is not None and isinstance(value, tuple | list | dict):
                into.update(fold(name) for name in value if isinstance(name, str) and _latin(name))
    for names in (given, surnames):  # "Mary-Kate", "Ó Súilleabháin": their parts too
        names.update(part for name in list(names) for part in name.replace("-", " ").split())
    return {n for n in given if len(n) > 1}, {n for n in surnames if len(n) > 1}


def _latin(name: str) -> bool:
    return all(ch in " -'" or "LATIN" in unicodedata.name(ch, "") for ch in name)


def _english_words() -> frozenset[str]:
    """Ordinary English words: the lower-case entries of Webster's list (its capitalised
    entries are proper names)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(word for word in words if word.islower())
