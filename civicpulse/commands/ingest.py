"""``civicpulse ingest csv|email|webform|ratings``: read outside input, publish it, summarise."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, TypeVar

import httpx
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from civicpulse.broker_address import with_broker
from civicpulse.context import CommandContext, command_context, console, fail, fail_on
from civicpulse.intake_outbox import durable_publisher
from config import load_crm_profiles
from contracts import ContactReceived, PipelineError
from ingest import (
    Backfill,
    BrokerUnavailableError,
    MalformedEmailError,
    RejectedRow,
    parse_column_overrides,
    parse_crm_file,
    parse_mailbox,
    publish_contacts,
    read_submissions,
    resolve_profile,
    write_rejects,
)

app = typer.Typer(help="Put contacts onto the stream from files.", no_args_is_help=True)
T = TypeVar("T")
CHUNK = 1000


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )


def _chunks(items: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rejects_path(ctx: CommandContext, source: Path) -> Path:
    ctx.settings.rejects_dir.mkdir(parents=True, exist_ok=True)
    return ctx.settings.rejects_dir / f"{source.stem}-{datetime.now(UTC):%Y%m%dT%H%M%S}-rejects.csv"


def _summary(title: str, rows: list[tuple[str, object]]) -> None:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in rows:
        table.add_row(name, str(value))
    console.print(table)


def _broker_lost(exc: PipelineError, published: int) -> typer.Exit:
    if isinstance(exc, BrokerUnavailableError):
        return fail(
            f"the broker stopped answering after {published} contacts were published (they are "
            "kept in the intake outbox and sent again by `civicpulse up`/`serve` when it "
            "returns); re-run this command for the rest: nothing stored is doubled"
        )
    return fail(f"{exc} ({published} contacts were published before this)")


def _top(counter: Counter[str], n: int = 5) -> str:
    return ", ".join(f"{k} ({v})" for k, v in counter.most_common(n)) or "-"


@app.command("csv")
def ingest_csv(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV or XLSX export")],
    profile: Annotated[
        str | None, typer.Option(help="Column-mapping profile (config/profiles)")
    ] = None,
    column: Annotated[
        list[str] | None, typer.Option(help="FIELD=HEADER, overrides the profile")
    ] = None,
    rejects: Annotated[Path | None, typer.Option(help="Where to write rejected rows")] = None,
    from_start: Annotated[
        bool, typer.Option("--from-start", help="Ignore the checkpoint of an interrupted run")
    ] = False,
) -> None:
    """Back-fill a CRM export: returns once every good row is stored. Bad rows go to a rejects
    file with their reasons; an interrupted run resumes where it stopped."""
    from civicpulse.crm_backfill import build_backfill, run_with_progress

    ctx = command_context()
    rejects_file = rejects or _rejects_path(ctx, file)
    try:
        overrides = parse_column_overrides(column or [])
        chosen = resolve_profile(profile, load_crm_profiles(ctx.settings.config_dir), overrides)
        parse = parse_crm_file(
            file,
            profile=chosen,
            reference=ctx.reference,
            column_overrides=overrides,
            earliest_year=ctx.settings.earliest_year,
        )
        settings = with_broker(ctx.settings)  # after the file's checks: a wrong file says so
        backfill, finish = build_backfill(
            settings, parse, file, rejects_file, on_progress=lambda tally: None
        )
    except PipelineError as exc:
        raise fail_on(exc) from exc
    total = max(0, _count_lines(file) - 1) or None
    try:
        tally = run_with_progress(backfill, console, total, resume=not from_start)
    except PipelineError as exc:
        backfill.save()
        raise _interrupted(backfill, str(exc)) from exc
    finally:
        finish()
    resumed = parse.rows_skipped
    _summary(
        f"{file.name} (profile {chosen.name})",
        [
            *([("rows stored before (resumed after)", resumed)] if resumed else []),
            ("rows read", parse.rows_read),
            ("contacts stored", tally.contacts_stored),
            ("case lifecycle events published", tally.case_events),
            ("rejected", tally.rejected),
            ("duplicate rows (same contact id)", parse.duplicates),
            ("partners not in config (accepted)", _top(parse.unknown_partners)),
            ("wards not in config (accepted)", _top(parse.unknown_wards)),
            ("source labels not in taxonomy", _top(parse.unmapped_labels)),
            (
                f"dated before {ctx.settings.earliest_year} (accepted, check them)",
                _top(parse.early_dates),
            ),
        ],
    )
    if tally.rejected:
        for reject in backfill.rejects.first:
            console.print(f"  rejected {file}:{reject}", highlight=False)
        console.print(f"Rejected rows and their reasons: {rejects_file}")


def _interrupted(backfill: Backfill, why: str) -> typer.Exit:
    checkpoint = backfill.checkpoint
    line = checkpoint.stored_through_line if checkpoint else 0
    return fail(
        f"{why}: every accepted row through line {line} is stored "
        f"({backfill.tally.contacts_stored} contacts in this run); run the same command again "
        "to resume after it (nothing stored is doubled)"
    )


@app.command("email")
def ingest_email(
    path: Annotated[
        Path, typer.Argument(exists=True, help=".eml file, folder of .eml, Maildir or mbox")
    ],
    rejects: Annotated[Path | None, typer.Option(help="Where to write unreadable messages")] = None,
) -> None:
    """Publish emails. Unreadable messages are listed in a rejects file; the rest carry on."""
    ctx = command_context()
    try:
        settings = with_broker(ctx.settings)
        publisher = durable_publisher(settings)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    failures: list[MalformedEmailError] = []
    published = read = 0
    try:
        with _progress() as progress:
            task = progress.add_task(path.name, total=None)
            for chunk in _chunks(parse_mailbox(path, reference=ctx.reference)):
                read += len(chunk)
                failures.extend(m for m in chunk if isinstance(m, MalformedEmailError))
                published += publish_contacts(
                    publisher, [c for c in chunk if isinstance(c, ContactReceived)]
                )
                progress.update(task, completed=read)
            progress.update(task, total=read)
    except PipelineError as exc:
        raise _broker_lost(exc, published) from exc
    finally:
        publisher.relay.stop()
    if failures:
        rejects_file = rejects or _rejects_path(ctx, path)
        write_rejects([RejectedRow(f.source, None, f.reason) for f in failures], rejects_file)
    _summary(
        path.name, [("messages read", read), ("published", published), ("rejected", len(failures))]
    )
    for failure in failures[:10]:
        console.print(f"  rejected {failure}", highlight=False)


@app.command("webform")
def ingest_webform(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="JSON array of form submissions")
    ],
    api: Annotated[
        str | None, typer.Option(help="Intake API base URL (default: this home's API)")
    ] = None,
) -> None:
    """POST each web-form submission in FILE to the intake API, as a web form would.

    A refused submission is listed with the API's reason and the rest carry on."""
    ctx = command_context()
    base = api or f"http://{ctx.settings.api_host}:{ctx.settings.api_port}"
    try:
        submissions = read_submissions(file)
    except PipelineError as exc:
        raise fail_on(exc) from exc
    accepted, refused = post_all(base, "/contacts", submissions)
    warned = [(a.get("contact_id"), w) for a in accepted for w in _warnings(a)]
    _summary(
        file.name,
        [
            ("submissions", len(submissions)),
            ("accepted (202)", len(accepted)),
            ("accepted with a warning", len({contact for contact, _ in warned})),
            ("refused", len(refused)),
        ],
    )
    for contact_id, warning in warned[:10]:
        console.print(f"  contact {contact_id}: {warning}", highlight=False)
    for index, reason in refused[:10]:
        console.print(f"  submission {index}: {reason}", highlight=False)
    if refused:
        raise typer.Exit(1)


def post_all(
    base: str, path: str, bodies: Sequence[object]
) -> tuple[list[dict[str, object]], list[tuple[int, str]]]:
    """POST each body; returns the accepted answers and (index, reason) for the refused.

    Stops only when the API cannot be reached at all; a body the API refuses, or one request
    that gets no answer, is recorded against its index and the next one is sent."""
    accepted: list[dict[str, object]] = []
    refused: list[tuple[int, str]] = []
    headers = {"content-type": "application/json"}
    with httpx.Client(base_url=base, timeout=30) as client, _progress() as progress:
        task = progress.add_task(f"POST {path}", total=len(bodies))
        for index, body in enumerate(bodies):
            progress.advance(task)
            try:
                # ASCII-escaped, so text that is not valid Unicode (a lone surrogate) still
                # reaches the API, which refuses it by field name.
                content = json.dumps(body, ensure_ascii=True)
            except (ValueError, RecursionError) as exc:
                refused.append((index, f"cannot be sent as JSON: {exc}"))
                continue
            try:
                answer = client.post(path, content=content, headers=headers)
            except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
                raise fail(
                    f"the intake API at {base} is not answering ({exc}); start it with "
                    f"`civicpulse up` ({len(accepted)} of {len(bodies)} accepted before this)"
                ) from exc
            except httpx.TransportError as exc:
                reason = f"no answer ({type(exc).__name__}: {exc}); it may not have been stored"
                refused.append((index, reason))
                continue
            if answer.status_code == 503:  # intake paused: every later one would be refused
                raise fail(
                    f"the intake API at {base} has paused intake (no broker): "
                    f"{len(accepted)} of {len(bodies)} accepted before this; re-run later"
                )
            if answer.status_code == 202:
                accepted.append(answer.json())
            else:
                refused.append((index, f"{answer.status_code} {_refusal(answer)}"))
    return accepted, refused


def _refusal(answer: httpx.Response) -> str:
    """The API's reason: ``field: problem`` for each field of a 422, else the answer's text."""
    try:
        detail = answer.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    if isinstance(detail, list):
        return "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', [])[1:]) or 'body'}: {e.get('msg')}"
            for e in detail
            if isinstance(e, dict)
        )[:500]
    return str(detail) if isinstance(detail, str) else answer.text[:300]


def _warnings(answer: dict[str, object]) -> list[str]:
    found = answer.get("warnings")
    return [str(w) for w in found] if isinstance(found, list) else []


def _count_lines(path: Path) -> int:
    if path.suffix.lower() in {".xlsx", ".xlsm"}:
        return 0
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
