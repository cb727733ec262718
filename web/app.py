"""create_app: the intake API (from ``ingest``) plus the web side's routes (``web.routes``)."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI
from sqlalchemy import Engine

from config import ReferenceData, Settings, load_service_standards
from ingest import Publisher
from ingest.api import create_app as create_intake_app
from insights import WorkingCalendar
from sinks import make_engine
from web.routes import Explainer, followup_router, rating_link_router, review_router


def create_app(
    settings: Settings,
    reference: ReferenceData,
    *,
    engine: Engine | None = None,
    explainer: Explainer | None = None,
    publisher_factory: Callable[[], Publisher] | None = None,
) -> FastAPI:
    """The whole HTTP surface: POST /contacts, POST /ratings, POST /contacts/{id}/events, the
    /review routes and follow-ups (/followups) for staff, and rating links (/rate/{token})."""
    app = create_intake_app(settings, reference, publisher_factory)
    engine = engine or make_engine(settings.sqlalchemy_url)
    app.include_router(review_router(engine, reference, explainer))
    app.include_router(rating_link_router(settings, engine))
    rule = load_service_standards(settings.config_dir).follow_up
    app.include_router(followup_router(engine, rule, WorkingCalendar()))
    return app
