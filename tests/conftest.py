"""Real services, started once per session: the embedded Kafka broker and the databases
(a SQLite file and a fresh PostgreSQL database on 127.0.0.1:5432). Nothing is mocked."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Engine

from civicpulse.embedded_broker import EmbeddedBroker
from classifiers import ContactClassifier, ModelRegistry, prepare_redaction, train_and_register
from config import ReferenceData, Settings, load_reference_data
from ingest import read_table
from sinks import open_database
from sinks.db.tables import Base
from tests.fixtures.postgres import fresh_postgres_database

# Shared fixtures, each in a module of its own (pytest only reads plugins named here).
pytest_plugins = ["tests.fixtures.contacts"]

REPO = Path(__file__).resolve().parents[1]
SMALL_DATASET = REPO / "tests" / "classifiers" / "data" / "small_contacts.csv"

# CI draws the same examples every run (a failure there is reproducible, never a coin toss);
# a developer's runs keep exploring new ones. `.ci/run` sets HYPOTHESIS_PROFILE=ci.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session", autouse=True)
def _name_lists_loaded() -> None:
    """Property tests have a per-example deadline; loading the redactor's name lists (about
    2 s, once) is not an example, whichever test happens to redact first."""
    prepare_redaction()


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's own CIVICPULSE_* settings."""
    for name in list(os.environ):
        if name.startswith("CIVICPULSE_") and name != "CIVICPULSE_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def reference() -> ReferenceData:
    return load_reference_data(REPO / "config")


@pytest.fixture(scope="session")
def small_model_dir(tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData) -> Path:
    """A models folder with a promoted model trained on the small fixed dataset (fast)."""
    models = tmp_path_factory.mktemp("models")
    train_and_register(
        ModelRegistry(models), reference.taxonomy, dataset=read_table(SMALL_DATASET), name="small"
    )
    return models


@pytest.fixture(scope="session")
def small_classifier(small_model_dir: Path) -> ContactClassifier:
    return ModelRegistry(small_model_dir).load_promoted()


@pytest.fixture(scope="session")
def kafka_broker() -> Iterator[EmbeddedBroker]:
    with EmbeddedBroker() as broker:
        yield broker


@pytest.fixture()
def kafka_settings(kafka_broker: EmbeddedBroker, tmp_path: Path) -> Settings:
    """Settings on the shared broker with a per-test topic prefix, so tests never collide."""
    return Settings(
        home=tmp_path / "home",
        kafka_bootstrap=kafka_broker.bootstrap,
        topic_prefix=f"t{uuid.uuid4().hex[:10]}.",
        topic_partitions=2,
    )


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this session on the machine's PostgreSQL server."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'civicpulse.db'}"


@pytest.fixture(scope="session")
def _migrated_engines(
    sqlite_url: str, request: pytest.FixtureRequest
) -> Iterator[dict[str, Engine]]:
    engines: dict[str, Engine] = {}
    yield engines
    for engine in engines.values():
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, _migrated_engines: dict[str, Engine]) -> Engine:
    """A migrated, emptied database: SQLite and PostgreSQL in turn."""
    backend = request.param
    if backend not in _migrated_engines:
        url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "postgres_url")
        _migrated_engines[backend] = open_database(url)
    db = _migrated_engines[backend]
    with db.begin() as c:
        for table in reversed(Base.metadata.sorted_tables):
            c.execute(table.delete())
    return db
