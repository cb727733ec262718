"""Ingest sources: each turns one kind of outside input into ContactReceived events.

Sources parse and read; they never publish (that is ``ingest._publisher``).
"""

from ingest.sources.crm_csv import (
    CrmParse,
    parse_column_overrides,
    parse_crm_file,
    parse_crm_row,
    resolve_profile,
)
from ingest.sources.inbox import parse_email, parse_mailbox
from ingest.sources.label_mapping import read_label_mapping
from ingest.sources.mailboxes import RawEmail, read_mailbox
from ingest.sources.rejects import RejectedRow, RejectsFile, write_rejects
from ingest.sources.tabular import TableRows, read_table
from ingest.sources.uk_dates import parse_uk_datetime
from ingest.sources.webform_file import read_submissions

__all__ = (
    "CrmParse",
    "RawEmail",
    "RejectedRow",
    "RejectsFile",
    "TableRows",
    "parse_column_overrides",
    "parse_crm_file",
    "parse_crm_row",
    "parse_email",
    "parse_mailbox",
    "parse_uk_datetime",
    "read_label_mapping",
    "read_mailbox",
    "read_submissions",
    "read_table",
    "resolve_profile",
    "write_rejects",
)
