"""Stage 4a: which pages each edition has, and what each shows (pure view models)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any, Iterator, Optional

from markupsafe import Markup, escape

from ..core import urls
from .i18n import LANGUAGE_NAMES, format_date, t
from ..linking.link import LinkedBriefing, Site
from ..text.markup import plain
from ..content.model import Bilingual, other

HOME_LATEST = 20


@dataclass(frozen=True)
class Page:
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
        # The generator writes the search entries itself (searchindex.py).
        "search": {"exclude": True},
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
# edition_pages): the same briefing is listed on many pages, and pages at the
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


def edition_pages(site: Site, lang: str, site_name: Bilingual) -> Iterator[Page]:
    from .profiles import profile_pages
    from .timeline_pages import timeline_pages

    _MEMO.clear()
    yield home_page(site, lang, site_name)
    yield briefings_index(site, lang)
    for index in range(len(site.briefings)):
        yield briefing_page(site, index, lang)
    yield from profile_pages(site, lang)
    yield from timeline_pages(site, lang)


def home_page(site: Site, lang: str, site_name: Bilingual) -> Page:
    here = ""
    latest = [briefing_item(lb, lang, here) for lb in site.briefings[:HOME_LATEST]]
    return Page(
        "index.md",
        "home.md.j2",
        {
            "front": front_matter(site_name.get(lang), t("site_description", lang), "home"),
            "site_name": site_name.get(lang),
            "latest": latest,
            "links": {"briefings": urls.relative(here, "briefings/")},
        },
    )


def briefings_index(site: Site, lang: str) -> Page:
    here = "briefings/"
    years = [
        {"year": year, "entries": [briefing_item(lb, lang, here) for lb in group]}
        for year, group in groupby(site.briefings, key=lambda lb: lb.briefing.date.year)
    ]
    return Page(
        "briefings/index.md",
        "briefings.md.j2",
        {
            "front": front_matter(t("briefings", lang), t("site_description", lang), "index"),
            "years": years,
            "count": len(site.briefings),
        },
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


def briefing_page(site: Site, index: int, lang: str) -> Page:
    from .timeline_pages import briefing_events

    lb = site.briefings[index]
    b = lb.briefing
    here = urls.briefing(b.slug)
    corpus = site.corpus
    original = lb.docs[b.original.lang]
    mine = lb.doc(lang)
    other_doc = lb.doc(other(lang))
    # The edition's own language comes first (on the right in the Arabic edition).
    shown = [d for d in (mine, other_doc) if d is not None]
    columns = [
        {
            "lang": d.doc.lang,
            "dir": direction(d.doc.lang),
            "original": d is original,
            "label": t("original_in" if d is original else "translation_in", lang, language=LANGUAGE_NAMES[lang][d.doc.lang]),
            # Readers search in their edition's language; the other column would
            # double the index for no hit they can read.
            "exclude": d.doc.lang != lang and mine is not None,
        }
        for d in shown
    ]
    depth = max(len(d.paragraphs) for d in shown)
    # Built here rather than in the template: a loop over every paragraph of
    # every briefing was the template's largest cost.
    opening = [
        f'<div class="bf-cell{" bf-original" if c["original"] else ""}"{" data-search-exclude" if c["exclude"] else ""}'
        f' lang="{escape(c["lang"])}" dir="{escape(c["dir"])}">'
        for c in columns
    ]
    rows_html = Markup("".join(
        '<div class="bf-row">'
        + "".join(f"{tag}{d.paragraphs[i] if i < len(d.paragraphs) else ''}</div>" for tag, d in zip(opening, shown))
        + "</div>\n"
        for i in range(depth)
    ))
    translation = lb.briefing.translation
    if translation is None:
        status = "missing"
    else:
        status = translation.status or "unknown"
    key_doc = mine if mine is not None and mine.summary else original
    location = corpus.places.get(b.location.id) if b.location else None
    notice = None
    if mine is None:
        notice = t("not_translated", lang, language=LANGUAGE_NAMES[lang][original.doc.lang])
    first = shown[0].doc  # the edition's language, else the original
    title = lang_text(first.title, first.lang)
    description = " ".join(key_doc.doc.summary) or plain(original.paragraphs[0] if original.paragraphs else "")
    context = {
        "front": front_matter(title["text"], description, "briefing"),
        "b": {
            "title": title,
            "notice": notice,
            "iso": b.date.isoformat(),
            "date": format_date(b.date, lang),
            "source": b.source.name,
            "source_url": b.source.url,
            "location": {"href": urls.relative(here, urls.place(location.id)), "name": location.name.get(lang)} if location else None,
            "original_language": LANGUAGE_NAMES[lang][b.original.lang],
            "status": status,
            "status_text": t(f"status_{status}", lang),
            "translator": translation.translator if translation else None,
            "topics": [
                {"href": urls.relative(here, urls.topic(ref.id)), "name": corpus.topics[ref.id].name.get(lang)}
                for ref in b.topics
                if ref.id in corpus.topics
            ],
            "key_points": key_doc.summary,
            "key_points_lang": key_doc.doc.lang,
            "key_points_dir": direction(key_doc.doc.lang),
            "involved": [x for a in lb.involved if (x := actor_link(site, a, lang, here))],
            "mentioned": [x for a in lb.mentioned if (x := actor_link(site, a, lang, here))],
            "events": briefing_events(site, b.slug, lang, here),
            "related": [briefing_item(site.briefings[i], lang, here) for i in site.relations.related[index]],
            "columns": columns,
            "rows_html": rows_html,
        },
    }
    return Page(f"briefings/{b.slug}.md", "briefing.md.j2", context)

