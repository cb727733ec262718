"""Contacts stored through the real sink for digest tests: hand-made ones and a seeded random
spread over two years (times near midnight and clock changes included)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from config import ReferenceData
from contracts import (
    ContactReceived,
    Reporter,
)
from tests.fixtures.contacts import ContactSpec, store_contacts

PERSONAL_NAME = "Jo Bloggs"
PERSONAL_PHONE = "07700 900123"


@dataclass(frozen=True)
class Spec:
    when: str
    service: str = "waste_recycling"
    category: str = "fly_tipping"
    contact_type: str = "complaint"
    ward: str | None = "Riverside"
    text: str = "Rubbish has been dumped in the alley behind the shops again."
    partner: str = "council"
    needs_review: bool = False


Store = Callable[..., list[ContactReceived]]


def store_specs(engine: Engine, specs: list[Spec], prefix: str = "t") -> list[ContactReceived]:
    """Store ``specs``; the original text carries personal data that must never reach a
    digest (only the redacted wording is public)."""
    return store_contacts(
        engine,
        *(
            ContactSpec(
                f"{prefix}-{i}",
                when=spec.when,
                service=spec.service,
                category=spec.category,
                contact_type=spec.contact_type,
                ward=spec.ward,
                partner=spec.partner,
                text=f"{spec.text} Call {PERSONAL_NAME} on {PERSONAL_PHONE}.",
                public_text=f"{spec.text} Call [name] on [phone].",
                reporter=Reporter(name=PERSONAL_NAME, phone=PERSONAL_PHONE),
                confidence=0.3 if spec.needs_review else 0.9,
                needs_review=spec.needs_review,
            )
            for i, spec in enumerate(specs)
        ),
    )


def random_specs(reference: ReferenceData, count: int, seed: int = 7) -> list[Spec]:
    """``count`` contacts from April 2024 to March 2026 over every service, type and ward,
    a third of them within an hour of midnight (UTC and UK time differ in summer)."""
    rng = random.Random(seed)
    services = reference.taxonomy.services
    wards = [w.name for w in reference.wards] + [None]  # type: ignore[list-item]
    start = datetime(2024, 4, 1, tzinfo=UTC)
    specs = []
    for _ in range(count):
        moment = start + timedelta(days=rng.randrange(730))
        if rng.random() < 0.33:
            moment += timedelta(hours=23, minutes=rng.randrange(120))
        else:
            moment += timedelta(hours=rng.randrange(8, 20), minutes=rng.randrange(60))
        service = rng.choice(services)
        specs.append(
            Spec(
                when=moment.isoformat(),
                service=service.id,
                category=rng.choice(service.categories).id,
                contact_type=rng.choice(["complaint", "compliment", "enquiry", "suggestion"]),
                ward=rng.choice(wards),
                partner=rng.choice(["council", "police", "housing_trust"]),
            )
        )
    return specs


@pytest.fixture()
def store(engine: Engine) -> Store:
    """``store(Spec(...), ...)``: store contacts in the test's database."""

    def _store(*specs: Spec) -> list[ContactReceived]:
        return store_specs(engine, list(specs))

    return _store


@pytest.fixture()
def spec() -> type[Spec]:
    """The Spec class, for tests to describe contacts with."""
    return Spec


@pytest.fixture()
def store_random(engine: Engine, reference: ReferenceData) -> Callable[[int], None]:
    """``store_random(n)``: n seeded random contacts over April 2024 to March 2026."""

    def _store(count: int) -> None:
        store_specs(engine, random_specs(reference, count))

    return _store


@pytest.fixture(scope="session")
def write_random() -> Callable[[Engine, ReferenceData, int], None]:
    """``write_random(engine, reference, n)``, for module-scoped databases."""

    def _write(engine: Engine, reference: ReferenceData, count: int) -> None:
        store_specs(engine, random_specs(reference, count))

    return _write
