"""CRM back-fills through a real worker: an interrupted back-fill resumes and stores every row
exactly once; a live web-form contact is stored while a back-fill is still running.

Waits poll with a timeout; nothing asserts a duration. Where a test needs the back-fill still
unfinished, it stops the worker (SIGSTOP) rather than hoping the back-fill is slow: on a fast
machine and interpreter the rows were all stored before the test could look."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import func, select

from config import Settings
from contracts import ENVELOPE_CONTACTS, Topic, topic_name
from sinks import contact_dimensions, make_engine, recount, stored_contact_ids, stored_trend_counts
from sinks.db.tables import ContactRow
from tests.e2e.conftest import RunningStack

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]
COLUMNS = [
    "--column",
    "source_ref=Case Reference",
    "--column",
    "received_at=Date Logged",
    "--column",
    "text=Description",
]


def write_export(path: Path, tag: str, rows: int) -> set[str]:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Reference", "Date Logged", "Description"])
        for n in range(rows):
            out.writerow([f"{tag}{n:06d}", "08/04/2024 08:32", f"Street light {n} is out"])
    return {f"{tag}{n:06d}" for n in range(rows)}


def stored_refs(database_url: str, refs: set[str]) -> list[str]:
    engine = make_engine(database_url, must_exist=True)
    try:
        with engine.connect() as c:
            return list(
                c.scalars(select(ContactRow.source_ref).where(ContactRow.source_ref.in_(refs)))
            )
    finally:
        engine.dispose()


def wait_until(what: str, check: object, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"not {what} within {timeout}s"
        time.sleep(0.2)


@contextmanager
def stopped(pid: int) -> Iterator[None]:
    """The process stopped (SIGSTOP) inside the block, and always let go again."""
    os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.kill(pid, signal.SIGCONT)


def store_in_steps_until(
    what: str, done: Callable[[], bool], worker: int, ingest: subprocess.Popen[str]
) -> None:
    """With ``worker`` stopped, let it run for 50 ms at a time until ``done()``: the back-fill
    cannot finish between two looks, however fast the machine."""
    deadline = time.monotonic() + 240
    while not done():
        assert ingest.poll() is None, "the back-fill finished before it could be interrupted"
        assert time.monotonic() < deadline, f"not {what} within 240s"
        os.kill(worker, signal.SIGCONT)
        time.sleep(0.05)
        os.kill(worker, signal.SIGSTOP)
        time.sleep(0.5)  # the back-fill looks at what is stored every 0.2 s


def test_an_interrupted_backfill_resumes_and_stores_every_row_once(  # type: ignore[no-untyped-def]
    pipeline, tmp_path: Path
) -> None:
    export = tmp_path / "history.csv"
    refs = write_export(export, f"H{uuid.uuid4().hex[:6]}-", 6000)
    command = [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), *COLUMNS]
    checkpoints = pipeline.settings.backfill_dir
    with stopped(pipeline.worker.pid):
        first = subprocess.Popen(
            command, env=pipeline.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        store_in_steps_until(
            "a checkpoint written",
            lambda: any(checkpoints.glob("history-*.json")),
            pipeline.worker.pid,
            first,
        )
        first.send_signal(signal.SIGINT)  # Ctrl-C, the worker still stopped
        _out, err = first.communicate(timeout=120)
    assert first.returncode != 0, "the back-fill finished before it could be interrupted"
    assert "Traceback" not in err and "run the same command again to resume" in err, err
    stored_before = len(stored_refs(pipeline.settings.sqlalchemy_url, refs))

    second = pipeline.cli("ingest", "csv", str(export), *COLUMNS, timeout=600)
    assert second.returncode == 0, second.stderr
    assert "rows stored before (resumed after)" in second.stdout
    assert not any(checkpoints.glob("history-*.json"))  # complete
    # Returned only once everything is stored: no waiting needed here.
    found = stored_refs(pipeline.settings.sqlalchemy_url, refs)
    assert len(found) == len(set(found)) == 6000 and set(found) == refs
    assert stored_before > 0
    engine = make_engine(pipeline.settings.sqlalchemy_url, must_exist=True)
    try:
        assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    finally:
        engine.dispose()


def test_a_live_contact_is_stored_while_a_backfill_is_still_running(  # type: ignore[no-untyped-def]
    running_stack, tmp_path: Path
) -> None:
    stack = running_stack
    export = tmp_path / "history.csv"
    refs = write_export(export, "L", 12_000)
    database = stack.env["CIVICPULSE_DATABASE_URL"]
    # The worker stopped while the whole history goes onto the stream and the live contact
    # after it: the live contact then waits behind 24 envelopes, not behind a race.
    with stopped(stack.child_pid("worker")):
        ingest = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), *COLUMNS],
            env=stack.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        wait_for_backfill_messages(stack, -(-len(refs) // ENVELOPE_CONTACTS))
        answer = httpx.post(f"{stack.api}/contacts", json={"text": "Bin not emptied"}, timeout=30)
    assert answer.status_code == 202
    live = uuid.UUID(answer.json()["contact_id"])
    engine = make_engine(database, must_exist=True)
    try:
        wait_until("the live contact stored", lambda: bool(stored_contact_ids(engine, [live])))
        history_stored = len(stored_refs(database, refs))
        _out, err = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, err
        # The live contact did not wait for the history behind it.
        assert history_stored < len(refs)
        assert len(stored_refs(database, refs)) == len(refs)
        assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
        with engine.connect() as c:
            assert c.scalar(select(func.count()).select_from(ContactRow)) == len(refs) + 1
    finally:
        engine.dispose()


def wait_for_backfill_messages(stack: RunningStack, count: int) -> None:
    """Until ``count`` messages are on the stack's back-fill topic (its broker is its own: all
    of them are ours), asked through one consumer."""
    bootstrap = json.loads((stack.home / "broker.json").read_text())["bootstrap"]
    prefix = Settings.model_fields["topic_prefix"].default  # the stack's env sets none
    name = topic_name(Topic.contacts_backfill, prefix)
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)

    def on_topic() -> int:
        partitions = [TopicPartition(name, p) for p in consumer.partitions_for_topic(name) or ()]
        return sum(consumer.end_offsets(partitions).values()) if partitions else 0

    try:
        wait_until(f"{count} messages on the back-fill topic", lambda: on_topic() >= count)
    finally:
        consumer.close()
