"""Errors raised by trend analysis (a part of the sinks room).

PipelineError (contracts)
└── SinkError (sinks)
    └── AnalysisError          a question the data cannot answer: bad dimension, period or target
"""

from __future__ import annotations

from sinks.errors import SinkError


class AnalysisError(SinkError):
    """An analysis was asked something the data or its configuration cannot answer."""
