"""Reading optional per-service targets (``config/targets.yaml``) into ``Target`` values.

Only parses; red/amber/green judgements live in ``polarity``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from contracts import PERIOD_KINDS, PeriodKind
from insights.analysis.errors import AnalysisError
from insights.analysis.polarity import POLARITY, Target


def parse_targets(data: Mapping[str, Any] | None, source: str = "targets") -> tuple[Target, ...]:
    """Targets from ``{"targets": [{service, measure, per, max|min, amber_margin?}, ...]}``."""
    entries = (data or {}).get("targets") or []
    if not isinstance(entries, list):
        raise AnalysisError(f"{source}: 'targets' must be a list")
    out: list[Target] = []
    for i, entry in enumerate(entries, start=1):
        where = f"{source}: target {i}"
        if not isinstance(entry, Mapping):
            raise AnalysisError(f"{where}: expected a mapping")
        unknown = set(entry) - {"service", "measure", "per", "max", "min", "amber_margin"}
        if unknown:
            raise AnalysisError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        measure, per = entry.get("measure"), entry.get("per")
        if measure not in POLARITY:
            raise AnalysisError(f"{where}: measure must be one of {', '.join(POLARITY)}")
        if per not in PERIOD_KINDS:
            raise AnalysisError(f"{where}: per must be one of {', '.join(PERIOD_KINDS)}")
        if ("max" in entry) == ("min" in entry):
            raise AnalysisError(f"{where}: give exactly one of max or min")
        bound: Literal["max", "min"] = "max" if "max" in entry else "min"
        try:
            limit = float(entry[bound])
            margin = float(entry.get("amber_margin", 0.1))
        except (TypeError, ValueError) as exc:
            raise AnalysisError(f"{where}: {bound} and amber_margin must be numbers") from exc
        kind = cast(PeriodKind, per)
        out.append(Target(str(entry.get("service")), str(measure), kind, limit, bound, margin))
    return tuple(out)


def load_targets(path: Path) -> tuple[Target, ...]:
    """Targets from a YAML file; an absent file means no targets."""
    if not path.exists():
        return ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AnalysisError(f"{path}: not valid YAML: {exc}") from exc
    if data is not None and not isinstance(data, Mapping):
        raise AnalysisError(f"{path}: expected a mapping at the top level")
    return parse_targets(data, str(path))
