"""A real worker process on the session broker, with its own home, topics and SQLite file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from civicpulse.embedded_broker import EmbeddedBroker
from config import Settings

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Pipeline:
    settings: Settings
    env: dict[str, str]
    worker: subprocess.Popen[bytes]
    log: Path

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """Run ``civicpulse ARGS`` against this pipeline, as a user would."""
        return subprocess.run(
            [sys.executable, "-m", "civicpulse", *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def wait_idle(self, timeout: float = 90) -> dict[str, object]:
        done = self.cli(
            "status",
            "--wait-idle",
            "--timeout",
            str(timeout),
            "--format",
            "json",
            timeout=timeout + 30,
        )
        assert done.returncode == 0, (
            f"{done.stdout}\n{done.stderr}\nworker log:\n{self.log.read_text()[-3000:]}"
        )
        return json.loads(done.stdout)  # type: ignore[no-any-return]


def pipeline_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(
        {
            "CIVICPULSE_HOME": str(settings.home),
            "CIVICPULSE_KAFKA_BOOTSTRAP": str(settings.kafka_bootstrap),
            "CIVICPULSE_TOPIC_PREFIX": settings.topic_prefix,
            "CIVICPULSE_TOPIC_PARTITIONS": str(settings.topic_partitions),
            "CIVICPULSE_WORKER_APP_ID": settings.worker_app_id,
            "CIVICPULSE_DATABASE_URL": settings.sqlalchemy_url,
        }
    )
    return env


@pytest.fixture(scope="session")
def pipeline(
    kafka_broker: EmbeddedBroker, small_model_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Pipeline]:
    home = tmp_path_factory.mktemp("pipeline-home")
    shutil.copytree(small_model_dir, home / "models")
    run = uuid.uuid4().hex[:8]
    settings = Settings(
        home=home,
        kafka_bootstrap=kafka_broker.bootstrap,
        topic_prefix=f"e2e{run}.",
        topic_partitions=2,
        worker_app_id=f"e2e-worker-{run}",
        database_url=f"sqlite:///{home / 'civicpulse.db'}",
    )
    env = pipeline_env(settings)
    log = home / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "worker"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    pipe = Pipeline(settings, env, worker, log)
    try:
        deadline = time.monotonic() + 90
        while pipe.cli("status").returncode != 0:
            assert worker.poll() is None, f"worker exited:\n{log.read_text()[-3000:]}"
            assert time.monotonic() < deadline, (
                f"worker not alive in 90s:\n{log.read_text()[-3000:]}"
            )
            time.sleep(1)
        yield pipe
    finally:
        worker.terminate()
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
