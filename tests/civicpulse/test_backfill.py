"""``civicpulse backfill``: the samples' history written through the real sink, once, with
the trend table equal to a recount; the command on a fresh home."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from typer.testing import CliRunner

from civicpulse.backfill import write_history
from civicpulse.cli import app
from classifiers import STARTER_DATASET
from config import ReferenceData, load_service_standards
from contracts import parse_period
from insights import WorkingCalendar
from insights.case_reports import period_bounds, timeliness_table
from samples import HistoryPlan, generate_history, load_texts
from sinks import (
    cases_received_between,
    contact_dimensions,
    make_engine,
    ratings_between,
    recount,
    stored_trend_counts,
)
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


def test_history_is_answered_some_late_and_rated_once(
    engine: Engine, reference: ReferenceData
) -> None:
    """Responses, escalations and ratings come with the history: about one response in seven
    is late and rated worse, none happens after the cut-off, and a second run adds nothing."""
    plan = HistoryPlan(start=date(2025, 4, 1), end=date(2025, 9, 30), per_year=6000)
    items = list(generate_history(plan, reference, load_texts(STARTER_DATASET)))
    cutoff = datetime(2025, 9, 15, tzinfo=UTC)
    write_history(engine, items, handled_until=cutoff)
    write_history(engine, items, handled_until=cutoff)  # the same ids: nothing new
    standards = load_service_standards(Path(__file__).resolve().parents[2] / "config", reference)
    start, end = period_bounds(parse_period("2025/26-Q1"))
    received = cases_received_between(engine, start, end)
    rows, _ = timeliness_table(received, ["stage"], parse_period("2025/26-Q1"), standards,
                               WorkingCalendar(), cutoff)  # fmt: skip
    first = next(r for r in rows if r.by["stage"] == "1")
    assert first.responded > 500
    assert first.within_target_pct is not None and 70 < first.within_target_pct < 95
    assert any(r.by["stage"] == "2" and r.responded > 0 for r in rows)  # escalations
    ratings = ratings_between(engine, start, datetime(2025, 9, 16, tzinfo=UTC))
    assert 0.05 * len(received) < len(ratings) < 0.2 * len(received)
    assert len({r.contact_id for r in ratings}) == len(ratings)  # one rating per contact
    assert all(r.rated_at <= cutoff for r in ratings)
    assert {r.score for r in ratings} == {1, 2, 3, 4, 5}
