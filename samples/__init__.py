"""Synthetic, seeded citizen contacts: the starter training set, the demo intake files, a
multi-year history for back-filling a database, and two export-like benchmark sets."""

from samples.crm_export import CRM_HEADER, CRM_SEED, CrmCase, crm_csv, generate_crm, write_crm_csv
from samples.demo import DEMO_SEED, generate_demo, render_json, write_demo
from samples.errors import PhraseBankError, QuotaNotMetError, SamplesError
from samples.feedback_export import (
    FEEDBACK_HEADER,
    FEEDBACK_SEED,
    FeedbackRow,
    feedback_csv,
    generate_feedback,
    write_feedback_csv,
)
from samples.history import (
    HISTORY_SEED,
    HistoricContact,
    HistoryPlan,
    generate_history,
    load_texts,
)
from samples.history_responses import Handling, handling_of
from samples.ratings import Rating, generate_ratings
from samples.starter import (
    STARTER_HEADER,
    STARTER_SEED,
    StarterRow,
    category_frequencies,
    generate_starter_rows,
    starter_csv,
    starter_quotas,
    write_starter_csv,
)
from samples.webforms import Webform, generate_webforms

__all__ = (
    "CRM_HEADER",
    "CRM_SEED",
    "DEMO_SEED",
    "FEEDBACK_HEADER",
    "FEEDBACK_SEED",
    "HISTORY_SEED",
    "STARTER_HEADER",
    "STARTER_SEED",
    "CrmCase",
    "FeedbackRow",
    "Handling",
    "HistoricContact",
    "HistoryPlan",
    "PhraseBankError",
    "QuotaNotMetError",
    "Rating",
    "SamplesError",
    "StarterRow",
    "Webform",
    "category_frequencies",
    "crm_csv",
    "feedback_csv",
    "generate_crm",
    "generate_demo",
    "generate_feedback",
    "generate_history",
    "generate_ratings",
    "generate_starter_rows",
    "generate_webforms",
    "handling_of",
    "load_texts",
    "render_json",
    "starter_csv",
    "starter_quotas",
    "write_crm_csv",
    "write_demo",
    "write_feedback_csv",
    "write_starter_csv",
)
