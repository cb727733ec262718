"""Emerging topics among unsure contacts; near-duplicates linked and counted once."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine, insert

from insights.analysis import (
    TopicContact,
    TopicSettings,
    emerging_topics,
    is_unsure,
    link_near_duplicates,
    load_unsure_contacts,
)
from sinks.db.tables import ContactRow

DAY = date(2025, 10, 1)
SCOOTERS = [
    (
        "web",
        "council",
        "E-scooters are being ridden on the pavement outside the school every morning",
    ),
    (
        "email",
        "police",
        "Someone on an electric scooter nearly knocked over my mum on the pavement",
    ),
    (
        "web",
        "council",
        "Rental scooters dumped across the pavement on Church Street blocking prams",
    ),
    (
        "crm_export",
        "housing_trust",
        "Kids racing scooters along the pavement by the flats late at night",
    ),
    (
        "email",
        "council",
        "Scooter parked in the middle of the pavement again, a wheelchair user could not pass",
    ),
]
DUPLICATE = "The e-scooter bay on Main Road is overflowing and scooters block the pavement"
WATER = [
    ("web", "council", "Burst water main on Victoria Road flooding the road"),
    ("email", "nhs", "Water gushing from a burst main outside the health centre on Victoria Road"),
    ("web", "council", "Victoria Road burst water pipe, the road is flooded"),
]
OTHERS = [
    ("web", "council", "When is the library open on bank holidays?"),
    ("email", "council", "My council tax bill seems wrong this year"),
]


def contacts() -> list[TopicContact]:
    out = []
    rows = [*SCOOTERS, *WATER, *OTHERS]
    for i, (channel, partner, text) in enumerate(rows):
        out.append(
            TopicContact(f"c{i}", text, DAY + timedelta(days=i), channel, partner, confidence=0.3)
        )
    for j in range(4):  # the same report four times (a petition-style campaign), one typo
        text = DUPLICATE if j != 2 else DUPLICATE.replace("overflowing", "overflowng")
        out.append(
            TopicContact(
                f"d{j}", text, DAY + timedelta(days=20 + j), "web", "council", needs_review=True
            )
        )
    # confident contacts are not candidates, however similar
    out.append(
        TopicContact(
            "sure", SCOOTERS[0][2], DAY, "web", "council", confidence=0.95, needs_review=False
        )
    )
    return out


def test_near_duplicates_are_linked() -> None:
    groups = link_near_duplicates(contacts())
    assert sum(len(g.contact_ids) for g in groups) == len(contacts())
    big = [g for g in groups if len(g.contact_ids) > 2]
    assert [g.contact_ids for g in big] == [("d0", "d1", "d2", "d3")]
    assert big[0].representative == "d0"


def test_similar_unsure_contacts_form_labelled_topics() -> None:
    topics = emerging_topics(contacts())
    assert len(topics) == 2
    scooters, water = topics
    assert "pavement" in scooters.terms and any("scooter" in t for t in scooters.terms)
    assert scooters.issues == 6  # five different reports and one report sent four times
    assert scooters.reports == 9
    assert [g.contact_ids for g in scooters.duplicates] == [("d0", "d1", "d2", "d3")]
    assert "sure" not in scooters.contact_ids
    assert set(scooters.channels) == {"web", "email", "crm_export"}
    assert set(scooters.partners) == {"council", "police", "housing_trust"}
    assert scooters.first_seen == DAY and scooters.last_seen == DAY + timedelta(days=23)
    assert "victoria" in water.label and "burst" in water.label
    assert (water.issues, water.reports) == (3, 3)


def test_duplicates_alone_are_not_a_theme() -> None:
    only_copies = [c for c in contacts() if c.contact_id.startswith("d")] + [
        TopicContact(f"o{i}", text, DAY, ch, p, confidence=0.2)
        for i, (ch, p, text) in enumerate(OTHERS)
    ]
    assert emerging_topics(only_copies) == []
    assert emerging_topics(only_copies, TopicSettings(min_issues=1))[0].issues == 1


def test_unsure_means_needs_review_or_low_confidence() -> None:
    assert is_unsure(TopicContact("a", "x", DAY, "web", confidence=0.9, needs_review=True))
    assert is_unsure(TopicContact("b", "x", DAY, "web", confidence=0.5, needs_review=False))
    assert not is_unsure(TopicContact("c", "x", DAY, "web", confidence=0.7, needs_review=False))


def test_load_unsure_contacts(engine: Engine) -> None:
    now = datetime(2025, 10, 20, 9, tzinfo=UTC)

    def stored(ref: str, confidence: float, review: bool, day: date) -> dict[str, object]:
        return {
            "contact_id": uuid.uuid5(uuid.NAMESPACE_URL, ref),
            "source_system": "test",
            "source_ref": ref,
            "channel": "web",
            "partner": "council",
            "received_at": datetime.combine(day, datetime.min.time(), UTC),
            "received_on": day,
            "subject": "Scooters",
            "text": f"scooters on the pavement {ref}",
            "contact_type": "complaint",
            "service": "highways_lighting",
            "category": "pavements",
            "confidence": confidence,
            "label_source": "model",
            "classified_at": now,
            "needs_review": review,
            "first_stored_at": now,
            "last_delivered_at": now,
        }

    with engine.begin() as c:
        c.execute(
            insert(ContactRow),
            [
                stored("low", 0.4, False, date(2025, 10, 2)),
                stored("review", 0.9, True, date(2025, 10, 5)),
                stored("sure", 0.9, False, date(2025, 10, 6)),
                stored("old", 0.1, True, date(2025, 8, 1)),
            ],
        )
    found = load_unsure_contacts(engine, since=date(2025, 10, 1))
    assert [c.text for c in found] == [
        "Scooters scooters on the pavement low",
        "Scooters scooters on the pavement review",
    ]
    assert found[1].needs_review and found[0].confidence == 0.4
    assert load_unsure_contacts(engine, since=date(2025, 10, 1), until=date(2025, 10, 3))[
        0
    ].text.endswith("low")
