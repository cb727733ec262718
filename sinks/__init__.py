"""The only writers and readers of the database: the contact sink (one transaction per batch,
idempotent), trend tables, schema migrations and read queries for reports."""

from sinks.base import ContactSink
from sinks.database import database_reachable, open_database
from sinks.db.engine import make_engine
from sinks.db.queries import (
    EXPORT_FIELDS,
    TREND_DIMENSIONS,
    StoreStatus,
    TrendRow,
    contact_dimensions,
    count_stored,
    export_contacts,
    store_status,
    stored_trend_counts,
    trend_table,
    trend_total,
)
from sinks.db.trends import Cell, Dimensions, recount
from sinks.errors import SinkError, SinkUnavailableError
from sinks.heartbeat import record_heartbeat, record_worker_stopped
from sinks.memory import MemorySink
from sinks.relabel import (
    RelabelResult,
    StoredContact,
    apply_reclassification,
    apply_reviews,
    model_labelled_contacts,
)
from sinks.review_queue import (
    ConfirmedLabels,
    ReviewItem,
    confirmed_labels,
    contact_details,
    review_queue,
)
from sinks.sql import FlushResult, PublicWording, SqlContactSink, postcode_district

__all__ = (
    "EXPORT_FIELDS",
    "TREND_DIMENSIONS",
    "Cell",
    "ConfirmedLabels",
    "ContactSink",
    "Dimensions",
    "FlushResult",
    "MemorySink",
    "PublicWording",
    "RelabelResult",
    "ReviewItem",
    "SinkError",
    "SinkUnavailableError",
    "SqlContactSink",
    "StoreStatus",
    "StoredContact",
    "TrendRow",
    "apply_reclassification",
    "apply_reviews",
    "confirmed_labels",
    "contact_details",
    "contact_dimensions",
    "count_stored",
    "database_reachable",
    "export_contacts",
    "make_engine",
    "model_labelled_contacts",
    "open_database",
    "postcode_district",
    "record_heartbeat",
    "record_worker_stopped",
    "recount",
    "review_queue",
    "store_status",
    "stored_trend_counts",
    "trend_table",
    "trend_total",
)
