"""The rendered digest reads well in mail clients: inline CSS only, a 600-pixel table layout,
charts as cid: images (data URLs in the file version), a plain-text part; and sections can be
added without touching the builder."""

from __future__ import annotations

import base64
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from bs4 import BeautifulSoup
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import Engine

from config import ReferenceData
from contracts import parse_period
from insights.digests import (
    DEFAULT_SECTIONS,
    DigestRenderer,
    DigestScope,
    DigestSource,
    RenderedDigest,
    Section,
    TableRow,
    build_digest,
    template_environment,
    write_digest_files,
)
from sinks import open_database

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def sqlite_engine(
    tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData, write_random: Any
) -> Iterator[Engine]:
    """Rendering does not depend on the database: one SQLite file for the module."""
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('render') / 'digests.db'}")
    write_random(engine, reference, 800)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def rendered(sqlite_engine: Engine, reference: ReferenceData) -> RenderedDigest:
    scope = DigestScope(("waste_recycling", "highways_lighting"), parse_period("2025/26-Q3"))
    digest = build_digest(sqlite_engine, reference, scope)
    return DigestRenderer(reference.taxonomy).render(digest)


def test_email_html_uses_inline_css_and_cid_images(rendered: RenderedDigest) -> None:
    soup = BeautifulSoup(rendered.html, "html.parser")
    assert soup.find(["style", "script", "link"]) is None  # clients strip them
    assert soup.html is not None and soup.html["lang"] == "en"
    assert soup.find("meta", attrs={"charset": "utf-8"}) is not None
    layout = soup.find("table", attrs={"width": "600"})
    assert layout is not None and "max-width:600px" in str(layout["style"])
    for tag in soup.find_all(["h1", "h2", "p", "td", "th", "table"]):
        assert tag.get("style"), f"<{tag.name}> without inline style"
    cids = {f"cid:{image.cid}" for image in rendered.images}
    sources = {img["src"] for img in soup.find_all("img")}
    assert sources == cids and len(cids) == 2
    for img in soup.find_all("img"):
        assert img["alt"] and img["width"] == "560" and "max-width" in img["style"]
    headings = [h.get_text() for h in soup.find_all("h2")]
    assert headings[:3] == ["At a glance", "Significant changes", "2025/26-Q3 by category"]
    assert "Waste and recycling and Highways and street lighting" in soup.h1.get_text()  # type: ignore[union-attr]
    assert "2025/26-Q3 (October to December 2025)" in rendered.html


def test_standalone_html_embeds_the_charts(rendered: RenderedDigest) -> None:
    soup = BeautifulSoup(rendered.standalone_html, "html.parser")
    images = soup.find_all("img")
    assert len(images) == 2
    for img in images:
        head, _, data = str(img["src"]).partition(",")
        assert head == "data:image/png;base64"
        assert base64.b64decode(data).startswith(PNG)
    assert "cid:" not in rendered.standalone_html


def test_text_part_is_plain_and_narrow(rendered: RenderedDigest) -> None:
    assert "<" not in rendered.text.replace("<5", "")
    assert max(len(line) for line in rendered.text.splitlines()) <= 100
    for label in ("2025/26-Q3", "2025/26-Q2", "2024/25-Q3"):
        assert label in rendered.text
    assert "AT A GLANCE" in rendered.text and "SIGNIFICANT CHANGES" in rendered.text


def test_files_are_written(rendered: RenderedDigest, tmp_path: Any) -> None:
    written = write_digest_files(rendered, tmp_path / "out")
    assert sorted(p.name for p in written) == ["digest.csv", "digest.html", "digest.txt"]
    assert (tmp_path / "out" / "digest.csv").read_text(encoding="utf-8") == rendered.csv
    assert (tmp_path / "out" / "digest.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")


@dataclass(frozen=True)
class SatisfactionSection:
    """What a later issue adds: a section object and its two templates."""

    name: str = "satisfaction"

    def build(self, source: DigestSource, table: Sequence[TableRow]) -> Section | None:
        return Section(self.name, "Satisfaction", {"score": 4.2, "period": source.period.label})


def test_a_new_section_is_a_class_and_two_templates(
    sqlite_engine: Engine, reference: ReferenceData
) -> None:
    env = template_environment()
    env.loader = ChoiceLoader(
        [
            DictLoader(
                {
                    "section_satisfaction.html.j2": "<p style=''>Mean {{ section.data.score }}</p>",
                    "section_satisfaction.txt.j2": "Mean score {{ section.data.score }}\n",
                }
            ),
            env.loader,  # type: ignore[list-item]
        ]
    )
    sections = (*DEFAULT_SECTIONS[:2], SatisfactionSection(), *DEFAULT_SECTIONS[2:])
    scope = DigestScope(("waste_recycling",), parse_period("2025-10"))
    digest = build_digest(sqlite_engine, reference, scope, sections=sections)
    rendered = DigestRenderer(reference.taxonomy, env).render(digest)
    assert [s.name for s in digest.sections][2] == "satisfaction"
    assert "Mean 4.2" in rendered.html and "Mean score 4.2" in rendered.text
    assert rendered.text.index("SATISFACTION") < rendered.text.index("2025-10 BY CATEGORY")
