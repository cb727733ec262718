"""Shared dependencies of the intake API, as ``Annotated`` aliases."""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Annotated, Protocol, cast

from fastapi import Depends, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from config import ReferenceData, Settings
from contracts import Topic
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

    async def publish_async(self, topic: Topic, events: list[tuple[uuid.UUID, BaseModel]]) -> int:
        """Publish from an async route: a publisher that can wait without a thread (the
        outbox's group commit) is awaited, any other runs in the thread pool."""
        publisher = self._publisher
        if publisher is None:
            publisher = await run_in_threadpool(self.get)
        # getattr, not isinstance of a runtime Protocol: that walks its members each time.
        if getattr(publisher, "publish_async", None) is not None:
            # Kept on a refusal: it holds no broker connection, and its memory of the broker's
            # answer is what keeps a paused intake from asking the broker on every request.
            return await cast(AsyncPublisher, publisher).publish_async(topic, events)
        try:
            return await run_in_threadpool(publisher.publish, topic, events)
        except BrokerUnavailableError:
            await run_in_threadpool(self.discard)
            raise


class AsyncPublisher(Protocol):
    async def publish_async(
        self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]
    ) -> int: ...


# Dependencies are ``async def``: FastAPI runs a plain ``def`` dependency in its thread pool,
# which cost three thread hand-offs on every request for three attribute reads.
async def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def _reference(request: Request) -> ReferenceData:
    return request.app.state.reference  # type: ignore[no-any-return]


async def _publisher_slot(request: Request) -> PublisherSlot:
    return request.app.state.publisher_slot  # type: ignore[no-any-return]


SettingsDep = Annotated[Settings, Depends(_settings)]
ReferenceDep = Annotated[ReferenceData, Depends(_reference)]
PublisherDep = Annotated[PublisherSlot, Depends(_publisher_slot)]
