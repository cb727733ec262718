"""The only writers and readers of the database: the contact sink (one transaction per batch,
idempotent), trend tables, schema migrations, the digest delivery ledger, staff tokens and
their audit trail, and read queries that return typed rows (never ORM objects) for the command
line, insight and the web side."""

from sinks.actions import (
    StoredAction,
    UnknownContactsError,
    mark_told,
    record_action,
    stored_actions,
    untold_contacts,
)
from sinks.base import ContactSink, FlushResult, PublicWording, ReviewResult
from sinks.database import database_reachable, open_database
from sinks.db.contact_reads import (
    UNSURE_BELOW,
    ExampleContact,
    UnsureContact,
    example_contacts,
    unsure_contacts,
)
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
from sinks.db.trend_reads import (
    PeriodCounts,
    SeriesRows,
    grouped_trend_counts,
    trend_series_rows,
    yearly_type_totals,
)
from sinks.db.trends import Cell, Dimensions, recount
from sinks.delivery_ledger import (
    DeliveryClaim,
    DeliveryRecord,
    claim_delivery,
    delivery_records,
    mark_delivered,
    mark_delivery_failed,
    release_delivery,
)
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
from sinks.sql import SqlContactSink, postcode_district
from sinks.staff import (
    IssuedToken,
    StaffAuditEntry,
    StaffToken,
    issue_staff_token,
    record_staff_action,
    record_staff_actions,
    revoke_staff_token,
    staff_audit,
    staff_token_for,
    staff_tokens,
)

__all__ = (
    "EXPORT_FIELDS",
    "TREND_DIMENSIONS",
    "UNSURE_BELOW",
    "Cell",
    "ConfirmedLabels",
    "ContactSink",
    "DeliveryClaim",
    "DeliveryRecord",
    "Dimensions",
    "ExampleContact",
    "FlushResult",
    "IssuedToken",
    "MemorySink",
    "PeriodCounts",
    "PublicWording",
    "RelabelResult",
    "ReviewItem",
    "ReviewResult",
    "SchemaOutOfDateError",
    "SeriesRows",
    "SinkError",
    "SinkUnavailableError",
    "SqlContactSink",
    "StaffAuditEntry",
    "StaffToken",
    "StoreStatus",
    "StoredAction",
    "StoredContact",
    "TrendRow",
    "UnknownContactsError",
    "UnsureContact",
    "apply_reclassification",
    "apply_reviews",
    "claim_delivery",
    "confirmed_labels",
    "contact_details",
    "contact_dimensions",
    "count_stored",
    "database_reachable",
    "delivery_records",
    "example_contacts",
    "export_contacts",
    "grouped_trend_counts",
    "head_revision",
    "issue_staff_token",
    "last_heartbeat",
    "make_engine",
    "mark_delivered",
    "mark_delivery_failed",
    "mark_told",
    "migrate",
    "model_labelled_contacts",
    "open_database",
    "postcode_district",
    "record_action",
    "record_heartbeat",
    "record_staff_action",
    "record_staff_actions",
    "record_worker_stopped",
    "recount",
    "release_delivery",
    "require_current_schema",
    "review_queue",
    "revoke_staff_token",
    "schema_revision",
    "staff_audit",
    "staff_token_for",
    "staff_tokens",
    "store_status",
    "stored_actions",
    "stored_trend_counts",
    "trend_series_rows",
    "trend_table",
    "trend_total",
    "unsure_contacts",
    "untold_contacts",
    "yearly_type_totals",
)
