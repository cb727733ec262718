"""`civicpulse up` runs broker, worker(s) and API together and leaves nothing behind on
SIGTERM, within 5 seconds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from civicpulse.embedded_broker import (
    EmbeddedBroker,
    free_port,
    our_topics,
    recorded_bootstrap,
)
from civicpulse.stack import ApiPortInUseError, Stack, StackAlreadyRunningError
from config import Settings
from contracts import PipelineError
from sinks import open_database

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]


def processes_with_home(home: Path) -> set[int]:
    """Pids of every process whose environment names this CIVICPULSE_HOME."""
    marker = f"CIVICPULSE_HOME={home}".encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                found.add(int(entry.name))
        except OSError:
            continue
    return found


def worker_processes(pids: set[int]) -> set[int]:
    """Those of ``pids`` that run ``civicpulse worker``."""
    found = set()
    for pid in pids:
        try:
            args = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if args[-3:-1] == [b"civicpulse", b"worker"]:
            found.add(pid)
    return found


def test_up_serves_and_sigterm_stops_every_process(tmp_path: Path, small_model_dir: Path) -> None:
    """With two workers (``--workers 2``): the stack migrates the database once, before they
    start, so they do not race, and both join the group."""
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(CIVICPULSE_HOME=str(home), CIVICPULSE_API_PORT=str(port))
    log = tmp_path / "up.log"
    with log.open("wb") as out:
        up = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", "up", "--workers", "2"],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            status = subprocess.run(
                [sys.executable, "-m", "civicpulse", "status", "--format", "json"],
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=60,
            )
            if status.returncode == 0 and len(json.loads(status.stdout)["workers"]) == 2:
                break  # both workers beat
            assert up.poll() is None, log.read_text()
            assert time.monotonic() < deadline, status.stdout + log.read_text()
            time.sleep(1)
        answer = httpx.post(
            f"http://127.0.0.1:{port}/contacts", json={"text": "Bins not emptied"}, timeout=30
        )
        assert answer.status_code == 202
        running = processes_with_home(home)
        assert len(running) >= 5, running  # up, broker, two workers, api
        assert len(worker_processes(running)) == 2, running
        up.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        assert up.wait(60) == 0
        # Broker, worker and API stop within 5 s of SIGTERM (issue 12: it took 25 s).
        assert time.monotonic() - stopping < 5.0, log.read_text()[-3000:]
        time.sleep(0.5)
        assert processes_with_home(home) == set()
        assert not (home / "broker.json").exists()
    finally:
        if up.poll() is None:
            up.kill()


def test_workers_that_cannot_be_migrated_for_start_nothing(tmp_path: Path) -> None:
    """With several workers `up` migrates first, before the broker: a database it cannot reach
    stops it with the database's error, and no broker is left running."""
    home = tmp_path / "home"
    nobody_listens = f"postgresql+psycopg://civicpulse@127.0.0.1:{free_port()}/civicpulse"
    settings = Settings(home=home, up_workers=2, database_url=nobody_listens)
    stack = Stack(settings)
    with pytest.raises(PipelineError, match="unreachable"):
        stack.start()
    assert stack.broker is None
    assert stack.children == []
    assert not settings.broker_file.exists()


def test_one_worker_finds_its_database_made_when_up_has_started(
    tmp_path: Path, small_model_dir: Path
) -> None:
    """`up` migrates before it starts its parts, also for one worker: the database is there
    as soon as `up` is (a first worker loads or trains a model before it opens it)."""
    home = tmp_path / "home"
    shutil.copytree(small_model_dir, home / "models")
    stack = Stack(Settings(home=home), with_api=False)
    try:
        stack.start()
        engine = open_database(f"sqlite:///{home / 'civicpulse.db'}", migrate_schema=False)
        engine.dispose()  # at the latest schema already: no SchemaOutOfDateError
    finally:
        stack.stop()


def test_one_worker_starts_while_its_database_is_unreachable(tmp_path: Path) -> None:
    """With one worker an unreachable database does not stop `up`: the worker waits for it,
    and the intake API accepts contacts into its outbox meanwhile."""
    nobody_listens = f"postgresql+psycopg://civicpulse@127.0.0.1:{free_port()}/civicpulse"
    stack = Stack(Settings(home=tmp_path / "home", database_url=nobody_listens), with_api=False)
    try:
        stack.start()
        assert stack.broker is not None and [c.name for c in stack.children] == ["worker"]
    finally:
        stack.stop()


def test_an_api_port_another_program_holds_is_refused_before_anything_starts(
    tmp_path: Path,
) -> None:
    """It was taken for the API: `up` said it was up, then restarted the API until it gave up."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        stack = Stack(Settings(home=tmp_path / "home", api_port=port))
        with pytest.raises(ApiPortInUseError, match=f"port {port} .* already in use"):
            stack.start()
    assert stack.broker is None and stack.children == []


def test_a_restarted_broker_leaves_nothing_of_the_old_one_open(tmp_path: Path) -> None:
    """The broker `up` starts again after it died is announced in the address file, and the
    dead one is reaped with its stderr pipe closed (one file descriptor lost per restart)."""
    settings = Settings(home=tmp_path / "home")
    stack = Stack(settings, with_api=False)
    old = EmbeddedBroker(address_file=settings.broker_file, prepare=our_topics(settings)).start()
    stack.broker = old
    try:
        assert old.process is not None and old.process.stderr is not None
        old.process.kill()
        old.process.wait(10)
        stack._restart_broker()
        assert stack.broker is not old and stack.broker.port == old.port
        assert recorded_bootstrap(settings.broker_file) == stack.broker.bootstrap
        assert old.process.stderr.closed
    finally:
        stack.stop()


def test_a_second_stack_in_one_home_is_refused_naming_the_running_broker(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    running = EmbeddedBroker(address_file=settings.broker_file).start()
    try:
        assert running.process is not None
        with pytest.raises(StackAlreadyRunningError) as refused:
            Stack(settings, with_api=False).start()
        message = str(refused.value)
        assert f"broker at {running.bootstrap} is process {running.process.pid}" in message
        assert "stop it first" in message
    finally:
        running.stop()
