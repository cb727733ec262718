"""The worker's digest timers: one faust crontab per schedule that has recipients, each tick
sending the last complete period's digests once (real app object, real database)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import faust
from sqlalchemy import Engine

from config import Settings
from workers.schedule import add_digest_schedule


def test_crontabs_send_each_schedules_digests_once(engine: Engine, tmp_path: Path) -> None:
    recipients = tmp_path / "recipients.yaml"
    recipients.write_text(
        "schedules:\n"
        "  weekly: {cron: '0 7 * * mon', period: week}\n"
        "  monthly: {cron: '0 7 2 * *', period: month}\n"
        "  yearly: {cron: '0 7 10 4 *', period: year}\n"
        "recipients:\n"
        "  - {name: Waste team, services: [waste_recycling], channel: directory,"
        " schedule: [weekly, monthly]}\n",
        encoding="utf-8",
    )
    app = faust.App("test-digest-schedule", broker="kafka://127.0.0.1:9", store="memory://")
    settings = Settings(home=tmp_path / "home")
    before = len(app._app_tasks)
    timers = add_digest_schedule(app, settings, engine, recipients_file=recipients)
    assert [(t.schedule, t.cron) for t in timers] == [
        ("weekly", "0 7 * * mon"),
        ("monthly", "0 7 2 * *"),
    ]  # nobody is on the yearly schedule
    assert len(app._app_tasks) == before + 2
    monday = datetime(2025, 11, 3, 7, tzinfo=UTC)
    sent = asyncio.run(timers[0].run(monday))
    assert [(s.period.label, s.outcome.status) for s in sent] == [("2025-W44", "delivered")]
    folder = settings.outputs_dir / "digests" / "Waste_team" / "2025-W44_waste_recycling"
    assert (folder / "digest.html").exists()
    again = asyncio.run(timers[0].run(monday))
    assert [s.outcome.status for s in again] == ["already_delivered"]
    monthly = asyncio.run(timers[1].run(datetime(2025, 11, 2, 7, tzinfo=UTC)))
    assert [(s.period.label, s.outcome.status) for s in monthly] == [("2025-10", "delivered")]
