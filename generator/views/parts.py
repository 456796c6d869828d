"""What every page view is made of: the view record, front matter, text marked with its language, and the links to briefings and actors that many pages repeat."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from markupsafe import Markup, escape

from ..core import urls
from .i18n import format_date, t
from ..linking.linked import LinkedBriefing
from ..linking.link import Site

@dataclass(frozen=True)
class PageView:
    """One page of an edition, before rendering: the Markdown file it becomes, its template and what the template shows."""

    path: str  # docs-relative Markdown path, e.g. "briefings/x.md"
    template: str
    context: dict[str, Any]


def direction(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def front_matter(title: str, description: str, kind: str) -> Markup:
    """Front matter for MkDocs; strings are HTML-escaped, as the theme inserts them raw."""
    meta = {
        "title": html.escape(title),
        "description": html.escape(" ".join(description.split())[:300]),
        "kind": kind,
    }
    # JSON is valid YAML and needs no further quoting rules.
    return Markup("\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()))


def lang_text(value: str, lang: str) -> dict[str, str]:
    """Text in `lang`, for templates that mark it when it is not the edition's (macro text)."""
    return {"text": value, "lang": lang, "dir": direction(lang)}


def text_html(text: str, text_lang: str, lang: str) -> str:
    """Escaped `text`, marked with its language and direction unless it is the edition's."""
    if text_lang != lang:
        return f'<span lang="{escape(text_lang)}" dir="{direction(text_lang)}">{escape(text)}</span>'
    return str(escape(text))


# Items and actor links made while one edition's pages are built (cleared by
# forget_links, before each edition): the same briefing is listed on many pages, and pages at the
# same depth link it with the same href. Keyed by object id; each entry keeps
# its object, so that the id cannot pass to another while the entry lives.
# Callers never change what they get.
_MEMO: dict[tuple[Any, ...], tuple[Any, Any]] = {}


@lru_cache(maxsize=4096)
def _prefix(here: str, section: str) -> str:
    """What goes before '<id>/' in a link from `here` to a page of `section` (not `here` itself)."""
    base = urls.relative(here, section)
    return "" if base == "./" else base


def briefing_item(lb: LinkedBriefing, lang: str, here: str, how: str = "") -> dict[str, Any]:
    b = lb.briefing
    if here.startswith("briefings/") and here == urls.briefing(b.slug):
        prefix = None  # the page itself: its link is "./"
    else:
        prefix = _prefix(here, "briefings/")
        hit = _MEMO.get((id(lb), lang, prefix, how))
        if hit is not None and hit[0] is lb:
            return hit[1]
    doc = b.shown(lang)
    href = urls.relative(here, urls.briefing(b.slug)) if prefix is None else prefix + b.slug + "/"
    iso = b.date.isoformat()
    item = {"html": _item_html(href, doc.title, doc.lang, lang, iso, format_date(b.date, lang), b.source.name,
                               b.document(lang) is None, how)}
    if prefix is not None:
        _MEMO[(id(lb), lang, prefix, how)] = (lb, item)
    return item


@lru_cache(maxsize=65536)
def _item_html(href: str, title: str, title_lang: str, lang: str, iso: str, date: str, source: str,
               untranslated: bool, how: str) -> Markup:
    """One <li> of a briefing list. Built here rather than by a template macro:
    the same item appears on many pages, and macro calls were a third of the
    render stage at 2,000 briefings. Every value is escaped; plain string
    joins, as Markup.format costs ten times more."""
    title_html = text_html(title, title_lang, lang)
    badges = ""
    if untranslated:
        badges += f' · <span class="bf-badge">{escape(t("status_missing", lang))}</span>'
    if how:
        badges += f' · <span class="bf-badge">{escape(how)}</span>'
    return Markup(
        f'<li class="bf-list__item"><a href="{escape(href)}">{title_html}</a> <span class="bf-list__meta">'
        f'<time datetime="{escape(iso)}">{escape(date)}</time> · <bdi>{escape(source)}</bdi>{badges}</span></li>'
    )


def actor_link(site: Site, actor_id: str, lang: str, here: str) -> Optional[dict[str, str]]:
    actor = site.corpus.actors.get(actor_id)
    if actor is None:
        return None
    if here.startswith("actors/") and here == urls.actor(actor_id):
        return {"href": "./", "name": actor.name.get(lang)}
    key = (id(actor), lang, _prefix(here, "actors/"))
    hit = _MEMO.get(key)
    if hit is not None and hit[0] is actor:
        return hit[1]
    link = {"href": key[2] + actor_id + "/", "name": actor.name.get(lang)}
    _MEMO[key] = (actor, link)
    return link


def forget_links() -> None:
    """Empties the memo of items and actor links: each edition starts afresh."""
    _MEMO.clear()
