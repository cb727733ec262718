"""Delivering digests and reports by SMTP, to a directory or to a webhook: at most once per
message, recipient and channel (the ``digest_delivery`` ledger), failures retried with backoff
and reported. Recipients, schedules and SMTP settings come from ``recipients.yaml``."""

from sinks.delivery.channels import (
    DeliveryChannel,
    DirectoryChannel,
    SmtpChannel,
    WebhookChannel,
    channel_for,
    slug,
    write_message_files,
)
from sinks.delivery.errors import (
    DeliveryError,
    DeliveryFailedError,
    PermanentDeliveryError,
    RecipientsError,
)
from sinks.delivery.ledger import DeliveryRecord, delivery_records, release
from sinks.delivery.message import Attachment, InlinePart, Message, to_email
from sinks.delivery.recipients import (
    DEFAULT_SCHEDULES,
    Recipient,
    RecipientBook,
    RetryConfig,
    ScheduleConfig,
    SmtpConfig,
    load_recipients,
)
from sinks.delivery.retry import DeliveryOutcome, RetryPolicy, deliver, raise_for_failures

__all__ = (
    "DEFAULT_SCHEDULES",
    "Attachment",
    "DeliveryChannel",
    "DeliveryError",
    "DeliveryFailedError",
    "DeliveryOutcome",
    "DeliveryRecord",
    "DirectoryChannel",
    "InlinePart",
    "Message",
    "PermanentDeliveryError",
    "Recipient",
    "RecipientBook",
    "RecipientsError",
    "RetryConfig",
    "RetryPolicy",
    "ScheduleConfig",
    "SmtpChannel",
    "SmtpConfig",
    "WebhookChannel",
    "channel_for",
    "deliver",
    "delivery_records",
    "load_recipients",
    "raise_for_failures",
    "release",
    "slug",
    "to_email",
    "write_message_files",
)
