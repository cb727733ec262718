"""Reviews and re-classification change labels and move trend counts exactly once."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from contracts import (
    Categorisation,
    Channel,
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    ContactType,
    LabelSource,
    Suggestion,
    contact_id_for,
)
from sinks import (
    PublicWording,
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


def stored(
    engine: Engine,
    ref: str,
    category: str,
    source: LabelSource = LabelSource.model,
    needs_review: bool = False,
) -> uuid.UUID:
    contact = ContactReceived(
        contact_id=contact_id_for("crm", ref),
        received_at=datetime(2025, 10, 1, 12, tzinfo=UTC),
        channel=Channel.crm_export,
        source_system="crm",
        source_ref=ref,
        text="Bins",
        ward="Ditton",
    )
    cat = Categorisation(
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category=category,
        confidence=0.4 if needs_review else 0.99,
        label_source=source,
        model_version="m1",
        needs_review=needs_review,
        suggestions=(
            Suggestion(service="waste_recycling", category=category, probability=0.4),
            Suggestion(service="waste_recycling", category="fly_tipping", probability=0.3),
        ),
    )
    sink = SqlContactSink(engine)
    sink.add(contact, ContactClassified.of(contact.contact_id, cat), PublicWording(None, "Bins"))
    sink.flush()
    return contact.contact_id


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


def test_a_correction_moves_counts_exactly_once(engine: Engine) -> None:
    contact_id = stored(engine, "R1", "missed_collection", needs_review=True)
    [item], waiting = review_queue(engine)
    assert (item.contact_id, waiting) == (contact_id, 1)
    assert item.suggestions[1]["category"] == "fly_tipping"
    correction = review(contact_id, "fly_tipping")
    assert apply_reviews(engine, [correction]).changed == 1
    assert apply_reviews(engine, [correction]).changed == 0  # redelivered: nothing moves again
    assert counts(engine) == {"fly_tipping": 1}
    assert review_queue(engine)[1] == 0
    with engine.connect() as c:
        assert c.scalar(select(ContactRow.label_source)) == "reviewer"
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    assert [c.category for c in confirmed_labels(engine)] == ["fly_tipping"]


def test_a_review_of_an_unknown_contact_is_skipped(engine: Engine) -> None:
    assert apply_reviews(engine, [review(uuid.uuid4(), "fly_tipping")]).skipped == 1


def test_reclassification_matches_a_recount_and_spares_people_and_sources(engine: Engine) -> None:
    by_model = stored(engine, "M1", "missed_collection")
    by_source = stored(engine, "S1", "missed_collection", LabelSource.source)
    by_reviewer = stored(engine, "V1", "missed_collection")
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
