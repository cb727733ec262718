"""Errors raised while turning outside input into events and publishing them.

PipelineError (contracts)
└── IngestError                  anything ingest could not do
    ├── MalformedRowError        one CRM export row cannot become a contact (file, line, reason)
    ├── MalformedEmailError      one email cannot become a contact (path, reason)
    ├── MalformedFileError       a whole file is not what it should be (path, line, column)
    ├── UnsupportedEncodingError a file's bytes cannot be decoded as text
    ├── MalformedMappingError    a label mapping file that is not "their label -> our label"
    ├── UnknownProfileError      a --profile name that is not configured
    ├── ReviewError              a review with labels outside the taxonomy, or contradictory
    └── BrokerUnavailableError   no Kafka broker answered: nothing was published
"""

from __future__ import annotations

from contracts import PipelineError


class IngestError(PipelineError):
    """Root of ingest errors."""


class MalformedRowError(IngestError):
    """A CRM export row that cannot become a contact."""

    def __init__(self, reason: str, *, source: str = "", line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.source = source
        self.line = line


class MalformedEmailError(IngestError):
    """An email that cannot become a contact."""

    def __init__(self, reason: str, *, source: str = "") -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.reason = reason
        self.source = source


class MalformedFileError(IngestError):
    """A file that cannot be read at all (not JSON, not an array): names where it went wrong."""

    def __init__(
        self, reason: str, *, source: str, line: int | None = None, column: int | None = None
    ) -> None:
        where = source if line is None else f"{source}:{line}:{column}"
        super().__init__(f"{where}: {reason}")
        self.reason = reason
        self.source = source
        self.line = line
        self.column = column


class UnsupportedEncodingError(IngestError):
    """A file whose bytes cannot be decoded as text in any encoding we try."""


class MalformedMappingError(IngestError):
    """A label mapping file that cannot be read as "their label -> our label"."""


class UnknownProfileError(IngestError):
    """A CRM profile name that is not configured."""


class BrokerUnavailableError(IngestError):
    """No Kafka broker answered; nothing was published."""


class ReviewError(IngestError):
    """A review that names labels outside the taxonomy or contradicts itself."""
