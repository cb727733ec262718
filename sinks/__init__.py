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
from sinks.errors import SchemaOutOfDateError, SinkError, SinkUnavailableError
from sinks.heartbeat import last_heartbeat, record_heartbeat, record_worker_stopped
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
from sinks.schema import head_revision, migrate, require_current_schema, schema_revision
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
    "SchemaOutOfDateError",
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
    "head_revision",
    "last_heartbeat",
    "make_engine",
    "migrate",
    "model_labelled_contacts",
    "open_database",
    "postcode_district",
    "record_heartbeat",
    "record_worker_stopped",
    "recount",
    "require_current_schema",
    "review_queue",
    "schema_revision",
    "store_status",
    "stored_trend_counts",
    "trend_table",
    "trend_total",
)
