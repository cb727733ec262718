"""Redaction passes for personal data written in digits: cards (Luhn-checked, or printed in
fours as a card is), NI numbers, NHS numbers, UK phones, postcodes, and bank sort codes and
accounts. Each finds spans; none replaces text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from classifiers._redaction_spans import (
    RIGHT_EDGE,
    Number,
    Span,
    digits_of,
    free_before,
    left_edge,
    matches_at,
)
from contracts import Reporter

__all__ = (
    "bank_details",
    "card_spans",
    "national_digits",
    "nhs_spans",
    "nino_spans",
    "phone_spans",
    "postcode_spans",
)

_CARD = re.compile(
    left_edge("[0-9]")
    + r"(?P<core>[0-9]{3}(?P<sep>[ -]?)[0-9]{4}(?P=sep)[0-9]{4}(?P=sep)[0-9]{1,4}"
    r"|[0-9]{3}[ -][0-9]{6}[ -][0-9]{4,5})(?P<tail>(?P=sep)[0-9]{1,3})?" + RIGHT_EDGE
)
_PRINTED_CARD = re.compile(r"[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}")
_NINO = re.compile(
    r"(?:QQ|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])(?<!BG|GB|KN|NK|NT|TN|ZZ)"
    r" ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]" + RIGHT_EDGE,
    re.IGNORECASE,
)
# An NHS (or Scottish CHI) number: ten digits, as printed (3-3-4) or run together
_NHS = re.compile(
    left_edge("[0-9]")
    + r"[0-9]{2}(?P<sep>[ -]?)[0-9]{3}(?P=sep)[0-9]{4}"
    + RIGHT_EDGE
    + r"(?![ .-]?[0-9])"
)
# "NHS number", "NHS no:", "my mum's nhs is", "CHI": on the same line, a few words before
_NHS_CUE = re.compile(r"(?<![\w'])(?:nhs|chi)(?![\w'])[^\n]{0,30}$")
_PHONE = re.compile(
    r"[+(0](?<![\w£$€+/][+(0])(?<![0-9\]][.,][+(0])(?<![a-z]\][+(0])"
    r"(?:(?<=\+) ?44 ?(?:\(0\) ?)?|(?<=0)0 ?44 ?(?:\(0\) ?)?|(?<=\()0|(?<=0))"
    r"(?P<body>[0-9](?:\)?[ -]?[0-9]){8,9})" + RIGHT_EDGE
)
_REF_CUE = re.compile(
    r"(?i:\b(?:ref|reference|account|acc|case|invoice|order|claim|application|ticket|job))"
    r"\.?(?:[ \t]*(?i:no|number|num))?\.?[ \t]*[:#]?[ \t]*$"
)
_POSTCODE = re.compile(  # from the outward code's digit; the letters before it are checked
    r"[0-9](?<=[A-Za-z][0-9])[A-Za-z0-9]?[ \t]{0,2}"
    r"(?P<inward>[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})" + RIGHT_EDGE
)
_SORT_CODE = re.compile(
    left_edge("[0-9]") + r"(?<![0-9\]]-[0-9])[0-9]-[0-9]{2}-[0-9]{2}(?!-[0-9\[])"
)
_SORT_CUE = re.compile(r"sort[ -]?code|s/c")
_CUED_CODE = re.compile(r"[ \t]*:?[ \t]*(?:is[ \t]+)?([0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{2})(?![0-9])")
_CASE_BEFORE = re.compile(  # "case ref 81490074" near a sort code is still the council's key
    r"(?:\bref|\breference|\bcase|\bcomplaint|\benquiry|\bclaim|\bticket)\.?"
    r"(?:[ \t]*(?:no|number|num|ref))?\.?[ \t]*[:#]?[ \t]*$"
)
_ACCOUNT = re.compile(
    left_edge("[0-9]") + r"(?<![0-9\]][.,-][0-9])[0-9]{7}(?![.,-][0-9\[])" + RIGHT_EDGE
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = (ord(char) - 48) * (1 + index % 2)
        total += value - 9 if value > 9 else value
    return total % 10 == 0 and digits.strip("0") != ""


def card_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    starts = (s for s, _, stop in numbers if stop - s >= 13 and text[s] in "23456")  # issuers
    for match in matches_at(_CARD, text, starts):
        if 13 <= len(digits := digits_of(match.group())) <= 19 and _luhn_ok(digits):
            yield match.span()
        elif _PRINTED_CARD.fullmatch(
            text, match.start(), match.end("core")
        ) and not _REF_CUE.search(text, max(0, match.start() - 40), match.start()):
            # Four groups of four, as a card is printed, whose check digit fails: a card number
            # with a digit mistyped is still a card number.
            yield match.start(), match.end("core")
        elif match.group("sep") and _luhn_ok(digits_of(text[match.start() : match.end("core")])):
            yield match.start(), match.end("core")  # "4111 1111 1111 1111 12/26"


def nino_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    starts = (s - 2 - (text[s - 1] == " ") for s, _, stop in numbers if stop - s >= 6 and s >= 2)
    for match in matches_at(_NINO, text, (start for start in starts if start >= 0)):
        if free_before(text, match.start()):
            yield match.span()


def nhs_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    """NHS and CHI numbers: any ten digits after "NHS" or "CHI" (a mistyped one is still one),
    and without a cue ten digits printed as the NHS prints them ("943 476 5919") whose
    modulus 11 check digit holds; never a case reference ("ref 4505577104")."""
    starts = (s for s, _, stop in numbers if stop - s >= 10)
    for match in matches_at(_NHS, text, starts):
        before = text[max(0, match.start() - 40) : match.start()]
        if _REF_CUE.search(before):
            continue
        cued = _NHS_CUE.search(before.lower()) is not None  # CHI numbers may start with 0
        printed = match.group("sep") and text[match.start()] != "0"  # else a phone's digit
        if cued or (printed and _nhs_check_ok(digits_of(match.group()))):
            yield match.span()


def _nhs_check_ok(digits: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 down to 2, and 11 minus the remainder
    (11 is 0; 10 is no valid number) is the last digit."""
    total = sum((10 - index) * (ord(char) - 48) for index, char in enumerate(digits[:9]))
    check = (11 - total % 11) % 11
    return check != 10 and check == ord(digits[9]) - 48


def phone_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    wide = [s for s, _, stop in numbers if stop - s >= 10]  # "+44 ...", "(0151) ...", "(0044 ..."
    starts = (at for s in wide for at in (s - 1, s) if at == s or text[at:s] in ("+", "("))
    for match in matches_at(_PHONE, text, starts):
        national = "0" + digits_of(match.group("body"))
        if national[1] not in ("18" if len(national) == 10 else "1235789"):
            continue
        plain = match.group().isdigit() and not national.startswith("07")
        if not (plain and _REF_CUE.search(text, max(0, match.start() - 40), match.start())):
            yield match.span()  # but not "ref 0123456789", a case reference


def national_digits(digits: str) -> str:
    """Digits without a leading 0, 44 or 0044 (and the 0 that may follow 44)."""
    for prefix in ("0044", "44", "0"):
        if digits.startswith(prefix) and (prefix != "44" or len(digits) >= 12):
            digits = digits[len(prefix) :]
            return digits[1:] if prefix != "0" and digits.startswith("0") else digits
    return digits


def postcode_spans(text: str, numbers: list[Number], _: Reporter | None) -> Iterator[Span]:
    starts = (s for s, _, _ in numbers if text[s - 1 : s].isalpha() and text[s - 1].isascii())
    for match in matches_at(_POSTCODE, text, starts):
        start = match.start() - 1 - text[match.start() - 2 : match.start() - 1].isalpha()
        if free_before(text, start) and match.group("inward")[1:] not in ("st", "nd", "rd", "th"):
            yield start, match.end()  # but not "take the A56 2nd exit"


def bank_details(text: str, lowered: str, numbers: list[Number]) -> Iterator[Span]:
    """Sort codes (if date-like, only near an account number) and accounts near them."""
    cues = [m.span() for m in _SORT_CUE.finditer(lowered)]
    cued = [c.span(1) for _, end in cues if (c := _CUED_CODE.match(text, end))]
    dashed = [
        m.span() for m in matches_at(_SORT_CODE, text, (s for s, e, _ in numbers if e - s == 2))
    ]
    if cued or dashed:
        eights = (s for s, e, _ in numbers if e - s == 8)
        accounts = [
            m.span()
            for m in matches_at(_ACCOUNT, text, eights)
            if not _CASE_BEFORE.search(lowered, max(0, m.start() - 24), m.start())
        ]
        codes = cued + [
            s for s in dashed if not _date_like(text[s[0] : s[1]]) or _near(s, accounts)
        ]
        yield from codes
        yield from (span for span in accounts if _near(span, codes) or _near(span, cues))


def _date_like(code: str) -> bool:
    return 1 <= int(code[:2]) <= 31 and 1 <= int(code[3:5]) <= 12


def _near(span: Span, others: list[Span]) -> bool:
    return any(max(span[0], start) - min(span[1], end) <= 60 for start, end in others)
