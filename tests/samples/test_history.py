"""The multi-year history: seeded and stable, seasonal by month, busier on Mondays, growing,
with its injected spike, drop, level shift and emerging topic; realistic mix; no personal
data (``civicpulse backfill`` writes it: tests/civicpulse/test_backfill.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from config import ReferenceData
from samples import HistoricContact, HistoryPlan, generate_history, load_texts
from samples.history_events import E_SCOOTER_PLACES

REPO = Path(__file__).resolve().parents[2]
TEXTS = load_texts(REPO / "classifiers" / "data" / "starter_contacts.csv")
PLAN_TZ = ZoneInfo("Europe/London")
PLAN = HistoryPlan(start=date(2023, 4, 1), end=date(2026, 3, 31), per_year=4000)


@pytest.fixture(scope="module")
def history(reference: ReferenceData) -> list[HistoricContact]:
    return list(generate_history(PLAN, reference, TEXTS))


def monthly(history: list[HistoricContact], **where: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for item in history:
        c, k = item.contact, item.classified
        values = {"category": k.category, "ward": c.ward, "channel": c.channel.value}
        if all(values[key] == value for key, value in where.items()):
            counts[f"{c.received_at.astimezone(PLAN_TZ):%Y-%m}"] += 1
    return counts


def test_seeded_and_stable(reference: ReferenceData, history: list[HistoricContact]) -> None:
    again = generate_history(PLAN, reference, TEXTS)
    first = [next(again) for _ in range(200)]
    assert [h.contact for h in first] == [h.contact for h in history[:200]]
    ids = [h.contact.contact_id for h in history]
    assert len(set(ids)) == len(ids)
    assert 3 * 4000 < len(history) < 3 * 4000 * 1.5


def test_seasons_weekdays_and_growth(history: list[HistoricContact]) -> None:
    gritting = monthly(history, category="winter_gritting")
    winter = sum(gritting[m] for m in ("2024-12", "2025-01", "2025-02"))
    summer = sum(gritting[m] for m in ("2024-06", "2024-07", "2024-08"))
    assert winter > 4 * summer
    grass = monthly(history, category="grass_verges")
    assert sum(grass[m] for m in ("2024-06", "2024-07")) > 3 * sum(
        grass[m] for m in ("2024-12", "2025-01")
    )
    weekdays = Counter(h.contact.received_at.astimezone(PLAN_TZ).weekday() for h in history)
    assert weekdays[0] > 2 * weekdays[6]
    years = Counter(h.contact.received_at.astimezone(PLAN_TZ).year for h in history)
    assert years[2025] > years[2024] > years[2023] * 1.2  # 2023 starts in April


def test_injected_events(history: list[HistoricContact]) -> None:
    riverside = monthly(history, category="fly_tipping", ward="Riverside")
    assert riverside["2025-10"] > 3 * max(riverside["2024-10"], 1)
    assert riverside["2025-10"] > 2 * max(riverside[m] for m in ("2025-08", "2025-09", "2025-12"))
    leisure = monthly(history, category="leisure_centres")
    # A handful a month: compare with the mean of four months, not with one (Poisson noise).
    usual = sum(leisure[m] for m in ("2024-08", "2025-06", "2025-07", "2025-09")) / 4
    assert leisure["2025-08"] * 2 < usual
    social = monthly(history, channel="social_media")
    scooters = {
        f"{h.contact.received_at:%Y-%m}" for h in history if "e-scooter" in h.contact.text.lower()
    }
    before = [m for m in social if m < "2024-04"]
    assert before == [] or all(m >= "2025-09" for m in before)  # only e-scooter posts
    lasting = [social[f"2024-{m:02d}"] for m in range(4, 13)] + [social["2025-06"]]
    assert min(lasting) > 20  # the new channel's contacts keep coming: a level shift
    assert min(scooters) == "2025-09" and max(scooters) == "2026-03"
    unsure = [h for h in history if "e-scooter" in h.contact.text.lower()]
    assert all(h.classified.needs_review and h.classified.confidence < 0.55 for h in unsure)
    assert len({h.contact.channel for h in unsure}) >= 2
    assert len({h.contact.partner for h in unsure}) == 2
    places = Counter(next(p for p in E_SCOOTER_PLACES if p in h.contact.text) for h in unsure)
    assert len(places) == len(E_SCOOTER_PLACES)


def test_realistic_mix_and_no_personal_data(
    reference: ReferenceData, history: list[HistoricContact]
) -> None:
    services = Counter(h.classified.service for h in history)
    assert set(services) == set(reference.taxonomy.service_ids)
    assert services.most_common(1)[0][0] == "waste_recycling"
    praise = Counter(
        h.classified.service for h in history if h.classified.contact_type == "compliment"
    )
    assert praise["libraries_leisure"] / services["libraries_leisure"] > 2 * (
        praise["parking"] / services["parking"]
    )
    wards = {w.name for w in reference.wards}
    seen = Counter(h.contact.ward in wards for h in history)
    assert 0.02 < seen[False] / len(history) < 0.08  # a few with no ward
    assert all(h.contact.ward in wards for h in history if h.contact.ward)
    partners = Counter(h.contact.partner for h in history)
    assert partners["council"] > partners["housing_trust"] > 0 and partners["police"] > 0
    starter = {text for pairs in TEXTS.values() for _, text in pairs}
    for h in history[:500]:
        assert h.contact.reporter.is_empty() and h.contact.postcode is None
        assert h.contact.text in starter
    assert {h.classified.label_source for h in history} == {"source", "model"}
