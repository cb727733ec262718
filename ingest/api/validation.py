"""How the API answers a request it cannot accept: 422 naming each field and the problem.

FastAPI's own answer echoes every bad input back, and a lone surrogate, a NaN or a huge body
there made the answer itself fail (a 500 and a reset connection). Ours carries ``loc``, ``msg``
and ``type`` only (the documented ``ValidationError`` shape), as text that always encodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fastapi import Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError


async def answer_validation_error(request: Request, exc: Exception) -> JSONResponse:
    """The 422 answer for a ``RequestValidationError``."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, content={"detail": described(errors)}
    )


def described(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each error as ``{"loc", "msg", "type"}``; text made encodable (surrogates escaped)."""
    return [
        {
            "loc": [part if isinstance(part, int) else _encodable(str(part)) for part in e["loc"]],
            "msg": _encodable(str(e.get("msg", ""))),
            "type": _encodable(str(e.get("type", "value_error"))),
        }
        for e in errors
    ]


def body_error(exc: ValidationError) -> RequestValidationError:
    """A model built from an accepted body refused it: the same 422, located in the body."""
    return RequestValidationError(
        [
            {"loc": ("body", *e["loc"]), "msg": e["msg"], "type": e["type"]}
            for e in exc.errors(include_url=False, include_input=False)
        ]
    )


def _encodable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
