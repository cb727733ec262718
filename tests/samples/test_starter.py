"""The committed starter training CSV: coverage, balance, labels, uniqueness and determinism."""

from __future__ import annotations

import csv
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from config import Taxonomy, load_taxonomy
from samples import STARTER_HEADER, STARTER_SEED, generate_starter_rows, starter_csv

REPO = Path(__file__).resolve().parents[2]
STARTER_CSV = REPO / "classifiers" / "data" / "starter_contacts.csv"
CONTACT_TYPES = {"complaint", "compliment", "enquiry", "suggestion"}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(REPO / "config")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with STARTER_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == STARTER_HEADER
        return list(reader)


def test_has_at_least_2600_rows(rows: list[dict[str, str]]) -> None:
    assert len(rows) >= 2600


def test_every_service_and_category_has_at_least_25_rows(
    rows: list[dict[str, str]], taxonomy: Taxonomy
) -> None:
    services = Counter(row["service"] for row in rows)
    categories = Counter(row["category"] for row in rows)
    for service in taxonomy.services:
        assert services[service.id] >= 25, service.id
        for category in service.categories:
            assert categories[category.id] >= 25, category.id


def test_every_service_has_all_four_contact_types(
    rows: list[dict[str, str]], taxonomy: Taxonomy
) -> None:
    seen: dict[str, set[str]] = {s: set() for s in taxonomy.service_ids}
    for row in rows:
        seen[row["service"]].add(row["contact_type"])
    assert all(types == CONTACT_TYPES for types in seen.values()), seen


def test_contact_type_mix_is_mostly_complaints(rows: list[dict[str, str]]) -> None:
    shares = {t: n / len(rows) for t, n in Counter(r["contact_type"] for r in rows).items()}
    assert shares["complaint"] == pytest.approx(0.55, abs=0.03)
    assert shares["enquiry"] == pytest.approx(0.25, abs=0.03)
    assert shares["compliment"] == pytest.approx(0.12, abs=0.03)
    assert shares["suggestion"] == pytest.approx(0.08, abs=0.03)


def test_each_category_belongs_to_its_service(
    rows: list[dict[str, str]], taxonomy: Taxonomy
) -> None:
    service_of = taxonomy.service_of_category
    wrong = [r for r in rows if service_of.get(r["category"]) != r["service"]]
    assert not wrong, wrong[:3]


def test_texts_are_unique_and_within_length(rows: list[dict[str, str]]) -> None:
    texts = [" ".join(r["text"].split()).lower() for r in rows]
    assert len(set(texts)) == len(texts)
    words = [len(r["text"].split()) for r in rows]
    assert 25 <= statistics.median(words) <= 60
    assert min(words) >= 5
    assert max(words) <= 150


def test_some_subjects_are_empty_but_most_are_not(rows: list[dict[str, str]]) -> None:
    empty = sum(1 for r in rows if not r["subject"].strip())
    assert 0.05 < empty / len(rows) < 0.4


def test_regenerating_with_the_same_seed_reproduces_the_file(taxonomy: Taxonomy) -> None:
    expected = STARTER_CSV.read_bytes().decode("utf-8")
    assert starter_csv(generate_starter_rows(taxonomy, STARTER_SEED)) == expected


def test_a_different_seed_gives_different_rows(taxonomy: Taxonomy) -> None:
    first = generate_starter_rows(taxonomy, STARTER_SEED)
    second = generate_starter_rows(taxonomy, STARTER_SEED + 1)
    assert [r.text for r in first[:50]] != [r.text for r in second[:50]]


def test_starter_texts_carry_no_contact_details(rows: list[dict[str, str]]) -> None:
    personal = re.compile(r"\b0\d{3,4} ?\d{6}\b|\+44|@|\b[A-Z]{1,2}\d{1,2} \d[A-Z]{2}\b")
    leaks = [r["text"] for r in rows if personal.search(r["text"] + r["subject"])]
    assert not leaks, leaks[:3]
