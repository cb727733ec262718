"""Errors raised while building or rendering digests and reports.

PipelineError (contracts)
└── SinkError (sinks)
    └── DigestError        a digest or report cannot be built (key says which)
"""

from __future__ import annotations

from sinks.errors import SinkError


class DigestError(SinkError):
    """A digest or report cannot be built; ``key`` identifies it (period and services)."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key
