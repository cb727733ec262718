"""The one settings object. Read from ``CIVICPULSE_*`` environment variables by entry points only,
then passed down; every default works with nothing set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from config.database_url import checked_database_url

CONFIG_DIR = Path(__file__).resolve().parent
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class Settings(BaseSettings):
    """Everything a CivicPulse process needs to know. Frozen: build a new one to change it."""

    model_config = SettingsConfigDict(env_prefix="CIVICPULSE_", frozen=True, extra="ignore")

    home: Path = Field(default_factory=lambda: Path.home() / ".civicpulse")
    """All local state: SQLite file, models, outputs, the embedded broker's address."""

    config_dir: Path = CONFIG_DIR
    """Taxonomy, partners, wards and CRM profiles (YAML)."""

    # Kafka. Unset bootstrap means the embedded broker (started by `civicpulse up|broker`).
    kafka_bootstrap: str | None = None
    topic_prefix: str = "civicpulse."
    topic_partitions: int = Field(default=4, ge=1)
    topic_replication: int = Field(default=1, ge=1)
    kafka_security_protocol: str = "PLAINTEXT"
    kafka_sasl_mechanism: str | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    # Short group timeouts make the embedded broker's group joins take seconds, not half a minute.
    kafka_session_timeout: float = 6.0
    kafka_heartbeat_interval: float = 0.5
    kafka_rebalance_timeout: float = 10.0
    # The embedded broker keeps every message in memory (no retention): `up` restarts it empty
    # when it holds more than this many MB and nothing is waiting to be stored (0: never).
    broker_recycle_mb: int = Field(default=512, ge=0)

    # Database. Unset means a SQLite file under home.
    database_url: str | None = None
    # Workers migrate the schema at start; off where a one-shot `civicpulse db upgrade` does it
    # (docker-compose.yml), so several workers never race to run the same migration.
    database_auto_migrate: bool = True

    # Intake API.
    api_host: str = "127.0.0.1"
    api_port: int = Field(default=8000, ge=0, le=65535)
    api_max_body_bytes: int = Field(default=64 * 1024, ge=1024)
    # Requests a second per client address (token bucket; 0 = no limit) and the burst a client
    # may send at once. Off by default: a council's form server or a proxy may be one address.
    api_rate_limit_per_second: float = Field(default=0.0, ge=0)
    api_rate_limit_burst: int = Field(default=100, ge=1)
    # API processes (uvicorn workers). Above 1, `serve` forks them and keeps the outbox relay
    # (the Kafka producer) in its own process, off the request path's interpreter lock.
    api_workers: int = Field(default=1, ge=1, le=64)

    # Ingest: a contact or rating dated before this year is accepted with a warning (a typo or a
    # spreadsheet's 1900 epoch is likelier than a genuine old record).
    earliest_year: int = Field(default=2000, ge=1, le=9999)

    # Rating links (`civicpulse ratings link`): the HMAC key that signs them (unset: one is
    # generated and kept under home) and the public address residents open them at.
    rating_link_secret: SecretStr | None = None
    public_base_url: str = "http://127.0.0.1:8000"

    # Worker.
    worker_app_id: str = "civicpulse-worker"
    # Worker processes `civicpulse up` starts, in one consumer group: each takes a share of the
    # topics' partitions (so more than topic_partitions would idle). One per free core speeds a
    # back-fill; each holds its own model (~400 MB).
    up_workers: int = Field(default=1, ge=1, le=64)
    worker_batch_size: int = Field(default=1000, ge=1)
    worker_batch_seconds: float = Field(default=0.5, gt=0)
    # Longest a worker waits to fill a batch of live contacts, ratings, reviews and case events:
    # short, because a resident's contact waits for it (issue 12: POST to stored, p95 < 0.5 s).
    # Under load batches fill to worker_batch_size before it ends anyway.
    worker_live_batch_seconds: float = Field(default=0.05, gt=0)
    # Longest the worker's consumer lets the broker hold a fetch with nothing in it (Faust's own
    # 1.5 s made a live contact wait up to that long on the embedded broker).
    worker_fetch_wait_seconds: float = Field(default=0.05, gt=0, le=30)
    worker_heartbeat_seconds: float = Field(default=2.0, gt=0)
    worker_web_port: int | None = None
    worker_alive_after_seconds: float = 15.0

    # Digests: the worker sends scheduled digests (config/recipients.yaml) when enabled.
    digest_schedule_enabled: bool = True

    log_level: str = "INFO"

    @field_validator("home")
    @classmethod
    def _a_folder(cls, home: Path) -> Path:
        if home.exists() and not home.is_dir():
            raise ValueError(f"{home} is a file: CivicPulse keeps its state in a folder")
        return home

    @field_validator("config_dir")
    @classmethod
    def _config_folder(cls, folder: Path) -> Path:
        if not (folder / "taxonomy.yaml").is_file():
            raise ValueError(f"{folder} holds no taxonomy.yaml: it is not a config folder")
        return folder

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, level: str) -> str:
        if level.upper() not in LOG_LEVELS:
            raise ValueError(f"{level!r} is not a log level: use one of {', '.join(LOG_LEVELS)}")
        return level.upper()

    @field_validator("kafka_bootstrap")
    @classmethod
    def _host_and_port(cls, bootstrap: str | None) -> str | None:
        """``host:port[,host:port]`` (a port may be left out: Kafka's 9092); blanks dropped."""
        if bootstrap is None:
            return None
        servers = [server.strip() for server in bootstrap.split(",") if server.strip()]
        for server in servers:
            _, colon, port = server.rpartition(":")
            if colon and not (port.isdigit() and 0 < int(port) < 65536):
                raise ValueError(f"{server!r} is not host:port (a port number after the colon)")
        return ",".join(servers) or None

    @field_validator("database_url")
    @classmethod
    def _openable(cls, url: str | None) -> str | None:
        return checked_database_url(url) if url and url.strip() else None

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'civicpulse.db'}"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def outputs_dir(self) -> Path:
        return self.home / "outputs"

    @property
    def rejects_dir(self) -> Path:
        return self.home / "rejects"

    @property
    def database_identity_file(self) -> Path:
        """The identity of the database this home's workers last opened (see ``status``)."""
        return self.home / "database.json"

    @property
    def backfill_dir(self) -> Path:
        """Checkpoints of CRM back-fills in progress (``ingest csv`` resumes from them)."""
        return self.home / "backfill"

    @property
    def outbox_file(self) -> Path:
        """The intake outbox: events accepted but not yet known to be stored."""
        return self.home / "intake" / "outbox.db"

    @property
    def broker_file(self) -> Path:
        """Where an embedded broker records its address for the other commands to find."""
        return self.home / "broker.json"

    @property
    def uses_embedded_broker(self) -> bool:
        return not self.kafka_bootstrap

    def with_changes(self, **changes: Any) -> Settings:
        return self.model_copy(update=changes)


def load_settings(**overrides: Any) -> Settings:
    """Read settings from the environment (entry points only), with explicit overrides on top."""
    return Settings(**overrides)
