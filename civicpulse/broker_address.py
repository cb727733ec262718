"""Finding the Kafka broker: the configured bootstrap servers, or the embedded broker that
``civicpulse up`` / ``civicpulse broker`` recorded in this CIVICPULSE_HOME."""

from __future__ import annotations

from civicpulse.embedded_broker import is_listening, recorded_bootstrap
from config import Settings
from ingest import BrokerUnavailableError

START_HINT = (
    "Start one with `civicpulse up` (broker, worker and API) or `civicpulse broker` in the same "
    "CIVICPULSE_HOME, or point CIVICPULSE_KAFKA_BOOTSTRAP at a Kafka cluster."
)


def with_broker(settings: Settings) -> Settings:
    """``settings`` with ``kafka_bootstrap`` set to a broker that answers, or a clear error."""
    if settings.kafka_bootstrap:
        if not any(
            is_listening(server, timeout=2.0) for server in settings.kafka_bootstrap.split(",")
        ):
            raise BrokerUnavailableError(
                f"No Kafka broker is reachable at {settings.kafka_bootstrap} "
                f"(CIVICPULSE_KAFKA_BOOTSTRAP). {START_HINT}"
            )
        return settings
    recorded = recorded_bootstrap(settings.broker_file)
    if recorded is None:
        raise BrokerUnavailableError(
            f"No Kafka broker is running for CIVICPULSE_HOME={settings.home}. {START_HINT}"
        )
    return settings.with_changes(kafka_bootstrap=recorded)
