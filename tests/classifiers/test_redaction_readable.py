"""Personal data written the way exports and pasted text write it (HTML character references,
line tags, non-breaking and zero-width spaces) is redacted as if written plainly."""

from __future__ import annotations

import html

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from classifiers._redaction_readable import readable_text
from classifiers.redaction import redact_personal_data
from contracts import Reporter


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("didn&#039;t", "didn't"),
        ("didn&#39;t &#x27;ok&#X27;", "didn't 'ok'"),
        ("Roads &amp; Pavements", "Roads & Pavements"),
        ("O&amp;#039;Brien", "O'Brien"),  # escaped twice
        ("&amp;amp;lt;br&amp;amp;gt;x", "\nx"),  # three times, then a line tag
        ("07700&nbsp;900123", "07700 900123"),
        ("07700\u00a0900\u202f123\u2009x", "07700 900 123 x"),
        ("0770\u200b0900\u00ad123\ufeff", "07700900123"),
        ("line<br>next<BR/>then<br />end<p>para</p>", "line\nnext\nthen\nend\npara\n"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("&#0; &#x110000;", "\ufffd \ufffd"),  # never a NUL or an invalid code point
    ],
)
def test_references_tags_and_spaces_read_as_a_person_reads_them(written: str, read: str) -> None:
    assert readable_text(written) == read


@pytest.mark.parametrize(
    "kept",
    [
        "R&D; budget",  # no such reference
        "Fish &chips, AT&T, &copy without its semicolon",
        "3 < 4 and <b>bold</b> or <script>x</script>",  # other tags are words here
        "family \U0001f468\u200d\U0001f469\u200d\U0001f467 and caf\u00e9 \u2019quotes\u2019",
        "plain ascii text",
    ],
)
def test_everything_else_is_kept(kept: str) -> None:
    assert readable_text(kept) == kept


@settings(max_examples=400)
@given(st.text())
@example("&amp\u00ad;")  # the soft hyphen's removal completes a reference
@example("&lt;br&gt;")
@example("&amp;nbsp;")
def test_reading_is_idempotent(text: str) -> None:
    once = readable_text(text)
    assert readable_text(once) == once
    assert "\x00" not in once or "\x00" in text  # a reference never makes a NUL


LEAKED_BEFORE = [  # each leaked a name, a phone number or an email before this step
    ("Mrs O&#039;Brien called about the bins", "O'Brien", "Brien"),
    ("Regards, Sean O&#39;Neill", "Sean", "Neill"),
    ("Contact me: john.smith&#64;example.com", "john.smith", "example.com"),
    ("call 07700&nbsp;900123 after six", "07700", "900123"),
    ("call 07700\u00a0900123 after six", "07700", "900123"),
    ("call 07700\u202f900\u202f123 after six", "07700", "900"),
    ("call 0770\u200b0900123 after six", "0770", "0900123"),
    ("My name is Anna&nbsp;Kowalski<br>12 Elm Road", "Kowalski", "Elm Road"),
]


@pytest.mark.parametrize(("text", "part", "other_part"), LEAKED_BEFORE)
def test_personal_data_written_in_references_or_special_spaces_is_redacted(
    text: str, part: str, other_part: str
) -> None:
    out = redact_personal_data(text)
    assert part not in out and other_part not in out, out
    assert "&" not in out and "\u00a0" not in out and "<br>" not in out, out


def test_the_reporters_escaped_details_are_found_in_plain_text() -> None:
    reporter = Reporter(name="Siobhan O&#039;Shaughnessy", phone="07700&nbsp;900123")
    out = redact_personal_data("Siobhan O'Shaughnessy, ring 07700900123", reporter)
    assert out == "[name], ring [phone]"


WORDS = ["the", "bin", "was", "missed", "again", "Mrs", "Smith", "please", "call", "me"]
ESCAPES = st.sampled_from([html.escape, lambda s: html.escape(html.escape(s)), str])
INNER = st.sampled_from(["", " ", "&nbsp;", "\u00a0", "\u202f", "&#160;", "\u200b", "&#8203;"])
OUTER = st.sampled_from([" ", "&nbsp;", "\u00a0", "&#160;", "<br>", " \u200b"])


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
    st.text("0123456789", min_size=9, max_size=9),
    INNER,
    OUTER,
    ESCAPES,
)
def test_a_mobile_number_never_survives_however_it_is_spaced_or_escaped(
    words: list[str], digits: str, inner: str, outer: str, escape: object
) -> None:
    mobile = f"07{digits[:3]}{inner}{digits[3:]}"
    text = outer.join([*words, mobile, *words])
    out = redact_personal_data(escape(text) if callable(escape) else text)
    assert "[phone]" in out, out
    assert digits[3:] not in readable_text(out).replace(" ", ""), out
