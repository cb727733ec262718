"""kafka-python client settings, opening clients, and topic creation, shared by the producer and
the admin client; importing it also stops kafka-python leaking a socket on every failed connect."""

from __future__ import annotations

import inspect
import logging
import socket
from collections.abc import Callable
from typing import Any, TypeVar

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from config import Settings
from contracts import Topic, topic_name
from ingest.errors import BrokerUnavailableError

log = logging.getLogger(__name__)
Client = TypeVar("Client")

NO_BROKER_HINT = (
    "start one with `civicpulse up` (or `civicpulse broker`) in the same CIVICPULSE_HOME, "
    "or set CIVICPULSE_KAFKA_BOOTSTRAP=host:port"
)


def client_options(settings: Settings) -> dict[str, Any]:
    """Connection options common to every kafka-python client."""
    if not settings.kafka_bootstrap:
        raise BrokerUnavailableError(f"no Kafka broker configured: {NO_BROKER_HINT}")
    options: dict[str, Any] = {
        "bootstrap_servers": settings.kafka_bootstrap.split(","),
        "security_protocol": settings.kafka_security_protocol,
        "client_id": "civicpulse-ingest",
    }
    if settings.kafka_sasl_mechanism:
        options["sasl_mechanism"] = settings.kafka_sasl_mechanism
        options["sasl_plain_username"] = settings.kafka_sasl_username
        if settings.kafka_sasl_password is not None:
            options["sasl_plain_password"] = settings.kafka_sasl_password.get_secret_value()
    return options


def open_kafka(kind: Callable[..., Client], **options: Any) -> Client:
    """``kind(**options)`` for a kafka-python producer, consumer or admin client; when its
    constructor fails (the broker went away, or did not answer in time), what it started is
    shut down. kafka-python leaves the network thread and sockets of a client that could not
    bootstrap running, one more on every failed attempt of a process that retries."""
    default = getattr(kind, "DEFAULT_CONFIG", {}).get("kafka_client")
    if default is None:
        return kind(**options)
    made: list[Any] = []

    def network_client(**configs: Any) -> Any:
        made.append(default(**configs))
        return made[-1]

    try:
        return kind(kafka_client=network_client, **options)
    except BaseException:
        for client in made:
            client.close()
        raise


def close_sockets_that_fail_to_connect() -> None:
    """kafka-python 3 (up to 3.0.12 at least) leaves the socket of every refused or timed-out
    connection attempt open until the garbage collector finds it: while a broker is down, each
    reconnect leaks a file descriptor (and a ``ResourceWarning``). Its connect step now closes
    the socket on failure. Idempotent. Only the step's known shape is wrapped: kafka-python 2
    has no such step, and a release that reshapes it is left as it is (``tests/ingest/
    test_kafka.py`` then says whether the leak is still there)."""
    try:
        from kafka.net.inet import KafkaNetSocket
    except ImportError:
        return
    connect = KafkaNetSocket.sock_connect
    known = ["self", "net", "sock", "sockaddr", "timeout_at"]
    if getattr(connect, "closes_on_failure", False) or _parameters(connect) != known:
        return

    async def sock_connect(
        self: Any, net: Any, sock: socket.socket, sockaddr: Any, timeout_at: Any = None
    ) -> Any:
        try:
            return await connect(self, net, sock, sockaddr, timeout_at=timeout_at)
        except BaseException:  # refused, timed out, or the attempt was abandoned
            sock.close()
            raise

    sock_connect.closes_on_failure = True  # type: ignore[attr-defined]
    KafkaNetSocket.sock_connect = sock_connect


def _parameters(function: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(function).parameters)


close_sockets_that_fail_to_connect()  # before any client of this process connects


def check_reachable(settings: Settings, timeout: float = 2.0) -> None:
    """Fail fast (instead of kafka-python's long retries) when no bootstrap server answers."""
    options = client_options(settings)
    for server in options["bootstrap_servers"]:
        host, _, port = server.strip().rpartition(":")
        try:
            with socket.create_connection((host or "127.0.0.1", int(port)), timeout=timeout):
                return
        except (OSError, ValueError):
            continue
    raise BrokerUnavailableError(
        f"no Kafka broker answers at {settings.kafka_bootstrap}: {NO_BROKER_HINT}"
    )


def ensure_topics(settings: Settings, topics: tuple[Topic, ...] = tuple(Topic)) -> None:
    """Create our topics if they are missing (idempotent), so partition counts are ours."""
    check_reachable(settings)
    try:
        admin = open_kafka(KafkaAdminClient, **client_options(settings), request_timeout_ms=10_000)
    except KafkaError as exc:
        raise BrokerUnavailableError(
            f"Kafka broker at {settings.kafka_bootstrap} is unreachable ({exc}): {NO_BROKER_HINT}"
        ) from exc
    try:
        _create_missing(admin, settings, topics)
    except KafkaError as exc:  # a timeout on a busy broker is a broker problem, not a crash
        raise BrokerUnavailableError(
            f"Kafka broker at {settings.kafka_bootstrap} did not answer ({exc!r}): try again"
        ) from exc
    finally:
        admin.close()


def _create_missing(admin: KafkaAdminClient, settings: Settings, topics: tuple[Topic, ...]) -> None:
    existing = set(admin.list_topics())
    wanted = [
        NewTopic(
            name=topic_name(t, settings.topic_prefix),
            num_partitions=settings.topic_partitions,
            replication_factor=settings.topic_replication,
        )
        for t in topics
        if topic_name(t, settings.topic_prefix) not in existing
    ]
    if wanted:
        try:
            admin.create_topics(wanted)
            log.info("created topics %s", ", ".join(t.name for t in wanted))
        except TopicAlreadyExistsError:
            pass  # another process won the race
