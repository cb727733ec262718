"""CIVICPULSE_API_MAX_BODY_BYTES: a body over the limit gets 413 with a message naming it, whether
the client declares its length or streams the body in chunks without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from civicpulse.embedded_broker import free_port
from config import ReferenceData, Settings
from ingest.api import create_app


def test_a_streamed_body_over_the_limit_is_refused_with_413(
    reference: ReferenceData, tmp_path: Path
) -> None:
    # No broker at all: the body is refused before anything would be published.
    settings = Settings(home=tmp_path, kafka_bootstrap=f"127.0.0.1:{free_port()}")

    def chunks() -> Iterator[bytes]:  # no Content-Length: sent chunked
        yield b'{"text": "'
        for _ in range(settings.api_max_body_bytes // 1024 + 1):
            yield b"x" * 1024
        yield b'"}'

    with TestClient(create_app(settings, reference)) as client:
        answer = client.post(
            "/contacts", content=chunks(), headers={"content-type": "application/json"}
        )
    assert answer.status_code == 413
    assert answer.json() == {
        "detail": f"request body is larger than the {settings.api_max_body_bytes}-byte limit"
    }
