"""Stage 4b: page view models -> Markdown files for the engine (Jinja2, autoescaped)."""

from __future__ import annotations

import hashlib
import io
import pickle
import re
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..views.i18n import t
from ..views.parts import PageView

_BLANK_LINES = re.compile(r"\n\s*\n")


def environment(template_dir: Path) -> jinja2.Environment:
    """The generator's templates (compiled anew by each process: see stored.py)."""
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


def render_page(env: jinja2.Environment, page: PageView, lang: str) -> str:
    template = env.get_template(page.template)
    text = template.render(page.context, lang=lang, t=partial(t, lang=lang))
    front, _, body = text.partition("\n---\n")
    # Blank lines would end Python-Markdown's raw HTML block and let body text
    # be read as Markdown: the HTML part is written without them.
    return front + "\n---\n" + _BLANK_LINES.sub("\n", body).strip() + "\n"


@dataclass(frozen=True)
class Rendered:
    digest: bytes  # page_digest of the view model it was rendered from
    data: bytes  # the Markdown file for the engine
    fresh: bool = field(default=False, compare=False)  # rendered by this build


class PageCache:
    """Rendered pages kept between builds of the live preview (in memory).

    `briefing build` keeps them in each edition's pages archive instead
    (editions.read_archive). A page whose view model has last build's digest
    is not rendered again: hashing a view model costs a tenth of rendering it."""

    def __init__(self) -> None:
        self.editions: dict[str, dict[str, Rendered]] = {}


def page_digest(page: PageView, lang: str) -> bytes:
    # pickle tells a str from Markup, so a value that changed only in its
    # escaping still counts as a change. Fast mode (no memo) makes equal view
    # models pickle the same whichever of their values are shared objects.
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    pickler.dump((page.template, lang, page.context))
    return hashlib.blake2b(buffer.getbuffer(), digest_size=16).digest()
