"""Phrase-bank parsing: every taxonomy category has a bank, and bad banks are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import load_taxonomy
from samples import PhraseBankError
from samples.phrases import MINIMUM_LINES, load_phrasebank
from samples.phrases.bank import parse_bank

REPO = Path(__file__).resolve().parents[3]


def test_every_taxonomy_category_has_a_full_bank() -> None:
    taxonomy = load_taxonomy(REPO / "config")
    banks = load_phrasebank(tuple(taxonomy.service_of_category))
    assert set(banks) == set(taxonomy.service_of_category)
    for bank in banks.values():
        for kind, minimum in MINIMUM_LINES.items():
            assert len(bank.of(kind)) >= minimum, (bank.category, kind)


def test_follow_ups_attach_to_the_problem_above_them() -> None:
    text = "[x]\n" + "\n".join(
        [f"{kind}: {kind} {i}" for kind, n in MINIMUM_LINES.items() for i in range(n)]
    )
    text += "\nproblem: The last one.\n  more: Only about the last one.\n  fix: Fix the last one."
    bank = parse_bank(text, source="test")["x"]
    assert bank.more("The last one.") == ("Only about the last one.",)
    assert bank.fixes_for("The last one.") == ("Fix the last one.",)
    assert bank.more("problem 0") == ()


@pytest.mark.parametrize(
    "text",
    [
        "subject: before any section",
        "[x]\nproblem: Uses an {unknown_slot}.",
        "[x]\nnonsense line",
        "[x]\nsubject: only one subject",
    ],
)
def test_malformed_banks_are_refused(text: str) -> None:
    with pytest.raises(PhraseBankError):
        parse_bank(text, source="test")


def test_unknown_category_is_reported() -> None:
    with pytest.raises(PhraseBankError, match="no_such_category"):
        load_phrasebank(("no_such_category",))
