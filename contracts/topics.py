"""Topic names and the event each carries. Names share one configurable prefix."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    contacts_received = "contacts.received"
    # History from CRM exports: envelopes of many contacts each (``codec.encode_envelope``),
    # on their own topic so a back-fill never queues ahead of live contacts.
    contacts_backfill = "contacts.backfill"
    ratings_received = "ratings.received"
    contacts_classified = "contacts.classified"
    contacts_reviewed = "contacts.reviewed"
    cases_events = "cases.events"
    dead_letter = "deadletter"
    actions_told = "actions.told"  # outbound: for CRMs to tell residents what was done


def topic_name(topic: Topic, prefix: str) -> str:
    """The broker-side name of ``topic``, e.g. ``civicpulse.contacts.received``."""
    return f"{prefix}{topic.value}"
