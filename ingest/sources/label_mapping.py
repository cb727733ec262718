"""Label mapping files (their label -> our label): flat YAML, or a table whose first two
columns are their label and ours, under a header (CSV in any dialect or .xlsx, via read_table).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ingest.errors import MalformedMappingError
from ingest.sources.tabular import RESERVED_KEYS, read_table

_YAML_SUFFIXES = (".yaml", ".yml")


def read_label_mapping(path: Path) -> dict[str, str]:
    """``{their label: our label}`` from ``path``. Raises ``MalformedMappingError`` naming the
    file (and the line) for anything else: nested YAML, one column, a row missing a label, a
    label mapped twice to different labels."""
    if path.suffix.lower() in _YAML_SUFFIXES:
        return _yaml_mapping(path)
    table = read_table(path)
    if len(table.headers) < 2:
        raise MalformedMappingError(f"{path}: expected two columns: their label, our label")
    theirs, ours = table.headers[:2]
    mapping: dict[str, str] = {}
    for line, row in table:
        odd = [key for key in RESERVED_KEYS if row.get(key)]
        their, our = row.get(theirs, "").strip(), row.get(ours, "").strip()
        if odd or not their or not our:
            got = "; ".join(f"{key} {row[key]!r}" for key in odd) or f"{their!r}, {our!r}"
            raise MalformedMappingError(
                f"{path}:{line}: expected two columns: their label, our label (got {got})"
            )
        if mapping.get(their, our) != our:
            raise MalformedMappingError(
                f"{path}:{line}: {their!r} is mapped twice: to {mapping[their]!r} and {our!r}"
            )
        mapping[their] = our
    return mapping


def _yaml_mapping(path: Path) -> dict[str, str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MalformedMappingError(f"{path}: cannot read mapping file: {exc}") from exc
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise MalformedMappingError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or any(isinstance(v, dict | list) for v in data.values()):
        raise MalformedMappingError(f"{path}: expected a flat mapping 'their label: our label'")
    return {str(k): str(v) for k, v in data.items() if v is not None}
