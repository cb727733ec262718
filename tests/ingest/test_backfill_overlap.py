"""The back-fill parses the next envelope's rows while the last one is on its way to the
broker, one send at a time and in order; a send's error and a stop still end the run, never
with a send left running under a sender being closed."""

from __future__ import annotations

import csv
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

import pytest

from config import ReferenceData, load_crm_profiles
from contracts import Topic, contact_id_for
from ingest import (
    Backfill,
    BackfillInterruptedError,
    BrokerUnavailableError,
    CheckpointFile,
    EnvelopeSender,
    ExportIdentity,
    RejectsFile,
    parse_crm_file,
    resolve_profile,
)

REPO = Path(__file__).resolve().parents[2]


ROWS = 1000


class SlowProducer:
    """Takes ``seconds`` over each envelope, and (``wait_for_rows``) up to 5 s more until the
    parse reads another row or has read them all; notes how far the parse got meanwhile."""

    def __init__(
        self, seconds: float = 0.05, *, fail: bool = False, wait_for_rows: bool = False
    ) -> None:
        self.seconds, self.fail, self.wait_for_rows = seconds, fail, wait_for_rows
        self.backfill: Backfill | None = None
        self.rows_during: list[tuple[int, int]] = []  # rows read when made, and once sent
        self.keys: list[uuid.UUID] = []
        self.busy = threading.Event()
        self.closed = False

    def publish_encoded(self, topic: Topic, events: Iterable[tuple[uuid.UUID, bytes]]) -> int:
        assert self.backfill is not None and not self.busy.is_set()
        self.busy.set()
        try:
            # Rows read when this envelope was made: every row is accepted, 100 an envelope.
            began = 100 * (len(self.rows_during) + 1)
            time.sleep(self.seconds)
            deadline = time.monotonic() + 5.0
            while self.wait_for_rows and time.monotonic() < deadline:
                if self.backfill.parse.rows_read > began or began == ROWS:
                    break
                time.sleep(0.001)
            if self.fail:
                raise BrokerUnavailableError("the broker is away")
            self.keys.extend(key for key, _ in events)
            self.rows_during.append((began, self.backfill.parse.rows_read))
            return 1
        finally:
            self.busy.clear()

    def close(self) -> None:
        assert not self.busy.is_set(), "closed while a send was still running"
        self.closed = True


def backfill_of(tmp_path: Path, reference: ReferenceData, producer: SlowProducer) -> Backfill:
    export = tmp_path / "export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Reference", "Date Logged", "Description"])
        for n in range(ROWS):
            out.writerow([f"B{n:06d}", "08/04/2024 08:32", f"Pothole {n} on Mill Lane"])
    profile = resolve_profile(
        None,
        load_crm_profiles(REPO / "config"),
        {"source_ref": "Case Reference", "received_at": "Date Logged", "text": "Description"},
    )
    parse = parse_crm_file(export, profile=profile, reference=reference)
    backfill = Backfill(
        parse=parse,
        sender=EnvelopeSender(lambda: producer, patience=0.2, sleep=lambda _: None),  # type: ignore[arg-type, return-value]
        stored=set,  # stored as soon as asked
        checkpoint_file=CheckpointFile(tmp_path / "backfill", ExportIdentity.of(export, {})),
        rejects=RejectsFile(tmp_path / "rejects.csv", parse.headers),
        envelope_contacts=100,
    )
    producer.backfill = backfill
    return backfill


def test_rows_are_parsed_while_the_last_envelope_is_being_sent(
    tmp_path: Path, reference: ReferenceData
) -> None:
    producer = SlowProducer(wait_for_rows=True)
    backfill = backfill_of(tmp_path, reference, producer)
    tally = backfill.run(resume=False)
    backfill.sender.close()
    assert tally.contacts_sent == 1000 and len(producer.rows_during) == 10
    # Rows were read during every send but the last (nothing was left to read then): the
    # producer waited up to 5 s for one.
    assert all(end > began for began, end in producer.rows_during[:-1])
    # One at a time (the producer asserts it) and in the export's order: each envelope's key
    # is its first contact.
    assert producer.keys == [contact_id_for("crm", f"B{n:06d}") for n in range(0, 1000, 100)]
    assert not [t for t in threading.enumerate() if t.name.startswith("backfill-send")]


def test_a_failed_send_ends_the_run_with_its_error(
    tmp_path: Path, reference: ReferenceData
) -> None:
    producer = SlowProducer(seconds=0.01, fail=True)
    backfill = backfill_of(tmp_path, reference, producer)
    with pytest.raises(BrokerUnavailableError, match="did not take the back-fill"):
        backfill.run(resume=False)
    backfill.sender.close()
    assert backfill.parse.rows_read <= 300  # it stopped at the next envelope, not at the end
    assert not [t for t in threading.enumerate() if t.name.startswith("backfill-send")]


def test_a_stop_waits_for_the_envelope_on_its_way(tmp_path: Path, reference: ReferenceData) -> None:
    producer = SlowProducer(seconds=0.2)
    backfill = backfill_of(tmp_path, reference, producer)
    backfill.on_progress = lambda tally: backfill.stop() if tally.contacts_sent >= 300 else None
    with pytest.raises(BackfillInterruptedError):
        backfill.run(resume=False)
    assert not producer.busy.is_set()  # the send had ended before run returned
    backfill.sender.close()
    assert producer.closed and len(producer.keys) == 3
