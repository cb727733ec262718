"""SMTP delivery against a real aiosmtpd server started by the test: a digest arrives with its
HTML, text and CSV parts and inline charts; STARTTLS and login; refusals retried with backoff
and reported; the same digest is never sent twice to the same recipient and channel."""

from __future__ import annotations

import email
import email.policy
import logging
import socket
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from sqlalchemy import Engine

from config import ReferenceData
from contracts import (
    parse_period,
)
from delivery import (
    DeliveryFailedError,
    DirectoryChannel,
    Message,
    PermanentDeliveryError,
    Recipient,
    RecipientBook,
    RetryConfig,
    RetryPolicy,
    SmtpChannel,
    SmtpConfig,
    deliver,
    raise_for_failures,
)
from insights.digests import DigestScope, send_digest
from sinks import delivery_records
from tests.fixtures.contacts import ContactSpec, store_contacts

FAST = RetryPolicy(attempts=4, initial=0.5, factor=2.0, maximum=10.0)
MANAGER = Recipient(name="Alex Morgan", email="alex@example.org", services=("waste_recycling",))


def message(key: str = "2025-10:waste_recycling") -> Message:
    return Message(key=key, subject="Digest", text="Plain words.", html="<p style=''>Hi</p>")


def received(server: Any, index: int = 0) -> EmailMessage:
    parsed = email.message_from_bytes(
        server.messages[index].original_content, policy=email.policy.default
    )
    assert isinstance(parsed, EmailMessage)
    return parsed


def store_october(engine: Engine) -> None:
    moments = (
        [("2025-10-06T09:00:00+01:00", "complaint")] * 6
        + [("2024-10-06T09:00:00+01:00", "complaint")] * 2
        + [("2025-10-07T09:00:00+01:00", "compliment")]
    )
    store_contacts(
        engine,
        *(
            ContactSpec(
                str(i),
                when=when,
                contact_type=kind,
                text="Bags of rubbish dumped behind the garages on the corner again, please clear.",
                source_system="smtp-test",
                model_version=None,
            )
            for i, (when, kind) in enumerate(moments)
        ),
    )


def test_a_digest_arrives_with_html_text_and_csv_parts(
    engine: Engine, reference: ReferenceData, smtp_server: Any, tmp_path: Path
) -> None:
    store_october(engine)
    config = SmtpConfig(host=smtp_server.host, port=smtp_server.port, sender="cp@example.org")
    book = RecipientBook(smtp=config, recipients=(MANAGER,))
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"))
    [sent] = send_digest(engine, reference, book, [MANAGER], scope, outputs_dir=tmp_path)
    assert sent.outcome.status == "delivered"
    assert smtp_server.messages[0].rcpt_tos == ["alex@example.org"]
    mail = received(smtp_server)
    assert mail.get_content_type() == "multipart/mixed"
    assert "2025-10" in mail["Subject"] and "Waste and recycling" in mail["Subject"]
    assert mail["X-CivicPulse-Key"] == "2025-10:waste_recycling"
    text = mail.get_body(preferencelist=("plain",))
    html = mail.get_body(preferencelist=("html",))
    assert text is not None and html is not None
    assert "AT A GLANCE" in text.get_content() and "Dear Alex Morgan" in text.get_content()
    html_text = html.get_content()
    assert "<h2" in html_text and "Fly-tipping" in html_text
    images = [p for p in mail.walk() if p.get_content_type() == "image/png"]
    assert images, "charts travel as inline images"
    for image in images:
        cid = str(image["Content-ID"]).strip("<>")
        assert f"cid:{cid}" in html_text
        assert image.get_content().startswith(b"\x89PNG")
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content_type() == "text/csv"
    assert attachment.get_filename() == "digest-2025-10.csv"
    csv_text = attachment.get_content()
    assert csv_text.startswith("period,service,category,contact_type,count,")
    assert "2025-10,waste_recycling,fly_tipping,complaint,6,2025-09,0,2024-10,2," in csv_text


def test_starttls_and_login(tls_smtp_server: Any, certificate: Any) -> None:
    config = SmtpConfig(
        host=tls_smtp_server.host,
        port=tls_smtp_server.port,
        starttls=True,
        username="digests",
        password="s3cret",
        ca_file=certificate.cert,
        timeout=10,
    )
    SmtpChannel(config).send(message(), MANAGER)
    assert tls_smtp_server.logins == ["digests"]
    assert received(tls_smtp_server)["Subject"] == "Digest"
    wrong = config.model_copy(update={"password": SecretStr("wrong")})
    with pytest.raises(PermanentDeliveryError, match="login"):
        SmtpChannel(wrong).send(message(), MANAGER)


def test_refusals_are_retried_with_backoff(engine: Engine, smtp_server: Any) -> None:
    smtp_server.refuse_next("451 4.3.0 Try again later", "451 4.3.0 Try again later")
    waits: list[float] = []
    channel = SmtpChannel(SmtpConfig(host=smtp_server.host, port=smtp_server.port))
    outcome = deliver(engine, message(), MANAGER, channel, FAST, sleep=waits.append)
    assert (outcome.status, outcome.attempts) == ("delivered", 3)
    assert waits == [0.5, 1.0]
    assert len(smtp_server.messages) == 1
    [record] = delivery_records(engine, "2025-10:waste_recycling")
    assert (record.status, record.attempts, record.channel) == ("delivered", 3, "smtp")
    assert record.delivered_at is not None


def test_a_failed_delivery_is_reported_then_retried_next_run(
    engine: Engine, smtp_server: Any, caplog: pytest.LogCaptureFixture
) -> None:
    smtp_server.refuse_next(*["451 4.3.0 Mailbox busy"] * 4)
    channel = SmtpChannel(SmtpConfig(host=smtp_server.host, port=smtp_server.port))
    with caplog.at_level(logging.WARNING, logger="delivery.retry"):
        outcome = deliver(engine, message(), MANAGER, channel, FAST, sleep=lambda _: None)
    assert (outcome.status, outcome.attempts) == ("failed", 4)
    assert outcome.error is not None and "451" in outcome.error
    assert any(r.levelno == logging.ERROR and "failed after 4" in r.message for r in caplog.records)
    [record] = delivery_records(engine)
    assert (record.status, record.attempts) == ("failed", 4) and "451" in (record.last_error or "")
    with pytest.raises(DeliveryFailedError, match=r"alex@example\.org via smtp"):
        raise_for_failures([outcome])
    again = deliver(engine, message(), MANAGER, channel, FAST, sleep=lambda _: None)
    assert (again.status, again.attempts) == ("delivered", 1)
    assert len(smtp_server.messages) == 1
    assert delivery_records(engine)[0].attempts == 5


def test_a_permanent_refusal_is_not_retried(engine: Engine, smtp_server: Any) -> None:
    smtp_server.refuse_next("554 5.7.1 Message rejected")
    waits: list[float] = []
    channel = SmtpChannel(SmtpConfig(host=smtp_server.host, port=smtp_server.port))
    outcome = deliver(engine, message(), MANAGER, channel, FAST, sleep=waits.append)
    assert (outcome.status, outcome.attempts, waits) == ("failed", 1, [])


def test_an_unreachable_server_fails_and_is_reported(engine: Engine) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    channel = SmtpChannel(SmtpConfig(host="127.0.0.1", port=port, timeout=5))
    outcome = deliver(engine, message(), MANAGER, channel, FAST, sleep=lambda _: None)
    assert (outcome.status, outcome.attempts) == ("failed", 4)
    assert outcome.error is not None and "cannot send through 127.0.0.1" in outcome.error


def test_the_same_digest_is_not_sent_twice(
    engine: Engine, smtp_server: Any, tmp_path: Path
) -> None:
    smtp = SmtpChannel(SmtpConfig(host=smtp_server.host, port=smtp_server.port))
    first = deliver(engine, message(), MANAGER, smtp, FAST)
    second = deliver(engine, message(), MANAGER, SmtpChannel(smtp.config), FAST)
    assert (first.status, second.status) == ("delivered", "already_delivered")
    assert len(smtp_server.messages) == 1
    other = MANAGER.model_copy(update={"email": "deputy@example.org", "name": "Deputy"})
    assert deliver(engine, message(), other, smtp, FAST).status == "delivered"
    files = DirectoryChannel(tmp_path)
    assert deliver(engine, message(), MANAGER, files, FAST).status == "delivered"
    assert deliver(engine, message("2025-11:waste_recycling"), MANAGER, smtp, FAST).ok
    assert len(smtp_server.messages) == 3
    statuses = {(r.key, r.recipient, r.channel): r.status for r in delivery_records(engine)}
    assert statuses == {
        ("2025-10:waste_recycling", "alex@example.org", "smtp"): "delivered",
        ("2025-10:waste_recycling", "deputy@example.org", "smtp"): "delivered",
        ("2025-10:waste_recycling", "alex@example.org", "directory"): "delivered",
        ("2025-11:waste_recycling", "alex@example.org", "smtp"): "delivered",
    }


def test_retry_policy_from_configuration() -> None:
    policy = RetryPolicy.from_config(
        RetryConfig(attempts=5, backoff_seconds=3, max_backoff_seconds=10)
    )
    assert [policy.delay(n) for n in range(1, 5)] == [3.0, 6.0, 10.0, 10.0]
