"""The hand-written blind redaction sets: contacts written after the rules were last tuned, with
names in wordings and spellings no rule was tuned on. ``redaction_blind.txt`` ("fresh") was
written on 2026-12-03, ``redaction_blind2.txt`` ("fresh2"), ``redaction_blind3.txt`` ("fresh3")
and ``redaction_blind4.txt`` ("fresh4") on 2026-12-04, each by someone who had not read the
redactor; titles stand outside a name's brackets ("Mrs [[Abena Owusu]]").

Markup, one contact a line: ``[[Li Wei]]`` a person's name, ``[[phone:0151 496 0000]]``
another entity type, ``<<HTML only>>`` text that must be kept, ``\\n`` a line break.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

__all__ = ("BLIND", "BLIND2", "BLIND3", "BLIND4", "load_blind", "parse_line")

BLIND = Path(__file__).resolve().parent / "data" / "redaction_blind.txt"
BLIND2 = BLIND.with_name("redaction_blind2.txt")
BLIND3 = BLIND.with_name("redaction_blind3.txt")
BLIND4 = BLIND.with_name("redaction_blind4.txt")
_MARK = re.compile(r"\[\[(?:([a-z]+):)?(.+?)\]\]|<<(.+?)>>")


def parse_line(line: str) -> dict[str, Any]:
    """A contact's text and labelled spans from one marked-up line."""
    line = line.replace("\\n", "\n")
    text, spans, position = "", [], 0
    for mark in _MARK.finditer(line):
        text += line[position : mark.start()]
        kind, value = (
            (mark.group(1) or "name", mark.group(2)) if mark.group(2) else ("keep", mark.group(3))
        )
        spans.append({"start": len(text), "end": len(text) + len(value), "type": kind})
        text += value
        position = mark.end()
    return {"text": text + line[position:], "spans": spans}


def load_blind(path: Path = BLIND, split: str = "fresh") -> list[dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    contacts = [parse_line(line) for line in lines if line.strip() and not line.startswith("#")]
    return [
        {"id": f"{split}-{index:04d}", "split": split, "blind": True, **contact}
        for index, contact in enumerate(contacts)
    ]
