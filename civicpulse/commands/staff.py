"""``civicpulse staff token issue|list|revoke`` and ``civicpulse staff audit``: the tokens that
let staff use the review routes (stored hashed, the secret shown once), and what they did."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from sqlalchemy import Engine

from civicpulse.context import command_context, console, fail, fail_on, reading_database
from civicpulse.output import Format, rich_table
from config import ReferenceData
from contracts import PipelineError
from sinks import (
    StaffToken,
    issue_staff_token,
    open_database,
    revoke_staff_token,
    staff_audit,
    staff_tokens,
)

staff_app = typer.Typer(help="Staff access to the review routes: tokens and the audit trail.")
token_app = typer.Typer(help="Issue, list and revoke staff tokens.", no_args_is_help=True)
staff_app.add_typer(token_app, name="token")


def register(app: typer.Typer) -> None:
    app.add_typer(staff_app, name="staff")


def _database() -> Engine:
    try:
        return open_database(command_context().settings.sqlalchemy_url)
    except PipelineError as exc:
        raise fail_on(exc) from exc


def partner_scopes(scopes: list[str], reference: ReferenceData) -> list[str]:
    """``partner:ID`` scopes with each partner resolved to its configured id; a typo fails
    instead of issuing a token that sees nothing."""
    resolved = []
    for scope in scopes:
        kind, _, label = scope.partition(":")
        partner = reference.resolve_partner(label) if kind == "partner" and label else None
        if partner is None:
            known = ", ".join(f"partner:{p.id}" for p in reference.partners)
            raise fail(f"scope {scope!r} is not a configured partner; scopes are {known}")
        resolved.append(f"partner:{partner}")
    return resolved


@token_app.command("issue")
def issue(
    name: Annotated[str, typer.Argument(help="Who holds the token (recorded as the reviewer)")],
    scope: Annotated[
        list[str] | None,
        typer.Option("--scope", help="partner:ID, repeatable (default: every partner)"),
    ] = None,
) -> None:
    """Issue a token for NAME. It is shown once: only its sha256 is stored."""
    if not name.strip():
        raise fail("say who holds the token: civicpulse staff token issue NAME")
    scopes = partner_scopes(scope or [], command_context().reference)
    issued = issue_staff_token(_database(), name.strip(), scopes)
    console.print(
        f"Token {issued.token.token_id} for {issued.token.holder} "
        f"({_scope_text(issued.token)}). Send it as `Authorization: Bearer <token>`; "
        "it is not stored and cannot be shown again:",
        highlight=False,
    )
    sys.stdout.write(issued.secret + "\n")


@token_app.command("list")
def list_tokens(format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Every token (never the secret): id, holder, scopes, issued, revoked."""
    with reading_database(command_context(), "staff tokens") as engine:
        tokens = staff_tokens(engine)
    rows = [
        {
            "token_id": t.token_id,
            "holder": t.holder,
            "scopes": list(t.scopes),
            "issued_at": t.issued_at.isoformat(),
            "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None,
        }
        for t in tokens
    ]
    if format is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    console.print(
        rich_table(
            f"{len(tokens)} staff token(s)",
            ["id", "holder", "scopes", "issued", "revoked"],
            [
                [t.token_id, t.holder, _scope_text(t), t.issued_at.isoformat(timespec="seconds"),
                 t.revoked_at.isoformat(timespec="seconds") if t.revoked_at else ""]
                for t in tokens
            ],
        )
    )  # fmt: skip


@token_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(help="The token's id (see `token list`)")],
) -> None:
    """Revoke a token: from now on it gets 401."""
    with reading_database(command_context(), "staff tokens") as engine:
        token = revoke_staff_token(engine, token_id)
    if token is None:
        raise fail(f"no staff token {token_id!r}: see `civicpulse staff token list`")
    console.print(f"Revoked token {token.token_id} of {token.holder}.", highlight=False)


@staff_app.command("audit")
def audit(format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Who did what on the review routes: list, read, relabel; when, and which contact."""
    with reading_database(command_context(), "the staff audit trail") as engine:
        entries = staff_audit(engine)
    rows = [
        {
            "at": e.at.isoformat(),
            "token_id": e.token_id,
            "holder": e.holder,
            "action": e.action,
            "contact_id": str(e.contact_id) if e.contact_id else None,
            "outcome": e.outcome,
        }
        for e in entries
    ]
    if format is Format.json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    console.print(
        rich_table(
            f"{len(rows)} staff action(s)",
            ["when", "holder", "action", "contact", "outcome"],
            [[e.at.isoformat(timespec="seconds"), e.holder, e.action, str(e.contact_id or ""),
              e.outcome] for e in entries],
        )
    )  # fmt: skip


def _scope_text(token: StaffToken) -> str:
    return ", ".join(token.scopes) if token.scopes else "every partner"
