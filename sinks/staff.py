"""Staff tokens and the staff audit trail (``staff_token``, ``staff_audit``).

A token is ``secrets.token_urlsafe(32)``, shown once when issued; only its sha256 is stored, so
a copy of the database lets nobody in. Scopes are ``partner:ID``; a token with none sees every
partner's contacts.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, RowMapping, insert, select, update

from sinks.db.engine import write_transaction
from sinks.db.staff_tables import StaffAuditRow, StaffTokenRow

_TOKENS = StaffTokenRow.__table__
_AUDIT = StaffAuditRow.__table__
PARTNER_SCOPE = "partner:"


@dataclass(frozen=True)
class StaffToken:
    """A token as stored (never the secret itself)."""

    token_id: str
    holder: str
    scopes: tuple[str, ...]
    issued_at: datetime
    revoked_at: datetime | None

    @property
    def partners(self) -> frozenset[str] | None:
        """The partners whose contacts this token may see; None for every partner."""
        ids = [s.removeprefix(PARTNER_SCOPE) for s in self.scopes if s.startswith(PARTNER_SCOPE)]
        return frozenset(ids) if self.scopes else None

    def may_see(self, partner: str | None) -> bool:
        allowed = self.partners
        return allowed is None or (partner is not None and partner in allowed)


@dataclass(frozen=True)
class IssuedToken:
    """What ``issue_staff_token`` returns: the stored token and the secret, shown only once."""

    token: StaffToken
    secret: str


@dataclass(frozen=True)
class StaffAuditEntry:
    at: datetime
    token_id: str
    holder: str
    action: str
    contact_id: uuid.UUID | None
    outcome: str


def token_sha256(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_staff_token(engine: Engine, holder: str, scopes: Sequence[str] = ()) -> IssuedToken:
    """Store a new token for ``holder`` and return its secret (not kept anywhere)."""
    secret = secrets.token_urlsafe(32)
    row = {
        "token_id": uuid.uuid4().hex,
        "holder": holder,
        "token_sha256": token_sha256(secret),
        "scopes": list(dict.fromkeys(scopes)),
        "issued_at": datetime.now(UTC),
        "revoked_at": None,
    }
    with write_transaction(engine) as connection:
        connection.execute(insert(StaffTokenRow).values(**row))
    return IssuedToken(_token(row), secret)


def staff_tokens(engine: Engine) -> list[StaffToken]:
    """Every token, revoked ones too, oldest first."""
    query = select(_TOKENS).order_by(_TOKENS.c.issued_at, _TOKENS.c.token_id)
    with engine.connect() as connection:
        return [_token(r) for r in connection.execute(query).mappings()]


def revoke_staff_token(engine: Engine, token_id: str) -> StaffToken | None:
    """Revoke a token from now on; None when there is no such token. Revoking twice keeps
    the first time."""
    with write_transaction(engine) as connection:
        connection.execute(
            update(StaffTokenRow)
            .where(StaffTokenRow.token_id == token_id, StaffTokenRow.revoked_at.is_(None))
            .values(revoked_at=datetime.now(UTC))
        )
        row = (
            connection.execute(select(_TOKENS).where(_TOKENS.c.token_id == token_id))
            .mappings()
            .first()
        )
    return _token(row) if row is not None else None


def staff_token_for(engine: Engine, secret: str) -> StaffToken | None:
    """The live (not revoked) token whose secret this is; None otherwise."""
    query = select(_TOKENS).where(
        _TOKENS.c.token_sha256 == token_sha256(secret), _TOKENS.c.revoked_at.is_(None)
    )
    with engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    return _token(row) if row is not None else None


def record_staff_action(
    engine: Engine,
    token: StaffToken,
    action: str,
    outcome: str,
    contact_id: uuid.UUID | None = None,
) -> None:
    """Add one line to the audit trail: who did what, when, to which contact."""
    record_staff_actions(engine, token, [(action, outcome, contact_id)])


def record_staff_actions(
    engine: Engine, token: StaffToken, actions: Sequence[tuple[str, str, uuid.UUID | None]]
) -> None:
    """Several lines (action, outcome, contact) at once, in this order, in one transaction."""
    now = datetime.now(UTC)
    rows = [
        {
            "at": now,
            "token_id": token.token_id,
            "holder": token.holder,
            "action": action,
            "contact_id": contact_id,
            "outcome": outcome[:300],
        }
        for action, outcome, contact_id in actions
    ]
    if rows:
        with write_transaction(engine) as connection:
            for row in rows:  # one by one: the autoincrement id keeps their order
                connection.execute(insert(StaffAuditRow).values(**row))


def staff_audit(engine: Engine) -> list[StaffAuditEntry]:
    """The audit trail, oldest first."""
    query = select(_AUDIT).order_by(_AUDIT.c.audit_id)
    with engine.connect() as connection:
        return [
            StaffAuditEntry(
                _utc(r["at"]), r["token_id"], r["holder"], r["action"], r["contact_id"],
                r["outcome"],
            )
            for r in connection.execute(query).mappings()
        ]  # fmt: skip


def _token(row: RowMapping | Mapping[str, Any]) -> StaffToken:
    revoked = row["revoked_at"]
    return StaffToken(
        token_id=str(row["token_id"]),
        holder=str(row["holder"]),
        scopes=tuple(str(s) for s in row["scopes"] or ()),
        issued_at=_utc(row["issued_at"]),
        revoked_at=_utc(revoked) if revoked is not None else None,
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite
