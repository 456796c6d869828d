"""Stage 4a: the briefing pages (home, the list of briefings, one page per briefing) as view models."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup, escape

from ..content.model import Bilingual, other
from ..core import urls
from ..linking.link import Site
from ..text.markup import plain
from .i18n import LANGUAGE_NAMES, format_date, t
from .parts import PageView, actor_link, briefing_item, direction, front_matter, lang_text
from .home import first_key_point, home_extras, with_point
from .timeline_pages import briefing_events

HOME_LATEST = 20


def home_page(site: Site, lang: str, site_name: Bilingual) -> PageView:
    here = ""
    latest = [{"html": with_point(briefing_item(lb, lang, here)["html"], first_key_point(site, i, lang))}
              for i, lb in enumerate(site.briefings[:HOME_LATEST])]
    return PageView(
        "index.md",
        "home.md.j2",
        {
            "front": front_matter(site_name.get(lang), t("site_description", lang), "home"),
            "site_name": site_name.get(lang),
            "latest": latest,
            "links": {"briefings": urls.relative(here, "briefings/")},
            "extras": home_extras(site, lang, here),
        },
    )


def briefings_index(site: Site, lang: str) -> PageView:
    here = "briefings/"
    years = [
        {"year": year, "entries": [briefing_item(lb, lang, here) for lb in group]}
        for year, group in groupby(site.briefings, key=lambda lb: lb.briefing.date.year)
    ]
    return PageView(
        "briefings/index.md",
        "briefings.md.j2",
        {
            "front": front_matter(t("briefings", lang), t("site_description", lang), "index"),
            "years": years,
            "count": len(site.briefings),
        },
    )

def briefing_page(site: Site, index: int, lang: str) -> PageView:
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
        }
        for d in shown
    ]
    depth = max(len(d.paragraphs) for d in shown)
    # Built here rather than in the template: a loop over every paragraph of
    # every briefing was the template's largest cost.
    opening = [
        f'<div class="bf-cell{" bf-original" if c["original"] else ""}"'
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
    return PageView(f"briefings/{b.slug}.md", "briefing.md.j2", context)

