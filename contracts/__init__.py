"""The shared event contract: every event on the wire (the case lifecycle included), the
enums they use, topic names, the JSON codec, reporting periods, the dates exports write and
the spreadsheet-safe cell that every CSV writer uses. Imports nothing from the other rooms."""

from contracts.actions import (
    ActionEntry,
    ActionOutcome,
    ActionTheme,
    ContactToldOfAction,
)
from contracts.cases import (
    CaseEvent,
    CaseEventKind,
    CaseOutcome,
    FollowUpStatus,
    case_event_id_for,
)
from contracts.codec import (
    ENVELOPE_CONTACTS,
    decode,
    encode,
    encode_envelope,
    split_envelope,
)
from contracts.errors import ContractError, PipelineError
from contracts.events import (
    SCHEMA_VERSION,
    Categorisation,
    Channel,
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    ContactType,
    DeadLetter,
    EqualityMonitoring,
    LabelSource,
    RatingReceived,
    Reporter,
    Suggestion,
    contact_id_for,
    rating_id_for,
)
from contracts.export_dates import parse_export_datetime
from contracts.periods import (
    PERIOD_KINDS,
    Period,
    PeriodKind,
    financial_quarter,
    financial_year_label,
    last_full_period,
    local_date,
    parse_period,
    period_of,
    periods_between,
)
from contracts.schemas import EVENT_TYPES, event_schemas, render_schema
from contracts.spreadsheet import SpreadsheetDictWriter, spreadsheet_safe
from contracts.text import storable_text
from contracts.topics import Topic, topic_name

__all__ = (
    "ENVELOPE_CONTACTS",
    "EVENT_TYPES",
    "PERIOD_KINDS",
    "SCHEMA_VERSION",
    "ActionEntry",
    "ActionOutcome",
    "ActionTheme",
    "CaseEvent",
    "CaseEventKind",
    "CaseOutcome",
    "Categorisation",
    "Channel",
    "ContactClassified",
    "ContactReceived",
    "ContactReviewed",
    "ContactToldOfAction",
    "ContactType",
    "ContractError",
    "DeadLetter",
    "EqualityMonitoring",
    "FollowUpStatus",
    "LabelSource",
    "Period",
    "PeriodKind",
    "PipelineError",
    "RatingReceived",
    "Reporter",
    "SpreadsheetDictWriter",
    "Suggestion",
    "Topic",
    "case_event_id_for",
    "contact_id_for",
    "decode",
    "encode",
    "encode_envelope",
    "event_schemas",
    "financial_quarter",
    "financial_year_label",
    "last_full_period",
    "local_date",
    "parse_export_datetime",
    "parse_period",
    "period_of",
    "periods_between",
    "rating_id_for",
    "render_schema",
    "split_envelope",
    "spreadsheet_safe",
    "storable_text",
    "topic_name",
)
