"""Turns outside input (web forms, emails, CRM exports) into contract events and publishes
them to Kafka; owns reading every table the project is given (``read_table``, also for training
files and label mappings) and turns a person's review into an event. Never reads the database."""

from ingest._kafka import check_reachable, client_options, ensure_topics
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
    ReviewError,
    UnknownProfileError,
    UnsupportedEncodingError,
)
from ingest.outbox import Outbox, OutboxCounts, OutboxRecord
from ingest.outbox_publisher import OutboxPublisher
from ingest.rating_links import (
    RatingLinkError,
    contact_of_token,
    rating_link,
    rating_link_secret,
    rating_token,
)
from ingest.relay import OutboxRelay, RelayPass, StoredCheck
from ingest.reviews import CurrentLabels, ReviewDecision, review_event
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
    "CurrentLabels",
    "IngestError",
    "KafkaPublisher",
    "MalformedEmailError",
    "MalformedFileError",
    "MalformedMappingError",
    "MalformedRowError",
    "MemoryPublisher",
    "Outbox",
    "OutboxCounts",
    "OutboxPublisher",
    "OutboxRecord",
    "OutboxRelay",
    "Publisher",
    "RatingLinkError",
    "RatingSubmission",
    "RawEmail",
    "RejectedRow",
    "RelayPass",
    "ReviewDecision",
    "ReviewError",
    "StoredCheck",
    "TableRows",
    "UnknownProfileError",
    "UnsupportedEncodingError",
    "case_event_from_submission",
    "check_reachable",
    "client_options",
    "contact_from_submission",
    "contact_of_token",
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
    "rating_link",
    "rating_link_secret",
    "rating_token",
    "read_label_mapping",
    "read_mailbox",
    "read_submissions",
    "read_table",
    "resolve_profile",
    "review_event",
    "write_rejects",
)
