"""The ``civicpulse`` subcommands, one module per job; ``civicpulse.cli`` registers them.

Each module is imported when first used (PEP 562), not with the package: importing one
command must not import every other command's libraries."""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = (
    "actions",
    "alerts",
    "contract",
    "deliveries",
    "followups",
    "ingest",
    "lifecycle",
    "model",
    "model_versions",
    "predict",
    "publish",
    "read",
    "report",
    "review",
    "staff",
)


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
