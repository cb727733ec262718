"""Errors raised by the insight room: analysis, digests, reports and the measures of how
contacts were answered (timeliness, satisfaction, disclosure control).

PipelineError (contracts)
└── InsightError               root of this room's errors
    ├── AnalysisError          a question the data cannot answer: bad dimension, period or target
    ├── DigestError            a digest or report cannot be built (key says which)
    ├── CaseDataError          one contact's own dates or scores contradict each other
    └── DisclosureError        a table cannot be published safely, or is not a table
"""

from __future__ import annotations

from contracts import PipelineError


class InsightError(PipelineError):
    """Root of the errors raised while analysing, measuring, building or rendering insight."""


class AnalysisError(InsightError):
    """An analysis was asked something the data or its configuration cannot answer."""


class DigestError(InsightError):
    """A digest or report cannot be built; ``key`` identifies it (period and services)."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


class CaseDataError(InsightError):
    """One contact's dates or scores are impossible (e.g. answered before it was received)."""

    def __init__(self, message: str, *, ref: str = "") -> None:
        super().__init__(f"contact {ref}: {message}" if ref else message)
        self.ref = ref
        self.reason = message


class DisclosureError(InsightError):
    """A table for the public is malformed, or no suppression pattern can protect it."""
