"""The redaction passes compiled by mypyc (``setup.py``, ``classifiers/compiled.py``): installed
compiled, giving the sources' output, and never run from a copy built from other sources."""

from __future__ import annotations

import csv
import importlib.machinery
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from classifiers import redact_personal_data
from classifiers.compiled import (
    PURE_PYTHON_VARIABLE,
    STAMP,
    can_compile,
    compiled_sources,
    prefer_current_sources,
    pure_python_wanted,
    running_compiled,
    sources_digest,
    write_stamp,
)
from contracts import Reporter

REPO = Path(__file__).resolve().parents[2]
EXTENSION = importlib.machinery.EXTENSION_SUFFIXES[0]  # ".cpython-311-x86_64-linux-gnu.so"
PURE_AT_START = pure_python_wanted()  # read before the fixtures clear CIVICPULSE_* variables
REPORTER = Reporter(
    name="Olamide Adeyemi", email="o.adeyemi@example.org", phone="07700 900123", address="4 Elm Rd"
)


def corpus() -> list[str]:
    """The hand-labelled redaction set and the starter texts: every kind of personal data."""
    with (REPO / "bench/data/redaction_set.jsonl").open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    with (REPO / "classifiers/data/starter_contacts.csv").open(encoding="utf-8") as handle:
        texts += [row["text"] for row in csv.DictReader(handle)]
    return texts


def test_the_installed_redaction_runs_compiled() -> None:
    if PURE_AT_START:
        pytest.skip(f"{PURE_PYTHON_VARIABLE} asks for the sources")
    if not can_compile():
        pytest.skip("no C compiler or Python headers on this machine: installed as Python")
    assert running_compiled(), "`make install` compiles the redaction passes (setup.py)"


def test_compiled_redaction_gives_the_sources_output() -> None:
    if not running_compiled():
        pytest.skip("not compiled here: nothing to compare")
    script = (
        "import json, sys\n"
        "from classifiers import redact_personal_data\n"
        "from classifiers.compiled import running_compiled\n"
        "from contracts import Reporter\n"
        "texts, reporter = json.load(sys.stdin)\n"
        "reporter = Reporter(**reporter)\n"
        "out = [redact_personal_data(t, r) for t in texts for r in (None, reporter)]\n"
        "json.dump([running_compiled(), out], sys.stdout)\n"
    )
    texts = corpus()
    run = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps([texts, REPORTER.model_dump()]),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, PURE_PYTHON_VARIABLE: "1"},
        check=True,
    )
    compiled_there, from_sources = json.loads(run.stdout)
    assert not compiled_there
    here = [redact_personal_data(t, r) for t in texts for r in (None, REPORTER)]
    differing = [
        (i, a, b) for i, (a, b) in enumerate(zip(here, from_sources, strict=True)) if a != b
    ]
    assert not differing, differing[:3]
    assert len(here) == 2 * len(texts) > 10_000


@pytest.fixture()
def package(tmp_path: Path) -> Iterator[Path]:
    """A package with two compiled sources, a compiled copy of one and a stamp of them."""
    folder = tmp_path / "fakepkg"
    folder.mkdir()
    (folder / "redaction.py").write_text("WHICH = 'source'\n", encoding="utf-8")
    (folder / "_redaction_x.py").write_text("X = 1\n", encoding="utf-8")
    (folder / "other.py").write_text("", encoding="utf-8")  # not compiled
    (folder / f"redaction{EXTENSION}").write_bytes(b"")
    write_stamp(folder)
    before = list(sys.meta_path)
    yield folder
    sys.meta_path[:] = before


def test_compiled_sources_are_the_redaction_modules() -> None:
    names = {p.name for p in compiled_sources()}
    assert {"redaction.py", "_redaction_people.py", "ascii_words.py"} <= names
    assert "compiled.py" not in names and "model.py" not in names


def test_a_current_build_is_run(package: Path) -> None:
    before = list(sys.meta_path)
    assert not prefer_current_sources(package, "fakepkg")
    assert sys.meta_path == before  # Python's own finders choose the compiled copy


def test_an_edited_source_runs_every_compiled_module_from_source(
    package: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (package / "_redaction_x.py").write_text("X = 2\n", encoding="utf-8")
    assert (package / STAMP).read_text().strip() != sources_digest(package)
    before = list(sys.meta_path)
    assert prefer_current_sources(package, "fakepkg")
    finder = sys.meta_path[0]
    assert finder not in before
    spec = finder.find_spec("fakepkg.redaction", None)
    assert spec is not None and spec.origin == str(package / "redaction.py")
    spec = finder.find_spec("fakepkg._redaction_x", None)  # all of them, compiled or not
    assert spec is not None and spec.origin == str(package / "_redaction_x.py")
    assert finder.find_spec("fakepkg.other", None) is None
    assert "built from other sources" in caplog.text


def test_a_missing_stamp_runs_the_sources(package: Path) -> None:
    (package / STAMP).unlink()
    assert prefer_current_sources(package, "fakepkg")


def test_pure_python_is_run_when_asked(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, "1")
    assert prefer_current_sources(package, "fakepkg")
    monkeypatch.setenv(PURE_PYTHON_VARIABLE, "0")
    sys.meta_path.pop(0)
    assert not prefer_current_sources(package, "fakepkg")


def test_nothing_compiled_changes_nothing(package: Path) -> None:
    (package / f"redaction{EXTENSION}").unlink()
    (package / "_redaction_x.py").write_text("X = 3\n", encoding="utf-8")
    before = list(sys.meta_path)
    assert not prefer_current_sources(package, "fakepkg")
    assert sys.meta_path == before


def test_a_machine_without_a_c_compiler_installs_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CC", "no-such-compiler-here")
    assert not can_compile()
