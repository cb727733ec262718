"""Time to build a service manager's digest over years of contacts (default 5 years of
1,000,000 a year), through the same code path as ``civicpulse digest --to DIR``, against a
baseline that computes the digest's table with a GROUP BY over the contact table.

    python -m bench digest                       # 5 x 1,000,000 contacts, SQLite in a temp dir
    python -m bench digest --db /tmp/bench.db    # keep (and reuse) the generated database

The trend table is generated directly for every period kind (as the sink would have kept it);
the contact table holds every contact of the three months the digest reads (the period, the
one before and the same month last year), consistent with the trend table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine, func, insert, select

from classifiers import STARTER_DATASET
from config import ReferenceData, load_reference_data
from contracts import PERIOD_KINDS, Period, parse_period, period_of
from insights.analysis import load_targets
from insights.digests import (
    DEFAULT_SECTIONS,
    DigestRenderer,
    DigestScope,
    DigestSection,
    DigestSource,
    Section,
    TableRow,
    build_digest,
    write_digest_files,
)
from samples import load_texts
from samples.history_mix import (
    MONTH_FACTORS,
    SERVICE_SHARES,
    WEEKDAY_FACTORS,
    category_weight,
    partner_mix,
    season_factor,
    type_shares,
)
from sinks import open_database
from sinks.db.tables import ContactRow, TrendCountRow

REPO = Path(__file__).resolve().parents[1]
console = Console() if sys.stdout.isatty() else Console(width=120)


@dataclass(frozen=True)
class Cells:
    """Every partner x service x category x type x ward a contact can fall in, with weights."""

    keys: list[tuple[str, str, str, str, str]]
    weights: np.ndarray  # share of a day's contacts, before seasons
    category: np.ndarray  # index into categories, for seasons
    categories: list[str]


def make_cells(reference: ReferenceData, seed: int) -> Cells:
    rng = np.random.default_rng(seed)
    wards = [w for w in reference.wards if w.population]
    population = np.array([float(w.population or 0) for w in wards])
    local = population * np.exp(rng.normal(0, 0.25, len(wards)))
    keys, weights, category_index, categories = [], [], [], []
    for service in reference.taxonomy.services:
        share = SERVICE_SHARES.get(service.id, 0.03)
        total = sum(category_weight(c.id) for c in service.categories)
        for category in service.categories:
            categories.append(category.id)
            affinity = local * np.exp(rng.normal(0, 0.35, len(wards)))
            ward_share = [*(affinity / affinity.sum() * 0.96), 0.04]  # 4% with no ward
            for contact_type, type_share in type_shares(service.id).items():
                for partner, partner_share in partner_mix(category.id):
                    base = share * category_weight(category.id) / total * type_share
                    names = [*(w.name for w in wards), ""]
                    for ward, w_share in zip(names, ward_share, strict=True):
                        keys.append((partner, service.id, category.id, contact_type.value, ward))
                        weights.append(base * partner_share * w_share)
                        category_index.append(len(categories) - 1)
    w = np.array(weights)
    return Cells(keys, w / w.sum(), np.array(category_index), categories)


def daily_counts(
    cells: Cells, start: date, days: int, per_year: int, seed: int
) -> Iterator[tuple[date, np.ndarray]]:
    """Each day's count per cell: seasons, weekdays and 5% growth a year."""
    rng = np.random.default_rng(seed)
    seasons = np.array([[season_factor(c, m) for c in cells.categories] for m in range(1, 13)])[
        :, cells.category
    ]
    for offset in range(days):
        day = start + timedelta(days=offset)
        level = per_year / 365.25 * 1.05 ** (offset / 365.25)
        level *= MONTH_FACTORS[day.month] * WEEKDAY_FACTORS[day.weekday()]
        yield day, rng.poisson(level * cells.weights * seasons[day.month - 1])


def generate(
    engine: Engine, reference: ReferenceData, years: int, per_year: int, months: Sequence[Period]
) -> tuple[int, int, int]:
    """Fill ``trend_count`` for every period kind and ``contact`` for ``months``."""
    cells = make_cells(reference, seed=11)
    start = date(2026 - years, 4, 1)
    days = (date(2026, 3, 31) - start).days + 1
    labels: dict[str, dict[str, int]] = {k: {} for k in PERIOD_KINDS if k != "day"}
    sums: dict[str, list[np.ndarray]] = {k: [] for k in labels}
    day_rows = contacts = total = 0
    texts = load_texts(STARTER_DATASET)
    rng = np.random.default_rng(12)
    with engine.begin() as connection:
        for day, counts in daily_counts(cells, start, days, per_year, seed=13):
            total += int(counts.sum())
            nonzero = np.flatnonzero(counts)
            rows = [("day", day.isoformat(), *cells.keys[i], int(counts[i])) for i in nonzero]
            connection.exec_driver_sql(_insert_sql(TrendCountRow.__tablename__), rows)
            day_rows += len(rows)
            for kind in labels:
                label = period_of(kind, day).label  # type: ignore[arg-type]
                index = labels[kind].setdefault(label, len(labels[kind]))
                if index == len(sums[kind]):
                    sums[kind].append(np.zeros(len(cells.keys), dtype=np.int64))
                sums[kind][index] += counts
            if any(m.contains(day) for m in months):
                contacts += _store_contacts(connection, cells, day, counts, texts, rng)
        other_rows = 0
        for kind, by_label in labels.items():
            for label, index in by_label.items():
                counts = sums[kind][index]
                rows = [
                    (kind, label, *cells.keys[i], int(counts[i])) for i in np.flatnonzero(counts)
                ]
                connection.exec_driver_sql(_insert_sql(TrendCountRow.__tablename__), rows)
                other_rows += len(rows)
    return total, day_rows + other_rows, contacts


def _insert_sql(table: str) -> str:
    columns = "period_kind, period, partner, service, category, contact_type, ward, count"
    marks = ", ".join(["?"] * 8)
    return f"INSERT INTO {table} ({columns}) VALUES ({marks})"


def _store_contacts(
    connection: object,
    cells: Cells,
    day: date,
    counts: np.ndarray,
    texts: dict[tuple[str, str], list[tuple[str | None, str]]],
    rng: np.random.Generator,
) -> int:
    from sqlalchemy import Connection

    assert isinstance(connection, Connection)
    moment = datetime.combine(day, clock(12), tzinfo=UTC)
    rows = []
    for i in np.flatnonzero(counts):
        partner, service, category, contact_type, ward = cells.keys[i]
        options = texts[(category, contact_type)]
        for _ in range(int(counts[i])):
            confidence = float(min(0.99, rng.beta(9, 2)))
            subject, text = options[int(rng.integers(len(options)))]
            rows.append(
                {
                    "contact_id": uuid.uuid4(),
                    "source_system": "bench",
                    "source_ref": None,
                    "channel": "web",
                    "partner": partner,
                    "received_at": moment,
                    "received_on": day,
                    "subject": subject,
                    "text": text,
                    "ward": ward or None,
                    "postcode_district": None,
                    "attachment_count": 0,
                    "contact_type": contact_type,
                    "service": service,
                    "category": category,
                    "confidence": confidence,
                    "label_source": "model",
                    "model_version": "bench",
                    "classified_at": moment,
                    "needs_review": confidence < 0.55,
                    "suggestions": None,
                    "first_stored_at": moment,
                    "last_delivered_at": moment,
                    "delivery_count": 1,
                }
            )
    if rows:
        connection.execute(insert(ContactRow), rows)
    return len(rows)


@dataclass(frozen=True)
class Timed:
    """Wraps a section and records how long it took to build."""

    inner: DigestSection
    seconds: dict[str, float]

    @property
    def name(self) -> str:
        return self.inner.name

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        started = time.perf_counter()
        try:
            return self.inner.build(source, table)
        finally:
            self.seconds[self.inner.name] = time.perf_counter() - started


def digest_like_the_command(
    engine: Engine,
    reference: ReferenceData,
    scope: DigestScope,
    out: Path,
    seconds: dict[str, float],
) -> int:
    """What ``civicpulse digest --service S --period P --to DIR`` does after opening the DB."""
    sections = [Timed(s, seconds) for s in DEFAULT_SECTIONS]
    targets = load_targets(REPO / "config" / "targets.yaml")
    digest = build_digest(engine, reference, scope, sections=sections, targets=targets)
    started = time.perf_counter()
    rendered = DigestRenderer(reference.taxonomy).render(digest)
    write_digest_files(rendered, out)
    seconds["render and write"] = time.perf_counter() - started
    return len(digest.table)


Counts = dict[str, dict[tuple[str, ...], int]]


def baseline_table(engine: Engine, services: Sequence[str], periods: Sequence[Period]) -> Counts:
    """The digest's table straight from the contact table: a GROUP BY per period, walking the
    date index (its best plan; through the service index it would read the service's years)."""
    out: Counts = {}
    with engine.connect() as connection:
        for period in periods:
            query = (
                select(
                    ContactRow.service, ContactRow.category, ContactRow.contact_type, func.count()
                )
                .where(
                    func.coalesce(ContactRow.service, "").in_(services),  # date index
                    ContactRow.received_on >= period.start,
                    ContactRow.received_on <= period.end,
                )
                .group_by(ContactRow.service, ContactRow.category, ContactRow.contact_type)
            )
            out[period.label] = {tuple(r[:3]): int(r[3]) for r in connection.execute(query)}
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, list[float], object]:
    """(first run, later runs, result of the last run)."""
    runs, result = [], None
    for _ in range(repeat + 1):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return runs[0], runs[1:], result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench digest", description=__doc__)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--per-year", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="SQLite file to keep; reused when it exists")
    parser.add_argument("--service", default="waste_recycling")
    parser.add_argument("--period", default="2025-10", help="a month within the generated years")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    reference = load_reference_data(REPO / "config")
    period = parse_period(args.period)
    months = [period, period.previous(), period.same_period_last_year()]
    workdir = Path(tempfile.mkdtemp(prefix="bench-digest-"))
    path = args.db or workdir / "digest.db"
    fresh = not path.exists()
    engine = open_database(f"sqlite:///{path}")
    if fresh:
        started = time.perf_counter()
        with console.status(f"generating {args.years} x {args.per_year:,} contacts ..."):
            total, trend_rows, contacts = generate(
                engine, reference, args.years, args.per_year, months
            )
        console.print(
            f"generated {total:,} contacts: {trend_rows:,} trend rows and {contacts:,} contact "
            f"rows ({', '.join(m.label for m in months)}) in {time.perf_counter() - started:.0f}s"
        )
    with engine.connect() as c:
        trend_rows = c.scalar(select(func.count()).select_from(TrendCountRow)) or 0
        contacts = c.scalar(select(func.count()).select_from(ContactRow)) or 0
        total = int(
            c.scalar(
                select(func.sum(TrendCountRow.count)).where(TrendCountRow.period_kind == "year")
            )
            or 0
        )
    scope = DigestScope((args.service,), period)
    seconds: dict[str, float] = {}
    first, warm, rows = timed(
        lambda: digest_like_the_command(engine, reference, scope, workdir / "out", seconds),
        args.repeat,
    )
    t_first, t_warm, _ = timed(
        lambda: build_digest(engine, reference, scope, sections=()), args.repeat
    )
    b_first, b_warm, _ = timed(lambda: baseline_table(engine, scope.services, months), args.repeat)
    baseline = baseline_table(engine, scope.services, months)
    digest = build_digest(engine, reference, scope, sections=())
    same = all(
        {(r.service, r.category, r.contact_type): getattr(r, attr) for r in digest.table
         if getattr(r, attr)} == baseline[label]
        for attr, label in zip(("count", "previous", "last_year"), [m.label for m in months],
                               strict=True)
    )  # fmt: skip
    report = Table(
        title=f"Digest for {args.service} {period.label} over {total or 0:,} contacts "
        f"({trend_rows:,} trend rows, {contacts:,} contact rows)",
        title_justify="left",
    )
    for column in ("what", "first run (s)", f"median of {args.repeat} (s)", "note"):
        report.add_column(column, justify="left" if column in ("what", "note") else "right")
    report.add_row(
        "digest (build, render, write files)",
        f"{first:.3f}",
        f"{statistics.median(warm):.3f}",
        f"{rows} table rows; target < 2 s",
    )
    for name, value in seconds.items():
        report.add_row(f"  section/step: {name}", "", f"{value:.3f}", "last run")
    report.add_row(
        "the digest's table alone, from trend_count",
        f"{t_first:.3f}",
        f"{statistics.median(t_warm):.3f}",
        "period, previous period, same period last year",
    )
    report.add_row(
        "baseline: the same table by GROUP BY over contact",
        f"{b_first:.3f}",
        f"{statistics.median(b_warm):.3f}",
        "same numbers as the digest's table" if same else "DIFFERS from the digest's table",
    )
    console.print(report)
    engine.dispose()
    shutil.rmtree(workdir)  # the files written (and the database, unless --db kept it)
    return 0
