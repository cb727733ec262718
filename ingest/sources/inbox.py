"""One email (RFC 5322 bytes) -> ContactReceived: sender, date, subject, clean text, place.

Never publishes and never reads files: mailboxes.py reads, email_text.py cleans the body.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email import policy
from email.errors import MessageError
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from config import ReferenceData
from contracts import Channel, ContactReceived, Reporter, contact_id_for
from ingest.errors import MalformedEmailError
from ingest.sources.email_text import (
    clean_body,
    decode_bytes,
    decode_header_text,
    html_to_text,
    normalise_whitespace,
)
from ingest.sources.event_dates import future_date_problem
from ingest.sources.mailboxes import read_mailbox

__all__ = ("find_postcode", "find_uk_phone", "find_ward", "parse_email", "parse_mailbox")

# What the stdlib email package (whose header parser also asserts), bs4 and pydantic raise
# on hostile input; turned into MalformedEmailError so one bad message never stops a batch.
_LIBRARY_ERRORS = (
    MessageError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    KeyError,
    LookupError,
    UnicodeError,
    OverflowError,
    RecursionError,
    AssertionError,
)
_NO_REPLY = re.compile(
    r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]daemon|postmaster|bounces?|"
    r"forward(?:ing|er)?|notifications?|auto[-_.]?reply)\b",
    re.IGNORECASE,
)
_FORWARD_SUBJECT = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw)\s*:", re.IGNORECASE)
_HTML_DOCUMENT = re.compile(r"^\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_MAX_TEXT, _MAX_SUBJECT, _MAX_SHORT = 100_000, 1000, 200
_FINGERPRINT = ("From", "Date", "Subject")  # with the body: the id of a message with no Message-ID
# Outward code (A9, A99, AA9, AA99, A9A, AA9A), optional space, inward code (9AA).
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])("
    r"(?:[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKPSTUW]?|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d[\d \-()]{7,15}\d(?!\d)")
_NOT_A_WARD_AFTER = re.compile(
    r"\s+(?:road|rd|street|st|lane|avenue|ave|close|drive|way|crescent|grove|gardens|terrace|"
    r"walk|gateway|bridge|estuary)\b",
    re.IGNORECASE,
)


def parse_email(
    raw: bytes, *, reference: ReferenceData, source: str = "", source_system: str = "email"
) -> ContactReceived:
    """The contact one email carries; MalformedEmailError (naming ``source``) if it has none."""
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        return _contact(message, reference=reference, source=source, source_system=source_system)
    except MalformedEmailError:
        raise
    except _LIBRARY_ERRORS as exc:
        reason = f"unreadable message ({type(exc).__name__}: {exc})"
        raise MalformedEmailError(reason[:500], source=source) from exc


def parse_mailbox(
    path: Path, *, reference: ReferenceData, source_system: str = "email"
) -> Iterator[ContactReceived | MalformedEmailError]:
    """Every email under ``path`` (.eml file, folder, Maildir or mbox), one result each."""
    for item in read_mailbox(path):
        if isinstance(item, MalformedEmailError):
            yield item
            continue
        try:
            yield parse_email(
                item.raw, reference=reference, source=item.source, source_system=source_system
            )
        except MalformedEmailError as exc:
            yield exc


def _contact(
    message: EmailMessage, *, reference: ReferenceData, source: str, source_system: str
) -> ContactReceived:
    message_id = _message_id(message)
    where = source or message_id
    received_at, problem = _received_at(message, now=datetime.now(UTC))
    if received_at is None:
        raise MalformedEmailError(problem or "no parseable Date header", source=where)
    subject = _unstructured(message, "Subject")[:_MAX_SUBJECT]
    forwarded = bool(_FORWARD_SUBJECT.match(subject))
    body_parts, decoded = _body(message)
    cleaned = clean_body(decoded, forwarded=forwarded)
    if not cleaned.text:
        raise MalformedEmailError("no usable text in the message body", source=where)
    reporter = _reporter(message, cleaned.forwarded_from, cleaned.signature)
    text = _without_name_sign_off(cleaned.text, reporter.name)[:_MAX_TEXT]
    # A Message-ID can be an address (<jane.citizen@example.com>): only its hash is kept, and
    # the id comes from that hash, so the same mail ingested again is the same contact.
    source_ref = (
        _digest(message_id) if message_id else _fingerprint(message, normalise_whitespace(decoded))
    )
    place_text = f"{subject}\n{text}"
    return ContactReceived(
        contact_id=contact_id_for(source_system, source_ref),
        received_at=received_at,
        channel=Channel.email,
        source_system=source_system,
        source_ref=source_ref,
        partner=_partner(message, reference),
        subject=subject or None,
        text=text,
        ward=find_ward(place_text, reference),
        postcode=find_postcode(place_text),
        reporter=reporter,
        attachment_count=_count_attachments(message, body_parts),
    )


def find_postcode(text: str) -> str | None:
    """The first UK postcode in ``text``, uppercased with one space (``wa74qt`` -> ``WA7 4QT``)."""
    match = _POSTCODE.search(text)
    if match is None:
        return None
    compact = match.group(1).replace(" ", "").upper()
    return f"{compact[:-3]} {compact[-3:]}"


def find_uk_phone(text: str) -> str | None:
    """The first UK phone number (0xxxx or +44 form, 10-11 national digits) in ``text``."""
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        national = "0" + digits[2:] if digits.startswith("44") else digits
        if national.startswith("00"):
            national = national[1:]
        if len(national) in (10, 11) and national[1] in "1235789":
            return re.sub(r"\s+", " ", match.group(0)).strip()
    return None


def find_ward(text: str, reference: ReferenceData) -> str | None:
    """A ward ``text`` clearly names: "in Riverside ward", "ward: Hale", or one ward's name as
    a capitalised whole word (not a street such as "Grange Road"); None when unclear."""
    for match in re.finditer(r"((?:[\w'&-]+\s+){0,2}[\w'&-]+)\s+ward\b", text, re.IGNORECASE):
        words = match.group(1).split()
        for start in range(len(words)):
            if ward := reference.resolve_ward(" ".join(words[start:])):
                return ward
    for match in re.finditer(r"\bward(?:\s+of|\s*:)?\s+((?:[\w'&-]+\s+){0,2}[\w'&-]+)", text, re.I):
        words = match.group(1).split()
        for end in range(len(words), 0, -1):
            if ward := reference.resolve_ward(" ".join(words[:end])):
                return ward
    found: set[str] = set()
    for name in sorted((w.name for w in reference.wards), key=len, reverse=True):
        pattern = r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])"
        for match in re.finditer(pattern, text):
            before = text[max(match.start() - 6, 0) : match.start()]
            if _NOT_A_WARD_AFTER.match(text, match.end()) or before.lower().endswith("river "):
                continue
            found.add(name)
            text = text[: match.start()] + " " * len(match.group(0)) + text[match.end() :]
    return found.pop() if len(found) == 1 else None


def _raw_header(message: Message, name: str) -> str | None:
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            return decode_bytes(str(value).encode("utf-8", "surrogateescape"), None)
    return None


def _unstructured(message: EmailMessage, name: str) -> str:
    """A header's decoded text (encoded words, raw UTF-8 or windows-1252 bytes), unfolded."""
    raw = _raw_header(message, name)
    if raw is None:
        return ""
    try:
        value = str(message[name] or "")
    except _LIBRARY_ERRORS:
        value = "\ufffd"
    if "\ufffd" in value or _has_surrogates(value):
        value = decode_header_text(raw)
    return re.sub(r"\s+", " ", value.replace("\x00", "")).strip()


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def _addresses(message: EmailMessage, name: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of an address header, decoded; [] if absent or broken."""
    pairs: list[tuple[str, str]] = []
    try:
        header = message[name]
        for address in getattr(header, "addresses", ()):
            display = str(address.display_name or "")
            if _has_surrogates(display):
                display = decode_bytes(display.encode("utf-8", "surrogateescape"), None)
            pairs.append((display, str(address.addr_spec or "")))
    except _LIBRARY_ERRORS:
        raw = _raw_header(message, name)
        pairs = [(decode_header_text(n), a) for n, a in getaddresses([raw])] if raw else []
    return [(n.strip(), a.strip().strip("<>")) for n, a in pairs if "@" in a or n.strip()]


def _message_id(message: Message) -> str:
    raw = _raw_header(message, "Message-ID") or ""
    return re.sub(r"\s+", "", raw).strip("<>")


def _received_at(message: EmailMessage, *, now: datetime) -> tuple[datetime | None, str | None]:
    """When the message was sent, else (None, why not). A Date header over a day ahead of
    ``now`` (a sender's wrong clock) gives way to the Received header."""
    candidates = [("Date", _raw_header(message, "Date") or "")]
    # Fallback: the newest Received header's timestamp, i.e. when our server got it.
    received = _raw_header(message, "Received")
    if received and ";" in received:
        candidates.append(("Received", received.rsplit(";", 1)[1]))
    problem = None
    for header, candidate in candidates:
        try:
            parsed = parsedate_to_datetime(re.sub(r"\s+", " ", candidate).strip())
            if parsed.tzinfo is None:  # "-0000": UTC with no source timezone
                parsed = parsed.replace(tzinfo=UTC)
            moment = parsed.astimezone(UTC)
        except (ValueError, TypeError, IndexError, OverflowError):
            continue
        future = future_date_problem(moment, now=now)
        if future is None:
            return moment, None
        problem = problem or f"{header} header: {future}"
    return None, problem


def _body(message: EmailMessage) -> tuple[list[Message], str]:
    """(parts used as the body, their decoded text): plain preferred, else HTML, else a
    forwarded-as-attachment message's body."""
    parts: list[Message] = []
    for preference in (("plain", "html"), ("html",)):
        part = message.get_body(preferencelist=preference)
        if part is None or any(part is seen for seen in parts):
            continue
        parts.append(part)
        text = _part_text(part)
        if clean_body(text).text:
            return parts, text
    for part in message.walk():
        if part.get_content_type() == "message/rfc822" and isinstance(part, EmailMessage):
            inner = part.get_payload(0)
            if isinstance(inner, EmailMessage):
                inner_parts, text = _body(inner)
                if text:
                    return [*parts, *inner_parts], text
    return parts, ""


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    text = decode_bytes(payload, part.get_content_charset())
    if part.get_content_subtype() == "html" or _HTML_DOCUMENT.match(text):
        return html_to_text(text)
    return text


def _count_attachments(message: Message, body_parts: list[Message]) -> int:
    """Leaf parts that are not the body or its alternatives; an attached email counts once."""
    count, stack = 0, [message]
    while stack:
        part = stack.pop()
        if part.get_content_maintype() == "multipart" and isinstance(part.get_payload(), list):
            stack.extend(p for p in part.get_payload() if isinstance(p, Message))
            continue
        if any(part is body for body in body_parts):
            continue
        inline_text = part.get_content_maintype() == "text" and not part.get_filename()
        if part.get_content_disposition() == "attachment" or not inline_text:
            count += 1
    return count


def _partner(message: EmailMessage, reference: ReferenceData) -> str | None:
    for name in ("To", "Cc", "Delivered-To", "X-Original-To"):
        for _display, address in _addresses(message, name):
            partner = reference.resolve_partner_by_email(address) if "@" in address else None
            if partner is not None:
                return partner
    return None


def _reporter(message: EmailMessage, forwarded_from: str | None, signature: str) -> Reporter:
    candidates = _addresses(message, "From") + _addresses(message, "Reply-To")
    if forwarded_from:
        candidates += [(n, a) for n, a in getaddresses([forwarded_from]) if "@" in a]
    name = address = None
    for display, email_address in candidates:
        if email_address and not _NO_REPLY.match(email_address):
            address, name = email_address, display
            break
    if name and (name == address or "@" in name):
        name = None
    return Reporter(
        name=name[:_MAX_SHORT] if name else None,
        email=address if address and len(address) <= _MAX_SHORT else None,
        phone=find_uk_phone(signature),
        address=_signature_address(signature),
    )


def _without_name_sign_off(text: str, name: str | None) -> str:
    """``text`` without a last line that only signs the sender's name ("Jane", "Jane Smith")."""
    lines = text.split("\n")
    if not name or len(lines) < 2:
        return text
    words = name.lower().split()
    if lines[-1].strip(" ,.!-").lower() in {" ".join(words), words[0], " ".join(words[:2])}:
        return normalise_whitespace("\n".join(lines[:-1]))
    return text


def _signature_address(signature: str) -> str | None:
    """A signature's postal address: the postcode line, from the house-number line above it."""
    lines = [line.strip(" ,") for line in signature.split("\n") if line.strip(" ,")]
    for index, line in enumerate(lines):
        if find_postcode(line) and not find_uk_phone(line):
            start = index
            for above in range(index - 1, max(index - 4, -1), -1):
                if "@" in lines[above] or find_uk_phone(lines[above]):
                    break
                if re.match(r"^(?:flat\s+\w+,?\s+)?\d+[a-z]?\b", lines[above], re.IGNORECASE):
                    start = above
                    break
            return ", ".join(lines[start : index + 1])[:500]
    return None


def _fingerprint(message: Message, body: str) -> str:
    """A stable reference for an email with no Message-ID: same email, same reference."""
    fields = [re.sub(r"\s+", " ", _raw_header(message, h) or "").strip() for h in _FINGERPRINT]
    return _digest("\x1f".join([*fields, body]))


def _digest(value: str) -> str:
    return "sha256:" + hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
