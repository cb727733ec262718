"""The demo's case lifecycle: responses to the sample web forms sent through
``POST /contacts/{id}/events`` (seeded, so the same every run: most on time, some late, some
still open), and the satisfaction and timeliness tables printed after the worker caught up."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import httpx

from civicpulse.commands.lifecycle import TableFormat, satisfaction, timeliness
from civicpulse.context import console
from contracts import local_date, period_of

SEED = 10  # issue 10


def lifecycle_bodies(
    forms: Sequence[Mapping[str, Any]],
    ids: Mapping[str, str],
    ratings: Sequence[Mapping[str, Any]],
) -> list[tuple[str, dict[str, Any]]]:
    """(contact id, event body) for each sample form: acknowledged within a day or two,
    responded after 2-12 days (about one in five after 12-25: late), a few left open;
    always before the resident's rating, which rates the response."""
    rng = random.Random(SEED)
    rated = {r["contact_source_ref"]: datetime.fromisoformat(r["rated_at"]) for r in ratings}
    out: list[tuple[str, dict[str, Any]]] = []
    for form in forms:
        ref, when = str(form.get("source_ref")), form.get("received_at")
        if ref not in ids or not when:
            continue
        received = datetime.fromisoformat(when)
        acknowledged = received + timedelta(hours=rng.uniform(2, 40))
        days = rng.uniform(12, 25) if rng.random() < 0.2 else rng.uniform(2, 12)
        responded: datetime | None = received + timedelta(days=days)
        if ref in rated:
            responded = min(received + timedelta(days=days), rated[ref] - timedelta(hours=1))
        elif rng.random() < 0.1:
            responded = None  # still open
        out.append((ids[ref], {"kind": "acknowledged", "occurred_at": acknowledged.isoformat()}))
        if responded is not None and responded > acknowledged:
            out.append(
                (ids[ref], {"kind": "responded", "occurred_at": responded.isoformat(), "stage": 1})
            )
    return out


def send_case_events(api_url: str, bodies: Sequence[tuple[str, dict[str, Any]]]) -> int:
    """POST each event; returns how many were accepted (the rest are printed)."""
    accepted = 0
    with httpx.Client(base_url=api_url, timeout=30) as client:
        for contact_id, body in bodies:
            answer = client.post(f"/contacts/{contact_id}/events", json=body)
            if answer.status_code == 202:
                accepted += 1
            else:
                console.print(f"event for {contact_id} refused: {answer.status_code} {answer.text}")
    return accepted


def latest_rated_quarter(ratings: Sequence[Mapping[str, Any]]) -> str | None:
    """The UK financial quarter of the latest sample rating, e.g. ``2024/25-Q1``."""
    if not ratings:
        return None
    day = local_date(max(datetime.fromisoformat(r["rated_at"]) for r in ratings))
    return period_of("quarter", day).label


def show_lifecycle_tables(period: str, follow_ups_open: int, overdue: int) -> None:
    console.rule(f"Satisfaction with responses, ratings given in {period}")
    satisfaction(period=period, by="service", format=TableFormat.table)
    console.rule(f"Timeliness of contacts received in {period}")
    timeliness(period=period, by="service", format=TableFormat.table)
    console.print(
        f"Dissatisfied ratings opened {follow_ups_open} follow-up(s), {overdue} of them "
        "overdue: `civicpulse followups --overdue` lists them."
    )
