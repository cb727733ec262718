"""The digest's "You said, we did" section: actions on the scope's services in the year to the
period's end, what was done (or why not), and the measured effect on each theme so far."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from insights.actions import action_reports
from insights.digests.model import Section, TableRow
from insights.digests.source import DigestSource

LOOK_BACK = timedelta(days=365)


@dataclass(frozen=True)
class ActionsSection:
    """Recent actions and their effect; left out when there are none."""

    name: str = "actions"
    limit: int = 10

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        end = source.to_date or source.period.end
        reports = action_reports(
            source.engine,
            source.reference.taxonomy,
            services=source.scope.services,
            taken_from=end - LOOK_BACK,
            taken_to=end,
            today=end + timedelta(days=1),  # measured to the digest's period, not beyond
            limit=self.limit,
        )
        if not reports:
            return None
        rows = [r.record() | {"effect_text": r.effect.describe()} for r in reports]
        return Section(self.name, "You said, we did", {"actions": rows})
