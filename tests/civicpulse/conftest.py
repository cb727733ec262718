"""Fixtures for the commands' tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from civicpulse.embedded_broker import free_port
from config import ReferenceData, Settings
from ingest.api import create_app


@pytest.fixture()
def api_port(tmp_path: Path, reference: ReferenceData) -> Iterator[int]:
    """The intake API served on a free port in this process (no broker: /health and the
    commands that only ask it whether it is alive do not need one)."""
    port = free_port()
    settings = Settings(home=tmp_path, kafka_bootstrap="127.0.0.1:1")
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, reference), port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the API server did not start")
        time.sleep(0.05)
    yield port
    server.should_exit = True
    thread.join()
