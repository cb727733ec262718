"""The analysis part's error; the tree is drawn in ``insights/errors.py``."""

from __future__ import annotations

from insights.errors import AnalysisError

__all__ = ("AnalysisError",)
