"""Faults around the worker, on `civicpulse up` with its real embedded broker and SQLite file.

The invariant in every test: every contact the stack acknowledged (a 202, or counted published
by `ingest`) is stored exactly once, and the trend table equals a recount of the contacts.
Faults are real: a SIGKILLed broker or worker, a database on a file system remounted
read-only, a deleted database file. Waits poll with a timeout; nothing sleeps a fixed time.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from ingest.api import PAUSED
from sinks import contact_dimensions, make_engine, recount, stored_trend_counts
from sinks.db.tables import ContactRow

# Each test starts its own `up` (a worker loads a model and joins the group): generous bounds.
pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]


def post_contacts(stack, count: int, tag: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """POST ``count`` contacts with idempotency keys; returns {key: contact_id} of the 202s."""
    accepted: dict[str, str] = {}
    with httpx.Client(base_url=stack.api, timeout=10) as client:
        for n in range(count):
            key = f"{tag}-{n}"
            body = {"text": f"The bin at number {n} was not emptied ({tag})"}
            answer = client.post("/contacts", json=body, headers={"Idempotency-Key": key})
            if answer.status_code == 202:
                accepted[key] = answer.json()["contact_id"]
    return accepted


def stored_ids(stack) -> list[str]:  # type: ignore[no-untyped-def]
    engine = make_engine(stack.env["CIVICPULSE_DATABASE_URL"], must_exist=True)
    try:
        with engine.connect() as c:
            return [str(i) for i in c.scalars(select(ContactRow.contact_id))]
    finally:
        engine.dispose()


def assert_stored_once_and_trends_agree(
    stack, acknowledged: set[str], timeout: float = 180
) -> None:  # type: ignore[no-untyped-def]
    stack.wait_until(
        f"all {len(acknowledged)} acknowledged contacts stored",
        lambda: acknowledged <= set(stored_ids(stack)),
        timeout=timeout,
    )
    # The outbox may still be resending more than was acknowledged: compare once it is quiet,
    # so the ids, the trend table and the row count below are read from the same state.
    counts: list[int] = []

    def settled() -> bool:  # the same count on two polls in a row
        counts.append(len(stored_ids(stack)))
        return len(counts) > 1 and counts[-1] == counts[-2]

    stack.wait_until("storing settled", settled)
    ids = stored_ids(stack)
    assert len(ids) == len(set(ids))  # exactly once
    engine = make_engine(stack.env["CIVICPULSE_DATABASE_URL"], must_exist=True)
    try:
        assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
        with engine.connect() as c:
            assert c.scalar(select(func.count()).select_from(ContactRow)) == len(ids)
    finally:
        engine.dispose()


def test_killed_broker_pauses_intake_then_everything_acknowledged_is_stored(running_stack) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    acknowledged = set(post_contacts(stack, 50, "before").values())
    os.kill(stack.broker_pid(), signal.SIGKILL)
    # While no broker answers, a POST gets a prompt 503 that says only that intake is paused.
    paused = None
    with httpx.Client(base_url=stack.api, timeout=2.0) as client:
        for _ in range(20):
            answer = client.post("/contacts", json={"text": "Streetlight out on Ash Road"})
            if answer.status_code == 503:
                paused = answer
                break
            acknowledged.add(answer.json()["contact_id"])  # the broker came back already
    if paused is not None:
        assert paused.json() == {"detail": PAUSED}
        assert "127.0.0.1" not in paused.text and "civicpulse" not in paused.text
    # The stack brings the broker back by itself; intake resumes without a manual restart.
    stack.wait_until("accepting again", lambda: bool(post_contacts(stack, 1, "probe")), 120)
    acknowledged |= set(post_contacts(stack, 50, "after").values())
    assert_stored_once_and_trends_agree(stack, acknowledged)
    stack.wait_until("status ok again", lambda: stack.cli("status").returncode == 0, 120)


def write_crm_export(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Reference", "Date Logged", "Description", "Ward"])
        for n in range(rows):
            out.writerow([f"F{n:06d}", "08/04/2024 08:32", f"Pothole number {n} on Mill Lane", ""])


def test_broker_killed_during_an_ingest_loses_nothing_it_counted(
    running_stack, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    export = tmp_path / "export.csv"
    write_crm_export(export, 6000)
    columns = ["--column", "source_ref=Case Reference", "--column", "received_at=Date Logged"]
    columns += ["--column", "text=Description", "--column", "ward=Ward"]
    ingest = subprocess.Popen(
        [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), *columns],
        env=stack.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stack.wait_until(
        "ingest under way", lambda: len(stored_ids(stack)) > 0 or ingest.poll() is not None
    )
    os.kill(stack.broker_pid(), signal.SIGKILL)
    _out, err = ingest.communicate(timeout=300)
    # What the restart made it send again is stored at once: the restarted worker must not
    # inherit offsets from the old broker that skip it (and wait for a later, periodic resend).
    assert err.count("sending them again") <= 1, err
    if ingest.returncode != 0:
        # One clear line: no client logs, no tracebacks.
        assert "Traceback" not in err and "kafka" not in err.lower(), err
        assert len([line for line in err.splitlines() if line.strip()]) == 1, err
        assert "outbox" in err
    # Whatever ingest counted, and more, is stored once: the outbox relay sends it again.
    refs = {f"F{n:06d}" for n in range(6000)}
    engine = make_engine(stack.env["CIVICPULSE_DATABASE_URL"], must_exist=True)
    published = 6000 if ingest.returncode == 0 else _published_before(err)

    def stored_refs() -> set[str]:
        with engine.connect() as c:
            return set(
                c.scalars(select(ContactRow.source_ref).where(ContactRow.source_ref.in_(refs)))
            )

    try:
        stack.wait_until(
            f"{published} ingested contacts stored", lambda: len(stored_refs()) >= published, 240
        )
    finally:
        engine.dispose()
    assert_stored_once_and_trends_agree(stack, set())


def _published_before(err: str) -> int:
    words = err.split("after ", 1)[1].split()
    return int(words[0])


def test_killed_worker_is_restarted_and_nothing_acknowledged_is_lost(running_stack) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    acknowledged: set[str] = set()
    done = threading.Event()

    def keep_posting() -> None:
        n = 0
        while not done.is_set():
            acknowledged.update(post_contacts(stack, 20, f"w{n}").values())
            n += 1

    poster = threading.Thread(target=keep_posting)
    poster.start()
    try:
        stack.wait_until("some stored", lambda: len(stored_ids(stack)) > 20)
        os.kill(stack.child_pid("worker"), signal.SIGKILL)
        stack.wait_until("more posted", lambda: len(acknowledged) > 200)
    finally:
        done.set()
        poster.join(60)
    assert_stored_once_and_trends_agree(stack, acknowledged)


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent's parent to reap it is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_killed_up_takes_its_parts_with_it_and_the_next_up_loses_nothing(running_stack) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    parts = [stack.broker_pid(), stack.child_pid("worker"), stack.child_pid("serve")]
    acknowledged = set(post_contacts(stack, 30, "k").values())
    os.kill(stack.process.pid, signal.SIGKILL)  # no chance to stop anything itself
    stack.process.wait(10)
    deadline = time.monotonic() + 60
    while any(map(_alive, parts)):
        assert time.monotonic() < deadline, [p for p in parts if _alive(p)]
        time.sleep(0.2)
    with stack.log.open("ab") as out:  # the same home again: it must not find a stack running
        stack.process = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "up"],
            env=stack.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack.wait_until("up again", lambda: stack.cli("status").returncode == 0)
    assert_stored_once_and_trends_agree(stack, acknowledged)


@pytest.fixture()
def remountable(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs of its own for the database (mounting needs CAP_SYS_ADMIN: root in CI)."""
    mount = tmp_path / "dbfs"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(mount: Path) -> Path:
    """Fill the file system until it refuses another byte (the database can no longer grow)."""
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 20, 4096, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler


def test_database_disk_full_holds_batches_then_resumes_by_itself(
    remountable: Path, running_stack
) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    assert stack.database.parent == remountable
    acknowledged = set(post_contacts(stack, 30, "before").values())
    assert_stored_once_and_trends_agree(stack, acknowledged)
    filler = fill(remountable)
    try:
        # Still accepted: the intake outbox lives in CIVICPULSE_HOME, not on the database's disk.
        held = set(post_contacts(stack, 400, "full").values())
        assert len(held) == 400
        stack.wait_until("status to report the fault", lambda: not stack.status()["ok"], 60)
        report = stack.status()
        assert report["database"]["error"] or report["worker_problem"], report
        assert stack.cli("status").returncode == 1
    finally:
        filler.unlink()
    # No restart, no operator: the held batches are stored once the disk has room again.
    assert_stored_once_and_trends_agree(stack, acknowledged | held)
    stack.wait_until("status ok again", lambda: stack.cli("status").returncode == 0, 120)
    assert stack.status()["dead_letters"] == 0


def test_deleted_database_is_reported_and_never_recreated_by_status(running_stack) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    acknowledged = set(post_contacts(stack, 20, "kept").values())
    assert_stored_once_and_trends_agree(stack, acknowledged)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{stack.database}{suffix}").unlink(missing_ok=True)
    done = stack.cli("status", "--format", "json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert "missing" in report["database"]["error"]
    assert not stack.database.exists()  # status did not create an empty database
    # Contacts accepted now are held in the outbox (nothing confirms them stored), not lost.
    held = set(post_contacts(stack, 10, "held").values())
    assert len(held) == 10
    outbox = stack.status().get("outbox") or {}
    assert outbox.get("unsent", 0) + outbox.get("awaiting_storage", 0) >= 10
    assert not stack.database.exists()  # nor did the worker write into a new empty file
