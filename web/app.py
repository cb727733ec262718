"""create_app: the intake API (from ``ingest``) plus the web side's routes (``web.routes``)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from sqlalchemy import Engine

from config import ReferenceData, Settings
from ingest import Publisher
from ingest.api import create_app as create_intake_app
from sinks import make_engine
from web.routes import Explainer, review_router


def create_app(
    settings: Settings,
    reference: ReferenceData,
    *,
    engine: Engine | None = None,
    explainer: Explainer | None = None,
    publisher_factory: Callable[[], Publisher] | None = None,
) -> FastAPI:
    """The whole HTTP surface: POST /contacts, POST /ratings, and the /review routes."""
    app = create_intake_app(settings, reference, publisher_factory)
    app.include_router(
        review_router(engine or make_engine(settings.sqlalchemy_url), reference, explainer)
    )
    return app
