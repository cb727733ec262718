"""Digests for service managers: the period's table for their services with the same period
last year and direction of travel, significant changes first, ward hotspots, emerging topics,
compliments worth sharing and example contacts; rendered as an HTML email with inline charts,
a plain-text part and a CSV; sent once per recipient and channel, on demand or on a schedule."""

from insights.digests.build import DEFAULT_SECTIONS, build_digest, period_table
from insights.digests.dispatch import (
    SentDigest,
    digests_due,
    last_complete_period,
    send_digest,
    send_scheduled,
)
from insights.digests.errors import DigestError
from insights.digests.model import (
    CSV_FIELDS,
    Digest,
    DigestScope,
    InlineImage,
    Section,
    TableRow,
    change_text,
    describe_period,
)
from insights.digests.render import (
    PLURALS,
    DigestRenderer,
    RenderedDigest,
    digest_message,
    template_environment,
    write_digest_files,
)
from insights.digests.sections import (
    ComplimentsSection,
    DigestSection,
    ExamplesSection,
    SummarySection,
    TableSection,
)
from insights.digests.sections_analysis import (
    ChangesSection,
    EmergingSection,
    HotspotsSection,
    TargetsSection,
)
from insights.digests.source import DigestSource
from sinks import ExampleContact

__all__ = (
    "CSV_FIELDS",
    "DEFAULT_SECTIONS",
    "PLURALS",
    "ChangesSection",
    "ComplimentsSection",
    "Digest",
    "DigestError",
    "DigestRenderer",
    "DigestScope",
    "DigestSection",
    "DigestSource",
    "EmergingSection",
    "ExampleContact",
    "ExamplesSection",
    "HotspotsSection",
    "InlineImage",
    "RenderedDigest",
    "Section",
    "SentDigest",
    "SummarySection",
    "TableRow",
    "TableSection",
    "TargetsSection",
    "build_digest",
    "change_text",
    "describe_period",
    "digest_message",
    "digests_due",
    "last_complete_period",
    "period_table",
    "send_digest",
    "send_scheduled",
    "template_environment",
    "write_digest_files",
)
