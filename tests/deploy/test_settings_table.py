"""The README's settings table lists exactly the ``CIVICPULSE_*`` variables the code reads:
every field of the settings model (nested sections with ``__``) and every variable named in
the shipped source (``os.environ`` reads, YAML defaults such as the SMTP password's)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel
from pydantic_settings import BaseSettings

from config import Settings

REPO = Path(__file__).resolve().parents[2]
NAME = re.compile(r"\bCIVICPULSE_[A-Z][A-Z0-9_]*[A-Z0-9]")
ROW = re.compile(r"^\| `(CIVICPULSE_[A-Z0-9_]+)` \|")
NOT_SHIPPED = {"tests"}


def settings_variables(model: type[BaseModel], prefix: str) -> set[str]:
    """Environment names of every field, descending into nested sections."""
    config = model.model_config
    delimiter = config.get("env_nested_delimiter") or "__"
    names = set()
    for field_name, field in model.model_fields.items():
        key = field.alias or field_name
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names |= settings_variables(kind, f"{prefix}{key}{delimiter}".upper())
        else:
            names.add(f"{prefix}{key}".upper())
    return names


def source_variables() -> set[str]:
    found = set()
    for package in REPO.glob("*/__init__.py"):
        if package.parent.name in NOT_SHIPPED:
            continue
        for path in package.parent.rglob("*"):
            if path.suffix in {".py", ".yaml", ".yml"} and "__pycache__" not in path.parts:
                found |= set(NAME.findall(path.read_text(encoding="utf-8")))
    return found


def readme_table() -> list[str]:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| variable | default | meaning |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        match = ROW.match(line)
        assert match, f"a settings table row that does not start with a variable: {line}"
        rows.append(match.group(1))
    return rows


def test_the_settings_model_is_read_from_civicpulse_variables() -> None:
    assert issubclass(Settings, BaseSettings)
    assert Settings.model_config.get("env_prefix") == "CIVICPULSE_"


def test_every_variable_the_code_reads_is_in_the_readme_table() -> None:
    variables = settings_variables(Settings, "CIVICPULSE_") | source_variables()
    assert {"CIVICPULSE_HOME", "CIVICPULSE_SMTP_PASSWORD"} <= variables  # both kinds are found
    missing = sorted(variables - set(readme_table()))
    assert not missing, f"README.md's settings table lacks {missing}"


def test_the_readme_table_lists_nothing_else_and_each_once() -> None:
    rows = readme_table()
    assert len(rows) == len(set(rows)), "a variable is listed twice"
    stale = set(rows) - settings_variables(Settings, "CIVICPULSE_") - source_variables()
    assert not stale, f"README.md's settings table lists variables nothing reads: {stale}"
