"""Property: whatever the order of new contacts, redeliveries (with changed labels, dates,
partners or wards), reviews and re-classifications, the trend table equals a recount of the
contact table. Drawn sequences run against the real SQL sink on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from contracts import Categorisation, ContactReviewed, ContactType, LabelSource, contact_id_for
from sinks import (
    apply_reclassification,
    apply_reviews,
    contact_dimensions,
    recount,
    stored_trend_counts,
)
from sinks.db.tables import Base
from tests.fixtures.contacts import ContactSpec, store_contacts

REFS = ("a", "b", "c", "d")  # few contacts, so operations keep landing on the same ones
CATEGORIES = ("fly_tipping", "missed_collection", "bulky_waste")
# Around a UK financial year's end, a month end, and 23:30 UTC on a BST day (next UK day).
MOMENTS = (
    datetime(2025, 3, 31, 22, 30, tzinfo=UTC),
    datetime(2025, 3, 31, 23, 30, tzinfo=UTC),
    datetime(2025, 4, 1, 9, tzinfo=UTC),
    datetime(2025, 10, 31, 12, tzinfo=UTC),
)
REVIEW_IDS = tuple(uuid.UUID(int=i) for i in range(1, 5))  # reused ids are redeliveries

adds = st.builds(
    ContactSpec,
    ref=st.sampled_from(REFS),
    when=st.sampled_from(MOMENTS),
    category=st.sampled_from(CATEGORIES),
    contact_type=st.sampled_from(["complaint", "enquiry"]),
    partner=st.sampled_from(["council", "police", None]),
    ward=st.sampled_from(["Riverside", "Hale", None]),
    label_source=st.sampled_from([LabelSource.model, LabelSource.source]),
    source_system=st.just("prop"),
)


@dataclass(frozen=True)
class Review:
    review_id: uuid.UUID
    ref: str
    category: str
    contact_type: str


@dataclass(frozen=True)
class Reclassify:
    ref: str
    category: str


reviews = st.builds(
    Review,
    st.sampled_from(REVIEW_IDS),
    st.sampled_from(REFS),
    st.sampled_from(CATEGORIES),
    st.sampled_from(["complaint", "compliment"]),
)
reclassifications = st.builds(Reclassify, st.sampled_from(REFS), st.sampled_from(CATEGORIES))
# Each step is one transaction: a batch of deliveries, of reviews, or of new model decisions.
steps = st.lists(
    st.one_of(
        st.lists(adds, min_size=1, max_size=4),
        st.lists(reviews, min_size=1, max_size=3),
        st.lists(reclassifications, min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=8,
)


def contact_id(ref: str) -> uuid.UUID:
    return contact_id_for("prop", ref)


def run(engine: Engine, step: list[ContactSpec] | list[Review] | list[Reclassify]) -> None:
    if isinstance(step[0], ContactSpec):
        store_contacts(engine, *(s for s in step if isinstance(s, ContactSpec)))
    elif isinstance(step[0], Review):
        apply_reviews(
            engine,
            [
                ContactReviewed(
                    review_id=r.review_id,
                    contact_id=contact_id(r.ref),
                    reviewed_at=datetime(2025, 11, 1, tzinfo=UTC),
                    reviewer="officer",
                    contact_type=ContactType(r.contact_type),
                    service="waste_recycling",
                    category=r.category,
                    corrected=True,
                )
                for r in step
                if isinstance(r, Review)
            ],
        )
    else:
        decisions = [
            (
                contact_id(r.ref),
                Categorisation(
                    contact_type=ContactType.complaint,
                    service="waste_recycling",
                    category=r.category,
                    confidence=0.8,
                    label_source=LabelSource.model,
                    model_version="m2",
                ),
            )
            for r in step
            if isinstance(r, Reclassify)
        ]
        apply_reclassification(engine, decisions)


def emptied(engine: Engine) -> Engine:
    with engine.begin() as c:
        for table in reversed(Base.metadata.sorted_tables):
            c.execute(table.delete())
    return engine


def check_sequences(engine: Engine, examples: int) -> Callable[[], None]:
    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(steps)
    def recount_holds(
        sequence: list[list[ContactSpec] | list[Review] | list[Reclassify]],
    ) -> None:
        emptied(engine)
        for step in sequence:
            run(engine, step)
            assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))

    return recount_holds


def test_the_trend_table_always_equals_a_recount(engine: Engine) -> None:
    examples = 60 if engine.dialect.name == "sqlite" else 25
    check_sequences(engine, examples)()


def test_the_property_can_fail(engine: Engine) -> None:
    """The recount comparison notices a trend cell that no contact accounts for."""
    store_contacts(engine, ContactSpec("a", source_system="prop"))
    with engine.begin() as c:
        c.execute(Base.metadata.tables["trend_count"].update().values(count=2))
    assert stored_trend_counts(engine) != dict(recount(contact_dimensions(engine)))
