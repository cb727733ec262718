"""``civicpulse staff token issue|list|revoke`` and ``staff audit``: the secret is shown once
and never listed, scopes must name configured partners, revoked tokens stop working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app
from sinks import open_database, record_staff_action, staff_token_for

runner = CliRunner()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path))
    return tmp_path


def run(*args: str, code: int = 0) -> str:
    done = runner.invoke(app, list(args))
    assert done.exit_code == code, done.output
    return done.output


def test_a_token_is_issued_once_listed_without_its_secret_and_revoked(home: Path) -> None:
    secret = run("staff", "token", "issue", "Jo Bloggs", "--scope", "partner:Police")
    secret = secret.strip().splitlines()[-1]
    [listed] = json.loads(run("staff", "token", "list", "--format", "json"))
    assert listed["holder"] == "Jo Bloggs" and listed["scopes"] == ["partner:police"]
    assert listed["revoked_at"] is None
    assert secret not in run("staff", "token", "list")
    engine = open_database(f"sqlite:///{home / 'civicpulse.db'}")
    try:
        token = staff_token_for(engine, secret)
        assert token is not None and token.token_id == listed["token_id"]
        run("staff", "token", "revoke", listed["token_id"])
        assert staff_token_for(engine, secret) is None
    finally:
        engine.dispose()
    [revoked] = json.loads(run("staff", "token", "list", "--format", "json"))
    assert revoked["revoked_at"] is not None
    assert "no staff token 'nope'" in run("staff", "token", "revoke", "nope", code=1)


def test_a_scope_that_is_not_a_configured_partner_is_refused(home: Path) -> None:
    refused = " ".join(
        run("staff", "token", "issue", "jo", "--scope", "partner:mi5", code=1).split()
    )
    assert "scope 'partner:mi5' is not a configured partner" in refused
    assert "partner:council" in refused
    assert not (home / "civicpulse.db").exists()  # refused before anything was stored


def test_the_audit_says_who_did_what_to_which_contact(home: Path) -> None:
    secret = run("staff", "token", "issue", "jo").strip().splitlines()[-1]
    engine = open_database(f"sqlite:///{home / 'civicpulse.db'}")
    try:
        token = staff_token_for(engine, secret)
        assert token is not None
        record_staff_action(engine, token, "list", "0 of 0 waiting")
    finally:
        engine.dispose()
    [entry] = json.loads(run("staff", "audit", "--format", "json"))
    assert (entry["holder"], entry["action"], entry["contact_id"]) == ("jo", "list", None)
    assert entry["token_id"] == token.token_id and entry["at"]
    assert "jo" in run("staff", "audit") and "list" in run("staff", "audit")
