"""Turns outside input (web forms, emails, CRM exports) into contract events and publishes
them to Kafka; owns reading every table the project is given (``read_table``, also for training
files and label mappings). Never reads the database."""

from ingest._kafka import check_reachable, ensure_topics
from ingest._publisher import (
    KafkaPublisher,
    MemoryPublisher,
    Publisher,
    publish_case_events,
    publish_contacts,
    publish_ratings,
    publish_reviews,
)
from ingest.errors import (
    BrokerUnavailableError,
    IngestError,
    MalformedEmailError,
    MalformedFileError,
    MalformedMappingError,
    MalformedRowError,
    UnknownProfileError,
    UnsupportedEncodingError,
)
from ingest.sources import (
    CrmParse,
    RawEmail,
    RejectedRow,
    TableRows,
    parse_column_overrides,
    parse_crm_file,
    parse_crm_row,
    parse_email,
    parse_mailbox,
    read_label_mapping,
    read_mailbox,
    read_submissions,
    read_table,
    resolve_profile,
    write_rejects,
)
from ingest.sources.case_events import CaseEventSubmission, case_event_from_submission
from ingest.sources.webform import (
    ContactSubmission,
    RatingSubmission,
    contact_from_submission,
    rating_from_submission,
)

__all__ = (
    "BrokerUnavailableError",
    "CaseEventSubmission",
    "ContactSubmission",
    "CrmParse",
    "IngestError",
    "KafkaPublisher",
    "MalformedEmailError",
    "MalformedFileError",
    "MalformedMappingError",
    "MalformedRowError",
    "MemoryPublisher",
    "Publisher",
    "RatingSubmission",
    "RawEmail",
    "RejectedRow",
    "TableRows",
    "UnknownProfileError",
    "UnsupportedEncodingError",
    "case_event_from_submission",
    "check_reachable",
    "contact_from_submission",
    "ensure_topics",
    "parse_column_overrides",
    "parse_crm_file",
    "parse_crm_row",
    "parse_email",
    "parse_mailbox",
    "publish_case_events",
    "publish_contacts",
    "publish_ratings",
    "publish_reviews",
    "rating_from_submission",
    "read_label_mapping",
    "read_mailbox",
    "read_submissions",
    "read_table",
    "resolve_profile",
    "write_rejects",
)
