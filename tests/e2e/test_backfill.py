"""CRM back-fills through a real worker: an interrupted back-fill resumes and stores every row
exactly once; a live web-form contact is stored while a back-fill is still running.

Waits poll with a timeout; nothing asserts a duration."""

from __future__ import annotations

import csv
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from sinks import contact_dimensions, make_engine, recount, stored_contact_ids, stored_trend_counts
from sinks.db.tables import ContactRow

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


def test_an_interrupted_backfill_resumes_and_stores_every_row_once(  # type: ignore[no-untyped-def]
    pipeline, tmp_path: Path
) -> None:
    export = tmp_path / "history.csv"
    refs = write_export(export, f"H{uuid.uuid4().hex[:6]}-", 6000)
    command = [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), *COLUMNS]
    first = subprocess.Popen(
        command, env=pipeline.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    checkpoints = pipeline.settings.backfill_dir
    wait_until(
        "a checkpoint written",
        lambda: any(checkpoints.glob("history-*.json")) or first.poll() is not None,
    )
    first.send_signal(signal.SIGINT)  # Ctrl-C
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
    refs = write_export(export, "L", 8000)
    ingest = subprocess.Popen(
        [sys.executable, "-m", "civicpulse", "ingest", "csv", str(export), *COLUMNS],
        env=stack.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    database = stack.env["CIVICPULSE_DATABASE_URL"]
    wait_until("the back-fill under way", lambda: len(stored_refs(database, refs)) > 0)
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
