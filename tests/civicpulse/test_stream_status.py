"""`status`'s view of the stream when no broker answers: an answer, not an error, and no
sockets left behind (`status --wait-idle` asks every second)."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from civicpulse.embedded_broker import free_port
from civicpulse.stream_status import stream_status
from config import Settings


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_no_broker_is_reported_and_leaves_no_socket_open(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, kafka_bootstrap=f"127.0.0.1:{free_port()}")
    gc.collect()
    gc.disable()  # kafka-python's orphaned sockets are only closed when collected
    try:
        before = open_descriptors()
        status = stream_status(settings)
        after = open_descriptors()
    finally:
        gc.enable()
    assert after == before
    assert not status.reachable
    assert status.error is not None and "no Kafka broker answers" in status.error
