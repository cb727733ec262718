"""Who receives digests, how and when: ``config/recipients.yaml`` as frozen models (service
managers with their services, channel and schedules; SMTP; retries; cron-like schedules).
Read by entry points and passed down; secrets come from the environment the caller passes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

from contracts import PeriodKind
from delivery.errors import RecipientsError

ChannelName = Literal["smtp", "directory", "webhook"]
_CRON_FIELD = re.compile(r"^[\w*/,\-]+$")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SmtpConfig(_Frozen):
    host: str = "localhost"
    port: int = Field(default=25, ge=1, le=65535)
    starttls: bool = False
    ssl: bool = False  # implicit TLS (port 465)
    username: str | None = None
    password: SecretStr | None = None
    password_env: str = "CIVICPULSE_SMTP_PASSWORD"
    ca_file: Path | None = None  # trust this CA (a council's own) besides the system's
    sender: str = "CivicPulse <civicpulse@localhost>"
    timeout: float = Field(default=30.0, gt=0)


class RetryConfig(_Frozen):
    attempts: int = Field(default=4, ge=1, le=20)
    backoff_seconds: float = Field(default=2.0, ge=0)
    max_backoff_seconds: float = Field(default=60.0, ge=0)


class ScheduleConfig(_Frozen):
    """``cron`` (five fields, UK time) and the kind of period each run reports: the last
    complete one before the run."""

    cron: str
    period: PeriodKind

    @model_validator(mode="after")
    def _five_fields(self) -> ScheduleConfig:
        fields = self.cron.split()
        if len(fields) != 5 or not all(_CRON_FIELD.match(f) for f in fields):
            raise ValueError(f"cron {self.cron!r} must have five fields, like '0 7 * * mon'")
        return self


DEFAULT_SCHEDULES: dict[str, ScheduleConfig] = {
    "weekly": ScheduleConfig(cron="0 7 * * mon", period="week"),
    "monthly": ScheduleConfig(cron="0 7 2 * *", period="month"),
}


class Recipient(_Frozen):
    """A service manager: their services, the channel their digest goes by, and schedules."""

    name: str
    email: str | None = None
    services: tuple[str, ...] = Field(min_length=1)
    channel: ChannelName | None = None  # None: the book's default_channel
    schedule: tuple[str, ...] = ("weekly", "monthly")
    webhook: str | None = None
    directory: Path | None = None

    @model_validator(mode="after")
    def _channel_has_address(self) -> Recipient:
        if self.channel is None:
            return self
        needs = {"smtp": self.email, "webhook": self.webhook, "directory": True}
        if not needs[self.channel]:
            field = "email" if self.channel == "smtp" else self.channel
            raise ValueError(f"{self.name}: channel {self.channel} needs {field}")
        return self

    @property
    def address(self) -> str:
        """Who this is in the delivery ledger: the email address, else the name."""
        return self.email or self.name


class RecipientBook(_Frozen):
    """Everything in recipients.yaml."""

    default_channel: ChannelName = "smtp"
    smtp: SmtpConfig = SmtpConfig()
    retry: RetryConfig = RetryConfig()
    directory: Path | None = None  # default folder for the directory channel
    schedules: dict[str, ScheduleConfig] = Field(default_factory=lambda: dict(DEFAULT_SCHEDULES))
    recipients: tuple[Recipient, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _default_channel(cls, data: object) -> object:
        """Give recipients without a channel the book's ``default_channel``."""
        if isinstance(data, dict) and isinstance(data.get("recipients"), list):
            default = data.get("default_channel", "smtp")
            data = {
                **data,
                "recipients": [
                    {**r, "channel": r.get("channel") or default} if isinstance(r, dict) else r
                    for r in data["recipients"]
                ],
            }
        return data

    @model_validator(mode="after")
    def _schedules_exist(self) -> RecipientBook:
        for recipient in self.recipients:
            unknown = [s for s in recipient.schedule if s not in self.schedules]
            if unknown:
                raise ValueError(
                    f"{recipient.name}: unknown schedule(s) {', '.join(unknown)}; "
                    f"defined: {', '.join(self.schedules)}"
                )
        return self

    def for_service(self, service: str) -> tuple[Recipient, ...]:
        return tuple(r for r in self.recipients if service in r.services)

    def on_schedule(self, schedule: str) -> tuple[Recipient, ...]:
        return tuple(r for r in self.recipients if schedule in r.schedule)


def load_recipients(path: Path, *, environ: Mapping[str, str] | None = None) -> RecipientBook:
    """Read ``path``; an SMTP password missing from the file is taken from ``environ`` under
    ``smtp.password_env``. A missing file means no recipients (digests still go to files)."""
    if not path.exists():
        return RecipientBook()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise RecipientsError(path, f"not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RecipientsError(path, "expected a mapping at the top level")
    try:
        book = RecipientBook.model_validate(data)
    except ValidationError as exc:
        raise RecipientsError(path, str(exc)) from exc
    secret = (environ or {}).get(book.smtp.password_env)
    if book.smtp.password is None and secret:
        book = book.model_copy(
            update={"smtp": book.smtp.model_copy(update={"password": SecretStr(secret)})}
        )
    return book
