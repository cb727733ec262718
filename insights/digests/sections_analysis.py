"""Digest sections that come from the trend analysis: significant changes (listed first),
ward hotspots and emerging topics. Same shape as ``sections``: a name, a ``build`` returning
data for ``section_<name>.html.j2`` / ``.txt.j2``, or None to be left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from insights.digests.model import Section, TableRow
from insights.digests.signals import (
    complaint_hotspots,
    significant_changes,
    target_ratings,
    topics_for,
)
from insights.digests.source import DigestSource


@dataclass(frozen=True)
class ChangesSection:
    """Counts unusual against their history, most significant first; always shown, so a
    quiet period says so."""

    name: str = "changes"
    limit: int = 8

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        if source.to_date is not None:  # a part-period would read as a fall everywhere
            data = {"changes": [], "to_date": f"{source.to_date:%-d %B %Y}"}
            return Section(self.name, "Significant changes", data)
        changes = significant_changes(source, limit=self.limit)
        return Section(self.name, "Significant changes", {"changes": changes})


@dataclass(frozen=True)
class HotspotsSection:
    """The wards that drive each service's change in complaints against the same period
    last year."""

    name: str = "hotspots"
    limit: int = 5

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        hotspots = complaint_hotspots(source, limit=self.limit)
        if not hotspots:
            return None
        return Section(self.name, "Ward hotspots: complaints", {"hotspots": hotspots})


@dataclass(frozen=True)
class EmergingSection:
    """New problems no category fits yet: clusters of unsure, similar contacts."""

    name: str = "emerging"
    limit: int = 3

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        topics = topics_for(source, limit=self.limit)
        if not topics:
            return None
        return Section(self.name, "Emerging topics", {"topics": topics})


@dataclass(frozen=True)
class TargetsSection:
    """Red, amber or green against the targets in ``targets.yaml`` that apply to the period."""

    name: str = "targets"

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        ratings = target_ratings(source)
        if not ratings:
            return None
        return Section(self.name, "Against targets", {"ratings": ratings})
