"""The ``civicpulse`` subcommands, one module per job; ``civicpulse.cli`` registers them."""

from civicpulse.commands import (
    actions,
    alerts,
    contract,
    deliveries,
    ingest,
    model,
    predict,
    read,
    report,
    review,
    staff,
)

__all__ = (
    "actions",
    "alerts",
    "contract",
    "deliveries",
    "ingest",
    "model",
    "predict",
    "read",
    "report",
    "review",
    "staff",
)
