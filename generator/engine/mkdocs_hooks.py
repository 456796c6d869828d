"""MkDocs hooks loaded by each edition's generated config (runs inside the engine)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

from generator.core import stored
from generator.core.writer import replace_file, replacing
from generator.engine.htmlspace import collapse_whitespace
from generator.engine.page_memo import MemoTemplate, PageMemo
# The engine's shortcuts for generated pages (the page template rendered once
# per shape of page, no Markdown parser, a stand-in for the content while the
# theme runs). BRIEFING_PLAIN_ENGINE=1 turns them off; a test holds the two
# sites byte-identical.
SHORTCUTS = not os.environ.get("BRIEFING_PLAIN_ENGINE")


# `briefing build` can hand MkDocs a hard-linked copy of the live site to
# update (--dirty): a file written in place would change site/ while the build
# runs. MkDocs' writes therefore go through writer.replacing (a new file
# renamed over the old one), but for a file that does not exist yet.
def _write_file(content: bytes, output_path: str) -> None:
    # The common case first, in one call: a new file in a folder that exists.
    try:
        fd = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError:
        replace_file(Path(output_path), content)
        return
    with open(fd, "wb") as handle:
        handle.write(content)


def _copy_file(source_path: str, output_path: str) -> None:
    if os.path.isdir(output_path):
        output_path = os.path.join(output_path, os.path.basename(source_path))
    with open(source_path, "rb") as source, replacing(Path(output_path)) as target:
        shutil.copyfileobj(source, target)


def _skip_markdown_for_generated_pages() -> None:
    # A generated page is finished HTML, set aside by on_page_markdown and put
    # back by on_page_content: Python-Markdown would only turn the empty text
    # left into nothing, and building its parser per page was a tenth of the
    # engine's time. Other pages are rendered by MkDocs as usual.
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import get_toc

    render = Page.render
    if getattr(render, "briefing", False):
        return

    def render_page(self: Any, config: Any, files: Any) -> None:
        if not getattr(self.file, "briefing_page", False):
            return render(self, config, files)
        # What Page.render gives for empty Markdown.
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}
        return None

    render_page.briefing = True  # type: ignore[attr-defined]
    Page.render = render_page


def on_startup(command: str, dirty: bool) -> None:
    import mkdocs.utils

    mkdocs.utils.write_file = _write_file
    mkdocs.utils.copy_file = _copy_file
    if SHORTCUTS:
        _skip_markdown_for_generated_pages()


def _rtl_root(output: str, config: Any) -> str:
    # Material writes dir only on <body>; the whole document must carry it so
    # that user agents and assistive technology see an RTL page from the root.
    if config.theme.get("language") == "ar":
        return output.replace('<html lang="ar" class="no-js">', '<html lang="ar" dir="rtl" class="no-js">', 1)
    return output


# The generator's pages come from one archive per edition (see
# generator/editions.py), not from a file each in docs/.


def _page_file_class() -> type:
    from mkdocs.structure.files import File

    class GeneratedPage(File):
        """A page from the archive. In a dirty run it is rendered again only if
        the generator says it changed (or its HTML is missing)."""

        changed = True
        briefing_page = True

        def is_modified(self) -> bool:
            return self.changed or not os.path.isfile(self.abs_dest_path)

    return GeneratedPage


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import Files

    briefing = config.extra.get("briefing", {})
    archive = briefing.get("pages")
    sources: dict[str, dict[str, Any]]
    if archive:
        pages = stored.read(Path(archive), stored.PAGES, None, stored.Pages)  # written just before by this build
        if pages is None:
            raise RuntimeError(f"{archive}: the generator's pages cannot be read")
        sources = {src_uri: {"content": data} for src_uri, (_digest, data) in pages.items()}
    elif briefing.get("pages_in_docs"):
        # `build --pages-as-files`: MkDocs found the pages in docs/ (every
        # Markdown file there is one); they are the generator's all the same.
        sources = {file.src_uri: {"abs_src_path": file.abs_src_path} for file in files.documentation_pages()}
        files = Files([file for file in files if file.src_uri not in sources])
    else:
        return files
    changed = None
    try:
        changed = set(json.loads(Path(briefing["changed"]).read_text(encoding="utf-8")))
    except FileNotFoundError:
        pass  # a full run: every page
    page_file = _page_file_class()
    # In one order whichever way the pages came: it is the order of the sitemap.
    for src_uri in sorted(sources):
        file = page_file.generated(config, src_uri, **sources[src_uri])
        file.changed = changed is None or src_uri in changed
        files.append(file)
    return files


# Generated pages are HTML already (sanitised by the generator): Python-Markdown
# would only re-parse it, which was a third of the engine's time. The HTML is
# set aside before Markdown runs and put back after.
_GENERATED_HTML: dict[str, str] = {}


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    _GENERATED_HTML[page.file.src_uri] = markdown
    return ""


# Until the page is written, the theme sees a stand-in for the HTML: the
# theme and plugins then handle a few bytes instead of the whole page (Material's
# search plugin, when it ran, spent a tenth of the engine's time on a regular
# expression over every page's content). The stand-in holds "<h1" when the HTML
# does, for the theme's one test of the content (whether to add a title).
_CONTENT: dict[str, str] = {}
_STAND_IN = "<!--briefing:content-->"


def _stand_in(html: str) -> str:
    return _STAND_IN + ("<!--<h1-->" if "<h1" in html else "")


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    generated = _GENERATED_HTML.pop(page.file.src_uri, None)
    if generated is None:
        return html
    _CONTENT[page.file.src_uri] = generated
    return _stand_in(generated) if SHORTCUTS else generated


def on_post_page(output: str, page: Any, config: Any) -> str:
    html = _CONTENT.pop(page.file.src_uri, None)
    if html is None:
        return _finish(output, config)
    # The theme's frame around the content loses its indentation; the
    # generator's HTML, compact already, goes back as it is (walking it too
    # doubled the time for no byte). Both ways of rendering split the page
    # at the content, so they give the same page.
    shown = _stand_in(html) if SHORTCUTS else html
    if output.count(shown) != 1:
        raise RuntimeError(f"{page.file.src_uri}: the theme did not show the page's content exactly once")
    before, after = output.split(shown)
    return _finish(before, config) + html + _finish(after, config)


def on_post_template(output: str, template_name: str, config: Any) -> str:
    return _finish(output, config) if template_name.endswith(".html") else output


def _finish(theme_html: str, config: Any) -> str:
    return collapse_whitespace(_rtl_root(theme_html, config))


def on_template_context(context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
    # MkDocs renders error pages with absolute URLs rooted at site_url's path,
    # or at "/" without a site_url: right for the English edition at the
    # server root, wrong for the Arabic one, which lives under ar/.
    if template_name == "404.html" and not config.site_url and config.theme.get("language") == "ar":
        from mkdocs.utils import normalize_url

        context["base_url"] = "/ar/"
        context["extra_css"] = [normalize_url(path, None, "/ar/") for path in config.extra_css]
        context["extra_javascript"] = [normalize_url(str(path), None, "/ar/") for path in config.extra_javascript]
    return context


# The page template itself, once per shape of generated page: see
# generator/engine/page_memo.py. MkDocs asks the environment for "main.html" by name
# alone for each page; Jinja's own look-ups (extends, include) name a parent.
_MEMO = PageMemo()
ENGINE_STATS = "engine-stats.json"


def on_env(env: Any, config: Any, files: Any) -> Any:
    if SHORTCUTS:
        get_template = env.get_template

        def memo_get_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            if name == "main.html" and parent is None and globals is None:
                return MemoTemplate(template, _MEMO)
            return template

        env.get_template = memo_get_template
    return env


def on_post_build(config: Any) -> None:
    if config.extra.get("briefing", {}).get("edition"):
        # How many pages the theme rendered and how many came from the page
        # memo: read by the tests and the benchmark (beside the edition's docs).
        _replace(Path(config.docs_dir).parent / ENGINE_STATS, json.dumps(_MEMO.stats(), sort_keys=True))


def _replace(path: Path, text: str) -> None:
    # A new file, never a rewrite in place: the previous site may share it (hard link).
    replace_file(path, text.encode("utf-8"))
