"""A real worker process on the session broker, with its own home, topics and SQLite file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from civicpulse.embedded_broker import EmbeddedBroker, free_port
from config import Settings
from tests.fixtures.processes import processes_of

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


@dataclass
class RunningStack:
    """``civicpulse up`` in its own home (own embedded broker, SQLite file, intake outbox)."""

    home: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    log: Path
    api_port: int

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def database(self) -> Path:
        return Path(self.env["CIVICPULSE_DATABASE_URL"].removeprefix("sqlite:///"))

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "civicpulse", *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def status(self) -> dict[str, Any]:
        done = self.cli("status", "--format", "json", timeout=60)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    def broker_pid(self) -> int:
        return int(json.loads((self.home / "broker.json").read_text())["pid"])

    def child_pid(self, command: str) -> int:
        """The pid of ``civicpulse <command>`` started by this stack."""
        for pid, argv in processes_of(self.home).items():
            if argv[-2:] == [command.encode(), b""]:
                return pid
        raise AssertionError(f"no `civicpulse {command}` running:\n{self.tail()}")

    def wait_until(self, what: str, check: Callable[[], bool], timeout: float = 120) -> None:
        """Poll ``check`` until it holds (no fixed sleeps: the timeout only bounds a failure)."""
        deadline = time.monotonic() + timeout
        while not check():
            assert self.process.poll() is None, (
                f"`up` exited while waiting for {what}:\n{self.tail()}"
            )
            assert time.monotonic() < deadline, f"not {what} within {timeout}s:\n{self.tail()}"
            time.sleep(0.5)

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


@pytest.fixture()
def running_stack(
    tmp_path: Path, small_model_dir: Path, request: pytest.FixtureRequest
) -> Iterator[RunningStack]:
    """A fresh ``civicpulse up``; its SQLite file is on the test's ``remountable`` file system
    when the test asks for that fixture (before this one), else in its home."""
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    database_dir = (
        request.getfixturevalue("remountable") if "remountable" in request.fixturenames else home
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    port = free_port()
    env.update(
        CIVICPULSE_HOME=str(home),
        CIVICPULSE_API_PORT=str(port),
        CIVICPULSE_DATABASE_URL=f"sqlite:///{Path(database_dir) / 'civicpulse.db'}",
        CIVICPULSE_KAFKA_SESSION_TIMEOUT="2",
        CIVICPULSE_KAFKA_REBALANCE_TIMEOUT="4",
        CIVICPULSE_WORKER_HEARTBEAT_SECONDS="1",
        CIVICPULSE_WORKER_ALIVE_AFTER_SECONDS="6",
        CIVICPULSE_DIGEST_SCHEDULE_ENABLED="false",
    )
    if "api_workers" in request.fixturenames:  # a test that asks for several API processes
        env["CIVICPULSE_API_WORKERS"] = str(request.getfixturevalue("api_workers"))
    log = tmp_path / "up.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "up"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    stack = RunningStack(home, env, process, log, port)
    try:
        stack.wait_until("up", lambda: stack.cli("status").returncode == 0, timeout=120)
        yield stack
    finally:
        process = stack.process  # a test may have started `up` again
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
