"""``civicpulse serve`` on a port another program holds: one line naming the port and the
setting, before the relay or a broker starts (uvicorn said only "address already in use")."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app

runner = CliRunner()


def test_serve_refuses_a_port_another_program_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("CIVICPULSE_HOME", str(home))
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        monkeypatch.setenv("CIVICPULSE_API_PORT", str(port))
        done = runner.invoke(app, ["serve"])
    assert done.exit_code == 1
    assert f"port {port} (CIVICPULSE_API_PORT) on 127.0.0.1 is already in use" in done.output
    assert not (home / "broker.json").exists() and not (home / "intake").exists()
