"""Errors raised by the sinks (the database side).

PipelineError (contracts)
└── SinkError                  a write or read against the database failed
    ├── SinkUnavailableError   the database cannot be reached now; retry after ``retry_after`` s
    ├── SchemaOutOfDateError   the schema is not at this code's revision and migrating is off
    │   └── SchemaNewerError   a newer CivicPulse migrated it: this one neither migrates nor writes
    └── UnknownFollowUpError   no follow-up has the id asked for
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


class SchemaOutOfDateError(SinkError):
    """The database schema is not at this code's revision, and this process may not migrate it
    (CIVICPULSE_DATABASE_AUTO_MIGRATE=false): ``civicpulse db upgrade`` must run first."""

    def __init__(self, url: str, *, found: str | None, wanted: str) -> None:
        super().__init__(
            f"database at {url} is at schema revision {found or '(none: empty database)'}, "
            f"this CivicPulse needs {wanted}; run `civicpulse db upgrade` first "
            "(this process does not migrate: CIVICPULSE_DATABASE_AUTO_MIGRATE=false)"
        )
        self.url, self.found, self.wanted = url, found, wanted


class SchemaNewerError(SchemaOutOfDateError):
    """The database is at a revision this code does not know: a newer CivicPulse migrated it
    (the code was rolled back, or an older image started beside a newer one)."""

    def __init__(self, url: str, *, found: str, wanted: str) -> None:
        SinkError.__init__(
            self,
            f"database at {url} is at schema revision {found}, which this CivicPulse (at "
            f"{wanted}) does not know: a newer CivicPulse migrated it. Run that version, or "
            "restore the database from before the upgrade; this one leaves it alone",
        )
        self.url, self.found, self.wanted = url, found, wanted


class UnknownFollowUpError(SinkError):
    """No follow-up has this id."""

    def __init__(self, followup_id: object) -> None:
        super().__init__(f"no follow-up {followup_id}; `civicpulse followups` lists them")
        self.followup_id = followup_id
