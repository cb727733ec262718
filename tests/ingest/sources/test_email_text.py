"""Email text clean-up: charsets, encoded words, HTML, reply history, forwards, signatures."""

# ruff: noqa: RUF001 - typographic quotes and dashes are what these tests check
from __future__ import annotations

from ingest.sources.email_text import (
    clean_body,
    decode_bytes,
    decode_header_text,
    html_to_text,
    normalise_whitespace,
)


def test_decode_bytes_uses_a_declared_charset_that_fits() -> None:
    assert decode_bytes("Siôn".encode("utf-16"), "utf-16") == "Siôn"


def test_decode_bytes_treats_latin1_and_ascii_labels_as_windows_1252() -> None:
    data = "don’t – £5".encode("cp1252")
    assert decode_bytes(data, "iso-8859-1") == "don’t – £5"
    assert decode_bytes(data, "us-ascii") == "don’t – £5"


def test_decode_bytes_falls_back_for_wrong_or_unknown_labels() -> None:
    assert decode_bytes("café £3".encode("cp1252"), "utf-8") == "café £3"
    assert decode_bytes("café".encode(), "x-no-such-charset") == "café"
    assert decode_bytes("café".encode(), "base64") == "café"  # not a text encoding
    assert decode_bytes(b"\x81\x8d", None) == "\x81\x8d"  # latin-1, never fails


def test_decode_header_text_joins_adjacent_encoded_words_in_any_charset() -> None:
    value = "=?UTF-8?B?Q2Fmw6k=?= =?ISO-8859-1?Q?_=A35?= plain =?x-unknown?q?ok?="
    assert decode_header_text(value) == "Café £5 plain ok"


def test_normalise_whitespace_collapses_blank_runs_and_trailing_spaces() -> None:
    text = "\r\n\r\nfirst  \r\n\r\n\r\n\r\nsecond\xa0line\t\n\n"
    assert normalise_whitespace(text) == "first\n\nsecond line"


def test_html_to_text_gives_lines_without_markup_noise() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body><!-- comment -->"
        "<div>Hello&nbsp;there,</div><div><br></div><div>The <b>bin</b> was <a href='x'>missed</a>"
        " &amp; left &pound;5 of rubbish.</div><ul><li>one</li><li>two</li></ul>"
        "<table><tr><td>Ref</td><td>123</td></tr></table></body></html>"
    )
    assert html_to_text(html) == (
        "Hello there,\n\nThe bin was missed & left £5 of rubbish.\n- one\n- two\nRef 123"
    )


def test_html_to_text_quotes_blockquotes() -> None:
    html = "<p>New words</p><blockquote><p>Old words</p><blockquote>older</blockquote></blockquote>"
    assert html_to_text(html) == "New words\n\n> Old words\n>\n>> older"


def test_reply_history_after_an_attribution_line_is_dropped() -> None:
    text = "Still broken.\n\nOn Mon, 3 Jun 2024, 10:15 Council <a@b.gov.uk> wrote:\n> Fixed.\n"
    assert clean_body(text).text == "Still broken."


def test_attribution_wrapped_over_two_lines_is_found() -> None:
    text = (
        "Still broken.\n\nOn Mon, 3 Jun 2024 at 10:15, Halton Council <\na@b.gov.uk> wrote:\n\nOld"
    )
    assert clean_body(text).text == "Still broken."


def test_outlook_header_block_starts_reply_history() -> None:
    text = (
        "Thanks, but no.\n\nFrom: Council <a@b.gov.uk>\nSent: 01 June 2024 09:00\n"
        "To: Me\nSubject: Your case\n\nDear resident, it is done."
    )
    assert clean_body(text).text == "Thanks, but no."


def test_original_message_separator_starts_reply_history() -> None:
    text = "My reply.\n-----Original Message-----\nFrom: x\nSent: y\n\nOld text"
    assert clean_body(text).text == "My reply."


def test_bottom_posted_reply_keeps_the_words_after_the_quote() -> None:
    text = "On Mon, 3 Jun 2024, Council wrote:\n> We fixed it.\n\nNo you did not."
    assert clean_body(text).text == "No you did not."


def test_stray_quoted_lines_are_dropped() -> None:
    assert clean_body("> old\nnew\n>> older").text == "new"


def test_forward_keeps_note_and_forwarded_words_without_headers() -> None:
    text = (
        "See below.\n\n---------- Forwarded message ---------\nFrom: Kev <kev@example.com>\n"
        "Date: Tue, 11 Nov 2025\nSubject: Rubbish\nTo: <cllr@example.com>\n\n\nRubbish dumped."
    )
    cleaned = clean_body(text)
    assert cleaned.text == "See below.\n\nRubbish dumped."
    assert cleaned.forwarded_from == "Kev <kev@example.com>"


def test_outlook_block_in_a_forward_introduces_the_forwarded_words() -> None:
    text = "FYI\n\nFrom: Sandra <s@example.com>\nSent: 14 November 2025\nSubject: Bikes\n\nBikes!"
    assert clean_body(text, forwarded=True).text == "FYI\n\nBikes!"
    assert clean_body(text, forwarded=False).text == "FYI"


def test_forwarded_message_loses_its_own_reply_history() -> None:
    text = (
        "Begin forwarded message:\n\nFrom: a@example.com\nSubject: x\n\nStill waiting.\n\n"
        "On Mon, 3 Jun 2024, Council wrote:\n> Soon."
    )
    assert clean_body(text).text == "Still waiting."


def test_signature_after_dash_dash_space_is_split_off() -> None:
    cleaned = clean_body("The swings are broken.\n\n-- \nJane\n07700 900456")
    assert cleaned.text == "The swings are broken."
    assert cleaned.signature == "Jane\n07700 900456"


def test_bare_sign_off_near_the_end_starts_the_signature() -> None:
    cleaned = clean_body(
        "Hello,\n\nThe bins were missed.\n\nKind regards,\nJane Smith\n01928 123456"
    )
    assert cleaned.text == "Hello,\n\nThe bins were missed."
    assert "01928 123456" in cleaned.signature


def test_sign_off_is_kept_when_long_text_follows_it() -> None:
    text = "Hi\n\nThanks\n" + "This line is much longer than any signature line would ever be. " * 2
    assert "This line" in clean_body(text).text


def test_mobile_footer_is_dropped() -> None:
    assert clean_body("Bins missed.\n\nSent from my iPhone").text == "Bins missed."


def test_decode_bytes_prefers_utf8_when_an_ascii_label_is_wrong() -> None:
    assert decode_bytes("café".encode(), "us-ascii") == "café"
