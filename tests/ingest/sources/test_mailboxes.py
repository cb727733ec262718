"""read_mailbox: .eml files, folders, Maildirs and mbox files, one result per message."""

from __future__ import annotations

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from ingest.errors import IngestError, MalformedEmailError
from ingest.sources import RawEmail, read_mailbox

EMAILS = Path(__file__).parent / "data" / "emails"


def _message(number: int) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"Resident {number} <r{number}@example.com>"
    message["To"] = "contactcentre@halton.gov.uk"
    message["Subject"] = f"Report {number}"
    message["Date"] = "Tue, 4 Jun 2024 09:12:00 +0100"
    message["Message-ID"] = f"<m{number}@example.com>"
    message.set_content(f"From the start: report number {number}.\n")
    return message


def _ids(results: list[RawEmail | MalformedEmailError]) -> list[str]:
    found = []
    for result in results:
        assert isinstance(result, RawEmail), result
        found += [line for line in result.raw.decode().splitlines() if line.startswith("Message")]
    return sorted(found)


def test_single_eml_file_yields_one_message() -> None:
    path = EMAILS / "signature.eml"
    assert list(read_mailbox(path)) == [RawEmail(str(path), path.read_bytes())]


def test_folder_yields_every_eml_file_sorted(tmp_path: Path) -> None:
    for number in (2, 1, 3):
        (tmp_path / f"{number}.eml").write_bytes(_message(number).as_bytes())
    (tmp_path / "notes.txt").write_text("not an email")
    results = list(read_mailbox(tmp_path))
    assert [Path(r.source).name for r in results if isinstance(r, RawEmail)] == [
        "1.eml",
        "2.eml",
        "3.eml",
    ]


def test_fixture_folder_reads_every_fixture() -> None:
    results = list(read_mailbox(EMAILS))
    assert len(results) == len(list(EMAILS.glob("*.eml")))
    assert all(isinstance(r, RawEmail) for r in results)


def test_maildir_yields_new_and_cur_messages(tmp_path: Path) -> None:
    box = mailbox.Maildir(tmp_path / "Maildir", create=True)
    for number in range(3):
        box.add(_message(number))
    seen = mailbox.MaildirMessage(_message(3))
    seen.set_subdir("cur")
    box.add(seen)
    (tmp_path / "Maildir" / "tmp" / "half-delivered").write_bytes(b"From: x\n")
    results = list(read_mailbox(tmp_path / "Maildir"))
    assert _ids(results) == [f"Message-ID: <m{n}@example.com>" for n in range(4)]


def test_mbox_yields_every_message(tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "inbox.mbox", create=True)
    for number in range(4):
        box.add(_message(number))
    box.flush()
    box.close()
    results = list(read_mailbox(tmp_path / "inbox.mbox"))
    assert _ids(results) == [f"Message-ID: <m{n}@example.com>" for n in range(4)]
    assert [r.source for r in results] == [f"{tmp_path / 'inbox.mbox'}#{n}" for n in range(1, 5)]


def test_mbox_without_suffix_is_recognised(tmp_path: Path) -> None:
    box = mailbox.mbox(tmp_path / "Inbox", create=True)
    box.add(_message(1))
    box.add(_message(2))
    box.close()
    assert len(list(read_mailbox(tmp_path / "Inbox"))) == 2


def test_corrupt_file_in_a_folder_yields_an_error_and_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(_message(1).as_bytes())
    (tmp_path / "b.eml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary junk")
    (tmp_path / "c.eml").write_bytes(b"")
    (tmp_path / "d.eml").write_bytes(_message(2).as_bytes())
    results = list(read_mailbox(tmp_path))
    assert len(results) == 4
    errors = [r for r in results if isinstance(r, MalformedEmailError)]
    assert [Path(e.source).name for e in errors] == ["b.eml", "c.eml"]
    assert "not an email" in errors[0].reason and "empty" in errors[1].reason
    assert _ids([r for r in results if isinstance(r, RawEmail)]) == [
        "Message-ID: <m1@example.com>",
        "Message-ID: <m2@example.com>",
    ]


def test_unreadable_file_yields_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_bytes(_message(1).as_bytes())
    (tmp_path / "dir.eml").mkdir()
    results = list(read_mailbox(tmp_path))
    assert isinstance(results[0], RawEmail)
    assert isinstance(results[1], MalformedEmailError)
    assert results[1].source == str(tmp_path / "dir.eml")


def test_folder_holding_a_maildir_and_an_mbox_reads_both(tmp_path: Path) -> None:
    mailbox.Maildir(tmp_path / "Maildir", create=True).add(_message(1))
    box = mailbox.mbox(tmp_path / "archive.mbox", create=True)
    box.add(_message(2))
    box.close()
    assert _ids(list(read_mailbox(tmp_path))) == [
        "Message-ID: <m1@example.com>",
        "Message-ID: <m2@example.com>",
    ]


def test_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        list(read_mailbox(tmp_path / "nowhere"))
