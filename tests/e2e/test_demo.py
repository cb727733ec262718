"""`civicpulse demo` (what `make demo` runs): every sample contact counted once, twice over."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures.processes import processes_of

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


def _demo_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(CIVICPULSE_HOME=str(home), CIVICPULSE_API_PORT="0")
    return env


def _running_in(home: Path) -> list[str]:
    """The command lines of processes started for ``home`` (its broker, worker, API)."""
    return [b" ".join(argv).decode() for argv in processes_of(home).values()]


def test_a_demo_whose_worker_cannot_start_stops_at_once_with_a_clear_error(
    tmp_path: Path, small_model_dir: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    (home / "worker-data").write_text("a file where the worker's folder goes\n")
    done = subprocess.run(
        [sys.executable, "-m", "civicpulse", "demo", "--timeout", "600"],
        env=_demo_env(home),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=200,  # well inside the demo's own wait: it must not wait for the worker
    )
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    assert "the worker exited with code 1 before the demo finished" in done.stderr
    assert _running_in(home) == []


def test_sigterm_stops_the_demo_and_everything_it_started(
    tmp_path: Path, small_model_dir: Path
) -> None:
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    demo = subprocess.Popen(
        [sys.executable, "-m", "civicpulse", "demo"],
        env=_demo_env(home),
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):  # the embedded broker's address is written once it runs
            if (home / "broker.json").exists() or demo.poll() is not None:
                break
            time.sleep(0.1)
        assert demo.poll() is None and (home / "broker.json").exists()
        demo.send_signal(signal.SIGTERM)
        _, errors = demo.communicate(timeout=60)
    finally:
        demo.kill()
    assert demo.returncode == 130, errors[-2000:]
    assert "interrupted" in errors
    assert _running_in(home) == []
