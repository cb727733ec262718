"""Opening kafka-python clients: a client whose constructor fails leaves nothing running."""

from __future__ import annotations

import socket
import threading
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


@pytest.mark.parametrize("kind", list(OPTIONS), ids=lambda kind: kind.__name__)
def test_a_client_that_cannot_bootstrap_leaves_no_thread_running(
    kind: type, not_kafka: str
) -> None:
    client_id = f"open-kafka-test-{kind.__name__}"
    with pytest.raises(KafkaTimeoutError):
        open_kafka(kind, bootstrap_servers=[not_kafka], client_id=client_id, **OPTIONS[kind])
    # The client's network thread holds its sockets: none may be left running
    assert [t.name for t in threading.enumerate() if client_id in t.name] == []
