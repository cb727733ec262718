"""recipients.yaml: the shipped file is valid against the taxonomy; mistakes are reported with
the file; the SMTP password comes from the environment the entry point passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from croniter import croniter

from config import ReferenceData
from delivery import RecipientsError, load_recipients

REPO = Path(__file__).resolve().parents[2]


def test_shipped_recipients_are_valid(reference: ReferenceData) -> None:
    book = load_recipients(REPO / "config" / "recipients.yaml")
    assert book.recipients
    services = set(reference.taxonomy.service_ids)
    for recipient in book.recipients:
        assert set(recipient.services) <= services, recipient.name
    assert {"weekly", "monthly"} <= set(book.schedules)
    assert (book.schedules["weekly"].period, book.schedules["monthly"].period) == ("week", "month")
    for schedule in book.schedules.values():
        assert croniter.is_valid(schedule.cron), schedule.cron
    assert book.default_channel == "directory"  # a fresh install writes files, mails nobody
    assert {r.channel for r in book.recipients} == {"directory", "webhook"}
    assert sum(bool(r.email) for r in book.recipients) >= 4  # ready for default_channel: smtp


def test_recipients_without_a_channel_use_the_default(tmp_path: Path) -> None:
    path = tmp_path / "recipients.yaml"
    path.write_text(
        "default_channel: directory\n"
        "recipients:\n"
        "  - {name: A, services: [parking]}\n"
        "  - {name: B, email: b@example.org, services: [parking], channel: smtp}\n",
        encoding="utf-8",
    )
    book = load_recipients(path)
    assert [r.channel for r in book.recipients] == ["directory", "smtp"]
    path.write_text("recipients:\n  - {name: A, services: [parking]}\n", encoding="utf-8")
    with pytest.raises(RecipientsError, match="needs email"):
        load_recipients(path)  # the default is smtp, and A has no address


def test_password_comes_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "recipients.yaml"
    path.write_text("smtp: {username: digests}\n", encoding="utf-8")
    book = load_recipients(path, environ={"CIVICPULSE_SMTP_PASSWORD": "s3cret"})
    assert book.smtp.password is not None
    assert book.smtp.password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(book)
    assert load_recipients(tmp_path / "missing.yaml").recipients == ()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("recipients: [{name: A, services: [parking]}]", "needs email"),
        ("recipients: [{name: A, services: [parking], channel: webhook}]", "needs webhook"),
        ("recipients: [{name: A, email: a@b.c, services: []}]", "at least 1"),
        ("recipients: [{name: A, email: a@b.c, services: [x], schedule: [hourly]}]", "hourly"),
        ("schedules: {daily: {cron: '7 * *', period: day}}", "five fields"),
        ("schedules: {daily: {cron: '0 7 * * *', period: fortnight}}", "period"),
        ("- just a list", "mapping"),
        ("smtp: {host: [unclosed", "YAML"),
    ],
)
def test_mistakes_are_reported_with_the_file(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "recipients.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecipientsError, match=reason) as caught:
        load_recipients(path)
    assert caught.value.path == path
