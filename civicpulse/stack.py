"""``civicpulse up``: the embedded broker (unless Kafka is configured), one worker or more
(``--workers``) and the intake API as child processes, stopped together on Ctrl-C or SIGTERM
with nothing left behind.

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
    our_topics,
    recorded_bootstrap,
    recorded_pid,
)
from civicpulse.parent_death import stopping_with_parent
from config import Settings
from contracts import PipelineError

log = logging.getLogger(__name__)

RESTARTS_ALLOWED = 5
# Ctrl-C/SIGTERM to everything stopped: children get this long to stop on their own, together,
# before they are killed. Killing loses nothing acknowledged: the worker commits offsets only
# after storing (a killed worker's last batch comes again), the intake outbox and a back-fill's
# checkpoint hold everything accepted and not yet stored.
STOP_SECONDS = 3.5
# A child that ran this long before exiting gets its restart allowance back.
STABLE_AFTER_SECONDS = 60.0
# How often `up` looks at the embedded broker's memory (see civicpulse.broker_memory).
MEMORY_CHECK_SECONDS = 30.0


class StackAlreadyRunningError(PipelineError):
    """Another stack's embedded broker is running in the same CIVICPULSE_HOME."""


class ApiPortInUseError(PipelineError):
    """Another program holds the intake API's port."""


def refuse_a_taken_api_port(settings: Settings) -> None:
    """Raise ``ApiPortInUseError`` if another program listens on the API's port: uvicorn
    would say only "[Errno 98] address already in use", once the rest had started."""
    port = settings.api_port
    if port and is_listening(f"{settings.api_host}:{port}"):
        raise ApiPortInUseError(
            f"port {port} (CIVICPULSE_API_PORT) on {settings.api_host} is already in use by "
            "another program: stop it, or choose another port"
        )


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
            stopping_with_parent([sys.executable, "-m", "civicpulse", *self.args]),
            env=self.env,
            start_new_session=True,
            stdin=subprocess.DEVNULL,
        )
        log.info("started %s (pid %d)", self.name, self.process.pid)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, timeout: float) -> None:
        """SIGTERM the whole group, then SIGKILL whatever is left after ``timeout``."""
        self.terminate()
        self.finish(time.monotonic() + timeout)

    def terminate(self) -> None:
        if self.process is not None:
            _signal_group(self.process.pid, signal.SIGTERM)

    def finish(self, deadline: float) -> None:
        """Wait for the process until ``deadline``, then SIGKILL its group."""
        if self.process is None:
            return
        try:
            self.process.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            log.warning("%s did not stop in time; killing it", self.name)
        _signal_group(self.process.pid, signal.SIGKILL)  # stragglers in the group, if any
        if self.process.poll() is None:
            self.process.wait(5)


def _migrate_once(settings: Settings, *, must: bool) -> None:
    """Migrate the database now. Unless ``must``, an unreachable one is left to the worker,
    which waits for it while the intake API accepts contacts into its outbox."""
    from sinks import SinkUnavailableError, open_database  # `up` needs no database otherwise

    try:
        open_database(settings.sqlalchemy_url, migrate_schema=True).dispose()
    except SinkUnavailableError as exc:
        if must:
            raise
        log.warning("%s: the worker opens it once it can; contacts are accepted meanwhile", exc)


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
            pid = recorded_pid(self.settings.broker_file)
            raise StackAlreadyRunningError(
                f"a CivicPulse stack is already running in {self.settings.home} "
                f"(its broker at {running}{f' is process {pid}' if pid else ''}): stop it "
                "first (Ctrl-C where its `civicpulse up` runs), or use another CIVICPULSE_HOME"
            )
        if self.with_api:
            # Else the API exits at once, `up` restarts it until it gives up, and meanwhile the
            # other program's answers look like the API's.
            refuse_a_taken_api_port(self.settings)
        workers = self.settings.up_workers
        # Before anything starts: so that several workers never race to migrate, and so that
        # the database is there once `up` says it is up (a first worker trains the starter
        # model before it opens the database: `trends` and the relay found no file meanwhile).
        if self.settings.database_auto_migrate:
            _migrate_once(self.settings, must=workers > 1)
        if self.settings.uses_embedded_broker:
            self.broker = EmbeddedBroker(
                address_file=self.settings.broker_file, prepare=our_topics(self.settings)
            ).start()
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
        if workers > 1 and self.settings.database_auto_migrate:
            env["CIVICPULSE_DATABASE_AUTO_MIGRATE"] = "false"
        if workers > self.settings.topic_partitions:
            log.warning(
                "%d workers for %d partitions: %d will have nothing to read",
                workers,
                self.settings.topic_partitions,
                workers - self.settings.topic_partitions,
            )
        self.children = [Child("worker", ["worker"], env) for _ in range(workers)]
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
        next_memory_check = time.monotonic() + MEMORY_CHECK_SECONDS
        while not self._stopping.wait(0.25):
            if time.monotonic() >= next_memory_check:
                next_memory_check = time.monotonic() + MEMORY_CHECK_SECONDS
                self._recycle_broker_if_full()
            if self._broker_down():
                if broker_restarts >= RESTARTS_ALLOWED:
                    log.error("the embedded broker keeps exiting; stopping everything")
                    self.stop()
                    return 1
                broker_restarts += 1
                self._restart_broker()
            for child in self.children:
                if child.running() or self._stopping.is_set():
                    continue
                if child.name == "worker" and self._broker_down():
                    continue  # started again with the broker (see _restart_broker)
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

    def exited(self) -> str | None:
        """What has exited (the worker, the API, the embedded broker) without being asked to
        stop, in words; None while all run."""
        if self._stopping.is_set():
            return None
        for child in self.children:
            if child.process is not None and not child.running():
                return f"the {child.name} exited with code {child.process.returncode}"
        return "the embedded broker exited" if self._broker_down() else None

    def _broker_down(self) -> bool:
        """The embedded broker has exited (it is restarted before the worker)."""
        process = self.broker.process if self.broker is not None else None
        return process is not None and process.poll() is not None

    def _recycle_broker_if_full(self) -> None:
        """Restart the embedded broker, empty, when it holds too much and nothing waits."""
        from civicpulse.broker_memory import should_recycle

        if self.broker is None or self.broker.process is None:
            return
        settings = self.settings.with_changes(kafka_bootstrap=self.broker.bootstrap)
        if should_recycle(settings, self.broker.process.pid):
            for child in self.children:
                if child.name == "worker":  # first, so it commits what it stored
                    child.stop(timeout=STOP_SECONDS)
            self.broker.stop(timeout=2.0)
            self._restart_broker()

    def _restart_broker(self) -> None:
        """Start the embedded broker again on its port, then the worker (Faust may otherwise
        own only part of the re-created topics).

        The old worker stops first, while no broker answers: stopping, it commits the offsets
        it reached on the old broker, and committed on the new, empty one they would skip the
        first records sent again there (a back-fill's envelopes waited minutes for a resend).
        """
        assert self.broker is not None and self.broker.process is not None
        log.error(
            "the embedded broker stopped (%s); starting it again on %s (it starts empty)",
            self.broker.process.returncode,
            self.broker.bootstrap,
        )
        workers = [child for child in self.children if child.name == "worker"]
        for worker in workers:
            if worker.running():
                worker.stop(timeout=STOP_SECONDS)
        old = self.broker
        try:
            self.broker = EmbeddedBroker(
                host=old.host,
                port=old.port,
                address_file=self.settings.broker_file,
                prepare=our_topics(self.settings),
            ).start()
        except BrokerStartError as exc:
            log.error("the embedded broker did not restart (%s); trying again", exc)
            return
        old.stop()  # it has exited: this reaps it and closes its stderr pipe
        for worker in workers:
            worker.start()

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """API and worker together (the worker commits what it stored), killed after
        ``timeout``; then the broker, which they needed until the end."""
        self._stopping.set()
        deadline = time.monotonic() + timeout
        for child in self.children:
            child.terminate()
        for child in self.children:
            child.finish(deadline)
        if self.broker is not None:
            self.broker.stop(timeout=1.0)

    def stop_on_signals(self) -> None:
        def handler(signum: int, _frame: FrameType | None) -> None:
            log.info("received %s; stopping", signal.Signals(signum).name)
            self._stopping.set()

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
