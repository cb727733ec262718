"""Delivering messages (digests, reports) by SMTP, to a directory or to a webhook: at most
once per message, recipient and channel (the ledger ``sinks`` keeps), failures retried with
backoff and reported. Knows nothing of what a digest says. Recipients, schedules and SMTP
settings come from ``recipients.yaml``."""

from delivery.channels import (
    DeliveryChannel,
    DirectoryChannel,
    SmtpChannel,
    WebhookChannel,
    channel_for,
    slug,
    write_message_files,
)
from delivery.errors import (
    DeliveryError,
    DeliveryFailedError,
    PermanentDeliveryError,
    RecipientsError,
)
from delivery.message import Attachment, InlinePart, Message, to_email
from delivery.recipients import (
    DEFAULT_SCHEDULES,
    Recipient,
    RecipientBook,
    RetryConfig,
    ScheduleConfig,
    SmtpConfig,
    load_recipients,
)
from delivery.retry import DeliveryOutcome, RetryPolicy, deliver, raise_for_failures

__all__ = (
    "DEFAULT_SCHEDULES",
    "Attachment",
    "DeliveryChannel",
    "DeliveryError",
    "DeliveryFailedError",
    "DeliveryOutcome",
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
    "load_recipients",
    "raise_for_failures",
    "slug",
    "to_email",
    "write_message_files",
)
