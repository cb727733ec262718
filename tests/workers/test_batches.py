"""One batch through decode -> redact -> classify -> sink, with the in-memory sink."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from classifiers import ContactClassifier
from contracts import (
    Categorisation,
    Channel,
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    ContactType,
    LabelSource,
    RatingReceived,
    Reporter,
    contact_id_for,
    encode,
    encode_envelope,
)
from sinks import FlushResult, MemorySink, PublicWording, ReviewResult, SinkUnavailableError
from workers import (
    RawMessage,
    backfill_chunks,
    store_contacts,
    store_ratings,
    store_reviews,
)


def message(offset: int, value: bytes, topic: str = "contacts") -> RawMessage:
    return RawMessage(topic, 0, offset, b"key", value)


def contact(ref: str, text: str, **extra: object) -> ContactReceived:
    return ContactReceived.model_validate(
        {
            "contact_id": contact_id_for("crm", ref),
            "received_at": datetime(2025, 10, 1, tzinfo=UTC),
            "channel": Channel.crm_export,
            "source_system": "crm",
            "source_ref": ref,
            "text": text,
            **extra,
        }
    )


def test_poison_message_goes_to_dead_letters_and_the_rest_is_stored(
    small_classifier: ContactClassifier,
) -> None:
    sink = MemorySink()
    batch = [
        message(0, encode(contact("1", "Huge pothole on the main road"))),
        message(1, b"{not json"),
        message(2, b'{"contact_id": "x"}'),
        message(3, encode(contact("2", "My bin was not emptied again"))),
    ]
    outcome = store_contacts(batch, small_classifier, sink)
    assert outcome.stored == 2
    assert [d.offset for d in outcome.dead_letters] == [1, 2]
    assert "not valid JSON" in outcome.dead_letters[0].error
    assert "contacts[0]@1" in outcome.dead_letters[0].error
    assert outcome.dead_letters[0].value == "{not json"
    assert len(sink.dead_letters) == 2  # stored in the same flush as the good contacts
    assert sink.flushes == 1


def test_one_model_call_classifies_and_redacts(small_classifier: ContactClassifier) -> None:
    sink = MemorySink()
    c = contact(
        "3",
        "Street light broken outside 12 Oak Road, ring Ann Smith on 07700 900123",
        reporter=Reporter(name="Ann Smith", phone="07700 900123"),
    )
    store_contacts([message(0, encode(c))], small_classifier, sink)
    stored, classified, wording = sink.contacts[c.contact_id]
    assert classified.service == "highways_lighting"
    assert classified.label_source == LabelSource.model
    assert classified.model_version == small_classifier.version
    assert "07700" not in wording.text and "Ann Smith" not in wording.text
    assert stored.text == c.text  # the original stays with the personal data


def test_source_labels_win_over_the_model(small_classifier: ContactClassifier) -> None:
    sink = MemorySink()
    c = contact(
        "4", "Huge pothole on the main road", category="fly_tipping", contact_type="compliment"
    )
    outcome = store_contacts([message(0, encode(c))], small_classifier, sink)
    result = outcome.classified[0]
    assert (result.service, result.category, result.contact_type) == (
        "waste_recycling",
        "fly_tipping",
        ContactType.compliment,
    )
    assert result.label_source == LabelSource.source
    assert result.confidence == 1.0


class FlakySink(MemorySink):
    """Unavailable for the first two flushes, like a database restarting."""

    failures: int = 2

    def flush(self) -> FlushResult:
        if self.failures:
            self.failures -= 1
            self._pending.clear()
            raise SinkUnavailableError("database restarting", retry_after=0.0)
        return super().flush()


def test_an_unavailable_database_is_retried_not_skipped(
    small_classifier: ContactClassifier,
) -> None:
    sink = FlakySink()
    sleeps: list[float] = []
    outcome = store_contacts(
        [message(0, encode(contact("5", "Bin not emptied")))],
        small_classifier,
        sink,
        sleep=sleeps.append,
    )
    assert outcome.stored == 1 and len(sink.contacts) == 1
    assert len(sleeps) == 2


def test_ratings_are_stored_and_bad_ones_dead_lettered() -> None:
    sink = MemorySink()
    rating = RatingReceived(
        rating_id=uuid.uuid4(), contact_id=uuid.uuid4(), rated_at=datetime.now(UTC), score=1
    )
    outcome = store_ratings(
        [message(0, encode(rating), "ratings"), message(1, b'{"score": 9}', "ratings")], sink
    )
    assert outcome.stored == 1
    assert list(sink.ratings) == [rating.rating_id]
    assert [d.offset for d in sink.dead_letters] == [1]


def test_rating_comments_are_redacted_before_they_are_stored() -> None:
    sink = MemorySink()
    rating = RatingReceived(
        rating_id=uuid.uuid4(),
        contact_id=uuid.uuid4(),
        rated_at=datetime.now(UTC),
        score=2,
        comment="Mrs Khan said she would ring me on 07700 900123; write to ann@example.com",
    )
    store_ratings([message(0, encode(rating), "ratings")], sink)
    stored = sink.ratings[rating.rating_id]
    assert stored.comment == "[name] said she would ring me on [phone]; write to [email]"
    assert stored.model_copy(update={"comment": rating.comment}) == rating  # nothing else


def test_a_dead_letter_never_carries_a_nul_into_the_database() -> None:
    dead = message(3, b'{"text": "a\x00b"}', "ratings").dead_letter("bad")
    assert dead.value.startswith("base64:") and "\x00" not in dead.value


def test_a_batch_of_only_poison_still_records_its_dead_letters(
    small_classifier: ContactClassifier,
) -> None:
    sink = MemorySink()
    outcome = store_contacts([message(5, b"\xff\xfe")], small_classifier, sink)
    assert outcome.stored == 0
    assert [d.offset for d in sink.dead_letters] == [5]
    assert sink.dead_letters[0].value.startswith("base64:")


def reviewed(contact_id: uuid.UUID, category: str) -> ContactReviewed:
    return ContactReviewed(
        review_id=uuid.uuid4(),
        contact_id=contact_id,
        reviewed_at=datetime.now(UTC),
        reviewer="officer",
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category=category,
        corrected=True,
    )


def test_reviews_are_applied_counted_apart_from_unknown_contacts_and_poison_dead_lettered() -> None:
    sink = MemorySink()
    known = contact("7", "Bin not emptied")
    guess = Categorisation(
        contact_type=ContactType.complaint,
        service="waste_recycling",
        category="missed_collection",
        confidence=0.4,
        label_source=LabelSource.model,
        needs_review=True,
    )
    sink.add(known, ContactClassified.of(known.contact_id, guess), PublicWording(None, "Bin"))
    sink.flush()
    correction = reviewed(known.contact_id, "fly_tipping")
    batch = [
        message(0, encode(correction), "reviews"),
        message(1, encode(reviewed(uuid.uuid4(), "fly_tipping")), "reviews"),
        message(2, b"{not json", "reviews"),
    ]
    outcome = store_reviews(batch, sink)
    assert outcome.stored == 1  # the unknown contact's review is skipped, not stored
    assert [d.offset for d in sink.dead_letters] == [2]
    labels = sink.contacts[known.contact_id][1]
    assert (labels.category, labels.label_source, labels.needs_review) == (
        "fly_tipping",
        LabelSource.reviewer,
        False,
    )
    assert sink.apply_reviews([correction]) == ReviewResult(already_applied=1)
    sink.add(known, ContactClassified.of(known.contact_id, guess), PublicWording(None, "Bin"))
    sink.flush()  # redelivered: the reviewer's labels stay
    assert sink.contacts[known.contact_id][1].category == "fly_tipping"


def envelope(offset: int, refs: range) -> RawMessage:
    values = [encode(contact(str(ref), f"Bin {ref} not emptied")) for ref in refs]
    return RawMessage("contacts.backfill", 0, offset, None, encode_envelope(values))


def test_backfill_envelopes_are_stored_in_chunks_of_whole_envelopes_in_order() -> None:
    envelopes = [envelope(offset, range(offset * 3, offset * 3 + 3)) for offset in range(5)]
    chunks = list(backfill_chunks(envelopes, size=5))
    # whole envelopes until a chunk holds at least 5 contacts; the rest in a last, smaller one
    assert [len(chunk) for chunk in chunks] == [6, 6, 3]
    assert [m.offset for m in chunks[0]] == [0, 0, 0, 1, 1, 1]  # each names its envelope
    decoded = [m.value for chunk in chunks for m in chunk]
    assert decoded == [encode(contact(str(ref), f"Bin {ref} not emptied")) for ref in range(15)]


def test_a_chunk_of_backfill_envelopes_is_stored_in_one_flush(
    small_classifier: ContactClassifier,
) -> None:
    sink = MemorySink()
    envelopes = [envelope(offset, range(offset * 2, offset * 2 + 2)) for offset in range(3)]
    stored = [
        store_contacts(chunk, small_classifier, sink).stored
        for chunk in backfill_chunks(envelopes, size=4)
    ]
    assert stored == [4, 2] and sink.flushes == 2 and len(sink.contacts) == 6
