"""Webhook (a real local HTTP server) and directory delivery: payload, retries on 5xx and
429, no retries on other 4xx, files per recipient and digest; and the ledger's claims."""

from __future__ import annotations

import base64
import email
import email.policy
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from delivery import (
    Attachment,
    DirectoryChannel,
    InlinePart,
    Message,
    Recipient,
    RecipientBook,
    RetryPolicy,
    SmtpChannel,
    WebhookChannel,
    channel_for,
    deliver,
)
from sinks import claim_delivery, delivery_records, release_delivery

FAST = RetryPolicy(attempts=3, initial=0.01)
PNG = b"\x89PNG\r\n\x1a\nfake"
MESSAGE = Message(
    key="2025/26-Q3:parking",
    subject="Parking: digest for 2025/26-Q3",
    text="Plain words.",
    html='<p style="">Chart <img src="cid:trend.x@civicpulse"></p>',
    standalone_html='<p style="">Chart <img src="data:image/png;base64,AAAA"></p>',
    inline=(InlinePart("trend.x@civicpulse", PNG, "image/png", "trend.png"),),
    attachments=(Attachment("digest.csv", b"period,count\n2025/26-Q3,3\n", "text/csv"),),
)


def hooked(url: str) -> Recipient:
    return Recipient(name="Parking team", services=("parking",), channel="webhook", webhook=url)


def test_webhook_posts_the_digest_as_json(engine: Engine, webhook_server: Any) -> None:
    outcome = deliver(engine, MESSAGE, hooked(webhook_server.url), WebhookChannel(), FAST)
    assert outcome.status == "delivered"
    [body] = webhook_server.bodies
    assert body["key"] == "2025/26-Q3:parking" and body["recipient"] == "Parking team"
    assert body["text"] == "Plain words." and "data:image/png" in body["html"]
    [attachment] = body["attachments"]
    assert attachment["filename"] == "digest.csv"
    assert base64.b64decode(attachment["content_base64"]).startswith(b"period,count")


def test_webhook_retries_server_errors_but_not_bad_requests(
    engine: Engine, webhook_server: Any
) -> None:
    webhook_server.refuse_next(503, 429)
    waits: list[float] = []
    ok = deliver(
        engine, MESSAGE, hooked(webhook_server.url), WebhookChannel(), FAST, sleep=waits.append
    )
    assert (ok.status, ok.attempts, len(waits)) == ("delivered", 3, 2)
    webhook_server.refuse_next(400)
    other = replace(MESSAGE, key="2025/26-Q4:parking")
    bad = deliver(engine, other, hooked(webhook_server.url), WebhookChannel(), FAST)
    assert (bad.status, bad.attempts) == ("failed", 1)
    assert bad.error is not None and "answered 400" in bad.error
    assert len(webhook_server.bodies) == 1


def test_directory_writes_files_once(engine: Engine, tmp_path: Path) -> None:
    recipient = Recipient(name="Safety team", services=("parking",), channel="directory")
    channel = DirectoryChannel(tmp_path)
    assert deliver(engine, MESSAGE, recipient, channel, FAST).status == "delivered"
    folder = channel.folder_for(MESSAGE, recipient)
    assert folder == tmp_path / "Safety_team" / "2025-26-Q3_parking"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["digest.csv", "digest.html", "digest.txt", "message.eml"]
    assert "data:image/png" in (folder / "digest.html").read_text(encoding="utf-8")
    mail = email.message_from_bytes(
        (folder / "message.eml").read_bytes(), policy=email.policy.default
    )
    assert mail.get_content_type() == "multipart/mixed"
    (folder / "digest.txt").unlink()
    assert deliver(engine, MESSAGE, recipient, channel, FAST).status == "already_delivered"
    assert not (folder / "digest.txt").exists()


def test_channel_for_follows_the_recipient(tmp_path: Path) -> None:
    book = RecipientBook()
    smtp = Recipient(name="A", email="a@example.org", services=("parking",))
    files = Recipient(name="B", services=("parking",), channel="directory")
    hook = hooked("http://127.0.0.1:9/hook")
    assert isinstance(channel_for(smtp, book, outputs_dir=tmp_path), SmtpChannel)
    directory = channel_for(files, book, outputs_dir=tmp_path)
    assert isinstance(directory, DirectoryChannel) and directory.root == tmp_path / "digests"
    assert isinstance(channel_for(hook, book, outputs_dir=tmp_path), WebhookChannel)


def test_claims_are_exclusive_and_stuck_ones_can_be_released(engine: Engine) -> None:
    first = claim_delivery(engine, "k", "r", "smtp")
    assert (first.state, first.attempt) == ("claimed", 1)
    assert claim_delivery(engine, "k", "r", "smtp").state == "busy"  # another sender is on it
    assert release_delivery(engine, "k", "r", "smtp")
    again = claim_delivery(engine, "k", "r", "smtp")
    assert (again.state, again.attempt) == ("claimed", 2)
    [record] = delivery_records(engine, "k")
    assert (record.status, record.attempts) == ("pending", 2)
    assert record.last_error == "released after an interrupted attempt"
