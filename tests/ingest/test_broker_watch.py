"""BrokerWatch: one TCP connect per ``ttl``, a refusal as soon as an answer older than ``ttl``
is found to be gone (a real listening socket, an injected clock)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from config import Settings
from ingest.broker_watch import BrokerWatch
from ingest.errors import BrokerUnavailableError


def test_the_answer_is_reused_for_ttl_then_a_lost_broker_is_refused(tmp_path: Path) -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    now = [100.0]
    watch = BrokerWatch(
        Settings(home=tmp_path, kafka_bootstrap=f"127.0.0.1:{port}"), ttl=1.0, clock=lambda: now[0]
    )
    watch.require()
    listener.accept()[0].close()  # the one connect the check made
    listener.close()  # the broker is gone
    now[0] += 0.5
    watch.require()  # within ttl: the last answer stands, nobody is asked
    now[0] += 0.6
    with pytest.raises(BrokerUnavailableError):
        watch.require()
    now[0] += 0.1
    with pytest.raises(BrokerUnavailableError):
        watch.raise_if_down()  # the refusal is remembered too
