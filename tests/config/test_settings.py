"""One settings object from CIVICPULSE_* variables, defaults that work with nothing set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from config import Settings, load_settings


def test_defaults_work_with_nothing_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = load_settings()
    assert settings.home == tmp_path / ".civicpulse"
    assert settings.uses_embedded_broker
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path / '.civicpulse' / 'civicpulse.db'}"
    assert settings.api_port == 8000
    assert settings.broker_file.parent == settings.home


def test_the_documented_variables_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    monkeypatch.setenv("CIVICPULSE_KAFKA_BOOTSTRAP", "kafka:9092")
    monkeypatch.setenv("CIVICPULSE_DATABASE_URL", "postgresql+psycopg://u@db/civicpulse")
    monkeypatch.setenv("CIVICPULSE_API_PORT", "9001")
    settings = load_settings()
    assert settings.home == tmp_path
    assert settings.kafka_bootstrap == "kafka:9092" and not settings.uses_embedded_broker
    assert settings.sqlalchemy_url == "postgresql+psycopg://u@db/civicpulse"
    assert settings.api_port == 9001


def test_settings_are_frozen_and_validated(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    with pytest.raises(ValidationError):
        settings.api_port = 1  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Settings(home=tmp_path, topic_partitions=0)
    assert settings.with_changes(api_port=1).api_port == 1


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://jo:pw@db:5432/civicpulse", "postgresql+psycopg://jo:pw@db:5432/civicpulse"),
        ("postgresql://jo@db/civicpulse", "postgresql+psycopg://jo@db/civicpulse"),
        ("postgresql+psycopg://jo@db/civicpulse", "postgresql+psycopg://jo@db/civicpulse"),
        (
            "sqlite:////var/lib/civicpulse/civicpulse.db",
            "sqlite:////var/lib/civicpulse/civicpulse.db",
        ),
        ("", None),  # as if unset: the SQLite file under home
    ],
)
def test_a_database_url_names_the_installed_driver(given: str, used: str | None) -> None:
    assert load_settings(database_url=given).database_url == used


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("not a url", "is not a database URL"),
        ("nosuch://x/y", "SQLAlchemy does not know ('nosuch')"),
        ("mysql://jo:pw@db/civicpulse", "needs the 'mysql' driver"),
    ],
)
def test_a_database_url_that_cannot_be_opened_is_refused_when_read(given: str, said: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(said)):
        load_settings(database_url=given)


def test_a_home_that_is_a_file_is_refused_when_read(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(ValidationError, match="is a file: CivicPulse keeps its state in a folder"):
        load_settings(home=tmp_path / "notes.txt")


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("kafka-1:9092, kafka-2:9092,", "kafka-1:9092,kafka-2:9092"),
        ("localhost", "localhost"),  # the port may be left out: Kafka's own 9092
        ("[::1]:9092", "[::1]:9092"),
        (" ", None),  # as if unset: the embedded broker
    ],
)
def test_kafka_servers_are_read_as_a_list(given: str, used: str | None) -> None:
    assert load_settings(kafka_bootstrap=given).kafka_bootstrap == used


@pytest.mark.parametrize("given", ["kafka:notaport", "kafka:0", "kafka:9092,kafka:99999"])
def test_a_kafka_server_without_a_port_number_is_refused(given: str) -> None:
    with pytest.raises(ValidationError, match="is not host:port"):
        load_settings(kafka_bootstrap=given)


def test_a_log_level_or_config_folder_that_cannot_work_is_refused(tmp_path: Path) -> None:
    assert load_settings(log_level="debug").log_level == "DEBUG"
    with pytest.raises(ValidationError, match="'verbose' is not a log level: use one of DEBUG"):
        load_settings(log_level="verbose")
    with pytest.raises(ValidationError, match=re.escape("holds no taxonomy.yaml")):
        load_settings(config_dir=tmp_path)
