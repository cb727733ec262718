"""The digest's own sections: the headline numbers, the period's table, compliments worth
sharing and example contacts. A section is a small object with a ``name`` and ``build``; it
returns data for its template pair (``section_<name>.html.j2`` / ``.txt.j2``) or None to be left
out. Later issues add sections (satisfaction, follow-ups) by appending to the list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from contracts import Period
from insights.digests.charts import bars_png, trend_png
from insights.digests.model import InlineImage, Section, TableRow, change_text
from insights.digests.signals import travel
from insights.digests.source import DigestSource
from sinks import ExampleContact

TYPES: tuple[str, ...] = ("complaint", "compliment", "enquiry", "suggestion")
TREND_LENGTH: dict[str, int] = {"day": 14, "week": 13, "month": 13, "quarter": 8, "year": 5}


class DigestSection(Protocol):
    """Builds one section of a digest from the database reads of its scope."""

    @property
    def name(self) -> str: ...

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None: ...


def image(name: str, source: DigestSource, png_alt: tuple[bytes, str]) -> InlineImage:
    """An inline image with a content id that is stable for the digest."""
    png, alt = png_alt
    key = "".join(c if c.isalnum() else "-" for c in source.scope.key)
    return InlineImage(cid=f"{name}.{key}@civicpulse", png=png, alt=alt, width=560)


def comparison(contact_type: str, now: int, previous: int, last_year: int) -> dict[str, Any]:
    """The numbers and words shown for one count against its two comparisons."""
    return {
        "count": now,
        "previous": previous,
        "last_year": last_year,
        "change_vs_previous": change_text(now, previous),
        "change_vs_last_year": change_text(now, last_year),
        "travel": travel(contact_type, now, last_year),
    }


@dataclass(frozen=True)
class SummarySection:
    """Contacts by type against the previous period and the same period last year, and a
    chart of the recent run of periods."""

    name: str = "summary"

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        totals = {t: [0, 0, 0] for t in TYPES}
        for row in table:
            bucket = totals.setdefault(row.contact_type, [0, 0, 0])
            bucket[0] += row.count
            bucket[1] += row.previous
            bucket[2] += row.last_year
        rows = [{"contact_type": t, **comparison(t, *totals[t])} for t in totals]
        all_now, all_prev, all_ly = (sum(v[i] for v in totals.values()) for i in range(3))
        recent = source.recent_periods(TREND_LENGTH[source.period.kind])
        images: tuple[InlineImage, ...] = ()
        if any(r["count"] or r["last_year"] for r in rows):
            images = (image("trend", source, _trend_chart(source, recent)),)
        return Section(
            self.name,
            "At a glance",
            {
                "rows": rows,
                "total": comparison("all", all_now, all_prev, all_ly),
                "first": recent[0].label,
            },
            images,
        )


def _trend_chart(source: DigestSource, recent: list[Period]) -> tuple[bytes, str]:
    counts = source.counts(("contact_type",), recent)
    series = {t: [counts[p.label].get((t,), 0) for p in recent] for t in TYPES}
    series = {t: s for t, s in series.items() if any(s)}
    title = f"Contacts per {source.period.kind}, {recent[0].label} to {recent[-1].label}"
    return trend_png([p.label for p in recent], series, title)


@dataclass(frozen=True)
class TableSection:
    """Per service, categories down and contact types across, each with its direction of
    travel against the same period last year; a chart of the busiest categories."""

    name: str = "table"
    chart_rows: int = 8

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        if not table:
            return None
        services: dict[str, dict[str, Any]] = {}
        for row in table:
            service = services.setdefault(
                row.service, {"id": row.service, "name": row.service_name, "categories": {}}
            )
            category = service["categories"].setdefault(
                row.category, {"id": row.category, "name": row.category_name, "cells": {}}
            )
            category["cells"][row.contact_type] = comparison(
                row.contact_type, row.count, row.previous, row.last_year
            )
        for service in services.values():
            service["categories"] = list(service["categories"].values())
        by_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in table:
            by_category[row.category_name][0] += row.count
            by_category[row.category_name][1] += row.last_year
        top = sorted(by_category.items(), key=lambda kv: (-kv[1][0], kv[0]))[: self.chart_rows]
        chart = bars_png(
            [(name, now, before) for name, (now, before) in top],
            source.period.label,
            source.last_year.label,
            "Busiest categories, against a year before",
        )
        return Section(
            self.name,
            f"{source.period.label} by category",
            {"services": list(services.values()), "types": TYPES},
            (image("categories", source, chart),),
        )


@dataclass(frozen=True)
class ComplimentsSection:
    """Where compliments came from and a few worth passing on to the teams praised."""

    name: str = "compliments"
    quotes: int = 3

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        praised = [r for r in table if r.contact_type == "compliment" and r.count]
        praised.sort(key=lambda r: (-r.count, r.category_name))
        quotes = source.contacts("compliment", limit=self.quotes, min_chars=60, max_chars=600)
        if not praised and not quotes:
            return None
        return Section(
            self.name,
            "Compliments worth sharing",
            {
                "categories": [
                    {"name": r.category_name, **comparison("compliment", *_counts(r))}
                    for r in praised[:5]
                ],
                "quotes": [quote(c, source) for c in quotes],
            },
        )


@dataclass(frozen=True)
class ExamplesSection:
    """A few short contacts as residents wrote them (personal data already removed)."""

    name: str = "examples"
    per_type: tuple[tuple[str, int], ...] = (("complaint", 3), ("enquiry", 1), ("suggestion", 1))

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        examples = [
            quote(contact, source)
            for contact_type, limit in self.per_type
            for contact in source.contacts(contact_type, limit=limit, max_chars=320)
        ]
        if not examples:
            return None
        return Section(self.name, "In their words", {"examples": examples})


def _counts(row: TableRow) -> tuple[int, int, int]:
    return row.count, row.previous, row.last_year


def quote(contact: ExampleContact, source: DigestSource, limit: int = 320) -> dict[str, Any]:
    """An example contact ready for a template: one line of text, names not ids."""
    taxonomy = source.reference.taxonomy
    text = " ".join(contact.text.split())
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    try:
        category = next(
            c.name for c in taxonomy.service(contact.service).categories if c.id == contact.category
        )
    except (KeyError, StopIteration):
        category = contact.category
    return {
        "text": text,
        "contact_type": contact.contact_type,
        "category": category,
        "service": taxonomy.service_name(contact.service),
        "ward": contact.ward,
        "channel": contact.channel.replace("_", " "),
        "received_on": contact.received_on.isoformat(),
    }
