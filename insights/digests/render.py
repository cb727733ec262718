"""Rendering a digest with the Jinja2 templates in ``insights/templates``: an HTML email (inline
CSS, charts as ``cid:`` images), the same page standalone (images as data URLs), a plain-text
part and the table as CSV; and the message the delivery channels send."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from config import Taxonomy
from contracts import SpreadsheetDictWriter
from delivery import Attachment, InlinePart, Message, write_message_files
from insights.digests.model import CSV_FIELDS, Digest, InlineImage, describe_period

PLURALS = {"enquiry": "enquiries", "all": "all contacts"}


@dataclass(frozen=True)
class RenderedDigest:
    key: str
    subject: str
    html: str  # for email: images are cid: references to ``images``
    standalone_html: str  # for files and webhooks: images embedded as data URLs
    text: str
    csv: str
    images: tuple[InlineImage, ...]

    @property
    def csv_filename(self) -> str:
        return f"digest-{self.key.split(':')[0].replace('/', '-')}.csv"


def template_environment() -> Environment:
    """The Jinja2 environment over ``insights/templates`` (HTML autoescaped, text not)."""
    env = Environment(
        loader=PackageLoader("insights", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["num"] = lambda n: f"{int(n):,}"
    env.filters["plural"] = lambda word: PLURALS.get(word, f"{word}s")
    return env


class DigestRenderer:
    """Renders digests; build one per process (or command) and reuse it."""

    def __init__(self, taxonomy: Taxonomy, env: Environment | None = None) -> None:
        self.taxonomy = taxonomy
        self.env = env or template_environment()

    def render(self, digest: Digest) -> RenderedDigest:
        context = self._context(digest)
        html = self._page(context, lambda img: f"cid:{img.cid}")
        standalone = html
        for image in digest.images:  # the same page with the images embedded
            standalone = standalone.replace(f'src="cid:{image.cid}"', f'src="{data_url(image)}"')
        text = self.env.get_template("digest.txt.j2").render(**context)
        return RenderedDigest(
            digest.key,
            context["subject"],
            html,
            standalone,
            text,
            digest_csv(digest),
            digest.images,
        )

    def _page(self, context: dict[str, Any], image_src: Callable[[InlineImage], str]) -> str:
        template = self.env.get_template("digest.html.j2")
        return template.render(**context, image_src=image_src)

    def _context(self, digest: Digest) -> dict[str, Any]:
        scope = digest.scope
        names = [self.taxonomy.service_name(s) for s in scope.services]
        services_title = (
            names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
        )
        summary = next((s for s in digest.sections if s.name == "summary"), None)
        total = summary.data["total"] if summary else None
        changes = next((s for s in digest.sections if s.name == "changes"), None)
        flagged = len(changes.data.get("changes", ())) if changes else 0
        so_far = (
            f" so far (to {digest.to_date:%-d %B}; the period is still in progress, so each "
            "comparison is with the same number of days)"
            if digest.to_date
            else ""
        )
        intro = (
            f"{total['count']:,} contacts about {services_title.lower()} in {scope.period.label}"
            f"{so_far}, against {total['last_year']:,} in the same period last year "
            f"({digest.last_year.label}) and {total['previous']:,} in {digest.previous.label}."
            if total
            else f"No contacts about {services_title.lower()} in {scope.period.label}{so_far}."
        )
        if changes is not None:
            intro += (
                f" {flagged} significant change{'s' if flagged != 1 else ''} "
                f"{'are' if flagged != 1 else 'is'} listed first."
            )
        subject = f"{services_title}: digest for {scope.period.label}"
        if total:
            subject += f" ({total['count']:,} contacts"
            subject += f", {flagged} significant change{'s' if flagged != 1 else ''})"
        return {
            "title": f"{services_title}: {scope.period.label}",
            "subject": subject,
            "preheader": intro,
            "intro": intro,
            "services_title": services_title,
            "period": scope.period.label,
            "period_words": describe_period(scope.period)
            + (f", to {digest.to_date:%-d %B %Y} (in progress)" if digest.to_date else ""),
            "period_start": scope.period.start.isoformat(),
            "period_end": scope.period.end.isoformat(),
            "previous": digest.previous.label,
            "last_year": digest.last_year.label,
            "recipient_name": scope.recipient_name,
            "generated_at": digest.generated_at.strftime("%Y-%m-%d %H:%M UTC"),
            "key": digest.key,
            "sections": digest.sections,
        }


def data_url(image: InlineImage) -> str:
    return "data:image/png;base64," + base64.b64encode(image.png).decode("ascii")


def digest_csv(digest: Digest) -> str:
    buffer = io.StringIO()
    writer = SpreadsheetDictWriter(buffer, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(digest.csv_records())
    return buffer.getvalue()


def digest_message(rendered: RenderedDigest) -> Message:
    """What a delivery channel sends: text and HTML parts, charts inline, the CSV attached."""
    return Message(
        key=rendered.key,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        standalone_html=rendered.standalone_html,
        inline=tuple(
            InlinePart(i.cid, i.png, "image/png", f"{i.cid.split('.')[0]}.png")
            for i in rendered.images
        ),
        attachments=(Attachment(rendered.csv_filename, rendered.csv.encode("utf-8"), "text/csv"),),
    )


def write_digest_files(rendered: RenderedDigest, folder: Path) -> list[Path]:
    """``digest.html`` (standalone), ``digest.txt`` and ``digest.csv`` in ``folder``."""
    message = digest_message(rendered)
    csv_only = Message(
        key=message.key,
        subject=message.subject,
        text=message.text,
        html=message.html,
        standalone_html=message.standalone_html,
        attachments=(Attachment("digest.csv", rendered.csv.encode("utf-8"), "text/csv"),),
    )
    return write_message_files(csv_only, folder, stem="digest")
