"""What is delivered: a message with a plain-text and an HTML body, inline images and
attachments, and its MIME form for email. Knows nothing of digests or channels."""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str  # e.g. "text/csv"


@dataclass(frozen=True)
class InlinePart:
    """An image the HTML shows as ``cid:<cid>``."""

    cid: str
    content: bytes
    mime_type: str = "image/png"
    filename: str | None = None


@dataclass(frozen=True)
class Message:
    """One deliverable: ``key`` identifies its content (same key, same message).

    ``html`` refers to inline parts by ``cid:``; ``standalone_html`` (when given) embeds
    them, for channels that deliver files or JSON rather than email."""

    key: str
    subject: str
    text: str
    html: str
    inline: tuple[InlinePart, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    standalone_html: str | None = None

    @property
    def file_html(self) -> str:
        return self.standalone_html if self.standalone_html is not None else self.html


def to_email(message: Message, *, sender: str, to: str, to_name: str | None = None) -> EmailMessage:
    """``multipart/mixed`` [``multipart/alternative`` [text, ``multipart/related`` [html,
    images]], attachments]: what common mail clients show as an HTML email with a text
    fallback and the attachments listed."""
    mail = EmailMessage()
    mail["Subject"] = message.subject
    mail["From"] = sender
    mail["To"] = formataddr((to_name, to)) if to_name else to
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "civicpulse")
    mail["X-CivicPulse-Key"] = message.key
    mail.set_content(message.text, subtype="plain", charset="utf-8")
    mail.add_alternative(message.html, subtype="html", charset="utf-8")
    parts = mail.get_payload()
    assert isinstance(parts, list)
    html_part = parts[1]
    assert isinstance(html_part, EmailMessage)
    for part in message.inline:
        maintype, _, subtype = part.mime_type.partition("/")
        html_part.add_related(
            part.content,
            maintype=maintype,
            subtype=subtype,
            cid=f"<{part.cid}>",
            filename=part.filename,
            disposition="inline",
        )
    for attachment in message.attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        mail.add_attachment(
            attachment.content, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return mail
