"""Errors raised by the insights room (measures built from typed rows, nothing stored).

PipelineError (contracts)
└── InsightsError                root of this room's errors
    ├── CaseDataError            one contact's own dates or scores contradict each other
    └── DisclosureError          a table cannot be published safely, or is not a table
"""

from __future__ import annotations

from contracts import PipelineError


class InsightsError(PipelineError):
    """A measure was asked something its inputs cannot answer."""


class CaseDataError(InsightsError):
    """One contact's dates or scores are impossible (e.g. answered before it was received)."""

    def __init__(self, message: str, *, ref: str = "") -> None:
        super().__init__(f"contact {ref}: {message}" if ref else message)
        self.ref = ref
        self.reason = message


class DisclosureError(InsightsError):
    """A table for the public is malformed, or no suppression pattern can protect it."""
