"""What people read: trend analysis and alerts, digests for service managers and reports for
the steering group and the public. Pure functions over typed rows that ``sinks`` reads;
never writes the database and never sends anything (``delivery`` does)."""

from insights.errors import AnalysisError, DigestError, InsightError

__all__ = ("AnalysisError", "DigestError", "InsightError")
