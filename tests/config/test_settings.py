"""One settings object from CIVICPULSE_* variables, defaults that work with nothing set."""

from __future__ import annotations

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
