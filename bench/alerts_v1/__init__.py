"""The alert detector as it was before the improved-Farrington rework (issue 11), frozen so
``python -m bench alerts`` can print the old and the new detector in the same run. Used by
the bench only; nothing else may import it."""

from bench.alerts_v1.detector import DetectorConfig, assess

__all__ = ("DetectorConfig", "assess")
