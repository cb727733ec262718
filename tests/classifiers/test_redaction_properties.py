"""Hypothesis properties of personal-data redaction: idempotent on any text, only placeholders
replace text (once read as a person reads it), and embedded emails and mobiles never survive,
whatever surrounds them."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from classifiers._redaction_readable import readable_text
from classifiers.redaction import redact_personal_data
from contracts import Reporter

PLACEHOLDER = re.compile(
    r"\[(?:email|phone|postcode|address|name|card|nino|nhs|licence|passport|account|dob|vehicle|social)\]"
)
# Written independently of the module under test, so that they check it rather than echo it.
EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
UK_MOBILE = re.compile(r"(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}")


def test_long_adversarial_input_is_handled() -> None:
    text = "a" * 50_000 + "@" + "1" * 20_000 + " Mr" * 5_000
    assert redact_personal_data(text).startswith("a" * 1_000)


FRAGMENT_TEXT = (
    "07700 900123 +44 7700 900123 (01928) 0151-123-4567 0044 Mr Mrs mr Dr Miss Smith John"
    " O'Neil 14 3b Flat 3, Oak Street Road St WA7 1AB wa81ab QQ 12 34 56 C 12-34-56 12345678"
    " 4111 1111 1111 1111 12/26 jo@example.com @ x.co.uk mailto: [name] [phone] [email]"
    " [address] [account] https://x.org/a?b=1 www. my name is I am I'm this is from Regards,"
    " Thanks Kind regards Yours sincerely Name: sort code ref £ 2019 the bins and"
    " DOB dob 14/05/2012 born (DOB Oliver @gaz_99 facebook.com/jo.b https:// AB12 CDE ab12cde"
    " reg P123 ABC neighbour my son it's here gareth jones HTML Rose Cottage The Old Forge"
    " [dob] [vehicle] [social] Wiśniewski Li Wei case WST/123456 O&#039;Brien &amp; &nbsp;"
    " 07700&#160;900123 <br> R&D;"
)
FRAGMENTS = [
    *FRAGMENT_TEXT.split(" "),
    *(".", ",", "-", "+", "(", ")", "[", "]", "\n", "é", "_", "0", "&", ";", "\u00a0", "\u200b"),
]
SEPARATORS = ("", " ", "  ", "\n", ", ", ". ", "-", "/", "\t")
soups = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=30
).map(lambda parts: "".join(fragment + separator for fragment, separator in parts))
reporters = st.none() | st.builds(
    Reporter,
    name=st.sampled_from([None, "John Smith", "Mrs Jane O'Neil", "Oak", "name", "x"]),
    email=st.sampled_from([None, "jo@example.com", "JO at example"]),
    phone=st.sampled_from([None, "07700 900123", "+44 151 123 4567", "123"]),
    address=st.sampled_from([None, "14 Oak Street, Runcorn", "Flat 3, 3b Road", "Oak"]),
)


@settings(max_examples=400)
@given(st.text())
@example("Mr Smith+447700900123")
@example("01928 123456.07700900123")
@example("12-34-56 Mr Bartholomew 12345678")
def test_redaction_is_idempotent_on_any_text(text: str) -> None:
    once = redact_personal_data(text)
    assert redact_personal_data(once) == once


@settings(max_examples=1500)
@given(soups, reporters)
@example("077000151-123-4567 0151-123-4567", Reporter(phone="+44 151 123 4567"))
@example("Smith CDE", Reporter(name="John Smith"))  # the reporter's name, then a surname rule
@example("gareth Mrthe", None)  # a name beside a word shows the word as the rest of a name
@example("gareth\tWA7 DOB", None)
@example("Smith DOB DOB", None)
@example("Smith Dr Mr", Reporter(name="John Smith"))  # "Dr" a title, not "Smith Drive"
@example("Mr Mrs07700Oliver-Mrs", None)  # a title is never looked for again as a name
@example("C C [name]", None)  # an initial before a name found joins it
@example("Flat Flat 12", None)  # a unit before a unit found joins it
@example("Flat Flat Flat Flat 7700", None)  # however many there are
@example("Flat 0Li", None)  # a flat glued to a name found is glued to a word
@example("Regards,Oak7700-[address]", None)  # so is a house number
@example("HTML, C [name]", None)  # the initial joins the name, then a surname first
@example("bins Li DOB, Dr DOB", None)  # a name found again, then its title
@example("Mr Street07700gareth Street", None)  # a surname found again, then a name before it
@example("ab12cde P123CDE", None)  # a plate found is a cue for an old plate after it
@example("12-34-56ab12cde", None)  # a plate glued to a placeholder is glued to a word
@example("12-34-56bins(DOB", None)  # bank details last, then the words beside them again
def test_redaction_is_idempotent_on_personal_looking_text(
    text: str, reporter: Reporter | None
) -> None:
    once = redact_personal_data(text, reporter)
    assert redact_personal_data(once, reporter) == once


@settings(max_examples=500)
@given(soups, reporters)
def test_only_placeholders_replace_text(text: str, reporter: Reporter | None) -> None:
    """Everything outside the placeholders is kept as a person reads it (character references
    resolved, special spaces plain), placeholders included."""
    out = redact_personal_data(text, reporter)
    kept = PLACEHOLDER.split(out)
    assert re.fullmatch(r"[\s\S]*?".join(map(re.escape, kept)), readable_text(text))
    for placeholder in set(PLACEHOLDER.findall(text)):
        assert out.count(placeholder) >= text.count(placeholder)


WORD_TEXT = """the bin was not emptied on Monday again and Street lights are out I am Fed up
    please ring me on or email at about ref 123456 Thanks Regards"""
WORDS = st.sampled_from(WORD_TEXT.split())
MOBILE_FORMATS = (
    "07{a} {b}",
    "07{n}",
    "+44 7{a} {b}",
    "+447{n}",
    "07{a} {c} {d}",
    "07{a}-{b}",
    "+44 (0)7{a} {b}",
    "0044 7{a} {b}",
    "(07{a}) {b}",
)
mobiles = st.builds(
    lambda fmt, n: fmt.format(n=n, a=n[:3], b=n[3:], c=n[3:6], d=n[6:]),
    st.sampled_from(MOBILE_FORMATS),
    st.text("0123456789", min_size=9, max_size=9),
)


@settings(max_examples=500)
@given(
    st.lists(st.one_of(WORDS, st.emails(), mobiles), min_size=1, max_size=20),
    st.lists(st.sampled_from([" ", "\n", ", ", ". ", ": ", " (", ") "]), min_size=20, max_size=20),
)
@example(["call", "07700 900123", "or", "jo@example.com"], [" "] * 20)
@example(["+44 7000 000000", "07000 000000", "07000 000000"], [" "] * 20)
def test_embedded_emails_and_mobiles_never_survive(parts: list[str], separators: list[str]) -> None:
    text = "".join(part + separator for part, separator in zip(parts, separators, strict=False))
    out = redact_personal_data(text)
    assert not EMAIL.search(out), out
    assert not UK_MOBILE.search(out), out
