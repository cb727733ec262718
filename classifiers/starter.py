"""The starter model: trained from the dataset the project ships (``STARTER_DATASET``, read by
the caller), promoted when nothing else is."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from classifiers.dataset import taxonomy_training_set
from classifiers.errors import ModelVersionError
from classifiers.model import ContactClassifier
from classifiers.registry import ModelRegistry
from classifiers.report import TrainingReport
from classifiers.tables import TextTable
from classifiers.train import TrainedModel, TrainingOptions, train_classifier
from config import Taxonomy

log = logging.getLogger(__name__)


def save_trained(
    registry: ModelRegistry, trained: TrainedModel, *, dataset: str, promote: bool
) -> Path:
    """Save a trained model with its report and a summary for ``models list``."""
    report = trained.report.with_dataset(dataset)
    folder = registry.save(
        trained.artifact,
        {
            "name": report.name,
            "dataset": dataset,
            "training": {
                "training_rows": report.training_rows,
                "holdout_rows": report.holdout_rows,
                "validation_rows": report.validation_rows,
                "family": report.family,
                "split": report.split,
            },
            "metrics": {
                t: {"accuracy": m.accuracy, "macro_f1": m.macro_f1}
                for t, m in report.holdout_metrics.items()
            },
            "report": report.to_dict(),
        },
    )
    if promote:
        registry.promote(trained.artifact.version)
    return folder


def train_and_register(
    registry: ModelRegistry,
    taxonomy: Taxonomy,
    *,
    dataset: TextTable,
    name: str = "starter",
    promote: bool = True,
    options: TrainingOptions | None = None,
    on_step: Callable[[str], None] | None = None,
) -> tuple[ContactClassifier, TrainingReport]:
    """Train on ``dataset`` (``subject,text,contact_type,service,category``), save the model
    with its evaluation report, and promote it."""
    data = taxonomy_training_set(dataset, taxonomy)
    trained = train_classifier(data, taxonomy, name=name, options=options, on_step=on_step)
    save_trained(registry, trained, dataset=dataset.source, promote=promote)
    return trained.classifier, trained.report.with_dataset(dataset.source)


def promoted_or_starter(
    registry: ModelRegistry, taxonomy: Taxonomy, starter: TextTable
) -> ContactClassifier:
    """The promoted model; on a fresh home, or when the promoted model was saved by an
    incompatible installation, train on ``starter`` and promote that model first."""
    if registry.promoted_version() is None:
        log.info("no promoted model in %s: training the starter model", registry.models_dir)
    else:
        try:
            return registry.load_promoted()
        except ModelVersionError as exc:
            log.warning("%s; training and promoting the starter model instead", exc)
    classifier, _ = train_and_register(registry, taxonomy, dataset=starter)
    return classifier
