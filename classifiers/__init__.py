"""Pure ML, no Kafka and no SQL: the contact classifier (type, service, category), its
training, evaluation and model registry, and removal of personal data from free text."""

from classifiers.compiled import prefer_current_sources, running_compiled

prefer_current_sources()  # first: no compiled module is imported before it decides

from classifiers.artifact import ModelArtifact
from classifiers.confusions import focus_labels, most_confused
from classifiers.dataset import (
    STARTER_DATASET,
    TARGET_NAMES,
    TARGETS,
    LabelledText,
    TrainingSet,
    labelled_texts,
    taxonomy_training_set,
    training_set,
)
from classifiers.embeddings import encoding_progress
from classifiers.errors import (
    ClassifierError,
    IncompleteModelError,
    ModelNotFoundError,
    ModelVersionError,
    PromotionRefusedError,
    TrainingDataError,
    UnmappedLabelsError,
)
from classifiers.evaluation import predictions, target_metrics, top_confusions
from classifiers.explain import explain
from classifiers.export_labels import LabelledExport, label_export
from classifiers.families import DEFAULT_FAMILY, EXPORT_SEARCH, FAMILIES
from classifiers.features import contact_text
from classifiers.labels import OTHER, labels_with_counts
from classifiers.model import ContactClassifier, SourceLabels
from classifiers.plots import confusion_png, reliability_png
from classifiers.promotion import Promotion, promote_checked
from classifiers.redaction import prepare_redaction, redact_personal_data
from classifiers.registry import ModelRegistry
from classifiers.report import (
    AutoAccept,
    AutoAcceptReport,
    ComparisonRow,
    ConfusedPair,
    ConfusionMatrix,
    OperatingPoint,
    Reliability,
    TargetMetrics,
    TrainingReport,
)
from classifiers.selection import SearchSettings
from classifiers.starter import promoted_or_starter, save_trained, train_and_register
from classifiers.tables import TextTable
from classifiers.train import (
    TrainedModel,
    TrainingOptions,
    export_search,
    searched_families,
    train_classifier,
    train_from_rows,
    training_steps,
)

__all__ = (
    "DEFAULT_FAMILY",
    "EXPORT_SEARCH",
    "FAMILIES",
    "OTHER",
    "STARTER_DATASET",
    "TARGETS",
    "TARGET_NAMES",
    "AutoAccept",
    "AutoAcceptReport",
    "ClassifierError",
    "ComparisonRow",
    "ConfusedPair",
    "ConfusionMatrix",
    "ContactClassifier",
    "IncompleteModelError",
    "LabelledExport",
    "LabelledText",
    "ModelArtifact",
    "ModelNotFoundError",
    "ModelRegistry",
    "ModelVersionError",
    "OperatingPoint",
    "Promotion",
    "PromotionRefusedError",
    "Reliability",
    "SearchSettings",
    "SourceLabels",
    "TargetMetrics",
    "TextTable",
    "TrainedModel",
    "TrainingDataError",
    "TrainingOptions",
    "TrainingReport",
    "TrainingSet",
    "UnmappedLabelsError",
    "confusion_png",
    "contact_text",
    "encoding_progress",
    "explain",
    "export_search",
    "focus_labels",
    "label_export",
    "labelled_texts",
    "labels_with_counts",
    "most_confused",
    "predictions",
    "prepare_redaction",
    "promote_checked",
    "promoted_or_starter",
    "redact_personal_data",
    "reliability_png",
    "running_compiled",
    "save_trained",
    "searched_families",
    "target_metrics",
    "taxonomy_training_set",
    "top_confusions",
    "train_and_register",
    "train_classifier",
    "train_from_rows",
    "training_set",
    "training_steps",
)
