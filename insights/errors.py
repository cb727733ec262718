"""Errors raised by the insight room: analysis, digests and reports.

PipelineError (contracts)
└── InsightError               root of this room's errors
    ├── AnalysisError          a question the data cannot answer: bad dimension, period or target
    └── DigestError            a digest or report cannot be built (key says which)
"""

from __future__ import annotations

from contracts import PipelineError


class InsightError(PipelineError):
    """Root of the errors raised while analysing, building or rendering insight."""


class AnalysisError(InsightError):
    """An analysis was asked something the data or its configuration cannot answer."""


class DigestError(InsightError):
    """A digest or report cannot be built; ``key`` identifies it (period and services)."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key
