"""Redacts personal data (emails, phones, cards, NI and NHS numbers, bank details, postcodes,
street addresses and house names, names, dates of birth, vehicle registrations, driving licence
and passport numbers, social-media handles and profile links) from contacts' free text into
placeholders such as ``[email]``.
Council case references ("ref CR-2024-001234") are kept: they are the council's own keys.
Pure text in, text out: it never logs, stores or returns what it removes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date

from classifiers._redaction_brands import brand_spans
from classifiers._redaction_gazetteer import english, fold, gazetteer
from classifiers._redaction_houses import house_spans
from classifiers._redaction_ids import (
    dob_after_name_spans,
    dob_answer_spans,
    dob_spans,
    handle_spans,
    licence_spans,
    named_handle_spans,
    passport_spans,
    profile_spans,
    spelt_email_spans,
    vehicle_spans,
)
from classifiers._redaction_known import (
    address_lines,
    known_name_spans,
    known_phone_spans,
    known_spans,
)
from classifiers._redaction_names import (
    born_names,
    cued_names,
    kin_names,
    signed_names,
    titled_names,
)
from classifiers._redaction_numbers import (
    bank_details,
    card_spans,
    nhs_spans,
    nino_spans,
    phone_spans,
    postcode_spans,
)
from classifiers._redaction_orders import (
    family_names,
    initialled_names,
    inverted_names,
    joined_names,
    nicknamed_names,
)
from classifiers._redaction_people import (
    closing_names,
    coordinated_names,
    known_names,
    unsigned_names,
)
from classifiers._redaction_placed import (
    detailed_names,
    given_names,
    heading_names,
    paired_names,
)
from classifiers._redaction_readable import readable_text
from classifiers._redaction_roles import role_names
from classifiers._redaction_spans import Span, find_numbers, lower_in_place
from classifiers._redaction_streets import (
    address_spans,
    lower_case_address_spans,
)
from classifiers._redaction_units import unit_after_name_spans, unit_spans
from contracts import Reporter

__all__ = ("prepare_redaction", "redact_personal_data")

Claim = tuple[int, int, str]  # a span and its placeholder

_EMAIL_LOCAL = frozenset("_.!#$%&'*+/=?^`{|}~-")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?i:https?://|www\.)[^\s<>\"]+")


def prepare_redaction() -> None:
    """Load the name lists now (about 2 s and 40 MB, once per process), so that a worker's
    first batch, or a test with a deadline, does not pay for it."""
    gazetteer()


def redact_personal_data(text: str, reporter: Reporter | None = None) -> str:
    """Return ``text`` with personal data replaced by placeholders such as ``[email]``.

    Values known from ``reporter`` (name, email, phone, first address line) are redacted
    wherever they appear. The text is first read as a person reads it (``readable_text``:
    "O&#039;Brien" is "O'Brien", a non-breaking space a space); after that, placeholders and
    all other characters are kept. Idempotent.
    """
    text = readable_text(text)
    reporter = _readable_reporter(reporter)
    if "@" in text:
        text = _splice(text, _as("[email]", _email_spans(text)))
    if reporter is not None and reporter.email and ("@" in text or "@" not in reporter.email):
        text = _splice(
            text, _as("[email]", known_spans(text, lower_in_place(text), [reporter.email]))
        )
    if "@" in text or ".com/" in text:
        text = _splice(text, _as("[social]", [*handle_spans(text), *profile_spans(text)]))
    lowered = lower_in_place(text)
    text, lowered = _replace(text, lowered, "[email]", spelt_email_spans(text, lowered))
    text, lowered = _replace(text, lowered, "[social]", named_handle_spans(text, lowered))
    if "://" not in text and "www." not in lowered:
        return _redact_segment(text, reporter)
    pieces: list[str] = []
    position = 0
    for url in _URL.finditer(text):  # links are kept: only the text around them is redacted
        pieces += (_redact_segment(text[position : url.start()], reporter), url.group())
        position = url.end()
    pieces.append(_redact_segment(text[position:], reporter))
    return "".join(pieces)


def _readable_reporter(reporter: Reporter | None) -> Reporter | None:
    """The reporter's details as a person reads them, as the text is (same object if so)."""
    if reporter is None:
        return None
    known = {
        "name": reporter.name,
        "email": reporter.email,
        "phone": reporter.phone,
        "address": reporter.address,
    }
    read = {k: readable_text(v) for k, v in known.items() if v}
    changed = {k: v for k, v in read.items() if v != known[k]}
    return reporter.model_copy(update=changed) if changed else reporter


def _redact_segment(text: str, reporter: Reporter | None) -> str:
    """Redact text holding no link; digit passes share one look at the numbers."""
    numbers, numbered = find_numbers(text), text
    longest = max((stop - start for start, _, stop in numbers), default=0)
    claims: list[Claim] = []
    masked = text  # claimed spans look like placeholders of the same length: "[xxxx]"
    for needs, spans_in, placeholder in _DIGIT_PASSES if longest else ():
        if longest >= needs and (spans := list(spans_in(masked, numbers, reporter))):
            claims += _as(placeholder, spans)
            for start, end in spans:
                masked = f"{masked[:start]}[{'x' * (end - start - 2)}]{masked[end:]}"
            numbers = find_numbers(masked)
    text = _splice(text, claims)
    lowered = lower_in_place(text)
    if reporter is not None and reporter.address:
        spans = known_spans(text, lowered, address_lines(reporter.address))
        text, lowered = _replace(text, lowered, "[address]", spans)
    text, lowered = _replace(text, lowered, "[address]", house_spans(text, lowered))
    text, lowered = _address_units(text, lowered)
    # The reporter's own name first: the name passes then read "[name] Okafor" as the rest
    # of a name, as they would on a second run. A name found may show what stands beside it to
    # be a name only now ("[name] Mrthe", "Dr [name]", "HTML, [name]"), or free the reporter's
    # surname from what looked like a street ("Smith Dr Mr": "Dr" was a title): look again
    # until nothing changes, so that redacting twice changes nothing.
    for _ in range(4):
        before = text
        text, lowered = _reporter_name(text, lowered, reporter)
        text, lowered = _name_passes(text, lowered)
        if text == before:
            break
    if longest and "[name]" in text:  # a birth date or a home beside a name found
        births = dob_after_name_spans(text, date.today().year) if longest >= 4 else ()
        text, lowered = _replace(text, lowered, "[dob]", births)
        text, lowered = _replace(text, lowered, "[address]", unit_after_name_spans(text))
    if longest >= 6:  # last, so that no later pass shortens the distances it measures
        numbers = numbers if text is numbered else find_numbers(text)
        accounts = list(bank_details(text, lowered, numbers))
        if accounts:  # rare: look again at the words the placeholders now stand beside
            return _redact_segment(_splice(text, _as("[account]", accounts)), reporter)
    return text


def _address_units(text: str, lowered: str) -> tuple[str, str]:
    """The units before an address found, until none is left: "Flat Flat 12" is "Flat
    [address]" after one look, and "[address]" after two (redacting twice changes nothing)."""
    for _ in range(3):
        before = text
        text, lowered = _replace(text, lowered, "[address]", unit_spans(text, lowered))
        if text == before:
            break
    return text, lowered


def _reporter_name(text: str, lowered: str, reporter: Reporter | None) -> tuple[str, str]:
    if reporter is None or not reporter.name:
        return text, lowered
    return _replace(text, lowered, "[name]", known_name_spans(text, lowered, reporter.name))


def _name_passes(text: str, lowered: str) -> tuple[str, str]:
    found: list[str] = []
    brands = brand_spans(text, lowered)  # "John Lewis", "a red Nissan Micra": no person
    for names_in in _NAME_PASSES:
        spans = list(names_in(text, lowered))
        if brands and spans:
            spans = [span for span in spans if not _inside(span, brands)]
        if spans:  # most passes find nothing
            spans = _not_dates(text, spans)
        if not spans:
            continue
        found += (text[start:end] for start, end in spans if "[" not in text[start:end])
        text, lowered = _replace(text, lowered, "[name]", spans)
        brands = brand_spans(text, lowered) if brands else brands  # where they are now
    # A person named once is named again where no cue marks them: "Hyacinth Francis and her
    # grandson ... Hyacinth doesn't want police involvement".
    for name in found:
        words = " ".join(w for w in name.split() if _named_again(w, full=" " in name.strip()))
        if words:
            again = _not_dates(text, known_name_spans(text, lowered, words))
            text, lowered = _replace(text, lowered, "[name]", again)
    return text, lowered


def _not_dates(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` but a month that is also a name, in a date: "14 Jan", "Thu, 21 Jun 2022",
    "Revisit Jan 2027"."""
    if not any(text.endswith(_MONTH_NAMES, start, end) for start, end in spans):
        return spans  # the usual case
    return [(start, end) for start, end in spans if not _dated(text, start, end)]


def _dated(text: str, start: int, end: int) -> bool:
    """A span that is such a month after a day, or ends with one before a day or year."""
    month = next((m for m in _MONTH_NAMES if text.endswith(m, start, end)), "")
    if not month or text[end - len(month) - 1 : end - len(month)].isalpha():
        return False
    alone = end - start == len(month)
    day_before = alone and _DAY_BEFORE.search(text, max(0, start - 6), start)
    return bool(day_before or _YEAR_AFTER.match(text, end))


def _inside(span: Span, brands: list[Span]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in brands)


def _named_again(word: str, full: bool) -> bool:
    """Whether a word of a name found is looked for elsewhere in the text: any word of a full
    name ("Hyacinth Francis"), else a known name or no English word; never a contraction."""
    folded = fold(word.rstrip(".,"))
    if len(folded) < 3 or folded in _NOT_AGAIN or not word[0].isupper() or not folded.isalpha():
        return False
    known = gazetteer()
    if full or folded in known.all_given or folded in known.surnames:
        return True
    return folded in known.surname_words or not english(folded)


def _as(placeholder: str, spans: Iterable[Span]) -> Iterator[Claim]:
    return ((start, end, placeholder) for start, end in spans)


def _splice(text: str, claims: Iterable[Claim]) -> str:
    """``text`` with claimed spans replaced, merging those that touch (``text`` if none)."""
    pieces: list[str] = []
    position = 0
    for start, end, placeholder in sorted(claims):
        if start > position or not pieces:
            pieces += (text[position:start], placeholder)
        position = max(position, end)
    return "".join((*pieces, text[position:])) if pieces else text


def _replace(text: str, lowered: str, placeholder: str, spans: Iterable[Span]) -> tuple[str, str]:
    found = list(spans)
    if not found:
        return text, lowered  # most passes find nothing: skip building the claims
    new = _splice(text, _as(placeholder, found))
    return (text, lowered) if new is text else (new, lower_in_place(new))


def _email_spans(text: str) -> Iterator[Span]:
    done = 0
    at = text.find("@")
    while at != -1:
        start = at
        while start > done and (text[start - 1].isalnum() or text[start - 1] in _EMAIL_LOCAL):
            start -= 1
        if start < at and (domain := _DOMAIN.match(text, at + 1)):
            mailto = text[max(done, start - 7) : start].lower() == "mailto:"
            yield start - 7 * mailto, domain.end()
            done = domain.end()
        at = text.find("@", max(done, at + 1))


# Months that are also names, and a day before one or a day or year after it: a date ("14 Jan",
# "Jun 2022")
_MONTH_NAMES = ("Jan", "Jun", "June", "April", "August")
_DAY_BEFORE = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?[ \t]+$")
_YEAR_AFTER = re.compile(r"\.?[ \t]+[0-9]{1,4}(?![\w'\u2019])")
# Not looked for again: titles inside a name found, and names that are words a sentence often
# starts with ("Hope you can help")
_NOT_AGAIN_TEXT = """cllr councillor sgt sergeant pcso insp inspector supt constable revd reverend
    professor prof nurse sister mr mrs ms miss mx dr sir dame lady lord will may hope june april
    august march grace"""
_NOT_AGAIN = frozenset(_NOT_AGAIN_TEXT.split())
_NAME_PASSES = (
    titled_names,
    cued_names,
    kin_names,
    born_names,
    paired_names,
    heading_names,
    signed_names,
    given_names,
    detailed_names,
    known_names,
    closing_names,
    role_names,
    coordinated_names,
    inverted_names,
    initialled_names,
    unsigned_names,
    family_names,
    nicknamed_names,
    joined_names,
)
# (longest number a pass needs, where the pass finds spans, placeholder), in the order they run
_DIGIT_PASSES = (
    (1, dob_spans, "[dob]"),
    (1, dob_answer_spans, "[dob]"),
    (13, card_spans, "[card]"),
    (6, nino_spans, "[nino]"),
    (10, nhs_spans, "[nhs]"),
    (6, licence_spans, "[licence]"),
    (1, passport_spans, "[passport]"),
    (10, phone_spans, "[phone]"),
    (7, known_phone_spans, "[phone]"),
    (1, vehicle_spans, "[vehicle]"),
    (1, postcode_spans, "[postcode]"),
    (1, address_spans, "[address]"),
    (1, lower_case_address_spans, "[address]"),
)
