"""Errors raised by the sinks (the database side).

PipelineError (contracts)
└── SinkError                  a write or read against the database failed
    └── SinkUnavailableError   the database cannot be reached now; retry after ``retry_after`` s
"""

from __future__ import annotations

from contracts import PipelineError


class SinkError(PipelineError):
    """A database write or read failed."""


class SinkUnavailableError(SinkError):
    """The database is unreachable or busy; the caller should pause and retry."""

    def __init__(self, message: str, *, retry_after: float = 1.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after
