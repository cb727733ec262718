"""Shared dependencies of the intake API, as ``Annotated`` aliases."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from config import ReferenceData, Settings
from ingest._publisher import Publisher
from ingest.errors import BrokerUnavailableError


@dataclass
class PublisherSlot:
    """Builds the publisher on first use and again after a broker failure, so the API starts
    (and answers 503) while the broker is down, and recovers when it returns."""

    factory: Callable[[], Publisher]
    _publisher: Publisher | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self) -> Publisher:
        with self._lock:
            if self._publisher is None:
                self._publisher = self.factory()
            return self._publisher

    def discard(self) -> None:
        with self._lock:
            publisher, self._publisher = self._publisher, None
        if publisher is not None:
            # A broken producer is being thrown away: whatever closing it raises does not matter.
            with contextlib.suppress(Exception):
                publisher.close()

    def publish_with(self, send: Callable[[Publisher], int]) -> int:
        try:
            return send(self.get())
        except BrokerUnavailableError:
            self.discard()
            raise


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _reference(request: Request) -> ReferenceData:
    return request.app.state.reference  # type: ignore[no-any-return]


def _publisher_slot(request: Request) -> PublisherSlot:
    return request.app.state.publisher_slot  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(_settings)]
ReferenceDep = Annotated[ReferenceData, Depends(_reference)]
PublisherDep = Annotated[PublisherSlot, Depends(_publisher_slot)]
