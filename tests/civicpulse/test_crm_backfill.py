"""``ingest csv``'s wiring: what a person watching a still progress bar is told."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from civicpulse.crm_backfill import stall_hint
from config import Settings
from sinks import record_heartbeat


def test_a_stall_says_whether_a_worker_is_running(engine: Engine) -> None:
    settings = Settings()
    hint = stall_hint(engine, settings, 15.2)
    assert hint.startswith("nothing stored for 15 s: no worker is running")
    assert "civicpulse worker" in hint
    record_heartbeat(
        engine, "w1", started_at=datetime.now(UTC), contacts_processed=0, model_version=None
    )
    assert "although a worker is running" in stall_hint(engine, settings, 20.0)
