"""What a digest is made of: its scope (services x period), the period's table, sections that
each render themselves with a template pair, and inline images. Plain frozen data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from contracts import Period

CSV_FIELDS: tuple[str, ...] = (
    "period",
    "service",
    "category",
    "contact_type",
    "count",
    "previous_period",
    "previous_count",
    "same_period_last_year",
    "same_period_last_year_count",
    "change_vs_last_year",
    "direction_of_travel",
)


@dataclass(frozen=True)
class DigestScope:
    """Which services and which period a digest covers, and whom it greets."""

    services: tuple[str, ...]
    period: Period
    recipient_name: str | None = None

    @property
    def key(self) -> str:
        """Identifies the digest's content: the same key is never sent twice to one address."""
        return f"{self.period.label}:{'+'.join(sorted(self.services))}"


@dataclass(frozen=True)
class TableRow:
    """One service x category x contact type in the period, with its comparisons."""

    service: str
    service_name: str
    category: str
    category_name: str
    contact_type: str
    count: int
    previous: int
    last_year: int
    travel: str  # direction of travel against the same period last year (with polarity)

    @property
    def change_vs_last_year(self) -> str:
        return change_text(self.count, self.last_year)

    @property
    def change_vs_previous(self) -> str:
        return change_text(self.count, self.previous)


@dataclass(frozen=True)
class InlineImage:
    """A PNG shown in the digest: ``cid:`` in email, a data URL in files."""

    cid: str
    png: bytes
    alt: str
    width: int


@dataclass(frozen=True)
class Section:
    """One block of the digest, rendered by ``section_<name>.html.j2`` / ``.txt.j2``."""

    name: str
    title: str
    data: Mapping[str, Any] = field(default_factory=dict)
    images: tuple[InlineImage, ...] = ()


@dataclass(frozen=True)
class Digest:
    scope: DigestScope
    title: str
    generated_at: datetime
    previous: Period
    last_year: Period
    table: tuple[TableRow, ...]
    sections: tuple[Section, ...]
    to_date: date | None = None  # set while the period is still in progress

    @property
    def key(self) -> str:
        return self.scope.key

    @property
    def contacts(self) -> int:
        """Contacts in the digest's period for its services (0: there is nothing to report)."""
        return sum(r.count for r in self.table)

    @property
    def images(self) -> tuple[InlineImage, ...]:
        return tuple(image for section in self.sections for image in section.images)

    def csv_records(self) -> list[dict[str, Any]]:
        """The table as CSV rows (ids, not display names, so tools can join on them)."""
        return [
            {
                "period": self.scope.period.label,
                "service": r.service,
                "category": r.category,
                "contact_type": r.contact_type,
                "count": r.count,
                "previous_period": self.previous.label,
                "previous_count": r.previous,
                "same_period_last_year": self.last_year.label,
                "same_period_last_year_count": r.last_year,
                "change_vs_last_year": r.change_vs_last_year,
                "direction_of_travel": r.travel,
            }
            for r in self.table
        ]


def change_text(now: int, before: int) -> str:
    """``+3 (+25%)``; ``new`` when there was nothing before; ``-`` when both are zero."""
    diff = now - before
    if before == 0:
        return "new" if now else "-"
    return f"{diff:+d} ({diff / before:+.0%})"


def describe_period(period: Period) -> str:
    """The label with its dates in words: ``2025/26-Q3 (October to December 2025)``."""
    start, end = period.start, period.end
    if period.kind == "day":
        words = f"{start:%A} {start.day} {start:%B %Y}"
    elif period.kind == "week":
        words = f"{start.day} {start:%B} to {end.day} {end:%B %Y}"
    elif period.kind == "month":
        words = f"{start:%B %Y}"
    elif start.year == end.year:
        words = f"{start:%B} to {end:%B %Y}"
    else:
        words = f"{start:%B %Y} to {end:%B %Y}"
    return f"{period.label} ({words})"
