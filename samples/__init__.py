"""Synthetic, seeded citizen contacts: the starter training set, the demo intake files and a
multi-year history for back-filling a database."""

from samples.demo import DEMO_SEED, generate_demo, render_json, write_demo
from samples.errors import PhraseBankError, QuotaNotMetError, SamplesError
from samples.history import (
    HISTORY_SEED,
    HistoricContact,
    HistoryPlan,
    generate_history,
    load_texts,
)
from samples.ratings import Rating, generate_ratings
from samples.starter import (
    STARTER_HEADER,
    STARTER_SEED,
    StarterRow,
    generate_starter_rows,
    starter_csv,
    starter_quotas,
    write_starter_csv,
)
from samples.webforms import Webform, generate_webforms

__all__ = (
    "DEMO_SEED",
    "HISTORY_SEED",
    "STARTER_HEADER",
    "STARTER_SEED",
    "HistoricContact",
    "HistoryPlan",
    "PhraseBankError",
    "QuotaNotMetError",
    "Rating",
    "SamplesError",
    "StarterRow",
    "Webform",
    "generate_demo",
    "generate_history",
    "generate_ratings",
    "generate_starter_rows",
    "generate_webforms",
    "load_texts",
    "render_json",
    "starter_csv",
    "starter_quotas",
    "write_demo",
    "write_starter_csv",
)
