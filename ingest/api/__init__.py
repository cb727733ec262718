"""The intake API: web forms and other clients post contacts and ratings over HTTP."""

from ingest.api.app import create_app
from ingest.api.paused import PAUSED, intake_paused

__all__ = ("PAUSED", "create_app", "intake_paused")
