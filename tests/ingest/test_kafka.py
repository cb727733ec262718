"""Opening kafka-python clients: a client whose constructor fails leaves nothing running."""

from __future__ import annotations

import gc
import logging
import socket
import threading
import warnings
from collections.abc import Iterator

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer
from kafka.errors import KafkaTimeoutError

from ingest import open_kafka


@pytest.fixture
def not_kafka() -> Iterator[str]:
    """A port that accepts connections and closes them at once: a broker going away."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(50)

    def accept_and_close() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            connection.close()

    threading.Thread(target=accept_and_close, daemon=True).start()
    yield f"127.0.0.1:{server.getsockname()[1]}"
    server.close()


# Each kind's own options: an option a kind does not know is refused before anything starts
OPTIONS = {
    KafkaAdminClient: {"bootstrap_timeout_ms": 1500},
    KafkaProducer: {"bootstrap_timeout_ms": 1500, "max_block_ms": 1500},
    KafkaConsumer: {"bootstrap_timeout_ms": 1500},
}


@pytest.fixture
def nobody_listening() -> str:
    """A port that refuses connections: a broker that is down."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{s.getsockname()[1]}"


def test_refused_connection_attempts_leave_no_socket_open(
    nobody_listening: str, caplog: pytest.LogCaptureFixture
) -> None:
    # kafka-python 3.0.12 left each refused attempt's socket to the garbage collector
    caplog.set_level(logging.CRITICAL, "kafka")  # captured records would hold the attempts' frames
    gc.collect()  # what earlier tests left behind is not this test's
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        _fail_to_bootstrap(nobody_listening)
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []


def _fail_to_bootstrap(bootstrap: str) -> None:
    """In a frame of its own: the error's traceback, which holds the attempts' frames, is
    gone once it returns."""
    with pytest.raises(KafkaTimeoutError):
        open_kafka(KafkaProducer, bootstrap_servers=[bootstrap], **OPTIONS[KafkaProducer])


@pytest.mark.parametrize("kind", list(OPTIONS), ids=lambda kind: kind.__name__)
def test_a_client_that_cannot_bootstrap_leaves_no_thread_running(
    kind: type, not_kafka: str
) -> None:
    client_id = f"open-kafka-test-{kind.__name__}"
    with pytest.raises(KafkaTimeoutError):
        open_kafka(kind, bootstrap_servers=[not_kafka], client_id=client_id, **OPTIONS[kind])
    # The client's network thread holds its sockets: none may be left running
    assert [t.name for t in threading.enumerate() if client_id in t.name] == []
