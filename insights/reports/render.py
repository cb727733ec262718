"""The annual report as a web page (``annual.html.j2``, inline CSS, a chart embedded), as CSV
and as JSON. HTML and CSV are meant for publication and suppress small numbers (``<5``, with
complementary ``[c]``); JSON carries exact counts for tools and is not for publication."""

from __future__ import annotations

import base64
import io
import json

from jinja2 import Environment

from contracts import SpreadsheetDictWriter
from insights.digests import PLURALS, describe_period, template_environment
from insights.digests.charts import columns_png
from insights.reports.annual import TYPES, AnnualReport, Ranked
from insights.reports.published import ALL, COLUMNS, published_table
from insights.reports.service_quality import published_satisfaction, published_timeliness
from insights.reports.suppression import THRESHOLD, change_shown, shown

CSV_FIELDS: tuple[str, ...] = (
    "table",
    "year",
    "partner",
    "service",
    "category",
    "ward",
    "contact_type",
    "count",
    "count_published",
    "previous_year_count",
    "previous_year_count_published",
    "change_pct",
)
CSV_TABLES = {"service": "partner_service", "partner_total": "partner_total", "total": "total"}


def annual_json(report: AnnualReport) -> str:
    return json.dumps(report.as_json(), indent=2, ensure_ascii=False) + "\n"


def annual_csv(report: AnnualReport) -> str:
    """Every published table in one long CSV, one row per figure (``table``: partner_service,
    partner_total, total, category, ward). ``count`` and ``previous_year_count`` are plain
    numbers, empty where suppressed; ``*_published`` say what the published report shows
    (``<5``, ``[c]``, ``[s]``); ``change_pct`` is a number, empty where it cannot be said."""
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(buffer, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    year = report.year.label
    for row in published_table(report):
        for column in COLUMNS:
            change = row.change(column)
            writer.writerow(
                {
                    "table": CSV_TABLES[row.kind],
                    "year": year,
                    "partner": row.partner,
                    "service": row.service,
                    "contact_type": column,
                    "count": row.now[column].value,
                    "count_published": row.now[column].text,
                    "previous_year_count": row.before[column].value,
                    "previous_year_count_published": row.before[column].text,
                    "change_pct": None if change is None else round(100 * change, 1),
                }
            )
    for table, items in (("category", report.top_categories), ("ward", report.top_wards)):
        for item in items:
            for contact_type, n, b in (
                (ALL, item.count, item.previous_year_count),
                ("complaint", item.complaints, item.previous_year_complaints),
            ):
                exact_now, exact_before = _exact(n), _exact(b)
                writer.writerow(
                    {
                        "table": table,
                        "year": year,
                        "service": item.detail if table == "category" else "",
                        "category": item.name if table == "category" else "",
                        "ward": item.name if table == "ward" else "",
                        "contact_type": contact_type,
                        "count": exact_now,
                        "count_published": shown(n),
                        "previous_year_count": exact_before,
                        "previous_year_count_published": shown(b),
                        "change_pct": round(100 * (n - b) / b, 1)
                        if exact_now is not None and exact_before
                        else None,
                    }
                )
    return buffer.getvalue()


def _exact(count: int) -> int | None:
    """The count where it may be published as it is; None where it shows as ``<5``."""
    return None if 0 < count < THRESHOLD else count


def annual_html(report: AnnualReport, env: Environment | None = None) -> str:
    """The report as one self-contained page (suppressed counts, chart as a data URL)."""
    env = env or template_environment()
    rows = published_table(report)
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
        columns=[{"key": c, "label": _column_label(c)} for c in COLUMNS],
        totals=[
            {
                "label": _column_label(c),
                "count": rows[-1].now[c].text,
                "previous": rows[-1].before[c].text,
                "change": rows[-1].change_text(c),
            }
            for c in COLUMNS
            if rows
        ],
        rows=rows,
        categories=[_ranked(r) for r in report.top_categories],
        wards=[_ranked(r) for r in report.top_wards],
        chart=chart,
        actions=[
            {
                "taken_on": a.action.taken_on.isoformat(),
                "theme": f"{a.service_name}: {a.category_name}"
                + (f" ({a.action.theme.ward})" if a.action.theme.ward else ""),
                "done": a.action.outcome.value == "done",
                "summary": a.public_summary,
                "effect": a.effect.verdict,  # words only: no counts that could need hiding
            }
            for a in report.actions
        ],
        timeliness=[
            {**_names(report, r.by), **published_timeliness(r)} for r in report.quality.timeliness
        ],
        satisfaction=[
            {**_names(report, r.by), **published_satisfaction(r)}
            for r in report.quality.satisfaction
        ],
        threshold=THRESHOLD,
        generated_at=report.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
    )


def _names(report: AnnualReport, by: dict[str, str | None]) -> dict[str, str]:
    partner, service = by.get("partner"), by.get("service")
    return {
        "partner": report.partner_names.get(partner or "", partner or "Partner not known"),
        "service": report.service_names.get(service or "", service or "Service not known"),
    }


def _column_label(column: str) -> str:
    return "All contacts" if column == ALL else PLURALS.get(column, f"{column}s").capitalize()


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
