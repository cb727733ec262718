"""Where a CRM back-fill has got to: a small JSON file per export under
``CIVICPULSE_HOME/backfill/``, so an interrupted back-fill resumes instead of starting over.

The checkpoint names the export by path, size, modification time and a digest of its first
megabyte, and the column mapping by a digest: a changed file or mapping makes contact ids
(or rows) differ, so the checkpoint is ignored and the back-fill starts from the top.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

_HEAD_BYTES = 1024 * 1024


class ExportIdentity(BaseModel):
    """Which export, and which mapping of its columns, a checkpoint belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    size: int
    mtime_ns: int
    head_sha256: str
    mapping_sha256: str

    @classmethod
    def of(cls, path: Path, mapping: Mapping[str, object]) -> ExportIdentity:
        stat = path.stat()
        with path.open("rb") as handle:
            head = hashlib.sha256(handle.read(_HEAD_BYTES)).hexdigest()
        encoded = json.dumps(mapping, sort_keys=True, default=str).encode()
        return cls(
            source=str(path.resolve()),
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            head_sha256=head,
            mapping_sha256=hashlib.sha256(encoded).hexdigest(),
        )


class BackfillCheckpoint(BaseModel):
    """Every accepted row on a line up to ``stored_through_line`` is in the database."""

    model_config = ConfigDict(extra="forbid")

    export: ExportIdentity
    stored_through_line: int = 0
    contacts_stored: int = 0
    rows_rejected: int = 0
    rejects_files: list[str] = []
    updated_at: datetime


class CheckpointFile:
    """The checkpoint of one export; written atomically (temporary file, then rename)."""

    def __init__(self, directory: Path, export: ExportIdentity) -> None:
        digest = hashlib.sha256(export.source.encode()).hexdigest()[:16]
        self.path = directory / f"{Path(export.source).stem}-{digest}.json"
        self.export = export

    def load(self) -> BackfillCheckpoint | None:
        """The checkpoint of this very export and mapping, or None (none, or another one)."""
        try:
            found = BackfillCheckpoint.model_validate_json(self.path.read_bytes())
        except (FileNotFoundError, ValidationError):
            return None
        return found if found.export == self.export else None

    def save(self, checkpoint: BackfillCheckpoint) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        checkpoint.updated_at = datetime.now(UTC)
        partial = self.path.with_suffix(".partial")
        with partial.open("w", encoding="utf-8") as handle:
            handle.write(checkpoint.model_dump_json(indent=2))
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(self.path)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def fresh(self) -> BackfillCheckpoint:
        return BackfillCheckpoint(export=self.export, updated_at=datetime.now(UTC))
