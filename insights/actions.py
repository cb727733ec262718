""" "You said, we did": the measured effect of an action on its theme. Contacts on the theme in
the complete months after the action are set against what the theme's own history (the months
before it) predicted, with an exact interval, so a quiet month or two is not hailed as success.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scipy.stats import beta
from sqlalchemy import Engine

from classifiers import redact_personal_data
from config import Taxonomy
from contracts import period_of
from insights.analysis import PeriodSeries, load_series
from sinks import StoredAction, stored_actions

HISTORY_MONTHS = 12  # the months before an action that say what to expect
AFTER_MONTHS = 12  # the months after it that are measured
MIN_HISTORY = 3


@dataclass(frozen=True)
class ActionEffect:
    """Contacts on a theme before and after an action, against what its history predicted."""

    months_before: int
    months_after: int
    before: int
    after: int
    expected_after: float | None
    ratio: float | None  # after / expected
    ratio_low: float | None  # 95% interval of the ratio
    ratio_high: float | None
    verdict: str

    def describe(self) -> str:
        if self.expected_after is None:
            return self.verdict
        return (
            f"{self.after} in the {self.months_after} month(s) since, against about "
            f"{self.expected_after:.0f} expected from the {self.months_before} before: "
            f"{self.verdict}"
        )


def action_effect(
    series: PeriodSeries | None, taken_on: date, today: date, *, level: float = 0.95
) -> ActionEffect:
    """The effect of an action taken on ``taken_on`` on a monthly ``series`` of its theme,
    measured over the complete months after the action's month (up to ``today``)."""
    if series is None or series.kind != "month":
        return _unmeasured(0, 0, 0, "no contacts on this theme yet")
    action_month = period_of("month", taken_on)
    this_month = period_of("month", today)
    pairs = list(zip(series.periods, series.counts, strict=True))
    before = [n for p, n in pairs if p.start < action_month.start][-HISTORY_MONTHS:]
    after = [n for p, n in pairs if action_month.end < p.start < this_month.start]
    after = after[:AFTER_MONTHS]
    if len(before) < MIN_HISTORY or sum(before) == 0:
        return _unmeasured(len(before), len(after), sum(after), "not enough history to judge")
    if not after:
        return _unmeasured(len(before), 0, 0, "too soon to tell (no complete month since)")
    n_before, n_after = sum(before), sum(after)
    expected = n_before / len(before) * len(after)
    low, high = _rate_ratio_interval(n_after, len(after), n_before, len(before), level)
    if high < 1:
        verdict = "fewer than its history predicted"
    elif low > 1:
        verdict = "more than its history predicted"
    else:
        verdict = "no significant change from what its history predicted"
    return ActionEffect(
        len(before), len(after), n_before, n_after, expected, n_after / expected, low, high,
        verdict,
    )  # fmt: skip


def _unmeasured(months_before: int, months_after: int, after: int, verdict: str) -> ActionEffect:
    return ActionEffect(months_before, months_after, 0, after, None, None, None, None, verdict)


def _rate_ratio_interval(
    after: int, months_after: int, before: int, months_before: int, level: float
) -> tuple[float, float]:
    """Exact interval for the ratio of two Poisson rates (after/before), from the Clopper-
    Pearson interval of after's share of all contacts given their total."""
    total, alpha = after + before, 1 - level
    p_low = 0.0 if after == 0 else float(beta.ppf(alpha / 2, after, total - after + 1))
    p_high = 1.0 if after == total else float(beta.ppf(1 - alpha / 2, after + 1, total - after))
    scale = months_before / months_after

    def ratio(p: float) -> float:
        return float("inf") if p >= 1 else p / (1 - p) * scale

    return ratio(p_low), ratio(p_high)


@dataclass(frozen=True)
class ActionReport:
    """One action as reports show it: names, its public wording and its measured effect."""

    action: StoredAction
    service_name: str
    category_name: str
    public_summary: str  # personal data removed: reports are read by the public
    effect: ActionEffect

    def record(self) -> dict[str, object]:
        """The JSON row of ``actions list`` and the reports (ids and names, plain numbers)."""
        a, e = self.action, self.effect
        return {
            "action_id": str(a.action_id),
            "service": a.theme.service,
            "service_name": self.service_name,
            "category": a.theme.category,
            "category_name": self.category_name,
            "contact_type": a.theme.contact_type.value,
            "ward": a.theme.ward,
            "period": a.theme.period,
            "outcome": a.outcome.value,
            "summary": self.public_summary,
            "taken_on": a.taken_on.isoformat(),
            "contacts": a.contacts,
            "told": a.told,
            "months_before": e.months_before,
            "months_after": e.months_after,
            "contacts_after": e.after,
            "expected_after": None if e.expected_after is None else round(e.expected_after, 1),
            "ratio": None if e.ratio is None else round(e.ratio, 3),
            "ratio_ci": None
            if e.ratio_low is None
            else [round(e.ratio_low, 3), _round(e.ratio_high)],
            "effect": e.verdict,
        }


def _round(value: float | None) -> float | None:
    return None if value is None or value == float("inf") else round(value, 3)


def action_reports(
    engine: Engine,
    taxonomy: Taxonomy,
    *,
    services: Sequence[str] | None = None,
    taken_from: date | None = None,
    taken_to: date | None = None,
    today: date,
    limit: int | None = None,
) -> list[ActionReport]:
    """The action log (newest first, at most ``limit``) with each action's effect on its
    theme's contacts (one series read per action, so only for the actions shown)."""
    out = []
    logged = stored_actions(engine, services=services, taken_from=taken_from, taken_to=taken_to)
    for action in logged[:limit]:
        theme = action.theme
        where: dict[str, str | None] = {
            "service": theme.service,
            "category": theme.category,
            "contact_type": theme.contact_type.value,
        }
        if theme.ward is not None:
            where["ward"] = theme.ward
        series = load_series(engine, "month", ("service",), where=where)
        effect = action_effect(series[0] if series else None, action.taken_on, today)
        out.append(
            ActionReport(
                action=action,
                service_name=taxonomy.service_name(theme.service),
                category_name=_category_name(taxonomy, theme.service, theme.category),
                public_summary=redact_personal_data(action.summary),
                effect=effect,
            )
        )
    return out


def _category_name(taxonomy: Taxonomy, service: str, category: str) -> str:
    try:
        names = {c.id: c.name for c in taxonomy.service(service).categories}
    except KeyError:  # a service since removed from the taxonomy keeps its id
        return category
    return names.get(category, category)
