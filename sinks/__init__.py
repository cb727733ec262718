"""The only writers and readers of the database: the contact sink (one transaction per batch,
idempotent), trend tables, schema migrations, the digest delivery ledger, and read queries that
return typed rows (never ORM objects) for the command line, insight and the web side."""

from sinks.actions import ActionRecord, actions, add_action
from sinks.base import ContactSink
from sinks.case_reads import (
    CaseRecord,
    FollowUpRecord,
    RatedContact,
    cases_received_between,
    cases_responded_between,
    contact_exists,
    follow_ups,
    rating_of,
    ratings_between,
    update_follow_up,
)
from sinks.cases import CaseWriteResult, case_state_of, followup_id_for, store_case_events
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
from sinks.errors import (
    SchemaOutOfDateError,
    SinkError,
    SinkUnavailableError,
    UnknownFollowUpError,
)
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
    "UNSURE_BELOW",
    "ActionRecord",
    "CaseRecord",
    "CaseWriteResult",
    "Cell",
    "ConfirmedLabels",
    "ContactSink",
    "DeliveryClaim",
    "DeliveryRecord",
    "Dimensions",
    "ExampleContact",
    "FlushResult",
    "FollowUpRecord",
    "MemorySink",
    "PeriodCounts",
    "PublicWording",
    "RatedContact",
    "RelabelResult",
    "ReviewItem",
    "SchemaOutOfDateError",
    "SeriesRows",
    "SinkError",
    "SinkUnavailableError",
    "SqlContactSink",
    "StoreStatus",
    "StoredContact",
    "TrendRow",
    "UnknownFollowUpError",
    "UnsureContact",
    "actions",
    "add_action",
    "apply_reclassification",
    "apply_reviews",
    "case_state_of",
    "cases_received_between",
    "cases_responded_between",
    "claim_delivery",
    "confirmed_labels",
    "contact_details",
    "contact_dimensions",
    "contact_exists",
    "count_stored",
    "database_reachable",
    "delivery_records",
    "example_contacts",
    "export_contacts",
    "follow_ups",
    "followup_id_for",
    "grouped_trend_counts",
    "head_revision",
    "last_heartbeat",
    "make_engine",
    "mark_delivered",
    "mark_delivery_failed",
    "migrate",
    "model_labelled_contacts",
    "open_database",
    "postcode_district",
    "rating_of",
    "ratings_between",
    "record_heartbeat",
    "record_worker_stopped",
    "recount",
    "release_delivery",
    "require_current_schema",
    "review_queue",
    "schema_revision",
    "store_case_events",
    "store_status",
    "stored_trend_counts",
    "trend_series_rows",
    "trend_table",
    "trend_total",
    "unsure_contacts",
    "update_follow_up",
    "yearly_type_totals",
)
