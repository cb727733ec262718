"""The people-facing web side: the review queue API the web front uses (``web.routes``). Reads
through ``sinks``; every decision is published as an event through ``ingest``, never written
directly."""

from web.app import create_app

__all__ = ("create_app",)
