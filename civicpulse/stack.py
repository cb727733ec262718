"""``civicpulse up``: the embedded broker (unless Kafka is configured), a worker and the intake
API as child processes, stopped together on Ctrl-C or SIGTERM with nothing left behind.

A dead child is restarted; so is a dead embedded broker, on the same port (it comes back
empty: the worker is restarted with it to rejoin the re-created topics, and the intake
outbox relay in the API sends again whatever was not yet stored). The API stays up
throughout, answering 503 "intake is paused" while no broker answers."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType

from civicpulse.embedded_broker import (
    BrokerStartError,
    EmbeddedBroker,
    free_port,
    is_listening,
    recorded_bootstrap,
)
from config import Settings
from contracts import PipelineError

log = logging.getLogger(__name__)

RESTARTS_ALLOWED = 5
# A child that ran this long before exiting gets its restart allowance back.
STABLE_AFTER_SECONDS = 60.0


class StackAlreadyRunningError(PipelineError):
    """Another stack's embedded broker is running in the same CIVICPULSE_HOME."""


@dataclass
class Child:
    """A supervised ``civicpulse <command>`` process, in its own process group."""

    name: str
    args: list[str]
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None
    restarts: int = 0
    started_at: float = 0.0

    def start(self) -> None:
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "civicpulse", *self.args],
            env=self.env,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        log.info("started %s (pid %d)", self.name, self.process.pid)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float) -> None:
        """SIGTERM the whole group, then SIGKILL whatever is left after ``timeout``."""
        if self.process is None:
            return
        pgid = self.process.pid
        _signal_group(pgid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            log.warning("%s did not stop in %.0fs; killing it", self.name, timeout)
        _signal_group(pgid, signal.SIGKILL)  # stragglers in the group, if any
        if self.process.poll() is None:
            self.process.wait(5)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


@dataclass
class Stack:
    """Broker + worker + API. ``start`` returns once the API answers; ``stop`` is idempotent."""

    settings: Settings
    with_api: bool = True
    broker: EmbeddedBroker | None = None
    children: list[Child] = field(default_factory=list)
    api_port: int = 0
    _stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def bootstrap(self) -> str:
        if self.broker is not None:
            return self.broker.bootstrap
        assert self.settings.kafka_bootstrap
        return self.settings.kafka_bootstrap

    @property
    def api_url(self) -> str:
        return f"http://{self.settings.api_host}:{self.api_port}"

    def start(self, timeout: float = 60.0) -> None:
        self.settings.home.mkdir(parents=True, exist_ok=True)
        running = recorded_bootstrap(self.settings.broker_file)
        if self.settings.uses_embedded_broker and running:
            raise StackAlreadyRunningError(
                f"a CivicPulse stack is already running in {self.settings.home} "
                f"(broker at {running}): "
                "stop it first, or use another CIVICPULSE_HOME"
            )
        if self.settings.uses_embedded_broker:
            self.broker = EmbeddedBroker(address_file=self.settings.broker_file).start()
            log.info("embedded broker on %s (in memory: topics start empty)", self.bootstrap)
        self.api_port = self.settings.api_port or free_port(self.settings.api_host)
        env = {
            **os.environ,
            "CIVICPULSE_HOME": str(self.settings.home),
            "CIVICPULSE_KAFKA_BOOTSTRAP": self.bootstrap,
            "CIVICPULSE_API_PORT": str(self.api_port),
            "CIVICPULSE_TOPIC_PREFIX": self.settings.topic_prefix,
        }
        if self.settings.database_url:
            env["CIVICPULSE_DATABASE_URL"] = self.settings.database_url
        self.children = [Child("worker", ["worker"], env)]
        if self.with_api:
            self.children.append(Child("api", ["serve"], env))
        for child in self.children:
            child.start()
        if self.with_api:
            self._wait_for_api(timeout)

    def _wait_for_api(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not is_listening(f"{self.settings.api_host}:{self.api_port}"):
            api = self.children[-1]
            if not api.running() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the intake API did not start on port {self.api_port}")
            time.sleep(0.1)

    def supervise(self) -> int:
        """Run until stopped; restart a crashed worker or API a few times. Returns an exit code."""
        broker_restarts = 0
        while not self._stopping.wait(0.5):
            if (
                self.broker is not None
                and self.broker.process is not None
                and self.broker.process.poll() is not None
            ):
                if broker_restarts >= RESTARTS_ALLOWED:
                    log.error("the embedded broker keeps exiting; stopping everything")
                    self.stop()
                    return 1
                broker_restarts += 1
                self._restart_broker()
            for child in self.children:
                if child.running() or self._stopping.is_set():
                    continue
                if time.monotonic() - child.started_at > STABLE_AFTER_SECONDS:
                    child.restarts = 0
                if child.restarts >= RESTARTS_ALLOWED:
                    log.error("%s keeps exiting; stopping everything", child.name)
                    self.stop()
                    return 1
                child.restarts += 1
                log.warning(
                    "%s exited with %s; restarting (%d)",
                    child.name,
                    child.process.returncode if child.process else "?",
                    child.restarts,
                )
                child.start()
        return 0

    def _restart_broker(self) -> None:
        """Start the embedded broker again on its port, then the worker (Faust may otherwise
        own only part of the re-created topics)."""
        assert self.broker is not None and self.broker.process is not None
        log.error(
            "the embedded broker exited (%s); restarting it on %s (it starts empty)",
            self.broker.process.returncode,
            self.broker.bootstrap,
        )
        try:
            self.broker = EmbeddedBroker(
                host=self.broker.host,
                port=self.broker.port,
                address_file=self.settings.broker_file,
            ).start()
        except BrokerStartError as exc:
            log.error("the embedded broker did not restart (%s); trying again", exc)
            return
        for child in self.children:
            if child.name == "worker":
                child.stop(timeout=20.0)
                child.start()

    def stop(self) -> None:
        """API first (no new work), then the worker (commits what it stored), then the broker."""
        self._stopping.set()
        for child in reversed(self.children):
            child.stop(timeout=20.0)
        if self.broker is not None:
            self.broker.stop()

    def stop_on_signals(self) -> None:
        def handler(signum: int, _frame: FrameType | None) -> None:
            log.info("received %s; stopping", signal.Signals(signum).name)
            self._stopping.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
