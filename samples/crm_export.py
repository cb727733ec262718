"""A three-year council CRM export with about 40 case types and drift (new topics, renamed
codes, seasons, new channels and wording), for training on the past and testing on the future.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from config import Taxonomy
from contracts import ContactType
from samples.crm_drift import (
    APP_LAUNCH,
    CHANNELS_BEFORE_APP,
    CHANNELS_WITH_APP,
    NEW_TOPIC_LINES,
    NEW_TOPICS,
    case_type_of,
    era_lines,
    season,
)
from samples.miscoding import ambiguity, neighbours, pick_miscoded
from samples.phrases import CategoryPhrases, load_phrasebank
from samples.slots import SlotFiller
from samples.starter import TYPE_SHARES, category_frequencies
from samples.starter_messages import starter_message
from samples.untidy import slapdash, vary_wording

K = TypeVar("K")

CRM_SEED = 20230401
CRM_ROWS = 12_000
CRM_START, CRM_END = date(2023, 4, 1), date(2026, 3, 31)
CRM_HEADER = (
    "Case Reference", "Date Logged", "Channel", "Case Type", "Subject", "Description", "Ward",
    "Status",
)  # fmt: skip
CRM_NOISE = 0.1
GROWTH = 0.15  # more contacts each year
ERA_LINE_RATE = 0.25
_WARDS = (
    "Appleton", "Beechwood", "Birchfield", "Broadheath", "Castlefields", "Ditton", "Farnworth",
    "Grange", "Hale", "Halton Brook", "Halton Castle", "Halton Lea", "Halton View", "Heath",
    "Hough Green", "Kingsway", "Mersey", "Norton North", "Norton South", "Riverside",
    "Windmill Hill", "",
)  # fmt: skip


@dataclass(frozen=True)
class CrmCase:
    """One case: the case type as filed, the one it should have been filed under, and how
    its description was written."""

    reference: str
    logged: datetime
    channel: str
    case_type: str
    subject: str
    description: str
    ward: str
    status: str
    true_case_type: str
    traits: frozenset[str]


def generate_crm(taxonomy: Taxonomy, seed: int = CRM_SEED, rows: int = CRM_ROWS) -> list[CrmCase]:
    """Every case, oldest first; exactly ``CRM_NOISE`` of them filed under a look-alike."""
    rng = random.Random(seed)
    service_of = taxonomy.service_of_category
    frequency = category_frequencies(taxonomy)
    banks = load_phrasebank(tuple(service_of))
    days = (CRM_END - CRM_START).days + 1
    # Later days are busier: draw each case's day from the growing volume curve.
    weights = [(1 + GROWTH) ** (d / 365.25) for d in range(days)]
    picked = sorted(rng.choices(range(days), weights=weights, k=rows))
    seen: set[str] = set()
    cases: list[CrmCase] = []
    for number, offset in enumerate(picked):
        day = CRM_START + timedelta(days=offset)
        logged = datetime(day.year, day.month, day.day, rng.randint(7, 19), rng.randint(0, 59))
        for _ in range(20):
            case = _case(rng, banks, service_of, frequency, logged, number)
            if case.description.lower() not in seen:
                break
        seen.add(case.description.lower())
        cases.append(case)
    wrong = pick_miscoded(rng, [ambiguity(c.traits) for c in cases], CRM_NOISE)
    label_weights = _label_weights(service_of, frequency)
    return [
        replace(c, case_type=_miscode(rng, c, label_weights)) if i in wrong else c
        for i, c in enumerate(cases)
    ]


def _case(
    rng: random.Random,
    banks: Mapping[str, CategoryPhrases],
    service_of: Mapping[str, str],
    frequency: Mapping[str, float],
    logged: datetime,
    number: int,
) -> CrmCase:
    day = logged.date()
    channel = _pick(rng, CHANNELS_WITH_APP if day >= APP_LAUNCH else CHANNELS_BEFORE_APP)
    contact_type: ContactType = _pick(rng, TYPE_SHARES)
    new_topic = _new_topic(rng, day)
    if new_topic is not None:
        fill = SlotFiller(rng).fill
        lines = NEW_TOPIC_LINES[new_topic]
        text = " ".join(fill(s) for s in rng.sample(lines, k=rng.randint(1, 3)))
        subject, traits, case_type = "", frozenset({"new_topic"}), new_topic
        text = slapdash(vary_wording(text, rng), rng) if rng.random() < 0.3 else text
    else:
        weights = {c: f * season(c, day.month) for c, f in frequency.items()}
        category = _pick(rng, weights)
        second = rng.choice([c for c in service_of if c != category])
        message, traits = starter_message(rng, banks, category, contact_type, second)
        text, subject, case_type = message.text, message.subject, case_type_of(category, day)
        era = era_lines(category, day)
        if era and rng.random() < ERA_LINE_RATE:
            text = f"{text} {rng.choice(era)}"
    if channel == "Phone":
        text, subject = _adviser_note(rng, text), ""
    elif channel == "App":
        text, subject = " ".join(text.split()[:40]), ""
    return CrmCase(
        reference=f"CRM-{number + 1:06d}",
        logged=logged,
        channel=channel,
        case_type=case_type,
        subject=subject,
        description=text,
        ward=rng.choice(_WARDS),
        status=rng.choice(("Closed", "Closed", "Closed", "Open", "Resolved")),
        true_case_type=case_type,
        traits=traits,
    )


def _new_topic(rng: random.Random, day: date) -> str | None:
    for start, end, case_type, share in NEW_TOPICS:
        if start <= day <= end and rng.random() < share:
            return case_type
    return None


def _adviser_note(rng: random.Random, text: str) -> str:
    """What a contact-centre adviser types while the resident talks."""
    gist = " ".join(text.replace("\n", " ").split(". ")[:2])
    opener = rng.choice(
        ("Cust called re: ", "Customer rang to say ", "Caller states ", "Cust stated ")
    )
    closer = rng.choice(
        (
            " Advised will pass to team.",
            " Logged for inspection.",
            " Ref given.",
            " Advised 10 working days.",
            "",
        )
    )
    return opener + gist[:1].lower() + gist[1:] + closer


def _label_weights(
    service_of: Mapping[str, str], frequency: Mapping[str, float]
) -> dict[str, dict[str, float]]:
    """Per case type, the case types it is misfiled as (look-alikes of its categories)."""
    today = CRM_END
    weights: dict[str, dict[str, float]] = {}
    for category in service_of:
        own = case_type_of(category, today)
        for other, w in neighbours(category, service_of, frequency).items():
            theirs = case_type_of(other, today)
            if theirs != own:
                table = weights.setdefault(own, {})
                table[theirs] = table.get(theirs, 0.0) + w
    return weights


def _miscode(rng: random.Random, case: CrmCase, label_weights: dict[str, dict[str, float]]) -> str:
    options = label_weights.get(case.case_type) or {"Customer Service Complaint": 1.0}
    return _pick(rng, options)


def _pick(rng: random.Random, weights: Mapping[K, float]) -> K:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def crm_csv(cases: list[CrmCase]) -> str:
    """The cases as CSV text with the ``CRM_HEADER`` columns (dates dd/mm/yyyy hh:mm)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CRM_HEADER)
    for c in cases:
        writer.writerow(
            (c.reference, c.logged.strftime("%d/%m/%Y %H:%M"), c.channel, c.case_type, c.subject,
             c.description, c.ward, c.status)
        )  # fmt: skip
    return buffer.getvalue()


def write_crm_csv(
    path: Path, taxonomy: Taxonomy, seed: int = CRM_SEED, rows: int = CRM_ROWS
) -> int:
    """Generate the CRM export and write it to ``path``; returns the number of cases."""
    cases = generate_crm(taxonomy, seed, rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(crm_csv(cases), encoding="utf-8", newline="")
    return len(cases)
