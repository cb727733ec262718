"""Satisfaction with responses for the public, per partner and service for a UK financial
year: ratings counted as satisfied (4-5 by default), neither (3) and dissatisfied, with
totals; no personal data and no free text. Counts of 1 to 4 read ``<5`` and secondary
suppression (``insights.disclosure``) hides enough other cells that no hidden count can be
worked out from row and column totals. A percentage satisfied is shown only where both of
its counts are shown, so it reveals nothing the counts do not."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from config import ReferenceData
from contracts import Period, SpreadsheetDictWriter
from insights.disclosure import CellStatus, SuppressedTable, suppress_table
from sinks import RatedContact

COLUMNS: tuple[str, ...] = ("satisfied", "neither", "dissatisfied")
CSV_FIELDS: tuple[str, ...] = ("year", "partner", "service", *COLUMNS, "total", "satisfied_pct")


@dataclass(frozen=True)
class PublicSatisfaction:
    year: Period
    table: SuppressedTable
    satisfied_scores: tuple[int, ...]

    def rows(self) -> list[dict[str, str]]:
        """Each row as published: names, the published text of each count, the percentage."""
        out = []
        for i, label in enumerate(self.table.row_labels):
            partner, _, service = label.partition(" / ")
            texts = [self.table.text(i, j) for j in range(len(self.table.column_labels))]
            out.append(
                {
                    "year": self.year.label,
                    "partner": partner,
                    "service": service or "All services",
                    **dict(zip((*COLUMNS, "total"), texts, strict=True)),
                    "satisfied_pct": self._pct(i),
                }
            )
        return out

    def _pct(self, row: int) -> str:
        satisfied, total = 0, len(COLUMNS)
        status = self.table.status[row]
        if status[satisfied] is not CellStatus.shown or status[total] is not CellStatus.shown:
            return "-"
        whole = self.table.values[row][total]
        return f"{100 * self.table.values[row][satisfied] / whole:.0f}%" if whole else "-"


def public_satisfaction(
    ratings: Iterable[RatedContact],
    year: Period,
    reference: ReferenceData,
    satisfied_scores: Sequence[int] = (4, 5),
) -> PublicSatisfaction:
    """The year's ratings by partner and service (of their contacts), suppressed."""
    names = {p.id: p.name for p in reference.partners}
    counts: dict[str, list[int]] = {}
    for rating in ratings:
        partner = names.get(rating.partner or "", rating.partner or "Partner not known")
        service = reference.taxonomy.service_name(rating.service) if rating.service else "not known"
        row = counts.setdefault(f"{partner} / {service}", [0, 0, 0])
        if rating.score in satisfied_scores:
            row[0] += 1
        elif rating.score == 3:
            row[1] += 1
        else:
            row[2] += 1
    labels = sorted(counts)
    table = suppress_table(
        [counts[label] for label in labels], labels, COLUMNS, total_label="All partners"
    )
    return PublicSatisfaction(year, table, tuple(satisfied_scores))


def satisfaction_csv(published: PublicSatisfaction) -> str:
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(buffer, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(published.rows())
    return buffer.getvalue()


def satisfaction_html(published: PublicSatisfaction) -> str:
    """A self-contained, accessible page: a real table with caption and header scopes."""
    year = html.escape(published.year.label)
    head = "".join(
        f'<th scope="col">{html.escape(h)}</th>'
        for h in ("Partner", "Service", *(c.title() for c in COLUMNS), "Total", "% satisfied")
    )
    body = []
    for row in published.rows():
        cells = [row["partner"], row["service"], *(row[c] for c in (*COLUMNS, "total"))]
        first, rest = html.escape(cells[0]), cells[1:]
        body.append(
            f'<tr><th scope="row">{first}</th>'
            + "".join(f"<td>{html.escape(c)}</td>" for c in rest)
            + f"<td>{html.escape(row['satisfied_pct'])}</td></tr>"
        )
    scores = ", ".join(str(s) for s in published.satisfied_scores)
    legend = "".join(f"<li>{html.escape(line)}</li>" for line in published.table.legend())
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Satisfaction with our responses, {year}</title>
<style>body{{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;max-width:60rem;}}
table{{border-collapse:collapse;}}
th,td{{border:1px solid #767676;padding:4px 8px;text-align:right;}}
th[scope=row],th[scope=col]:first-child{{text-align:left;}}</style></head>
<body><main><h1>Satisfaction with our responses, {year}</h1>
<p>Residents rate the response to their contact from 1 (very dissatisfied) to 5 (very
satisfied); {html.escape(scores)} count as satisfied and 3 as neither.</p>
<table><caption>Ratings by partner and service, {year}</caption>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>
<ul>{legend}</ul></main></body></html>
"""
