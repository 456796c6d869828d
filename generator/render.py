"""Stage 4b: page view models -> Markdown files for the engine (Jinja2, autoescaped)."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from .i18n import t
from .pages import Page

_BLANK_LINES = re.compile(r"\n\s*\n")


def environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # The one trust point: HTML that the generator itself sanitised (article
    # bodies through nh3, mention links it inserted).
    env.filters["safe_html"] = Markup
    return env


def render_page(env: jinja2.Environment, page: Page, lang: str) -> str:
    template = env.get_template(page.template)
    text = template.render(page.context, lang=lang, t=partial(t, lang=lang))
    front, _, body = text.partition("\n---\n")
    # Blank lines would end Python-Markdown's raw HTML block and let body text
    # be read as Markdown: the HTML part is written without them.
    return front + "\n---\n" + _BLANK_LINES.sub("\n", body).strip() + "\n"


class PageCache:
    """Rendered pages kept between builds of one process (the live preview).

    A page whose view model equals last time's is not rendered again: the
    comparison runs in C and costs a fraction of a template render."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], tuple[dict, bytes]] = {}

    def render(self, env: jinja2.Environment, page: Page, lang: str) -> bytes:
        key = (lang, page.path)
        hit = self._pages.get(key)
        if hit is not None and hit[0] == page.context:
            return hit[1]
        data = render_page(env, page, lang).encode()
        self._pages[key] = (page.context, data)
        return data
