"""Redaction passes for identifiers that are neither digits alone nor names: dates of birth
(after a cue such as "DOB" or "born"), vehicle registrations, driving licence and passport
numbers, social-media handles and profile links. Each finds spans; none replaces text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import (
    RIGHT_EDGE,
    Number,
    Span,
    found_at,
    free_before,
    matches_at,
    words_of,
)
from contracts import Reporter

__all__ = (
    "DOB_CUE",
    "dob_after_name_spans",
    "dob_answer_spans",
    "dob_cue_possible",
    "dob_spans",
    "handle_spans",
    "licence_spans",
    "named_handle_spans",
    "passport_spans",
    "profile_spans",
    "spelt_email_spans",
    "vehicle_spans",
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"  # "14 May 2012"
DOB_CUE = re.compile(
    r"(?<![\w.])(?:d\.?[ \t]?o\.?[ \t]?b\b\.?|y\.?o\.?b\b\.?|date[ \t]+of[ \t]+birth"
    r"|birth[ \t]?date|born(?:[ \t]+(?:on|in))?"
    r"|(?<=\()b\.(?=[ \t]*[0-9]))",  # "(b. 1944)"
    re.IGNORECASE,
)
# A date as people and systems write one: "03.06.1948", "5/3/92", ISO as a system exports it
# ("1987-02-11"), "14th of May 1962", "5 march 92"
_DATE = (
    r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}|(?:19|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}[ \t]*,?[ \t]*[0-9]{{2,4}}"
)
_DATE_AFTER_CUE = re.compile(
    r"[ \t]*(?:[:=-][ \t]*)?(?:(?:is|was|of)[ \t]+)?(?:the[ \t]+)?"  # "born on the 14th of May"
    rf"({_DATE}|{_MONTH}[ \t]+[0-9]{{1,2}}(?:st|nd|rd|th)?,?[ \t]+[0-9]{{4}}"
    r"|(?:19|20)[0-9]{2})" + RIGHT_EDGE,  # the year alone: "DOB 1969 roughly", "born in 1957"
    re.IGNORECASE,
)
# In a transcript, the line after a question about a date of birth answers it: "Agent: And
# your date of birth?\nCustomer: 5 march 92"
_DOB_QUESTION = re.compile(
    r"(?i:date[ \t]+of[ \t]+birth|(?<![\w.])d\.?o\.?b\b\.?)[^\n?]*\?[ \t]*\r?\n(?P<answer>[^\n]*)"
)
_ANSWER_DATE = re.compile(rf"(?<![\w/.-])(?:{_DATE})" + RIGHT_EDGE, re.IGNORECASE)
# A full date (its year in four digits, which says how long ago it was: ``_DATE`` with the
# year's place named) right after a person's name, as referrals and CRM
# records list them: "[name], 03.06.1948,", "Child: [name], Y2, 14/04/2019", "[name] (82),
# 11-11-1944", "daughter [name] (2009-08-19)", "[name] b. 15.3.2020"
_FULL_DATE = (
    rf"[0-9]{{1,2}}[/.-][0-9]{{1,2}}[/.-](?P<year>(?:19|20)[0-9]{{2}})"
    rf"|(?P<iso>(?:19|20)[0-9]{{2}})-[0-9]{{1,2}}-[0-9]{{1,2}}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}[ \t]+(?P<spelt>(?:19|20)[0-9]{{2}})"
)
_DATE_AFTER_NAME = re.compile(
    r"\[name\]\)?(?:[ \t]*\((?:aged[ \t]+)?[0-9]{1,3}\))?"  # "[name] (82)"
    r"(?:[ \t]*,[ \t]*(?:Y|P|Year[ \t]?)[0-9]{1,2})?"  # "[name], Y2," a school year
    r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+(?:b\.[ \t]*)?)"
    rf"(?P<date>{_FULL_DATE})" + RIGHT_EDGE,
    re.IGNORECASE,
)
# Current (AB12 CDE) plates anywhere; older prefix (A123 BCD) and suffix (ABC 123D) plates only
# in capitals near a word about a vehicle, since "A56 and" or "the 123" read the same way.
_PLATE = re.compile(
    r"(?<![\w\[\]])[A-Za-z]{2}(?:0[2-9]|1[0-9]|2[0-9]|5[1-9]|6[0-9]|7[0-9])[ \t]?[A-Za-z]{3}"
    + RIGHT_EDGE
)
# A current plate written with a space on both sides of its age digits ("KX 65 LPO"): in
# capitals only, and not "ON 21 MAY" nor "AT 10 AND"
_SPACED_PLATE = re.compile(
    r"(?<![\w\[\]])(?P<area>[A-Z]{2})[ \t](?:0[2-9]|1[0-9]|2[0-9]|5[1-9]|6[0-9]|7[0-9])[ \t]"
    r"(?P<rest>[A-Z]{3})" + RIGHT_EDGE
)
_NOT_AREAS_TEXT = "AT ON IN BY TO OF IS IT NO SO UP OR AS AN BE DO GO HE ME MY OK US WE"
_NOT_AREAS = frozenset(_NOT_AREAS_TEXT.split())
_NOT_ENDS_TEXT = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC THE AND FOR MPH MIN HRS YRS AGO"
_NOT_PLATE_ENDS = frozenset(_NOT_ENDS_TEXT.split())
_OLD_PLATE = re.compile(
    r"(?<![\w\[\]])(?:[A-Z][0-9]{1,3}[ \t]?[A-Z]{3}|[A-Z]{3}[ \t]?[0-9]{1,3}[A-Z])" + RIGHT_EDGE
)
_VEHICLE_CUE = re.compile(
    r"\b(?:reg|registration|plate|car|van|vehicle|lorry|taxi|motorbike|truck|parked|driver"
    r"|driving|engine|ford|vauxhall|bmw|audi|mercedes|toyota|nissan|honda|kia|hyundai|peugeot"
    r"|renault|citroen|fiat|skoda|volkswagen|vw|volvo|jaguar|rover|tesla|mazda|suzuki)\b",
    re.IGNORECASE,
)
# A GB driving licence number: five letters of the surname (9s after a short one), the birth
# date as YMMDDY (month + 50 for a woman), two initials (9 for none), a digit, two check
# letters, and an issue number that may follow: "MORGA753116SM9IJ 35"
_LICENCE = re.compile(
    r"(?<![\w\[])[A-Za-z9]{5}[ \t]?(?P<date>[0-9]{6})[ \t]?[A-Za-z9]{2}[0-9][A-Za-z]{2}"
    r"(?:[ \t]?[0-9]{2})?" + RIGHT_EDGE
)
# "passport number 123456789", "passport no: C01X00T47": only after the word
_PASSPORT_NUMBER = r"(?=(?:[A-Za-z]*[0-9]){5})[A-Za-z0-9]{6,10}" + RIGHT_EDGE
_PASSPORT = re.compile(
    r"passports?(?:[ \t]+(?:no|number|num|nr)s?)?\.?[ \t]*[:#(]?[ \t]*(?:is[ \t]+)?"
    rf"(?P<number>{_PASSPORT_NUMBER})",
    re.IGNORECASE,
)
_MORE_NUMBERS = re.compile(rf"[ \t]*(?:,|and|&)[ \t]*(?P<number>{_PASSPORT_NUMBER})")  # "A and B"
# An email address written out to dodge spam: "jo dot bloggs at hotmail dot co dot uk",
# "pat.connolly (at) example.org", "jo at gmail dot com"
_DOT = r"(?:\.|[ \t]+(?i:dot)[ \t]+)"
_SPELT_LOCAL = re.compile(r"(?<![\w.@])[\w+-]+(?:" + _DOT + r"[\w+-]+)*[ \t]*$")  # before "at"
_SPELT_DOMAIN = re.compile(
    r"[ \t]*[\w-]+(?:" + _DOT + r"[\w-]+)*" + _DOT + r"(?i:com|org|net|uk|co|gov|ac|io|me|info)"
    r"(?![\w.])"
)
_SPELT_ATS = (" at ", "\tat ", " at\t", "(at)", "[at]")
_WEBMAIL = ("gmail", "hotmail", "yahoo", "outlook", "btinternet", "icloud", "live", "aol", "sky")
_AT_WEBMAIL = re.compile(rf" at (?:{'|'.join(_WEBMAIL)})")
# A handle named by its network, without the "@": "Snapchat ify.xo", "insta: jo_bloggs99"
_NAMED_HANDLE = re.compile(
    r"(?<![\w.])(?i:snapchat|snap|insta|instagram|tiktok|twitter|threads)"
    r"(?:[ \t]*(?::|(?i:is|name|handle|username|user|id)))*[ \t]+"
    r"(?P<handle>[A-Za-z0-9_][A-Za-z0-9_.]{1,28}[A-Za-z0-9_])(?![\w@])"
)
_NETWORK_WORDS = ("snap", "insta", "tiktok", "twitter", "threads")  # where _NAMED_HANDLE starts
_HANDLE = re.compile(r"(?<![\w@.\]])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_NETWORKS = (
    r"facebook|fb|twitter|x|instagram|tiktok|linkedin|youtube|threads|snapchat|pinterest"
    r"|reddit|nextdoor"
)
_PROFILE = re.compile(
    rf"(?<![\w.@/])(?:https?://)?(?:(?:www|m|uk|mobile)\.)?(?:{_NETWORKS})\.com/[^\s<>\"()\[\]]+",
    re.IGNORECASE,
)


def dob_cue_possible(text: str, lowered: str) -> bool:
    """False where ``DOB_CUE`` surely finds nothing, tested far faster than by its scan: in
    ASCII text (where ``lowered`` is the text in lower case, as ``re.IGNORECASE`` sees it) the
    cue holds "born" or "birth", or starts a word "d", "do", "dob", "y", "yob" or "b"."""
    if not text.isascii() or "born" in lowered or "birth" in lowered:
        return True
    words = words_of(lowered)
    if "d" in words or "dob" in words or "b" in words or "yob" in words or "y" in words:
        return True
    return "do" in words and ("do." in lowered or "do b" in lowered or "do\tb" in lowered)


def dob_spans(text: str, _numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    """The date after "DOB", "D.O.B.", "date of birth", "born" (the cue itself is kept)."""
    if not dob_cue_possible(text, text.lower()):
        return
    for cue in DOB_CUE.finditer(text):
        if date := _DATE_AFTER_CUE.match(text, cue.end()):
            yield date.span(1)


def dob_answer_spans(text: str, _numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    """The first date on the line after a question about a date of birth, as a transcript
    answers one ("Agent: Date of birth?\nCustomer: 5 march 92")."""
    if "?" not in text or "\n" not in text:
        return
    lowered = text.lower()
    if "birth" not in lowered and "dob" not in lowered and "d.o.b" not in lowered:
        return
    for question in _DOB_QUESTION.finditer(text):
        if date := _ANSWER_DATE.search(text, question.start("answer"), question.end("answer")):
            yield date.span()


def dob_after_name_spans(text: str, this_year: int) -> Iterator[Span]:
    """A date right after a name found, at least two years back: a birth date, as records
    list one beside a name ("[name], 03.06.1948"); not a recent date ("[name], 02/12/2026"),
    which is when something happened. Runs after the name passes."""
    for found in matches_at(_DATE_AFTER_NAME, text, found_at(text, "[name]")):
        year = int(found.group("year") or found.group("iso") or found.group("spelt"))
        if year <= this_year - 2:
            yield found.span("date")


def vehicle_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    pairs = (s - 2 for s, e, _ in numbers if e - s == 2 and s >= 2 and text[s - 1].isalpha())
    plates = [
        plate.span()
        for plate in matches_at(_PLATE, text, pairs)
        if plate.group()[:2].isalpha() and plate.group()[-3:].isalpha()
    ]
    spaced = (s - 3 for s, e, _ in numbers if e - s == 2 and s >= 3 and text[s - 1] in " \t")
    plates += (
        plate.span()
        for plate in matches_at(_SPACED_PLATE, text, spaced)
        if plate.group("area") not in _NOT_AREAS and plate.group("rest") not in _NOT_PLATE_ENDS
    )
    yield from plates
    # An old plate holds one to three digits right after or before a capital letter
    old = any(
        e - s <= 3 and ("A" <= text[s - 1 : s] <= "Z" or "A" <= text[e : e + 1] <= "Z")
        for s, e, _ in numbers
    )
    if old and (plates or _VEHICLE_CUE.search(text)):
        for plate in _OLD_PLATE.finditer(text):
            if _vehicle_before(text, plate.start(), plates):
                yield plate.span()


def _vehicle_before(text: str, start: int, plates: list[Span]) -> bool:
    """A vehicle cue in the 60 characters before ``start``, or a plate found there (which a
    second run reads as the cue "[vehicle]": "AB12 CDE and P123 CDE")."""
    if any(start - 60 <= found < start for found, _ in plates):
        return True
    return _VEHICLE_CUE.search(text, max(0, start - 60), start) is not None


def licence_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    """GB driving licence numbers, whose birth date (a month 01-12 or 51-62, a day 01-31)
    makes sixteen characters of that shape hard to meet by chance."""
    starts = (at for s, e, _ in numbers if e - s == 6 for at in (s - 5, s - 6) if at >= 0)
    for found in matches_at(_LICENCE, text, sorted(set(starts))):
        date = found.group("date")
        month, day = int(date[1:3]), int(date[3:5])
        if (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31:
            yield found.span()


def passport_spans(text: str, _numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    """A passport's number after the word "passport" ("passport no: 123456789", "her passport
    (C04812273)"), and the numbers listed with it ("Passports: 125483907 and 533209871")."""
    lowered = text.lower()
    if "passport" not in lowered:
        return
    for found in matches_at(_PASSPORT, text, found_at(lowered, "passport")):
        yield found.span("number")
        while more := _MORE_NUMBERS.match(text, found.end()):  # "Passports: 1254 and 5332"
            yield more.span("number")
            found = more


def spelt_email_spans(text: str, lowered: str) -> Iterator[Span]:
    """Email addresses written out: "(at)" or "[at]", or " at " where the name holds a dot
    or the domain is a webmail's ("jo dot bloggs at hotmail dot co dot uk")."""
    spelt = "(at)" in lowered or "[at]" in lowered or " dot " in lowered
    if not spelt and not _AT_WEBMAIL.search(lowered):  # a literal first: re finds it fast
        return
    ats = sorted({(at, at + len(sign)) for sign in _SPELT_ATS for at in found_at(lowered, sign)})
    for start, end in ats:  # tried only where "at" stands, far fewer places than every word
        local = _SPELT_LOCAL.search(text, max(0, start - 64), start + (text[start] in " \t"))
        domain = _SPELT_DOMAIN.match(text, end - (text[end - 1] in " \t"))
        if local is None or domain is None:
            continue
        name, place = local.group().strip().lower(), domain.group().strip().lower()
        bracketed = text[start] in "(["
        dotted = "." in name or " dot " in name or "_" in name
        if bracketed or dotted or place.startswith(_WEBMAIL):
            yield local.start(), domain.end()


def handle_spans(text: str) -> Iterator[Span]:
    """ "@jane_doe99" handles (an address's "@" is claimed before this pass runs)."""
    for handle in _HANDLE.finditer(text):
        if free_before(text, handle.start()) and not handle.group()[1:].isdigit():
            yield handle.span()


def named_handle_spans(text: str, lowered: str) -> Iterator[Span]:
    """A handle after the network's name, without its "@", when it holds a dot, an underscore
    or a digit, as handles do and words do not ("Snapchat ify.xo", not "on Snapchat today")."""
    if not any(word in lowered for word in _NETWORK_WORDS):
        return  # most texts
    starts = sorted({at for word in _NETWORK_WORDS for at in found_at(lowered, word)})
    for found in matches_at(_NAMED_HANDLE, text, starts):  # as finditer, only where one is
        handle = found.group("handle").rstrip(".")
        if any(ch in handle for ch in "._") or any(ch.isdigit() for ch in handle):
            yield found.start("handle"), found.start("handle") + len(handle)


def profile_spans(text: str) -> Iterator[Span]:
    """Links to a person's page on a social network, with or without the scheme."""
    for link in _PROFILE.finditer(text):
        end = link.end()
        while end > link.start() and text[end - 1] in ".,;:!?'":
            end -= 1  # the sentence's full stop is not part of the link
        yield link.start(), end
