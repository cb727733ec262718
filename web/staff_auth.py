"""Who is calling: the staff token in ``Authorization: Bearer <token>`` (issued with
``civicpulse staff token issue``). No token, an unknown one or a revoked one: 401."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from sinks import StaffToken, staff_token_for

_bearer = HTTPBearer(
    auto_error=False, description="A staff token from `civicpulse staff token issue`"
)


def staff_token_dependency(engine: Engine) -> Callable[..., StaffToken]:
    """A FastAPI dependency returning the caller's live staff token, or answering 401."""

    def staff_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> StaffToken:
        token = staff_token_for(engine, credentials.credentials) if credentials else None
        if token is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "a staff token is required: Authorization: Bearer <token> "
                "(issued with `civicpulse staff token issue NAME`)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return token

    return staff_token
