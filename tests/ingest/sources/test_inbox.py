"""parse_email: fixture emails as real clients send them, and any bytes at all."""

# ruff: noqa: RUF001 - typographic quotes and dashes are what these tests check
from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from config import ReferenceData
from contracts import Channel, ContactReceived, contact_id_for
from ingest.errors import MalformedEmailError
from ingest.sources import parse_email, parse_mailbox
from ingest.sources.inbox import find_postcode, find_uk_phone, find_ward

EMAILS = Path(__file__).parent / "data" / "emails"
DEMO_EMAILS = Path(__file__).resolve().parents[3] / "samples" / "demo" / "emails"


def sha256_ref(message_id: str) -> str:
    return "sha256:" + hashlib.sha256(message_id.encode()).hexdigest()


def parse(name: str, reference: ReferenceData) -> ContactReceived:
    return parse_email((EMAILS / name).read_bytes(), reference=reference, source=name)


def test_html_only_windows_1252_email_reads_as_plain_text(reference: ReferenceData) -> None:
    contact = parse("html_only_cp1252.eml", reference)
    assert contact.text == (
        "Dear Sir/Madam,\n\n"
        "I was charged £80 for a replacement bin & it still hasn’t arrived.\n\n"
        "The café on Lower Road has the same problem – three weeks now £ wasted.\n\n"
        "Please sort this out, see your page."
    )
    assert contact.reporter.name == "Zoë Fairclough"


def test_contact_fields_come_from_the_headers(reference: ReferenceData) -> None:
    contact = parse("html_only_cp1252.eml", reference)
    assert contact.channel is Channel.email
    assert contact.source_system == "email"
    assert contact.source_ref == sha256_ref("html-only-cp1252@mail.example.com")
    assert contact.contact_id == contact_id_for("email", contact.source_ref)
    assert contact.received_at == datetime(2025, 11, 3, 18, 42, 10, tzinfo=UTC)
    assert contact.subject == "Replacement bin"
    assert contact.partner == "council"


def test_received_at_is_converted_to_utc(reference: ReferenceData) -> None:
    contact = parse("reply_gmail.eml", reference)
    assert contact.received_at == datetime(2025, 10, 8, 6, 55, 31, tzinfo=UTC)


def test_reply_keeps_only_the_new_words(reference: ReferenceData) -> None:
    contact = parse("reply_gmail.eml", reference)
    assert contact.text == (
        "It has now been five weeks and the pothole is deeper. My car tyre burst on it yesterday."
    )


def test_outlook_reply_drops_the_unquoted_history(reference: ReferenceData) -> None:
    contact = parse("reply_outlook.eml", reference)
    assert contact.text == (
        "I still have not had my single person discount applied, "
        "this is the third time I have asked."
    )


def test_multipart_alternative_yields_one_copy(reference: ReferenceData) -> None:
    contact = parse("multipart_alternative.eml", reference)
    assert contact.text == "Cars are parked on the pavement outside Fairfield school every morning."
    assert contact.attachment_count == 0


def test_encoded_word_subject_and_name_are_decoded(reference: ReferenceData) -> None:
    contact = parse("encoded_subject.eml", reference)
    assert contact.subject == "Library closure – Widnes café £"
    assert contact.reporter.name == "Siôn Lévy"


def test_quoted_printable_body_is_decoded(reference: ReferenceData) -> None:
    contact = parse("quoted_printable.eml", reference)
    assert contact.text == (
        "The street light outside 14 Cavendish Close has been flickering for a fortnight and "
        "now it is completely out. It’s pitch black – somebody will fall."
    )


def test_base64_body_is_decoded_with_ward_and_postcode(reference: ReferenceData) -> None:
    contact = parse("base64.eml", reference)
    assert contact.text.startswith("Our neighbour’s dog barks from 5am every day.")
    assert contact.ward == "Hale"
    assert contact.postcode == "WA8 8XY"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "mislabelled_charset.eml",
            "The school bus didn’t turn up – again – and we had to pay £12",
        ),
        ("iso_8859_1.eml", "Loud music at the flat above until 3am again. Café owner downstairs"),
    ],
)
def test_latin1_and_mislabelled_bodies_decode(
    reference: ReferenceData, name: str, expected: str
) -> None:
    assert parse(name, reference).text.startswith(expected)


def test_forward_keeps_the_note_and_the_forwarded_complaint(reference: ReferenceData) -> None:
    contact = parse("forward_gmail.eml", reference)
    assert contact.text.startswith("Please can someone look at this urgently")
    assert "Mattresses and builders rubble have been dumped" in contact.text
    assert "Forwarded message" not in contact.text
    assert "From:" not in contact.text and "kev.ashworth@example.com" not in contact.text


def test_apple_forward_keeps_the_forwarded_complaint(reference: ReferenceData) -> None:
    contact = parse("forward_apple.eml", reference)
    assert contact.text == (
        "There is black mould spreading across the back bedroom wall and my grandson has asthma."
    )
    assert contact.partner == "housing_trust"


def test_outlook_forward_keeps_the_forwarded_complaint(reference: ReferenceData) -> None:
    contact = parse("forward_outlook.eml", reference)
    assert contact.text == (
        "Forwarding as this is a council matter.\n\n"
        "Youths on motorbikes are tearing up the playing field behind Kingsway every evening."
    )
    assert contact.ward == "Kingsway"


def test_signature_is_removed_and_its_phone_goes_to_the_reporter(reference: ReferenceData) -> None:
    contact = parse("signature.eml", reference)
    assert contact.text == (
        "Two of the swings in Victoria Park have been chained up for a month. "
        "When will they be fixed?"
    )
    assert contact.reporter.phone == "07700 900456"
    assert contact.reporter.address == "12 Hale Road, Widnes WA8 8XY"
    assert contact.postcode is None  # the sender's home is not where the problem is
    assert contact.ward is None


def test_sender_goes_to_the_reporter_not_the_text(reference: ReferenceData) -> None:
    contact = parse("signature.eml", reference)
    assert contact.reporter.name == "Jane Whitfield"
    assert contact.reporter.email == "jane.whitfield@example.com"
    assert "Jane" not in contact.text and "@" not in contact.text


def test_no_reply_sender_falls_back_to_reply_to(reference: ReferenceData) -> None:
    contact = parse("noreply_reply_to.eml", reference)
    assert contact.reporter.name == "Bernadette Cole"
    assert contact.reporter.email == "bernie.cole@example.com"


def test_attachments_are_counted_not_read(reference: ReferenceData) -> None:
    contact = parse("attachments.eml", reference)
    assert contact.attachment_count == 2
    assert contact.text == (
        "My neighbour has built a two storey extension with no planning notice. Photos attached."
    )


def test_same_email_gives_the_same_contact_id(reference: ReferenceData) -> None:
    raw = (EMAILS / "no_message_id.eml").read_bytes()
    first = parse_email(raw, reference=reference, source="a.eml")
    again = parse_email(raw.replace(b"\n", b"\r\n"), reference=reference, source="b.eml")
    assert first.contact_id == again.contact_id
    assert first.source_ref is not None and first.source_ref.startswith("sha256:")
    other = parse_email(raw.replace(b"missed again", b"missed"), reference=reference)
    assert other.contact_id != first.contact_id


def test_a_message_id_is_stored_only_as_its_hash(reference: ReferenceData) -> None:
    message = _message(From="jane.citizen@example.com", Message_ID="<jane.citizen@example.com>")
    message["Date"] = "Tue, 4 Jun 2024 09:12:00 +0100"
    first = parse_email(message.as_bytes(), reference=reference, source="a.eml")
    assert first.source_ref == sha256_ref("jane.citizen@example.com")
    assert "jane" not in first.model_dump_json(exclude={"reporter"})
    # Re-ingesting the same mail (even re-folded by another mail store) is the same contact.
    again = parse_email(message.as_bytes().replace(b"\n", b"\r\n"), reference=reference)
    assert (again.contact_id, again.source_ref) == (first.contact_id, first.source_ref)


def test_stray_nuls_are_dropped_not_the_message(reference: ReferenceData) -> None:
    raw = (
        b"From: a@example.com\nDate: Tue, 4 Jun 2024 09:12:00 +0100\nSubject: Bins\x00\n\n"
        b"The bins\x00 were not emptied.\n"
    )
    contact = parse_email(raw, reference=reference, source="nul.eml")
    assert (contact.subject, contact.text) == ("Bins", "The bins were not emptied.")


def test_empty_body_raises_naming_the_source(reference: ReferenceData) -> None:
    with pytest.raises(MalformedEmailError) as caught:
        parse("empty_body.eml", reference)
    assert caught.value.source == "empty_body.eml"
    assert "empty_body.eml" in str(caught.value)


def _message(**headers: str) -> EmailMessage:
    message = EmailMessage()
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content("The bins on Hale Road were not emptied.\n")
    return message


def test_missing_or_broken_date_raises(reference: ReferenceData) -> None:
    for date in (None, "not a date"):
        message = _message(From="a@example.com", Subject="Bins")
        if date:
            message["Date"] = date
        with pytest.raises(MalformedEmailError, match="Date"):
            parse_email(message.as_bytes(), reference=reference, source="x.eml")


def test_received_header_is_the_fallback_date(reference: ReferenceData) -> None:
    message = _message(From="a@example.com")
    message["Received"] = "from mx by mail.halton.gov.uk; Tue, 4 Jun 2024 09:12:00 +0100"
    contact = parse_email(message.as_bytes(), reference=reference)
    assert contact.received_at == datetime(2024, 6, 4, 8, 12, tzinfo=UTC)


def test_a_date_in_the_future_gives_way_to_the_received_header(
    reference: ReferenceData,
) -> None:
    message = _message(From="a@example.com", Date="Thu, 1 Jan 2099 09:00:00 +0000")
    with pytest.raises(MalformedEmailError, match="Date header: 2099-01-01T09:00:00"):
        parse_email(message.as_bytes(), reference=reference, source="x.eml")
    message["Received"] = "from mx by mail.halton.gov.uk; Tue, 4 Jun 2024 09:12:00 +0100"
    contact = parse_email(message.as_bytes(), reference=reference)
    assert contact.received_at == datetime(2024, 6, 4, 8, 12, tzinfo=UTC)


def test_built_message_round_trips(reference: ReferenceData) -> None:
    when = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    message = _message(
        From="Ann Lee <ann@example.com>", To="fire@cheshirefire.gov.uk", Message_ID="<m1@x>"
    )
    message["Date"] = format_datetime(when)
    contact = parse_email(message.as_bytes(), reference=reference, source_system="fire-inbox")
    assert contact.contact_id == contact_id_for("fire-inbox", sha256_ref("m1@x"))
    assert (contact.partner, contact.received_at, contact.ward) == ("fire", when, None)


def test_find_postcode_normalises() -> None:
    assert find_postcode("near wa74qt, by the shops") == "WA7 4QT"
    assert find_postcode("SW1A 1AA") == "SW1A 1AA"
    assert find_postcode("at 5pm on the 4th") is None


def test_find_uk_phone() -> None:
    assert find_uk_phone("Tel: 01928 123 456") == "01928 123 456"
    assert find_uk_phone("Mob +44 (0)7700 900123") == "+44 (0)7700 900123"
    assert find_uk_phone("Ref 0123") is None


@pytest.mark.parametrize(
    ("text", "ward"),
    [
        ("I live in Riverside ward.", "Riverside"),
        ("in the halton brook ward area", "Halton Brook"),
        ("Ward: Norton North", "Norton North"),
        ("The park in Castlefields is a mess", "Castlefields"),
        ("Potholes on Grange Road", None),
        ("Rubbish in the River Mersey", None),
        ("From Hale to Ditton the buses are late", None),
    ],
)
def test_find_ward_only_on_a_clear_match(reference: ReferenceData, text: str, ward: str) -> None:
    assert find_ward(text, reference) == ward


def test_demo_emails_all_parse(reference: ReferenceData) -> None:
    results = list(parse_mailbox(DEMO_EMAILS, reference=reference))
    assert len(results) >= 60
    errors = [r for r in results if isinstance(r, MalformedEmailError)]
    assert errors == []
    ids = {r.contact_id for r in results if isinstance(r, ContactReceived)}
    assert len(ids) == len(results)


_HEADER_NAMES = ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "Content-Type")
_HEADER_NAMES += ("Content-Transfer-Encoding", "Received", "Cc")


@st.composite
def email_like(draw: st.DrawFn) -> bytes:
    """Bytes shaped like an email, with hostile values, so parsing gets past the headers."""
    lines = []
    for name in draw(st.lists(st.sampled_from(_HEADER_NAMES), max_size=10)):
        value = draw(
            st.one_of(
                st.text(max_size=40),
                st.sampled_from(
                    [
                        "Tue, 4 Jun 2024 09:12:00 +0100",
                        "multipart/mixed; boundary=B",
                        "text/html; charset=x-unknown",
                        "text/plain; charset=utf-16",
                        "base64",
                        "quoted-printable",
                        "=?utf-8?b?w6k=?= <a@b.c>",
                        "no-reply@x.gov.uk",
                        "Mon, 1 Jan 0001 00:00:00 +2359",
                    ]
                ),
            )
        )
        lines.append(f"{name}: {value}".encode("utf-8", "surrogatepass"))
    body = draw(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)))
    return b"\n".join(lines) + b"\n\n" + body


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(st.binary(max_size=500), email_like()))
@example(raw=b"")
@example(raw=b"Date: Tue, 4 Jun 2024 09:12:00 +0100\n\n\xff\xfe")
@example(raw=b"Date: Mon, 1 Jan 0001 00:00:00 +0100\n\nhello")
@example(raw=b"Date: Thu, 1 Jan 2099 00:00:00 +0000\nMessage-ID: <a@b.c>\n\nhello")
@example(raw=b"Date: Tue, 4 Jun 2024 09:12:00 +0100\nFrom: \x00 <a@b.c>\n\nhe\x00llo")
@example(raw=b"Date: Tue, 4 Jun 2024 09:12:00 +0100\nContent-Type: multipart/mixed\n\n--\n")
def test_any_bytes_give_a_contact_or_malformed_email_error(
    reference: ReferenceData, raw: bytes
) -> None:
    try:
        result = parse_email(raw, reference=reference, source="fuzz.eml")
    except MalformedEmailError as exc:
        assert exc.source == "fuzz.eml"
    else:
        assert isinstance(result, ContactReceived)
