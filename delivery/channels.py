"""The ways a message reaches someone: SMTP (STARTTLS, implicit TLS and login optional), a
directory of files, or a webhook (JSON over HTTPS). Each ``send`` makes one attempt and
raises DeliveryError (worth retrying) or PermanentDeliveryError; retries live elsewhere."""

from __future__ import annotations

import base64
import json
import re
import smtplib
import ssl
from pathlib import Path
from typing import Protocol

import httpx

from delivery.errors import DeliveryError, PermanentDeliveryError
from delivery.message import Message, to_email
from delivery.recipients import Recipient, RecipientBook, SmtpConfig

_RETRYABLE_HTTP = frozenset({408, 425, 429})


class DeliveryChannel(Protocol):
    name: str

    def send(self, message: Message, recipient: Recipient) -> None: ...


class SmtpChannel:
    """Email through an SMTP server, one connection per message."""

    name = "smtp"

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config

    def send(self, message: Message, recipient: Recipient) -> None:
        if not recipient.email:
            raise PermanentDeliveryError(f"{recipient.name} has no email address", channel="smtp")
        config = self.config
        mail = to_email(message, sender=config.sender, to=recipient.email, to_name=recipient.name)
        try:
            with self._connect() as smtp:
                if config.starttls and not config.ssl:
                    smtp.starttls(context=self._tls_context())
                if config.username:
                    password = config.password.get_secret_value() if config.password else ""
                    smtp.login(config.username, password)
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            raise PermanentDeliveryError(
                f"{recipient.email} refused by {config.host}: {exc.recipients}", channel="smtp"
            ) from exc
        except smtplib.SMTPAuthenticationError as exc:
            raise PermanentDeliveryError(
                f"login to {config.host} as {config.username} refused: {exc.smtp_code}",
                channel="smtp",
            ) from exc
        except smtplib.SMTPResponseException as exc:
            error = PermanentDeliveryError if exc.smtp_code >= 500 else DeliveryError
            raise error(
                f"{config.host}:{config.port} answered {exc.smtp_code} {exc.smtp_error!r}",
                channel="smtp",
            ) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(
                f"cannot send through {config.host}:{config.port}: {exc}", channel="smtp"
            ) from exc

    def _connect(self) -> smtplib.SMTP:
        config = self.config
        if config.ssl:
            return smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout, context=self._tls_context()
            )
        return smtplib.SMTP(config.host, config.port, timeout=config.timeout)

    def _tls_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        if self.config.ca_file is not None:
            context.load_verify_locations(cafile=str(self.config.ca_file))
        return context


class DirectoryChannel:
    """Files in ``root/<recipient>/<message key>/``: the HTML (images embedded), the text,
    the attachments and the whole email as ``message.eml``."""

    name = "directory"

    def __init__(self, root: Path, sender: str = "civicpulse@localhost") -> None:
        self.root = root
        self.sender = sender

    def folder_for(self, message: Message, recipient: Recipient) -> Path:
        base = recipient.directory if recipient.directory is not None else self.root
        if not base.is_absolute():
            base = self.root / base
        return base / slug(recipient.address) / slug(message.key)

    def send(self, message: Message, recipient: Recipient) -> None:
        folder = self.folder_for(message, recipient)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            write_message_files(message, folder)
            mail = to_email(message, sender=self.sender, to=recipient.email or "nobody@localhost")
            (folder / "message.eml").write_bytes(mail.as_bytes())
        except OSError as exc:
            raise DeliveryError(f"cannot write to {folder}: {exc}", channel="directory") from exc


class WebhookChannel:
    """A JSON POST: ``key``, ``recipient``, ``subject``, ``text``, ``html`` (images embedded)
    and ``attachments`` (base64). 2xx is delivered; 4xx other than 408/425/429 is permanent."""

    name = "webhook"

    def __init__(
        self, *, timeout: float = 30.0, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.timeout = timeout
        self.transport = transport

    def send(self, message: Message, recipient: Recipient) -> None:
        url = recipient.webhook
        if not url:
            raise PermanentDeliveryError(f"{recipient.name} has no webhook", channel="webhook")
        body = {
            "key": message.key,
            "recipient": recipient.name,
            "subject": message.subject,
            "text": message.text,
            "html": message.file_html,
            "attachments": [
                {
                    "filename": a.filename,
                    "mime_type": a.mime_type,
                    "content_base64": base64.b64encode(a.content).decode("ascii"),
                }
                for a in message.attachments
            ],
        }
        try:
            with httpx.Client(timeout=self.timeout, transport=self.transport) as client:
                response = client.post(
                    url,
                    content=json.dumps(body).encode("utf-8"),
                    headers={"content-type": "application/json", "x-civicpulse-key": message.key},
                )
        except httpx.HTTPError as exc:
            raise DeliveryError(f"POST {url} failed: {exc}", channel="webhook") from exc
        status = response.status_code
        if status < 300:
            return
        error = DeliveryError
        if 400 <= status < 500 and status not in _RETRYABLE_HTTP:
            error = PermanentDeliveryError
        raise error(f"POST {url} answered {status} {response.text[:200]!r}", channel="webhook")


def write_message_files(message: Message, folder: Path, stem: str = "digest") -> list[Path]:
    """``<stem>.html`` (standalone), ``<stem>.txt`` and each attachment into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / f"{stem}.html", folder / f"{stem}.txt"]
    written[0].write_text(message.file_html, encoding="utf-8")
    written[1].write_text(message.text, encoding="utf-8")
    for attachment in message.attachments:
        path = folder / Path(attachment.filename).name
        path.write_bytes(attachment.content)
        written.append(path)
    return written


def channel_for(recipient: Recipient, book: RecipientBook, *, outputs_dir: Path) -> DeliveryChannel:
    """The channel ``recipient`` is configured for (else the book's default); relative folders
    are under ``outputs_dir``."""
    channel = recipient.channel or book.default_channel
    if channel == "smtp":
        return SmtpChannel(book.smtp)
    if channel == "webhook":
        return WebhookChannel(timeout=book.smtp.timeout)
    root = book.directory or Path("digests")
    return DirectoryChannel(root if root.is_absolute() else outputs_dir / root, book.smtp.sender)


def slug(text: str) -> str:
    """A file-name-safe form of ``text`` (``2025/26-Q3:parking`` -> ``2025-26-Q3_parking``)."""
    cleaned = re.sub(r"[^A-Za-z0-9@._+-]+", "_", text.replace("/", "-")).strip("._")
    return cleaned or "_"
