"""The page memo (generator/engine/page_memo.py) serves a page only where the theme
would have rendered exactly the same: templates that transform or read the
page's values another way fall back to rendering every page.

Real MkDocs pages and real Jinja templates; the site-wide byte-for-byte check
against Material is tests/engine/test_engine_shortcuts.py."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from generator.engine.page_memo import MemoTemplate, PageMemo, page_values


@pytest.fixture()
def config(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    cfg = MkDocsConfig()
    cfg.load_dict({"site_name": "Briefings", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                   "site_url": "https://example.org/sub/"})
    assert cfg.validate() == ([], [])
    return cfg


def _page(config: MkDocsConfig, src: str, title: str, description: str = "About it", generated: bool = True) -> Page:
    """A page as MkDocs has it when the theme runs: front matter read, content set."""
    path = Path(config.docs_dir) / src
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {json.dumps(title)}\ndescription: {json.dumps(description)}\nkind: briefing\n---\n<p>Text</p>\n",
                    encoding="utf-8")
    file = File(src, config.docs_dir, config.site_dir, config.use_directory_urls)
    file.briefing_page = generated  # type: ignore[attr-defined]  # as mkdocs_hooks marks archive pages
    page = Page(None, file, config)
    page.read_source(config)
    page.content = "<!--briefing:content-->"
    return page


def _render_all(source: str, pages: list[Page]) -> tuple[list[str], list[str], PageMemo]:
    """Each page through the memo and straight through the template."""
    template = jinja2.Environment(loader=jinja2.DictLoader({"main.html": source})).get_template("main.html")
    memo = PageMemo()
    through_memo = [MemoTemplate(template, memo).render({"page": page}) for page in pages]
    direct = [template.render({"page": page}) for page in pages]
    return through_memo, direct, memo


VERBATIM = ('<title>{{ page.meta.title }} - Briefings</title><meta content="{{ page.meta.description }}">'
            '<link href="{{ page.canonical_url }}"><a href="../../ar/{{ page.url }}">{{ page.title }}</a>')


def test_pages_of_one_shape_come_from_the_memo(config: MkDocsConfig) -> None:
    pages = [_page(config, f"briefings/meeting-{i}.md", f"Meeting {i} in Moscow") for i in range(4)]
    through_memo, direct, memo = _render_all(VERBATIM, pages)
    assert through_memo == direct
    # The first page teaches the shape, the second checks it, the rest are filled in.
    assert memo.stats() == {"theme": 2, "memo": 2, "shapes": 1, "shapes refused": 0}
    assert "https://example.org/sub/briefings/meeting-3/" in through_memo[3]


def test_a_template_that_changes_a_value_is_rendered_for_every_page(config: MkDocsConfig) -> None:
    pages = [_page(config, f"briefings/meeting-{i}.md", f"Meeting {i}") for i in range(3)]
    through_memo, direct, memo = _render_all("<h1>{{ page.meta.title | upper }}</h1>", pages)
    assert through_memo == direct
    assert memo.stats()["memo"] == 0 and memo.stats()["theme"] == 3


def test_a_value_read_another_way_is_never_frozen_into_the_memo(config: MkDocsConfig) -> None:
    # The stand-in page has no stand-in for file.src_uri: the first page's
    # slug would be copied to every page. Seen in the stand-in rendering, the
    # shape is refused.
    pages = [_page(config, f"briefings/meeting-{i}.md", f"Meeting {i}") for i in range(5)]
    through_memo, direct, memo = _render_all('{{ page.url }} {{ page.file.src_uri }}', pages)
    assert through_memo == direct
    assert memo.stats()["memo"] == 0


def test_values_that_escaping_changes_take_their_own_shape(config: MkDocsConfig) -> None:
    titles = ["Oil talks", "Gas talks", "Q&A on oil", "Q&A on gas", "Grain talks"]
    pages = [_page(config, f"briefings/talks-{i}.md", title) for i, title in enumerate(titles)]
    through_memo, direct, memo = _render_all("<title>{{ page.meta.title | e }}</title>", pages)
    assert through_memo == direct
    assert "<title>Q&amp;A on gas</title>" in through_memo
    # Plain titles share a shape the memo serves; titles with "&" form
    # another, refused because escaping changes them.
    assert memo.stats()["memo"] == 1 and memo.stats()["shapes"] == 1 and memo.stats()["shapes refused"] == 1


def test_a_filter_that_changes_only_some_values_gets_shapes_apart(config: MkDocsConfig) -> None:
    # Lower-case titles are left alone by `lower`, the others are not: they differ in shape.
    titles = ["oil talks", "gas talks", "grain talks", "Talks in Moscow", "Talks in Minsk", "Talks in Baku"]
    pages = [_page(config, f"briefings/talks-{i}.md", title) for i, title in enumerate(titles)]
    through_memo, direct, memo = _render_all("<h1>{{ page.meta.title | lower }}</h1>", pages)
    assert through_memo == direct
    assert memo.stats() == {"theme": 5, "memo": 1, "shapes": 1, "shapes refused": 1}


def test_the_second_page_of_a_shape_is_checked_against_the_theme(config: MkDocsConfig) -> None:
    # truncate acts on length, which no shape holds: the first title is short
    # enough to pass whole, the second is not, and the shape is refused.
    titles = ["Oil talks", "Gas talks in Baku", "Grain talks", "Oil talks again and again"]
    pages = [_page(config, f"briefings/talks-{i}.md", title) for i, title in enumerate(titles)]
    through_memo, direct, memo = _render_all("<h1>{{ page.meta.title | truncate(12, leeway=0) }}</h1>", pages)
    assert through_memo == direct
    assert memo.stats() == {"theme": 4, "memo": 0, "shapes": 0, "shapes refused": 1}


def test_only_generated_pages_one_level_down_qualify(config: MkDocsConfig) -> None:
    assert page_values(_page(config, "briefings/a-b.md", "T")) == {"slug": "a-b", "title": "T", "description": "About it"}
    assert page_values(_page(config, "briefings/index.md", "T")) is None  # a section index, in the nav
    assert page_values(_page(config, "index.md", "T")) is None
    assert page_values(_page(config, "briefings/a-b.md", "T", generated=False)) is None


class _EveryPage(list):  # type: ignore[type-arg]
    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("the list of all pages was read for one page")


def test_a_shape_does_not_read_the_list_of_all_pages(config: MkDocsConfig) -> None:
    # MkDocs hands every page's template the list of all pages: reading it per
    # page would make the engine quadratic in the number of pages.
    pages = [_page(config, f"briefings/meeting-{i}.md", f"Meeting {i}") for i in range(3)]
    every = _EveryPage([None] * 100)
    template = jinja2.Environment().from_string("{{ page.meta.title }}")
    memo = PageMemo()
    assert [memo.render(template, {"page": page, "pages": every}) for page in pages] == ["Meeting 0", "Meeting 1", "Meeting 2"]
    assert memo.stats()["memo"] == 1
