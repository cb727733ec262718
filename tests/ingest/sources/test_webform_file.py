"""read_submissions: a webform file is a JSON array, or a clear error naming file and place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest import MalformedFileError, read_submissions


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "forms.json"
    path.write_bytes(data)
    return path


def test_the_array_comes_back_element_by_element(tmp_path: Path) -> None:
    forms = [{"text": "Pothole", "source_ref": "WF-1"}, 3, "x", None, {"text": "\ud800"}]
    path = write(tmp_path, json.dumps(forms).encode())
    assert read_submissions(path) == forms  # every element: the API judges each one


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'[{"text": "a"},\n {"text": "b"}\n {"text": "c"}]', "forms.json:3:2: not valid JSON: "),
        (b"text,received_at\nPothole,01/01/2025\n", "forms.json:1:1: not valid JSON: "),
        (b"", "forms.json:1:1: not valid JSON: Expecting value (character 0)"),
        (b'[{"text": "caf\xe9"}]', "forms.json:1:15: not UTF-8 text: byte 0xe9 at offset 14"),
        (b'{"text": "a"}', "forms.json: expected a JSON array of form submissions, found an"),
        (b"null", "forms.json: expected a JSON array of form submissions, found null"),
        (b"[" * 100_000, "forms.json: not readable as JSON"),
    ],
)
def test_a_file_that_is_not_a_json_array_names_file_and_position(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path, data)
    with pytest.raises(MalformedFileError) as caught:
        read_submissions(path)
    assert str(caught.value).startswith(f"{tmp_path / message}"), str(caught.value)
    assert caught.value.source == str(path)


def test_bom_and_utf16_files_are_read(tmp_path: Path) -> None:
    forms = [{"text": "Café"}]
    assert read_submissions(write(tmp_path, b"\xef\xbb\xbf" + json.dumps(forms).encode())) == forms
    utf16 = json.dumps(forms, ensure_ascii=False).encode("utf-16")
    assert read_submissions(write(tmp_path, utf16)) == forms


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)))
@example(data=b"[NaN, Infinity]")
@example(data=b'["\\ud800"]')
@example(data=b"[" + b"1" * 5000 + b"]")
@example(data=b"\xff\xfe[\x00")
def test_any_bytes_give_a_list_or_a_malformed_file_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)
    try:
        result = read_submissions(path)
    except MalformedFileError as exc:
        assert exc.source == str(path) and exc.reason
    else:
        assert isinstance(result, list)
