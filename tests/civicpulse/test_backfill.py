"""``civicpulse backfill``: the samples' history written through the real sink, once, with
the trend table equal to a recount; the command on a fresh home."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from civicpulse.backfill import write_history
from civicpulse.cli import app
from classifiers import STARTER_DATASET
from config import ReferenceData
from samples import HistoryPlan, generate_history, load_texts
from sinks import contact_dimensions, make_engine, recount, stored_trend_counts
from sinks.db.tables import ContactRow


def test_written_through_the_sink_once(engine: Engine, reference: ReferenceData) -> None:
    plan = HistoryPlan(start=date(2025, 9, 1), end=date(2025, 10, 31), per_year=3000)
    items = list(generate_history(plan, reference, load_texts(STARTER_DATASET)))
    progress: list[int] = []
    assert write_history(engine, items, batch_size=200, progress=progress.append) == len(items)
    assert progress[-1] == len(items) and len(progress) > 1
    write_history(engine, iter(items))
    with engine.connect() as c:
        assert c.scalar(select(func.count()).select_from(ContactRow)) == len(items)
    assert stored_trend_counts(engine) == +recount(contact_dimensions(engine))


def test_backfill_command_on_a_fresh_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path / "home"))
    args = ["backfill", "--start", "2025-10-01", "--end", "2025-10-31", "--per-year", "2000"]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "contacts from 2025-10-01 to 2025-10-31" in done.output
    engine = make_engine(f"sqlite:///{tmp_path / 'home' / 'civicpulse.db'}")
    with engine.connect() as c:
        stored = c.scalar(select(func.count()).select_from(ContactRow))
    engine.dispose()
    assert stored is not None and 100 < stored < 400
    bad = CliRunner().invoke(app, ["backfill", "--start", "April"])
    assert bad.exit_code == 1 and "2021-04-01" in bad.output
