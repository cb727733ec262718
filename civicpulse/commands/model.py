"""``civicpulse train | evaluate`` (and ``models``, from ``model_versions``): train the classifier
(starter data, any labelled export, or the database's confirmed labels) and measure it."""

from __future__ import annotations

import inspect
import json
import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from civicpulse.commands.model_versions import models_app
from civicpulse.context import command_context, console, errors, fail, fail_on
from civicpulse.model_reports import show_evaluation, show_training
from civicpulse.output import Format
from classifiers import (
    DEFAULT_FAMILY,
    FAMILIES,
    STARTER_DATASET,
    TARGET_NAMES,
    LabelledText,
    ModelRegistry,
    TrainedModel,
    TrainingOptions,
    TrainingSet,
    UnmappedLabelsError,
    confusion_png,
    contact_text,
    encoding_progress,
    export_search,
    labelled_texts,
    labels_with_counts,
    most_confused,
    predictions,
    promote_checked,
    reliability_png,
    save_trained,
    searched_families,
    target_metrics,
    taxonomy_training_set,
    train_classifier,
    training_set,
    training_steps,
)
from config import Settings, Taxonomy, load_taxonomy
from contracts import PipelineError
from ingest import read_label_mapping, read_table

log = logging.getLogger(__name__)


class Target(StrEnum):
    type = "type"
    service = "service"
    category = "category"


def register(app: typer.Typer) -> None:
    families = f"Model families for --family: {', '.join(FAMILIES)}."
    app.command("train", help=f"{inspect.cleandoc(train.__doc__ or '')}\n\n{families}")(train)
    app.command("evaluate")(evaluate)
    app.add_typer(models_app, name="models")


FromOption = Annotated[
    Path | None,
    typer.Option(
        "--from",
        exists=True,
        dir_okay=False,
        help="Labelled CSV: with --label-column any export, else the columns subject, text, "
        "contact_type, service, category (default: the starter dataset)",
    ),
]
TextColumns = Annotated[
    list[str] | None, typer.Option("--text-column", help="Text column (repeat to join several)")
]


def train(
    from_: FromOption = None,
    text_column: TextColumns = None,
    label_column: Annotated[str | None, typer.Option(help="The label column")] = None,
    date_column: Annotated[
        str | None, typer.Option(help="Dates: test on the most recent months")
    ] = None,
    target: Annotated[Target, typer.Option(help="What the label column is")] = Target.category,
    mapping: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="YAML/CSV: their label -> our label"),
    ] = None,
    min_count: Annotated[int, typer.Option(help="Fold rarer labels into 'other'")] = 5,
    name: Annotated[str | None, typer.Option(help="Model name (starts the version)")] = None,
    promote: Annotated[
        bool | None,
        typer.Option(help="Make it the worker's model (default: when usable as it is)"),
    ] = None,
    select: Annotated[bool, typer.Option(help="Compare every model family (slower)")] = False,
    family: Annotated[
        str | None,
        typer.Option(
            help=f"Model family, no search (one of those listed above; default "
            f"{DEFAULT_FAMILY}, or with --label-column the best of a search on the export)"
        ),
    ] = None,
    target_precision: Annotated[
        float,
        typer.Option(
            "--precision-target",
            min=0.5,
            max=1.0,
            help="Precision wanted on auto-accepted contacts (chooses the review threshold)",
        ),
    ] = 0.95,
    old_target_precision: Annotated[
        float | None, typer.Option("--target-precision", min=0.5, max=1.0, hidden=True)
    ] = None,  # the option's name before --precision-target, kept for existing scripts
    from_database: Annotated[
        bool,
        typer.Option(
            "--from-database", help="Train on stored contacts with source/reviewer labels"
        ),
    ] = False,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    if_no_model: Annotated[
        bool,
        typer.Option(
            "--if-no-model",
            help="Do nothing when a model is promoted already (a deployment's first start)",
        ),
    ] = False,
) -> None:
    """Train the classifier, save it as a new version with its evaluation report, and
    (by default, when it can be used as it is) promote it."""
    ctx = command_context()
    registry = ModelRegistry(ctx.settings.models_dir)
    if if_no_model and (promoted := registry.promoted_version()) is not None:
        # Never replace a council's own promoted model with a fresh starter one.
        if format == Format.json:
            sys.stdout.write(json.dumps({"trained": False, "promoted_version": promoted}) + "\n")
        else:
            console.print(f"Model {promoted} is promoted already: not training (--if-no-model).")
        return
    taxonomy = load_taxonomy(ctx.settings.config_dir)
    if (text_column or date_column) and not label_column:
        raise fail("--text-column and --date-column need --label-column")
    if label_column and from_ is None:
        raise fail("--label-column needs --from FILE")
    if family is not None and family not in FAMILIES:
        raise fail(f"unknown family {family!r}: one of {', '.join(FAMILIES)}")
    # A council's own export: choose the family by evidence on it (unless one is named).
    searching = bool(label_column) and family is None and not select
    try:
        options = TrainingOptions(
            target_precision=old_target_precision or target_precision,
            min_count=min_count,
            mapping=read_label_mapping(mapping) if mapping else {},
            select=select,
            family=family or DEFAULT_FAMILY,
        )
        options = export_search(options) if searching else options
        if from_database:
            data, dataset = training_set(database_rows(ctx.settings)), "database (confirmed labels)"
        elif label_column and from_ is not None:
            rows = labelled_texts(
                read_table(from_),
                text_columns=text_column or ["text"],
                label_column=label_column,
                target=TARGET_NAMES[target.value],
                date_column=date_column,
            )
            data, dataset = training_set(rows, [TARGET_NAMES[target.value]]), str(from_)
        else:
            dataset = str(from_ or STARTER_DATASET)
            data = taxonomy_training_set(read_table(Path(dataset)), taxonomy)
        default_name = "database" if from_database else from_.stem if from_ else "starter"
        trained = _train_with_progress(data, taxonomy, name or default_name, options, format)
        save_trained(registry, trained, dataset=dataset, promote=False)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    version = trained.artifact.version
    outcome = _promote_after_training(registry, trained, taxonomy, options, promote)
    report = trained.report.with_dataset(dataset)
    if not report.auto_accept.target_reached and format == Format.table:
        # Loudly, on stderr too: a model that auto-accepts nothing sends every contact to review.
        for warning in (w for w in report.warnings if w.startswith("auto-accept:")):
            errors.print(f"[bold red]warning:[/] {warning}", highlight=False)
    if format == Format.json:
        for warning in report.warnings:
            log.warning("%s", warning)
        payload = {"version": version, **outcome, **report.to_dict()}
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    else:
        show_training(report, version, registry.models_dir / version, outcome)
    if outcome.get("promotion_refused"):
        raise typer.Exit(1)


def database_rows(settings: Settings) -> Iterator[LabelledText]:
    """Contacts whose labels a source system or a reviewer decided (never model guesses)."""
    from sinks import confirmed_labels, open_database

    engine = open_database(settings.sqlalchemy_url)
    try:
        for row in confirmed_labels(engine):
            yield LabelledText(
                text=contact_text(row.subject, row.text),
                contact_type=row.contact_type,
                service=row.service,
                category=row.category,
                received_at=row.received_at,
            )
    finally:
        engine.dispose()


def _train_with_progress(
    data: TrainingSet, taxonomy: Taxonomy, name: str, options: TrainingOptions, format: Format
) -> TrainedModel:
    families = len(searched_families(options))
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console if format == Format.table else errors,
        transient=format == Format.json,
    ) as progress:
        task = progress.add_task(
            f"training on {len(data)} contacts", total=training_steps(len(data.targets), families)
        )
        # Shown only when a family encodes sentences (the embedding stack): the slow part.
        encoding = progress.add_task("encoding sentences", total=None, visible=False)
        with encoding_progress(
            lambda done, total: progress.update(encoding, completed=done, total=total, visible=True)
        ):
            return train_classifier(
                data,
                taxonomy,
                name=name,
                options=options,
                on_step=lambda s: progress.update(task, advance=1, description=s),
            )


def _promote_after_training(
    registry: ModelRegistry,
    trained: TrainedModel,
    taxonomy: Taxonomy,
    options: TrainingOptions,
    promote: bool | None,
) -> dict[str, Any]:
    """Promote a worker-ready model unless told not to; a model of its own labels only when
    asked (--promote), through the checked promotion."""
    version, ready = trained.artifact.version, trained.artifact.review_threshold is not None
    if promote is False or (promote is None and not ready):
        note = (
            ""
            if ready
            else f" (not usable alone: `civicpulse models promote {version} [--mapping FILE]` "
            "maps its labels onto the taxonomy and lends it the promoted model's other heads)"
        )
        return {"promoted": False, "promotion": f"Not promoted{note}."}
    try:
        # Training promotes as it always has; the coverage and evaluation checks guard
        # `models promote` (issue 9), where a model trained elsewhere is put in service.
        done = promote_checked(registry, version, taxonomy, options.mapping, force=True)
    except UnmappedLabelsError as exc:
        errors.print(f"[bold red]promotion refused:[/] {exc}", highlight=False)
        return {"promoted": False, "promotion_refused": exc.unmapped, "promotion": str(exc)}
    except PipelineError as exc:
        raise fail_on(exc) from exc
    return {"promoted": True, "promoted_version": done.version, "promotion": done.describe()}


def evaluate(
    model: Annotated[str, typer.Option("--model", help="Model version")],
    on: Annotated[Path, typer.Option("--on", exists=True, dir_okay=False, help="Labelled CSV")],
    label_column: Annotated[str, typer.Option(help="The label column")],
    text_column: TextColumns = None,
    target: Annotated[Target, typer.Option(help="What the label column is")] = Target.category,
    format: Annotated[Format, typer.Option("--format")] = Format.table,
    out: Annotated[
        Path | None,
        typer.Option(
            help="Folder for the charts (default: outputs/evaluation-V in CIVICPULSE_HOME)"
        ),
    ] = None,
) -> None:
    """Measure a saved model on labelled contacts: accuracy, macro-F1, per class, confusion
    matrix and calibration (tables and PNGs), and what its stored threshold auto-accepts."""
    ctx = command_context()
    name = TARGET_NAMES[target.value]
    try:
        artifact = ModelRegistry(ctx.settings.models_dir).load_artifact(model)
        if name not in artifact.targets:
            raise fail(f"model {model} predicts {', '.join(artifact.targets)}, not {name}")
        rows = labelled_texts(
            read_table(on),
            text_columns=text_column or ["text"],
            label_column=label_column,
            target=name,
        )
        data = training_set(rows, [name])
    except PipelineError as exc:
        raise fail_on(exc) from exc
    if not data.texts:
        raise fail(
            f"{on}: no row has both text and a label in {label_column!r}: nothing to measure"
        )
    truth = [artifact.clean_label(name, label) for label in data.labels[name]]
    unknown = _labels_never_predicted(truth, artifact.labeller.classes(name), model)
    predicted, confidence = predictions(artifact.labeller, data.texts, name)
    metrics = target_metrics(truth, predicted, confidence, artifact.thresholds[name])
    folder = out or ctx.settings.outputs_dir / f"evaluation-{model}"
    folder.mkdir(parents=True, exist_ok=True)
    title = f"{model}: {name} on {on.name}"
    confusion = metrics.confusion_matrix
    assert confusion is not None  # target_metrics computes it unless told not to
    charts = {
        "confusion_matrix": str(confusion_png(confusion, folder / f"confusion-{name}.png", title)),
        "calibration": str(
            reliability_png(metrics.calibration, folder / f"calibration-{name}.png", title)
        ),
    }
    result = {
        "model": model,
        "target": name,
        "data": str(on),
        **metrics.to_dict(),
        "most_confused": [pair.to_dict() for pair in most_confused(confusion)],
        "labels_never_predicted": unknown,
        "charts": charts,
    }
    (folder / f"evaluation-{name}.json").write_text(json.dumps(result, indent=2))
    if format == Format.json:
        sys.stdout.write(json.dumps(result, indent=2) + "\n")
        return
    show_evaluation(metrics, model=model, target=name, data=str(on), charts=charts)


def _labels_never_predicted(truth: list[str], classes: Iterable[str], model: str) -> dict[str, int]:
    """Labels of the data the model has no class for, with their counts, said on standard
    error: every such contact counts as an error, so a wrong --target or --label-column, or
    another council's labels, would read as a bad model."""
    known = set(classes)
    unknown = Counter(label for label in truth if label not in known)
    if unknown:
        shown = labels_with_counts(dict(unknown.most_common()), 5)
        errors.print(
            f"[yellow]warning:[/] {sum(unknown.values())} of {len(truth)} contacts carry labels "
            f"model {model} never predicts: {escape(shown)}. They count as errors: check "
            "--target and --label-column, or train on these labels (`train --from`).",
            highlight=False,
        )
    return dict(unknown.most_common())
