"""The phrase-bank format: what residents say about one category, parsed from a text block.

Owns parsing and validation of banks. Holds no phrases itself; those live in one module per
service, each a block of ``[category_id]`` sections with ``kind: sentence`` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samples.errors import PhraseBankError

# Each kind of line, and the least a category must have for messages to vary enough.
MINIMUM_LINES: dict[str, int] = {
    "subject": 4,  # short subject lines (no full stop)
    "problem": 6,  # complaint openings: the problem, stated first
    "more": 0,  # follow-up sentences that fit only the ``problem`` line just above them
    "fix": 0,  # what the writer wants done about the ``problem`` line just above it
    "detail": 4,  # supporting sentences that fit any of the category's problems
    "ask": 3,  # what a complainant wants done
    "short": 3,  # terse one-liners, 3 to 10 words
    "question": 6,  # enquiry questions
    "context": 3,  # background sentences before an enquiry or suggestion
    "praise": 4,  # compliment sentences; most name a {team}
    "team": 2,  # teams or officers a compliment may name
    "idea": 4,  # suggestion proposals
    "aside": 2,  # one-sentence mention used when another category is the main topic
}

# Placeholders a sentence may use; ``samples.slots`` fills them.
KNOWN_SLOTS = frozenset(
    {
        "street", "area", "day", "when", "period", "times", "park", "library",
        "leisure", "officer", "school", "bin", "ref", "team",
    }
)  # fmt: skip

_SECTION = re.compile(r"^\[([a-z_]+)\]$")
_LINE = re.compile(r"^([a-z]+):\s+(.+)$")
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class CategoryPhrases:
    """Everything residents typically say about one taxonomy category."""

    category: str
    lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    followups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fixes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, kind: str) -> tuple[str, ...]:
        """The sentences of one kind (``problem``, ``question``, ...)."""
        return self.lines.get(kind, ())

    def more(self, problem: str) -> tuple[str, ...]:
        """Follow-up sentences written for one ``problem`` line, in order."""
        return self.followups.get(problem, ())

    def fixes_for(self, problem: str) -> tuple[str, ...]:
        """Requests written for one ``problem`` line (empty when the category's asks fit)."""
        return self.fixes.get(problem, ())


def parse_bank(text: str, *, source: str) -> dict[str, CategoryPhrases]:
    """Parse a block of ``[category]`` sections into phrases, checking every minimum."""
    collected: dict[str, dict[str, list[str]]] = {}
    attached: dict[str, dict[str, dict[str, list[str]]]] = {"more": {}, "fix": {}}
    current: dict[str, list[str]] | None = None
    category = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if section := _SECTION.match(line):
            category = section.group(1)
            current = collected.setdefault(category, {kind: [] for kind in MINIMUM_LINES})
            continue
        match = _LINE.match(line)
        if current is None or match is None or match.group(1) not in MINIMUM_LINES:
            raise PhraseBankError(f"{source} line {number}: cannot read {line!r}")
        unknown = set(_SLOT.findall(match.group(2))) - KNOWN_SLOTS
        if unknown:
            raise PhraseBankError(f"{source} line {number}: unknown slot(s) {sorted(unknown)}")
        kind, sentence = match.groups()
        if kind in attached:
            if not current["problem"]:
                raise PhraseBankError(f"{source} line {number}: '{kind}' before any 'problem'")
            by_problem = attached[kind].setdefault(category, {})
            by_problem.setdefault(current["problem"][-1], []).append(sentence)
        current[kind].append(sentence)
    banks: dict[str, CategoryPhrases] = {}
    for name, kinds in collected.items():
        category = name
        for kind, minimum in MINIMUM_LINES.items():
            if len(kinds[kind]) < minimum:
                raise PhraseBankError(
                    f"{source}: has {len(kinds[kind])} {kind} line(s), needs {minimum}",
                    category=category,
                )
        banks[category] = CategoryPhrases(
            category,
            {k: tuple(v) for k, v in kinds.items()},
            {p: tuple(m) for p, m in attached["more"].get(category, {}).items()},
            {p: tuple(m) for p, m in attached["fix"].get(category, {}).items()},
        )
    return banks
