"""Rating links: a signed token per contact that rates that contact only, with no account.

The token is the contact id and an HMAC-SHA256 of it under ``CIVICPULSE_RATING_LINK_SECRET``
(base64url, 43 characters). Without a configured secret one is generated once and kept in
``$CIVICPULSE_HOME/rating-link.secret``; several machines must share one secret to accept
each other's links, so production sets the variable."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import uuid
from pathlib import Path

from config import Settings
from ingest.errors import IngestError

_PURPOSE = b"civicpulse rating link v1:"
_MAC_BYTES = 16


class RatingLinkError(IngestError):
    """A rating link token that is not one of ours; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"rating link refused: {reason}")
        self.reason = reason


def rating_link_secret(settings: Settings) -> bytes:
    """The configured secret, or the one kept under ``settings.home`` (created on first use)."""
    if settings.rating_link_secret is not None:
        return settings.rating_link_secret.get_secret_value().encode("utf-8")
    path = settings.home / "rating-link.secret"
    if not path.exists():
        _write_private(path, secrets.token_urlsafe(32))
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")


def _mac(secret: bytes, contact_id: uuid.UUID) -> bytes:
    return hmac.new(secret, _PURPOSE + contact_id.bytes, hashlib.sha256).digest()[:_MAC_BYTES]


def rating_token(secret: bytes, contact_id: uuid.UUID) -> str:
    """The token that rates ``contact_id``."""
    raw = contact_id.bytes + _mac(secret, contact_id)
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def contact_of_token(secret: bytes, token: str) -> uuid.UUID:
    """The contact a token rates; RatingLinkError when it is malformed or not signed by us."""
    try:
        raw = base64.urlsafe_b64decode(token.strip() + "=" * (-len(token.strip()) % 4))
    except (ValueError, TypeError) as exc:
        raise RatingLinkError("the token is not valid base64url") from exc
    if len(raw) != 16 + _MAC_BYTES:
        raise RatingLinkError(f"the token has {len(raw)} bytes, not {16 + _MAC_BYTES}")
    contact_id = uuid.UUID(bytes=raw[:16])
    if not hmac.compare_digest(raw[16:], _mac(secret, contact_id)):
        raise RatingLinkError("the token's signature does not match (altered or not ours)")
    return contact_id


def rating_link(settings: Settings, contact_id: uuid.UUID) -> str:
    """The URL a resident opens to rate the response to ``contact_id``."""
    token = rating_token(rating_link_secret(settings), contact_id)
    return f"{settings.public_base_url.rstrip('/')}/rate/{token}"
