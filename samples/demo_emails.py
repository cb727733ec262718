"""Writes samples/demo/emails/: 80 resident emails to Halton Borough Council and its partners,
in the shapes real mail clients produce. Deterministic: ``python -m samples.demo_emails``."""

from __future__ import annotations

import hashlib
import random
import shutil
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from pathlib import Path
from zoneinfo import ZoneInfo

from samples.demo_email_cases import CASES, FOLLOW_UPS, ORGANISATIONS, Case

OUT = Path(__file__).parent / "demo" / "emails"
LONDON = ZoneInfo("Europe/London")
LAST_DAY = datetime(2025, 12, 20, 17, 0, tzinfo=LONDON)
SEED = 20251220


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    address: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def domain(self) -> str:
        return self.email.split("@")[1]


FIRST = (
    "Amy", "Ben", "Chloe", "Dan", "Ellie", "Frank", "Grace", "Harry", "Iris", "Jack", "Kerry",
    "Liam", "Megan", "Neil", "Olive", "Paul", "Rosie", "Sam", "Tina", "Wayne", "Yasmin", "Zak",
    "Agnieszka", "Siobhan", "Rhys", "Fatima", "Declan", "Bernadette", "Kwame", "Zoë", "Renée",
)  # fmt: skip
LAST = (
    "Ashworth", "Barlow", "Clarke", "Doyle", "Evans", "Foster", "Gallagher", "Hughes", "Ince",
    "Jones", "Kelly", "Lunt", "Murphy", "Nolan", "O'Neill", "Parr", "Quayle", "Roberts", "Shaw",
    "Taylor", "Unsworth", "Vose", "Whittaker", "Yates", "Kowalski", "Begum",
)  # fmt: skip
DOMAINS = ("gmail.com", "hotmail.co.uk", "outlook.com", "btinternet.com", "yahoo.co.uk", "sky.com")
STREETS = (
    ("Moor Lane", "Widnes", "WA8"), ("Halton Road", "Runcorn", "WA7"),
    ("Peel House Lane", "Widnes", "WA8"), ("Boston Avenue", "Runcorn", "WA7"),
    ("Birchfield Road", "Widnes", "WA8"), ("Palacefields Avenue", "Runcorn", "WA7"),
    ("Lunts Heath Road", "Widnes", "WA8"), ("Clifton Road", "Runcorn", "WA7"),
)  # fmt: skip
GREETINGS = ("Hello,", "Hi,", "Dear Sir/Madam,", "To whom it may concern,", "Hi there,", "")
# How each email is sent, so the parser meets every shape real clients produce.
STYLES = (
    "plain", "plain", "signature", "signature", "sign_off", "sign_off", "sign_off", "html_only",
    "html_outlook", "alternative", "alternative", "quoted_printable", "base64", "cp1252_html",
    "cp1252_plain", "latin1", "mislabelled", "attachment", "attachment", "no_message_id", "mobile",
)  # fmt: skip
FORWARD_STYLES = ("forward_gmail", "forward_apple", "forward_outlook")
REPLY_STYLES = ("reply_gmail", "reply_outlook", "reply_html")


def _person(rng: random.Random) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    local = f"{first}.{last}".lower().replace("'", "").replace("ë", "e").replace("é", "e")
    street, town, district = rng.choice(STREETS)
    inward = (
        f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEHJLNQRTUXY')}"
    )
    # Ofcom's drama ranges: numbers that look real and never ring anyone.
    phone = rng.choice(
        (f"07700 900{rng.randint(0, 999):03d}", f"01632 960{rng.randint(0, 999):03d}")
    )
    address = f"{rng.randint(1, 120)} {street}\n{town} {district} {inward}"
    email = f"{local}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
    return Person(f"{first} {last}", email, phone, address)


def _when(rng: random.Random) -> datetime:
    """Mostly since July 2025, with a long tail back to April 2024."""
    start, days = (datetime(2025, 7, 1), 172) if rng.random() < 0.7 else (datetime(2024, 4, 1), 455)
    moment = start + timedelta(days=rng.randrange(days), minutes=rng.randint(6 * 60, 23 * 60))
    return moment.replace(tzinfo=LONDON)


def _message_id(key: str, domain: str) -> str:
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:24]}@{domain}>"


def _new_message(case: Case, sender: Person, when: datetime, subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"{sender.name} <{sender.email}>"
    message["To"] = case.to
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    return message


def _html(text: str) -> str:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = escaped.replace("£", "&pound;").replace("é", "&eacute;").replace("\u2019", "&rsquo;")
    paragraphs = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in escaped.split("\n\n"))
    return f"<html><head><style>p {{margin:0 0 1em}}</style></head><body>{paragraphs}</body></html>"


def _outlook_html(text: str) -> str:
    lines = text.replace("&", "&amp;").split("\n")
    body = "".join(f'<p class="MsoNormal">{line or "&nbsp;"}<o:p></o:p></p>' for line in lines)
    office = "urn:schemas-microsoft-com:office:office"
    return f'<html xmlns:o="{office}"><body><div class="WordSection1">{body}</div></body></html>'


def _sign(body: str, sender: Person, style: str) -> str:
    if style == "signature":
        return f"{body}\n\n-- \n{sender.name}\n{sender.address}\nTel: {sender.phone}\n"
    if style in ("sign_off", "cp1252_plain", "latin1", "html_outlook"):
        return f"{body}\n\nKind regards,\n{sender.name}\n{sender.phone}\n"
    if style == "mobile":
        return f"{body}\n\nSent from my iPhone\n"
    return f"{body}\n\nThanks\n{sender.first}\n"


def build(case: Case, sender: Person, when: datetime, style: str, key: str) -> EmailMessage:
    """A first email from ``sender`` about ``case``, sent in ``style``."""
    message = _new_message(case, sender, when, case.subject)
    if style != "no_message_id":
        message["Message-ID"] = _message_id(key, sender.domain)
    body = _sign(case.body, sender, style)
    if style in ("cp1252_html", "cp1252_plain", "mislabelled", "html_outlook"):
        body = body.replace("'", "\u2019")  # Word's smart apostrophes
    if style in ("html_only", "cp1252_html"):
        charset = "windows-1252" if style == "cp1252_html" else "utf-8"
        message.set_content(_html(body), subtype="html", charset=charset, cte="quoted-printable")
    elif style == "html_outlook":
        message.set_content(_outlook_html(body), subtype="html", cte="base64")
    elif style == "alternative":
        message.set_content(body)
        message.add_alternative(_html(body), subtype="html")
    elif style in ("quoted_printable", "base64"):
        message.set_content(body, cte=style.replace("_", "-"))
    elif style == "latin1":
        message.set_content(body.replace("\u2019", "'"), charset="iso-8859-1")
    elif style in ("cp1252_plain", "mislabelled"):
        message.set_content(body, charset="windows-1252", cte="8bit")
        if style == "mislabelled":  # a client that claims ASCII and sends windows-1252
            message.set_param("charset", "us-ascii")
    else:
        message.set_content(body)
    if style == "attachment":
        photo = b"\xff\xd8\xff\xe0" + hashlib.sha256(key.encode()).digest() * 16 + b"\xff\xd9"
        message.add_attachment(photo, maintype="image", subtype="jpeg", filename="IMG_2041.jpg")
        if len(key) % 2:
            pdf = b"%PDF-1.4\n% demo letter\n%%EOF\n"
            message.add_attachment(pdf, "application", "pdf", filename="letter.pdf")
    return message


def forward(case: Case, author: Person, when: datetime, style: str, key: str) -> EmailMessage:
    """Someone (a councillor, a relative, a partner's desk) forwards ``author``'s email."""
    assert case.forwarder is not None
    name, address, note = case.forwarder
    sent = when - timedelta(hours=5, minutes=13)
    original = f"{case.body}\n\nThanks\n{author.first}"
    if style == "forward_gmail":
        header = (
            f"---------- Forwarded message ---------\nFrom: {author.name} <{author.email}>\n"
            f"Date: {sent:%a, %d %b %Y at %H:%M}\nSubject: {case.subject}\nTo: <{address}>\n\n\n"
        )
    elif style == "forward_apple":
        header = (
            f"Begin forwarded message:\n\nFrom: {author.name} <{author.email}>\n"
            f"Subject: {case.subject}\nDate: {sent:%d %B %Y at %H:%M:%S} GMT\nTo: {address}\n\n"
        )
    else:
        header = (
            f"________________________________\nFrom: {author.name} <{author.email}>\n"
            f"Sent: {sent:%d %B %Y %H:%M}\nTo: {name} <{address}>\nSubject: {case.subject}\n\n"
        )
    prefix = "FW: " if style == "forward_outlook" else "Fwd: "
    sender = Person(name, address, "", "")
    message = _new_message(case, sender, when, prefix + case.subject)
    message["Message-ID"] = _message_id(key, sender.domain)
    message.set_content(f"{note}\n\n{header}{original}\n")
    return message


def reply(
    case: Case, author: Person, when: datetime, asked: datetime, style: str, key: str
) -> EmailMessage:
    """``author`` answers the acknowledgement sent at ``asked``, with the history below."""
    assert case.follow_up is not None
    new = FOLLOW_UPS[case.follow_up]
    inbox = parseaddr(case.to)[1]
    team = f"{ORGANISATIONS[inbox.split('@')[1]]} <{inbox}>"
    ref = f"CR{int(hashlib.sha256(key.encode()).hexdigest()[:6], 16) % 90000 + 10000}"
    ack = (
        f'Dear {author.first},\n\nThank you for contacting us about "{case.subject}". '
        f"Your reference is {ref}.\nWe aim to respond within 10 working days.\n\n"
        f"Customer Services\n{ORGANISATIONS[inbox.split('@')[1]]}"
    )
    message = _new_message(case, author, when, f"RE: {case.subject} [{ref}]")
    message["Message-ID"] = _message_id(key + "-reply", author.domain)
    message["In-Reply-To"] = _message_id(key + "-ack", inbox.split("@")[1])
    plain = f"{new}\n\n{author.first}\n\n"
    if style == "reply_outlook":
        message.set_content(
            f"{plain}________________________________\nFrom: {team}\n"
            f"Sent: {asked:%d %B %Y %H:%M}\nTo: {author.name} <{author.email}>\n"
            f"Subject: {case.subject} [{ref}]\n\n{ack}\n"
        )
        return message
    said = f"On {asked:%a, %d %b %Y} at {asked:%H:%M}, {team} wrote:"
    quoted = "\n".join(f"> {line}".rstrip() for line in ack.split("\n"))
    message.set_content(f"{plain}{said}\n\n{quoted}\n")
    if style == "reply_html":
        old = ack.replace("\n\n", "</div><div><br></div><div>").replace("\n", "<br>")
        message.add_alternative(
            f'<div dir="ltr">{new}<br><br>{author.first}</div><br><div class="gmail_quote">'
            f'<div dir="ltr" class="gmail_attr">{said.replace("<", "&lt;")}<br></div>'
            f'<blockquote class="gmail_quote"><div>{old}</div></blockquote></div>',
            subtype="html",
        )
    return message


def generate(out: Path = OUT) -> list[Path]:
    """Write every demo email into ``out`` (emptied first), named by order and date."""
    rng = random.Random(SEED)
    styles = list(STYLES * 4)
    rng.shuffle(styles)
    messages: list[tuple[datetime, str, EmailMessage]] = []
    for number, case in enumerate(CASES):
        author, when, key = _person(rng), _when(rng), f"case-{number}"
        greeting = rng.choice(GREETINGS)
        if greeting:
            case = replace(case, body=f"{greeting}\n\n{case.body}")
        if case.forwarder is not None:
            style = FORWARD_STYLES[number % len(FORWARD_STYLES)]
            messages.append((when, case.slug, forward(case, author, when, style, key)))
        else:
            message = build(case, author, when, styles[number % len(styles)], key)
            messages.append((when, case.slug, message))
        if case.follow_up is not None:
            asked = when + timedelta(days=1, minutes=rng.randint(60, 480))
            later = when + timedelta(days=rng.randint(15, 40), minutes=rng.randint(0, 600))
            later = max(min(later, LAST_DAY - timedelta(minutes=rng.randint(0, 2000))), asked)
            style = REPLY_STYLES[number % len(REPLY_STYLES)]
            message = reply(case, author, later, asked, style, key)
            messages.append((later, f"{case.slug}-reply", message))
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    written = []
    for index, (when, slug, message) in enumerate(sorted(messages, key=lambda m: m[0]), start=1):
        path = out / f"{index:03d}-{when:%Y%m%d}-{slug}.eml"
        for number, part in enumerate(message.walk()):
            if part.is_multipart():  # the stdlib's boundaries are random: fix them
                part.set_boundary(f"==={hashlib.sha256(slug.encode()).hexdigest()[:16]}.{number}==")
        path.write_bytes(message.as_bytes())
        written.append(path)
    return written


if __name__ == "__main__":
    files = generate()
    print(f"wrote {len(files)} emails to {OUT}")
