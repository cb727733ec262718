"""``civicpulse alerts`` on a real SQLite database: once as a subprocess, as a user runs it,
then in-process (Typer's runner) for the options and mistakes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import insert
from typer.testing import CliRunner

from civicpulse.cli import app
from contracts import period_of
from sinks import open_database
from sinks.db.tables import TrendCountRow

REPO = Path(__file__).resolve().parents[3]
SERVICES = (
    "waste_recycling",
    "parking",
    "housing_repairs",
    "highways_lighting",
    "libraries_leisure",
)
TYPES = ("complaint", "compliment", "enquiry")
KEYS = {"period", "observed", "expected", "direction", "q_value", "reason"}


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four years of monthly counts (April 2021 to March 2025) for 15 series; waste and
    recycling complaints treble in March 2025."""
    home = tmp_path_factory.mktemp("home")
    engine = open_database(f"sqlite:///{home / 'civicpulse.db'}")
    rng = np.random.default_rng(5)
    months = [period_of("month", np.datetime64("2021-04-01").astype(object))]
    while len(months) < 48:
        months.append(months[-1].next())
    rows = []
    for s, service in enumerate(SERVICES):
        for k, kind in enumerate(TYPES):
            level = 15 + 10 * s + 20 * k
            for i, month in enumerate(months):
                mean = level * np.exp(0.3 * np.sin(2 * np.pi * i / 12 + s))
                if (service, kind, i) == ("waste_recycling", "complaint", 47):
                    mean *= 3
                count = int(rng.negative_binomial(40, 40 / (40 + mean)))
                rows.append(
                    {
                        "period_kind": "month",
                        "period": month.label,
                        "partner": "council",
                        "service": service,
                        "category": "",
                        "contact_type": kind,
                        "ward": "Riverside",
                        "count": count,
                    }
                )
    with engine.begin() as c:
        c.execute(insert(TrendCountRow), rows)
    engine.dispose()
    return home


def environment(home: Path) -> dict[str, str]:
    return {
        "CIVICPULSE_HOME": str(home),
        "CIVICPULSE_DATABASE_URL": f"sqlite:///{home / 'civicpulse.db'}",
    }


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    return subprocess.run(
        [sys.executable, "-m", "civicpulse", "alerts", *args],
        cwd=REPO,
        env={**env, **environment(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def invoke(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same command in this process (much faster than a new interpreter)."""
    result = CliRunner().invoke(app, ["alerts", *args], env=environment(home))
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def test_json_alerts_have_the_documented_keys(home: Path) -> None:
    done = run(home, "--period", "month", "--format", "json")
    assert done.returncode == 0, done.stderr
    alerts = json.loads(done.stdout)
    assert alerts, done.stderr
    assert all(set(a) == {"service", "contact_type", *KEYS} for a in alerts)
    spike = next(
        a for a in alerts if (a["service"], a["contact_type"]) == ("waste_recycling", "complaint")
    )
    assert spike["period"] == "2025-03"
    assert spike["direction"] == "up"
    assert spike["observed"] > 2 * spike["expected"]
    assert 0 <= spike["q_value"] <= 0.05
    assert spike["reason"].startswith("Waste and recycling complaints: ")
    assert "in March 2025 against about" in spike["reason"]


def test_by_alias_as_of_and_all_periods(home: Path) -> None:
    done = invoke(home, "--by", "service,type", "--as-of", "2025-02", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert all(set(a) == {"service", "type", *KEYS} for a in json.loads(done.stdout))
    assert all(a["period"] == "2025-02" for a in json.loads(done.stdout))
    history = invoke(home, "--by", "service", "--all-periods", "--format", "json")
    assert history.returncode == 0, history.stderr
    found = json.loads(history.stdout)
    assert all(set(a) == {"service", *KEYS} for a in found)
    assert len({a["period"] for a in found}) <= len(found)
    assert len(found) <= 10  # 5 series x 40 testable months: a handful at most


def test_table_and_mistakes(home: Path) -> None:
    table = invoke(home)
    assert table.returncode == 0, table.stderr
    assert "Waste and recycling complaints" in table.stdout
    assert "series tested" in table.stdout
    wrong_kind = invoke(home, "--as-of", "2024/25-Q3")
    assert wrong_kind.returncode == 1
    assert "needs a month period" in wrong_kind.stderr
    assert invoke(home, "--by", "colour").returncode == 1
