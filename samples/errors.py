"""Errors raised while building synthetic contacts.

PipelineError (contracts)
└── SamplesError                 anything the sample generators could not do
    ├── PhraseBankError          a phrase bank is malformed or misses a category (bank, reason)
    └── QuotaNotMetError         not enough unique texts could be made for one quota cell
"""

from __future__ import annotations

from contracts import PipelineError


class SamplesError(PipelineError):
    """Root of sample-generation errors."""


class PhraseBankError(SamplesError):
    """A phrase bank is malformed, too thin, or missing for a taxonomy category."""

    def __init__(self, reason: str, *, category: str | None = None) -> None:
        super().__init__(f"{category}: {reason}" if category else reason)
        self.reason = reason
        self.category = category


class QuotaNotMetError(SamplesError):
    """The generator ran out of attempts before making enough unique texts for one cell."""

    def __init__(self, category: str, contact_type: str, wanted: int, made: int) -> None:
        super().__init__(
            f"{category}/{contact_type}: wanted {wanted} unique texts, could only make {made}"
        )
        self.category = category
        self.contact_type = contact_type
        self.wanted = wanted
        self.made = made
