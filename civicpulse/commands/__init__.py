"""The ``civicpulse`` subcommands, one module per job; ``civicpulse.cli`` registers them."""

from civicpulse.commands import (
    actions,
    alerts,
    contract,
    deliveries,
    followups,
    ingest,
    lifecycle,
    model,
    predict,
    publish,
    read,
    report,
    review,
)

__all__ = (
    "actions",
    "alerts",
    "contract",
    "deliveries",
    "followups",
    "ingest",
    "lifecycle",
    "model",
    "predict",
    "publish",
    "read",
    "report",
    "review",
)
