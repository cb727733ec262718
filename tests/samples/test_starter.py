"""The committed starter training CSV: coverage, labels, uniqueness and determinism; and the
realism the generator promises (imbalance, label noise, multi-topic and misspelled rows)."""

from __future__ import annotations

import csv
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest

from config import Taxonomy, load_taxonomy
from samples import (
    STARTER_HEADER,
    STARTER_SEED,
    StarterRow,
    category_frequencies,
    generate_starter_rows,
    starter_csv,
)
from samples.miscoding import neighbours

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


@pytest.fixture(scope="module")
def generated(taxonomy: Taxonomy) -> list[StarterRow]:
    return generate_starter_rows(taxonomy, STARTER_SEED)


def test_has_about_4000_rows(rows: list[dict[str, str]]) -> None:
    assert 3500 <= len(rows) <= 5000


def test_every_category_has_enough_rows_to_train_and_test(
    rows: list[dict[str, str]], taxonomy: Taxonomy
) -> None:
    # The rarest categories are rare on purpose, but never folded away ('other' at < 5).
    services = Counter(row["service"] for row in rows)
    categories = Counter(row["category"] for row in rows)
    for service in taxonomy.services:
        assert services[service.id] >= 25, service.id
        for category in service.categories:
            assert categories[category.id] >= 8, category.id


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
    assert min(words) >= 2
    assert max(words) <= 450
    # One-liners and long rambles both occur.
    assert sum(n <= 4 for n in words) >= 0.02 * len(words)
    assert sum(n >= 120 for n in words) >= 0.01 * len(words)


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


def test_generating_twice_with_one_seed_gives_the_same_rows(
    taxonomy: Taxonomy, generated: list[StarterRow]
) -> None:
    assert generate_starter_rows(taxonomy, STARTER_SEED) == generated


def test_the_largest_category_is_about_100_times_the_smallest(
    generated: list[StarterRow], rows: list[dict[str, str]], taxonomy: Taxonomy
) -> None:
    written = Counter(r.true_category for r in generated)
    assert max(written.values()) / min(written.values()) == pytest.approx(100, rel=0.1)
    recorded = Counter(r["category"] for r in rows)
    assert 70 <= max(recorded.values()) / min(recorded.values()) <= 150
    # Zipf-like: sizes fall with rank, and the head is heavy (over a quarter of all rows).
    frequency = category_frequencies(taxonomy)
    by_rank = [written[c] for c in sorted(frequency, key=frequency.__getitem__, reverse=True)]
    assert by_rank == sorted(by_rank, reverse=True)
    assert by_rank[0] > 0.25 * len(generated) and by_rank[9] < 0.05 * len(generated)


def test_about_10_percent_of_categories_are_miscoded_as_plausible_neighbours(
    generated: list[StarterRow], taxonomy: Taxonomy
) -> None:
    miscoded = [r for r in generated if r.miscoded]
    assert len(miscoded) / len(generated) == pytest.approx(0.10, abs=0.01)
    service_of, frequency = taxonomy.service_of_category, category_frequencies(taxonomy)
    for row in miscoded:
        assert row.category in neighbours(row.true_category, service_of, frequency), row
        assert row.service == service_of[row.category]
    retyped = sum(r.contact_type != r.true_contact_type for r in generated)
    assert retyped / len(generated) == pytest.approx(0.05, abs=0.01)


def test_ambiguous_messages_are_miscoded_more_often_than_clear_ones(
    generated: list[StarterRow],
) -> None:
    def rate(trait: str) -> float:
        having = [r for r in generated if trait in r.traits]
        return sum(r.miscoded for r in having) / len(having)

    assert rate("clean") < 0.05 < 0.15 < rate("multi_topic")


def test_messy_shapes_and_registers_all_occur(generated: list[StarterRow]) -> None:
    share = Counter(t for r in generated for t in r.traits)
    n = len(generated)
    assert share["clean"] >= 0.1 * n
    assert share["multi_topic"] >= 0.15 * n
    assert share["second_dominates"] >= 0.05 * n
    assert share["one_liner"] >= 0.05 * n
    assert share["misspelled"] >= 0.2 * n
    assert share["textspeak"] >= 0.08 * n
    assert share["shared_wording"] >= 0.15 * n
    for rare in ("vague", "shouting", "forwarded", "reply_chain", "signature", "rambling"):
        assert share[rare] >= 0.01 * n, rare


def test_the_csv_reads_like_a_real_export(rows: list[dict[str, str]]) -> None:
    texts = [r["text"] for r in rows]
    for slip in ("recieve", "definately", "bin's", "seperate"):
        assert any(slip in t.lower() for t in texts), slip
    for word in (" pls ", " u ", "thx"):
        assert any(word in f" {t} " for t in texts), word
    assert any("Forwarded message" in t for t in texts)
    assert any("Sent from my iPhone" in t for t in texts)
    assert any(len(t) > 40 and t == t.upper() for t in texts)


def test_near_duplicate_wording_appears_under_different_categories(
    rows: list[dict[str, str]],
) -> None:
    def categories(pattern: str) -> set[str]:
        return {r["category"] for r in rows if re.search(pattern, r["text"].lower())}

    assert len(categories(r"bin (lorry|wagon|truck) blocked the")) >= 3
    assert len({r["service"] for r in rows if "on hold for 45 minutes" in r["text"]}) >= 3
