"""``civicpulse ingest webform`` against a real intake API (uvicorn, real broker): a refused
submission is listed and the next one is sent; a file that is not JSON is a clear error."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from typer.testing import CliRunner

from civicpulse.cli import app
from civicpulse.embedded_broker import free_port
from config import ReferenceData, Settings
from ingest.api import create_app

runner = CliRunner()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CIVICPULSE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture()
def intake_url(kafka_settings: Settings, reference: ReferenceData) -> Iterator[str]:
    """The intake API served over HTTP in a thread, as `civicpulse serve` would."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(kafka_settings, reference), host="127.0.0.1", port=port, log_level="error"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the intake API did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.mark.kafka
def test_hostile_submissions_are_refused_by_name_and_the_rest_are_sent(
    home: Path, intake_url: str, tmp_path: Path
) -> None:
    forms = tmp_path / "forms.json"
    forms.write_text(
        "[\n"
        '  {"text": "Bin not emptied", "source_ref": "WF-1"},\n'
        '  {"text": "Pothole", "source_ref": ""},\n'
        '  {"text": "Pothole", "source_ref": "   "},\n'
        '  {"text": "Lone \\ud800 surrogate"},\n'
        '  {"text": "Pothole", "source_system": ""},\n'
        "  3,\n"
        '  {"text": "Graffiti", "received_at": "2099-01-01T00:00:00Z"},\n'
        '  {"text": "Old letter", "received_at": "1900-01-01T00:00:00Z"},\n'
        '  {"text": "Street light out", "source_ref": "WF-2"}\n'
        "]\n",
        encoding="utf-8",
    )
    done = runner.invoke(app, ["ingest", "webform", str(forms), "--api", intake_url])
    assert done.exit_code == 1, done.output
    output = " ".join(done.output.split())
    assert "not answering" not in output
    assert "accepted (202) │ 3" in output and "refused │ 6" in output, output
    assert "accepted with a warning │ 1" in output
    for index, field in ((1, "source_ref"), (2, "source_ref"), (4, "source_system")):
        assert f"submission {index}: 422 {field}: String should have at least 1 character" in output
    assert "submission 3: 422 text: Input should be a valid string" in output
    assert "submission 5: 422 body: Input should be a valid dictionary" in output
    assert (
        "submission 6: 422 received_at: Value error, 2099-01-01T00:00:00+00:00 is more than a day "
        "in the future"
    ) in output
    assert "is before 2000; accepted, but check it" in output


def test_a_file_that_is_not_json_names_the_file_and_position(home: Path, tmp_path: Path) -> None:
    forms = tmp_path / "forms.json"
    forms.write_text('[{"text": "a"}\n {"text": "b"}]', encoding="utf-8")
    done = runner.invoke(app, ["ingest", "webform", str(forms), "--api", "http://127.0.0.1:9"])
    assert done.exit_code == 1
    assert done.exception is None or isinstance(done.exception, SystemExit)
    expected = f"error: {forms}:2:2: not valid JSON: Expecting ',' delimiter (character 16)"
    # Compared without white space: rich may wrap a long path.
    assert expected.replace(" ", "") in "".join(done.output.split())


def test_an_api_that_is_not_there_stops_the_run_saying_so(home: Path, tmp_path: Path) -> None:
    forms = tmp_path / "forms.json"
    forms.write_text(json.dumps([{"text": "a"}, {"text": "b"}]), encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}"
    done = runner.invoke(app, ["ingest", "webform", str(forms), "--api", url])
    assert done.exit_code == 1
    message = " ".join(done.output.split())
    assert f"the intake API at {url} is not answering" in message
    assert "0 of 2 accepted before this" in message


def test_a_wrong_export_is_named_before_any_broker_is_looked_for(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CIVICPULSE_KAFKA_BOOTSTRAP", raising=False)  # and none runs in home
    export = tmp_path / "export.csv"
    export.write_text("a,b\n1,2\n", encoding="utf-8")
    done = runner.invoke(app, ["ingest", "csv", str(export), "--profile", "verint_council"])
    assert done.exit_code == 1
    message = " ".join(done.output.split())
    assert "missing column(s) 'Case Reference'" in message
    assert "No Kafka broker" not in message
