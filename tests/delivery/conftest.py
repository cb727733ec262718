"""Real servers for delivery tests: an aiosmtpd SMTP server (optionally STARTTLS and login)
and a small HTTP server for webhooks, each on a free port and able to refuse on request."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class RecordingHandler:
    """Accepts mail, unless told to answer the next DATA commands with given replies."""

    messages: list[Envelope] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.replies:
            return self.replies.pop(0)
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler
    logins: list[str]

    @property
    def messages(self) -> list[Envelope]:
        return self.handler.messages

    def refuse_next(self, *replies: str) -> None:
        self.handler.replies.extend(replies)


@dataclass(frozen=True)
class Certificate:
    cert: Path
    key: Path


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for 127.0.0.1 (made with the openssl command)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return Certificate(cert, key)


def _authenticator(logins: list[str]) -> Callable[..., AuthResult]:
    def authenticate(
        server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and data.password == b"s3cret"
        if ok:
            logins.append(data.login.decode())
        return AuthResult(success=ok, handled=False)  # False: the server answers 535

    return authenticate


@pytest.fixture()
def smtp_server() -> Iterator[SmtpServer]:
    """A plain SMTP server on a free port."""
    handler, logins = RecordingHandler(), []
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler, logins)
    finally:
        controller.stop()


@pytest.fixture()
def tls_smtp_server(certificate: Certificate) -> Iterator[SmtpServer]:
    """An SMTP server that requires STARTTLS and a login (user any, password ``s3cret``)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate.cert), str(certificate.key))
    handler, logins = RecordingHandler(), []
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
        auth_required=True,
        auth_exclude_mechanism=["LOGIN"],  # smtplib then uses PLAIN only
        authenticator=_authenticator(logins),
    )
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", controller.port, handler, logins)
    finally:
        controller.stop()


@dataclass
class WebhookServer:
    url: str
    bodies: list[dict[str, Any]]
    statuses: list[int]  # replies to give before answering 204

    def refuse_next(self, *statuses: int) -> None:
        self.statuses.extend(statuses)


@pytest.fixture()
def webhook_server() -> Iterator[WebhookServer]:
    """An HTTP server recording JSON POSTs; answers 204 unless told otherwise."""
    bodies: list[dict[str, Any]] = []
    statuses: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", 0))
            payload = self.rfile.read(length)
            status = statuses.pop(0) if statuses else 204
            if status < 300:
                bodies.append(json.loads(payload))
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield WebhookServer(f"http://127.0.0.1:{server.server_address[1]}/hook", bodies, statuses)
    finally:
        server.shutdown()
        server.server_close()
