"""The intake API: web forms and other clients post contacts and ratings over HTTP."""

from ingest.api.app import create_app

__all__ = ("create_app",)
