"""The Faust worker: consumes contacts and ratings, classifies contacts in batches and hands
them to the sinks, one transaction per batch; undecodable messages go to the dead-letter topic."""

from workers.app import WorkerState, create_app
from workers.batches import (
    BatchOutcome,
    RawMessage,
    backfill_chunks,
    public_rating,
    public_wording,
    store_contacts,
    store_ratings,
    store_reviews,
)
from workers.heap import freeze_long_lived_objects
from workers.run import run_worker

__all__ = (
    "BatchOutcome",
    "RawMessage",
    "WorkerState",
    "backfill_chunks",
    "create_app",
    "freeze_long_lived_objects",
    "public_rating",
    "public_wording",
    "run_worker",
    "store_contacts",
    "store_ratings",
    "store_reviews",
)
