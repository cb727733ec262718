"""Staff tokens on SQLite and PostgreSQL: only the sha256 is stored, revoked tokens stop
working, scopes are kept, and the audit trail keeps who did what in order."""

from __future__ import annotations

import hashlib
import uuid

from sqlalchemy import Engine, select

from sinks import (
    issue_staff_token,
    record_staff_action,
    revoke_staff_token,
    staff_audit,
    staff_token_for,
    staff_tokens,
)
from sinks.db.staff_tables import StaffTokenRow


def test_a_token_is_stored_only_as_its_sha256(engine: Engine) -> None:
    issued = issue_staff_token(engine, "jo", ["partner:council"])
    with engine.connect() as connection:
        [row] = connection.execute(select(StaffTokenRow.__table__)).all()
    assert row.token_sha256 == hashlib.sha256(issued.secret.encode()).hexdigest()
    assert all(issued.secret not in str(value) for value in row)
    assert len(issued.secret) >= 40  # token_urlsafe(32)
    found = staff_token_for(engine, issued.secret)
    assert found is not None and (found.holder, found.scopes) == ("jo", ("partner:council",))
    assert found.partners == frozenset({"council"})
    assert staff_token_for(engine, issued.secret + "x") is None
    assert issue_staff_token(engine, "jo").secret != issued.secret


def test_a_revoked_token_lets_nobody_in_and_stays_listed(engine: Engine) -> None:
    kept, revoked = issue_staff_token(engine, "jo"), issue_staff_token(engine, "sam")
    first = revoke_staff_token(engine, revoked.token.token_id)
    assert first is not None and first.revoked_at is not None
    assert staff_token_for(engine, revoked.secret) is None
    assert staff_token_for(engine, kept.secret) is not None
    again = revoke_staff_token(engine, revoked.token.token_id)
    assert again is not None and again.revoked_at == first.revoked_at
    assert revoke_staff_token(engine, "no-such-token") is None
    listed = {t.holder: t.revoked_at for t in staff_tokens(engine)}
    assert listed["jo"] is None and listed["sam"] == first.revoked_at


def test_an_unscoped_token_sees_every_partner_and_a_scoped_one_only_its_own(
    engine: Engine,
) -> None:
    everyone = issue_staff_token(engine, "ali").token
    police = issue_staff_token(engine, "pc", ["partner:police"]).token
    assert everyone.partners is None and everyone.may_see(None) and everyone.may_see("police")
    assert police.may_see("police")
    assert not police.may_see("council") and not police.may_see(None)


def test_the_audit_trail_keeps_who_did_what_in_order(engine: Engine) -> None:
    token = issue_staff_token(engine, "jo").token
    contact = uuid.uuid4()
    record_staff_action(engine, token, "read", "shown", contact)
    record_staff_action(engine, token, "relabel", "confirm complaint/x/y", contact)
    record_staff_action(engine, token, "list", "0 of 0 waiting")
    entries = staff_audit(engine)
    assert [(e.action, e.contact_id) for e in entries] == [
        ("read", contact),
        ("relabel", contact),
        ("list", None),
    ]
    assert {(e.holder, e.token_id) for e in entries} == {("jo", token.token_id)}
    assert entries[0].at <= entries[1].at <= entries[2].at and entries[0].at.tzinfo is not None
