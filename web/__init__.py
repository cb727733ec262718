"""The people-facing web side: the review queue API the web front uses. Reads through
``sinks``; every decision is published as an event through ``ingest``, never written directly."""

from web.app import create_app
from web.reviews import ReviewDecision, ReviewError, review_event

__all__ = ("ReviewDecision", "ReviewError", "create_app", "review_event")
