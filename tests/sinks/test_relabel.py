"""Reviews and re-classification change labels and move trend counts exactly once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from contracts import (
    Categorisation,
    Channel,
    ContactReviewed,
    ContactType,
    LabelSource,
    Suggestion,
)
from sinks import (
    ReviewResult,
    SqlContactSink,
    apply_reclassification,
    apply_reviews,
    confirmed_labels,
    contact_dimensions,
    model_labelled_contacts,
    recount,
    review_queue,
    stored_trend_counts,
    trend_table,
)
from sinks.db.tables import ContactRow
from tests.fixtures.contacts import ContactSpec, StoreContacts


def spec(
    ref: str, category: str, source: LabelSource = LabelSource.model, needs_review: bool = False
) -> ContactSpec:
    return ContactSpec(
        ref,
        category=category,
        text="Bins",
        ward="Ditton",
        partner=None,
        channel=Channel.crm_export,
        source_system="crm",
        label_source=source,
        confidence=0.4 if needs_review else 0.99,
        needs_review=needs_review,
        suggestions=(
            Suggestion(service="waste_recycling", category=category, probability=0.4),
            Suggestion(service="waste_recycling", category="fly_tipping", probability=0.3),
        ),
    )


def stored(engine: Engine, stored_contacts: StoreContacts, *specs: ContactSpec) -> list[uuid.UUID]:
    return [c.contact_id for c in stored_contacts(engine, *specs)]


def review(
    contact_id: uuid.UUID, category: str, review_id: uuid.UUID | None = None
) -> ContactReviewed:
    return ContactReviewed(
        review_id=review_id or uuid.uuid4(),
        contact_id=contact_id,
        reviewed_at=datetime.now(UTC),
        reviewer="officer",
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category=category,
        corrected=True,
    )


def counts(engine: Engine) -> dict[str | None, int]:
    return {r.dimensions["category"]: r.count for r in trend_table(engine, "month", ["category"])}


def test_a_correction_moves_counts_exactly_once(
    engine: Engine, stored_contacts: StoreContacts
) -> None:
    [contact_id] = stored(
        engine, stored_contacts, spec("R1", "missed_collection", needs_review=True)
    )
    [item], waiting = review_queue(engine)
    assert (item.contact_id, waiting) == (contact_id, 1)
    assert item.suggestions[1]["category"] == "fly_tipping"
    correction = review(contact_id, "fly_tipping")
    assert apply_reviews(engine, [correction]) == ReviewResult(applied=1)
    # redelivered: nothing moves again
    assert apply_reviews(engine, [correction]) == ReviewResult(already_applied=1)
    assert counts(engine) == {"fly_tipping": 1}
    assert review_queue(engine)[1] == 0
    with engine.connect() as c:
        assert c.scalar(select(ContactRow.label_source)) == "reviewer"
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    assert [c.category for c in confirmed_labels(engine)] == ["fly_tipping"]


def test_a_review_of_an_unknown_contact_is_skipped(engine: Engine) -> None:
    assert apply_reviews(engine, [review(uuid.uuid4(), "fly_tipping")]) == ReviewResult(skipped=1)


def test_the_sql_sink_applies_reviews_and_a_redelivery_keeps_the_reviewers_labels(
    engine: Engine, stored_contacts: StoreContacts
) -> None:
    [contact_id] = stored(engine, stored_contacts, spec("R2", "missed_collection"))
    sink = SqlContactSink(engine)
    assert sink.apply_reviews([review(contact_id, "bulky_waste")]) == ReviewResult(applied=1)
    stored(engine, stored_contacts, spec("R2", "missed_collection"))  # the contact, redelivered
    assert counts(engine) == {"bulky_waste": 1}
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))


def test_reclassification_matches_a_recount_and_spares_people_and_sources(
    engine: Engine, stored_contacts: StoreContacts
) -> None:
    by_model, by_source, by_reviewer = stored(
        engine,
        stored_contacts,
        spec("M1", "missed_collection"),
        spec("S1", "missed_collection", LabelSource.source),
        spec("V1", "missed_collection"),
    )
    apply_reviews(engine, [review(by_reviewer, "bulky_waste")])
    batches = list(model_labelled_contacts(engine))
    assert [c.contact_id for batch in batches for c in batch] == [by_model]
    new = Categorisation(
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category="garden_waste",
        confidence=0.9,
        label_source=LabelSource.model,
        model_version="m2",
    )
    result = apply_reclassification(engine, [(by_model, new), (by_source, new), (by_reviewer, new)])
    assert (result.changed, result.skipped) == (1, 2)
    assert counts(engine) == {"garden_waste": 1, "missed_collection": 1, "bulky_waste": 1}
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    assert apply_reclassification(engine, [(by_model, new)]).changed == 0


def test_two_decisions_for_one_contact_in_a_batch_move_its_counts_from_where_the_first_left_them(
    engine: Engine, stored_contacts: StoreContacts
) -> None:
    """Found by the recount property: the second decision was compared with the row as read,
    so counts stayed in the cell the first decision moved them to."""
    [contact_id] = stored(engine, stored_contacts, spec("T1", "fly_tipping"))

    def decided(category: str) -> tuple[uuid.UUID, Categorisation]:
        return contact_id, Categorisation(
            contact_type=ContactType.complaint,
            service="waste_recycling",
            category=category,
            confidence=0.8,
            label_source=LabelSource.model,
            model_version="m2",
        )

    result = apply_reclassification(engine, [decided("missed_collection"), decided("fly_tipping")])
    assert (result.changed, result.unchanged) == (2, 0)
    assert counts(engine) == {"fly_tipping": 1}
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
