"""`civicpulse demo` (what `make demo` runs): every sample contact counted once, twice over."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]


def test_demo_counts_every_sample_contact_exactly_once_on_every_run(
    tmp_path: Path, small_model_dir: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(CIVICPULSE_HOME=str(home), CIVICPULSE_API_PORT="0")
    summaries = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "civicpulse", "demo"],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
        assert "Every sample contact is stored and counted exactly once." in done.stdout
        found = re.search(
            r"Sample contacts stored: (\d+) of (\d+); contacts in the database: (\d+); "
            r"counted in the trend table: (\d+)",
            done.stdout,
        )
        assert found, done.stdout[-2000:]
        summaries.append(found.groups())
    assert summaries[0] == summaries[1]
    stored, expected, in_db, counted = map(int, summaries[1])
    assert stored == expected == in_db == counted > 400
    assert (
        (home / "outputs" / "demo-trends.csv")
        .read_text()
        .startswith("service,contact_type,period,count")
    )
    assert (home / "outputs" / "demo-trends.png").stat().st_size > 10_000
