"""The annual report as a web page (``annual.html.j2``, inline CSS, a chart embedded), as CSV
and as JSON. HTML and CSV are meant for publication and suppress small numbers (``<5``, with
complementary ``[c]``); JSON carries exact counts for tools and is not for publication."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

from jinja2 import Environment

from contracts import SpreadsheetDictWriter
from insights.digests import describe_period, template_environment
from insights.digests.charts import columns_png
from insights.reports.annual import TYPES, AnnualReport, Ranked
from insights.reports.suppression import THRESHOLD, change_shown, shown, suppress_column

CSV_FIELDS: tuple[str, ...] = (
    "table",
    "year",
    "partner",
    "service",
    "category",
    "ward",
    "contact_type",
    "count",
    "previous_year_count",
    "change",
)


def annual_json(report: AnnualReport) -> str:
    return json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"


def published_rows(report: AnnualReport) -> list[dict[str, Any]]:
    """Partner x service rows with every type's counts as published (suppressed)."""
    pairs: dict[tuple[str | None, str], dict[str, Any]] = {}
    for row in report.rows:
        entry = pairs.setdefault(
            (row.partner, row.service),
            {"partner": row.partner_name, "service": row.service_name, "counts": {}},
        )
        entry["counts"][row.contact_type] = (row.count, row.previous_year_count)
    entries = list(pairs.values())
    for t in TYPES:
        now = suppress_column([e["counts"].get(t, (0, 0))[0] for e in entries])
        before = suppress_column([e["counts"].get(t, (0, 0))[1] for e in entries])
        for e, n_text, b_text in zip(entries, now, before, strict=True):
            n, b = e["counts"].get(t, (0, 0))
            e[t] = {
                "count": n_text,
                "previous": b_text,
                "change": change_shown(n, b, now_text=n_text, before_text=b_text),
            }
    return entries


def annual_csv(report: AnnualReport) -> str:
    """Every published table in one long CSV (``table``: partner_service, category, ward)."""
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(buffer, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    year = report.year.label
    rows = list(report.rows)
    for t in TYPES:
        chosen = [r for r in rows if r.contact_type == t]
        now = suppress_column([r.count for r in chosen])
        before = suppress_column([r.previous_year_count for r in chosen])
        for r, n_text, b_text in zip(chosen, now, before, strict=True):
            writer.writerow(
                {
                    "table": "partner_service",
                    "year": year,
                    "partner": r.partner_name,
                    "service": r.service_name,
                    "contact_type": t,
                    "count": n_text,
                    "previous_year_count": b_text,
                    "change": change_shown(
                        r.count, r.previous_year_count, now_text=n_text, before_text=b_text
                    ),
                }
            )
    for table, items in (("category", report.top_categories), ("ward", report.top_wards)):
        for item in items:
            for contact_type, n, b in (
                ("all", item.count, item.previous_year_count),
                ("complaint", item.complaints, item.previous_year_complaints),
            ):
                writer.writerow(
                    {
                        "table": table,
                        "year": year,
                        "service": item.detail if table == "category" else "",
                        "category": item.name if table == "category" else "",
                        "ward": item.name if table == "ward" else "",
                        "contact_type": contact_type,
                        "count": shown(n),
                        "previous_year_count": shown(b),
                        "change": change_shown(n, b, now_text=shown(n), before_text=shown(b)),
                    }
                )
    return buffer.getvalue()


def annual_html(report: AnnualReport, env: Environment | None = None) -> str:
    """The report as one self-contained page (suppressed counts, chart as a data URL)."""
    env = env or template_environment()
    years = list(report.history)[-6:]
    chart = None
    if years:
        png, alt = columns_png(
            years,
            {t: [report.history[y].get(t, 0) for y in years] for t in TYPES},
            "Contacts per financial year",
        )
        chart = {"src": "data:image/png;base64," + base64.b64encode(png).decode(), "alt": alt}
    return env.get_template("annual.html.j2").render(
        year=report.year.label,
        year_words=describe_period(report.year),
        previous=report.previous_year.label,
        types=TYPES,
        totals=[
            {
                "contact_type": t,
                "count": shown(report.totals[t]),
                "previous": shown(report.previous_totals[t]),
                "change": change_shown(
                    report.totals[t],
                    report.previous_totals[t],
                    now_text=shown(report.totals[t]),
                    before_text=shown(report.previous_totals[t]),
                ),
            }
            for t in TYPES
        ],
        rows=published_rows(report),
        categories=[_ranked(r) for r in report.top_categories],
        wards=[_ranked(r) for r in report.top_wards],
        chart=chart,
        threshold=THRESHOLD,
        generated_at=report.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
    )


def _ranked(item: Ranked) -> dict[str, str]:
    count, before = shown(item.count), shown(item.previous_year_count)
    return {
        "name": item.name,
        "detail": item.detail,
        "count": count,
        "previous": before,
        "change": change_shown(
            item.count, item.previous_year_count, now_text=count, before_text=before
        ),
        "complaints": shown(item.complaints),
        "previous_complaints": shown(item.previous_year_complaints),
    }
