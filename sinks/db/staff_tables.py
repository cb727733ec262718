"""Tables for staff access to the review routes: bearer tokens (only their sha256 is stored)
and the audit trail of who read or relabelled which contact. Same metadata as ``tables``."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from sinks.db.tables import Base, UtcDateTime


class StaffTokenRow(Base):
    """One staff token: who holds it, which partners' contacts it may see, and whether it is
    revoked. The token itself is never stored, only its sha256."""

    __tablename__ = "staff_token"

    token_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[str]] = mapped_column(JSON)  # ["partner:ID", ...]; empty: every partner
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class StaffAuditRow(Base):
    """One thing a token holder did on the review routes (list, read, relabel)."""

    __tablename__ = "staff_audit"
    __table_args__ = (Index("ix_staff_audit_at", "at"),)

    audit_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)  # the order
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    token_id: Mapped[str] = mapped_column(String(32))
    holder: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # list | read | relabel
    contact_id: Mapped[uuid.UUID | None]
    outcome: Mapped[str] = mapped_column(String(300))
