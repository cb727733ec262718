"""Per-client rate limit of the intake API: a client sending faster than its rate gets 429 with
Retry-After. ASGI middleware (like the body-size limit in ``app.py``), so a refused request
costs no validation and never reaches the broker."""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

# Liveness probes (container health checks) are never limited.
UNLIMITED_PATHS = frozenset({"/health"})


@dataclass
class _Bucket:
    tokens: float
    updated: float


class ClientRateLimit:
    """A token bucket per client address: ``per_second`` requests a second on average, up to
    ``burst`` at once; over it, 429 with ``Retry-After`` (whole seconds until one is allowed).

    At most ``max_clients`` buckets are kept (the least recently seen go first), so a flood of
    addresses cannot grow memory without bound; a forgotten client starts again with a full
    bucket. Behind a proxy, run uvicorn with ``--proxy-headers`` so the client is the resident,
    not the proxy."""

    def __init__(
        self,
        app: ASGIApp,
        per_second: float,
        burst: int,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.per_second = per_second
        self.burst = burst
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, _Bucket] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = client[0] if client else "unknown"
        wait = self._take(address)
        if wait > 0:
            retry_after = max(1, math.ceil(wait))
            await _answer(
                send,
                429,
                f"too many requests from {address}: the limit is {self.per_second:g} a second "
                f"(bursts of {self.burst}); retry after {retry_after} s",
                extra_headers=[(b"retry-after", str(retry_after).encode())],
            )
            return
        await self.app(scope, receive, send)

    def _take(self, address: str) -> float:
        """Take a token for ``address``: 0 when allowed, else seconds until one is available."""
        now = self.clock()
        bucket = self._buckets.get(address)
        if bucket is None:
            bucket = self._buckets[address] = _Bucket(tokens=float(self.burst), updated=now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        else:
            self._buckets.move_to_end(address)
            elapsed = max(0.0, now - bucket.updated)
            bucket.tokens = min(float(self.burst), bucket.tokens + elapsed * self.per_second)
            bucket.updated = now
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return 0.0
        return (1.0 - bucket.tokens) / self.per_second


async def _answer(
    send: Send, status: int, detail: str, extra_headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(extra_headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
