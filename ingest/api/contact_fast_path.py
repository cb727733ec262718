"""POST /contacts for the common case, a JSON body that is accepted, without FastAPI's
routing and dependency solving; every other request goes to the FastAPI route unchanged.

Why: under a burst most of a POST's CPU was FastAPI's machinery around the route (request
object, dependency solving, response validation, exception wrapping: py-spy), not the work.
This path does the same work (``accept_contact``) and answers the same bytes; it gives up on
the first thing it would answer otherwise (a body FastAPI would refuse with 422, another
content type, a bad ``Idempotency-Key``) and hands the request, body replayed, to the route,
so every refusal is still worded by the route. It sits inside the rate limit and the
body-size limit, so both still apply to it.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi.exceptions import RequestValidationError
from pydantic import StringConstraints, TypeAdapter, ValidationError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from config import ReferenceData, Settings
from ingest.api.deps import PublisherSlot
from ingest.api.idempotency import one_key
from ingest.api.paused import intake_paused
from ingest.api.routes.contacts import ContactAccepted, accept_contact
from ingest.errors import BrokerUnavailableError
from ingest.sources.webform import IDEMPOTENCY_KEY_PATTERN, ContactSubmission

PATH = "/contacts"
_SUBMISSION = TypeAdapter(ContactSubmission)
_ACCEPTED = TypeAdapter(ContactAccepted)
# The route's ``Idempotency-Key`` header parameter is this constraint (``Header(pattern=)``).
_HEADER_KEY = TypeAdapter(Annotated[str, StringConstraints(pattern=IDEMPOTENCY_KEY_PATTERN)])
_KEY_HEADER = b"idempotency-key"


class ContactFastPath:
    """ASGI middleware answering an acceptable ``POST /contacts`` itself (see module)."""

    def __init__(
        self,
        app: ASGIApp,
        settings: Settings,
        reference: ReferenceData,
        publisher: PublisherSlot,
    ) -> None:
        self.app = app
        self.settings = settings
        self.reference = reference
        self.publisher = publisher

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await _whole_body(receive)
        if body is None:  # the client went away
            return
        answer = await self._answer(scope, body)
        if answer is None:
            await self.app(scope, _replaying(body, receive), send)
            return
        status, content, headers = answer
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-length", str(len(content)).encode()),
                    (b"content-type", b"application/json"),
                    *headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": content})

    async def _answer(
        self, scope: Scope, body: bytes
    ) -> tuple[int, bytes, list[tuple[bytes, bytes]]] | None:
        """(status, body, extra headers) of the answer, or None for the route to answer."""
        submission, header_key = _accepted_request(scope, body)
        if submission is None:
            return None
        try:
            key = one_key(header_key, submission.idempotency_key)
            accepted = await accept_contact(
                submission, key, self.reference, self.settings, self.publisher
            )
        except (RequestValidationError, ValidationError):
            return None  # nothing was kept: the route words the 422
        except BrokerUnavailableError as exc:
            paused = intake_paused(exc)
            detail = json.dumps(
                {"detail": paused.detail}, ensure_ascii=False, separators=(",", ":")
            )
            headers = [(k.lower().encode(), v.encode()) for k, v in (paused.headers or {}).items()]
            return paused.status_code, detail.encode(), headers
        return 202, _ACCEPTED.dump_json(accepted, by_alias=True), []


def _accepted_request(scope: Scope, body: bytes) -> tuple[ContactSubmission | None, str | None]:
    """The submission and the ``Idempotency-Key`` header as the route would take them, or
    (None, None) where the route would refuse the request or read it otherwise."""
    content_type: bytes | None = None
    keys: list[bytes] = []
    for name, value in scope["headers"]:
        if name == b"content-type":
            content_type = value
        elif name == _KEY_HEADER:
            keys.append(value)
    if content_type is None or not _is_json(content_type) or len(keys) > 1 or not body:
        return None, None
    try:
        header_key = _HEADER_KEY.validate_python(keys[0].decode("latin-1")) if keys else None
        # As FastAPI reads a JSON body: json.loads, then the model in Python mode.
        submission = _SUBMISSION.validate_python(json.loads(body), from_attributes=True)
    except (ValueError, RecursionError):  # ValidationError and JSONDecodeError are ValueErrors
        return None, None
    return submission, header_key


def _is_json(content_type: bytes) -> bool:
    """``application/json`` (parameters such as a charset allowed), the type a form posts."""
    return content_type.partition(b";")[0].strip().lower() == b"application/json"


async def _whole_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body already read, then whatever the client sends next."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if replayed:
            return await receive()
        replayed = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
