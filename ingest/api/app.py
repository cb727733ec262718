"""create_app(settings) -> FastAPI: wires state, the per-client rate limit, the body-size limit,
the fast path of POST /contacts, the 422 answer and the routers."""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import ReferenceData, Settings
from ingest._publisher import KafkaPublisher, Publisher
from ingest.api.contact_fast_path import ContactFastPath
from ingest.api.deps import PublisherSlot
from ingest.api.rate_limit import ClientRateLimit
from ingest.api.routes import case_events, contacts, ratings
from ingest.api.validation import answer_validation_error


def create_app(
    settings: Settings,
    reference: ReferenceData,
    publisher_factory: Callable[[], Publisher] | None = None,
) -> FastAPI:
    app = FastAPI(
        title="CivicPulse intake API",
        version="1",
        description="Citizen contacts and satisfaction ratings in; each is on the Kafka stream "
        "before the API answers 202.",
        lifespan=_lifespan,
        **_without_telemetry(),
    )
    app.state.settings = settings
    app.state.reference = reference
    app.state.publisher_slot = PublisherSlot(
        publisher_factory or (lambda: KafkaPublisher(settings, max_block_seconds=3.0))
    )
    # Added first, so it runs last: inside the rate limit and the body-size limit.
    app.add_middleware(
        ContactFastPath,
        settings=settings,
        reference=reference,
        publisher=app.state.publisher_slot,
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body_bytes)
    if settings.api_rate_limit_per_second > 0:  # added last, so it runs first
        app.add_middleware(
            ClientRateLimit,
            per_second=settings.api_rate_limit_per_second,
            burst=settings.api_rate_limit_burst,
        )
    app.add_exception_handler(RequestValidationError, answer_validation_error)
    app.include_router(contacts.router)
    app.include_router(ratings.router)
    app.include_router(case_events.router)

    # async: FastAPI runs a plain ``def`` route in its thread pool, which tripled the CPU of
    # a GET /health (456 against 141 µs a request under hey, 2 cores).
    @app.get("/health", tags=["health"])
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


def _without_telemetry() -> dict[str, Any]:
    """FastAPI (from about 0.16x) asks OpenTelemetry for its providers on every request, about
    a tenth of the CPU of a POST /contacts (py-spy): CivicPulse exports no traces, so it is
    switched off where this FastAPI has it."""
    if "telemetry" in inspect.signature(FastAPI.__init__).parameters:
        return {"telemetry": {"tracing": False, "metrics": False, "logs": False}}
    return {}


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.publisher_slot.discard()


class BodySizeLimit:
    """Answer 413 for a body over ``max_bytes``, whether or not Content-Length is sent."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await _too_large(send, self.max_bytes)
            return
        seen = 0
        refused = answered = False

        async def limited_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                refused = True
                raise _BodyTooLarge
            return message

        async def refusing_send(message: Message) -> None:
            # FastAPI turns any error while reading a body into its own 400; once the body is
            # over the limit, the answer is 413 whatever the app made of it.
            nonlocal answered
            if not refused:
                await send(message)
            elif not answered:
                answered = True
                await _too_large(send, self.max_bytes)

        try:
            await self.app(scope, limited_receive, refusing_send)
        except _BodyTooLarge:
            if not answered:
                await _too_large(send, self.max_bytes)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = f'{{"detail":"request body is larger than the {limit}-byte limit"}}'.encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
