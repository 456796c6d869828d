"""Stage 4a, continued: timeline pages and event view models (pure)."""

from __future__ import annotations

from itertools import groupby
from typing import Any, Iterator, Optional, Sequence

from markupsafe import Markup, escape

from ..core import urls
from ..linking.events import MergedEvent
from .i18n import format_date, format_month, t
from ..linking.link import Site
from .figures import events_chart
from .parts import PageView, actor_link, front_matter, lang_text, text_html

# Up to this many events the timeline is one page; beyond, /timeline/ lists
# the years and each year has its own page, so no page grows without bound.
INLINE_MAX = 200


def event_href(event: MergedEvent, here: str) -> str:
    return urls.relative(here, urls.timeline_year(event.date.year)) + "#" + urls.event_anchor(event.id)


def event_title(site: Site, event: MergedEvent, lang: str) -> str:
    if event.title:
        return event.title.get(lang)
    names = [site.corpus.actors[a].name.get(lang) for a in event.participants if a in site.corpus.actors]
    return (" – " if lang == "en" else "، ").join(names) or t(f"event_{event.type}", lang)


def event_item(site: Site, index: int, lang: str, here: str) -> dict[str, Any]:
    event = site.timeline.events[index]
    corpus = site.corpus
    place = corpus.places.get(event.location) if event.location else None
    sources = []
    for slug in event.briefings:
        lb = site.briefings[site.by_slug[slug]]
        doc = lb.shown(lang)
        sources.append({
            "href": urls.relative(here, urls.briefing(slug)),
            "title": lang_text(doc.doc.title, doc.doc.lang),
            "source": lb.briefing.source.name,
        })
    item = {
        "anchor": urls.event_anchor(event.id),
        "type": event.type,
        "type_label": t(f"event_{event.type}", lang),
        "title": event_title(site, event, lang),
        "iso": event.date.isoformat(),
        "date": format_date(event.date, lang),
        "end_iso": event.end.isoformat() if event.end else None,
        "end": format_date(event.end, lang) if event.end else None,
        "place": {"href": urls.relative(here, urls.place(place.id)), "name": place.name.get(lang)} if place else None,
        "participants": [link for a in event.participants if (link := actor_link(site, a, lang, here))],
        "sources": sources,
    }
    item["body_html"] = _event_body(item, lang)
    return item


def _event_body(e: dict[str, Any], lang: str) -> Markup:
    """The inside of an event's <li>, escaped here: an event appears on its
    briefings', its participants' and the timeline's pages, and the template
    macro doing this was a fifth of the render stage."""
    head = f'<span class="bf-event__type">{escape(e["type_label"])}</span> · <time datetime="{escape(e["iso"])}">{escape(e["date"])}</time>'
    if e["end"]:
        head += f' – <time datetime="{escape(e["end_iso"])}">{escape(e["end"])}</time>'
    if e["place"]:
        head += f' · <a href="{escape(e["place"]["href"])}">{escape(e["place"]["name"])}</a>'
    parts = [f'\n<p class="bf-event__head">{head}</p>\n<p class="bf-event__title"><strong>{escape(e["title"])}</strong></p>\n']
    if e["participants"]:
        people = ("، " if lang == "ar" else ", ").join(
            f'<a href="{escape(p["href"])}">{escape(p["name"])}</a>' for p in e["participants"])
        parts.append(f'<p class="bf-event__people"><span class="bf-label">{escape(t("participants", lang))}:</span> {people}</p>')
    sources = ("؛ " if lang == "ar" else "; ").join(
        f'<a href="{escape(s["href"])}">{text_html(s["title"]["text"], s["title"]["lang"], lang)}</a>'
        f' (<bdi>{escape(s["source"])}</bdi>)' for s in e["sources"])
    parts.append(f'<p class="bf-event__sources"><span class="bf-label">{escape(t("sources", lang))}:</span> {sources}</p>\n')
    return Markup("".join(parts))


def grouped(site: Site, indexes: list[int], lang: str, here: str) -> list[dict[str, Any]]:
    """Events grouped by year, then month, oldest first."""
    events = site.timeline.events
    years = []
    for year, in_year in groupby(indexes, key=lambda i: events[i].date.year):
        months = []
        for month, in_month in groupby(in_year, key=lambda i: events[i].date.month):
            months.append({
                "id": f"m{year}-{month:02d}",
                "label": format_month(year, month, lang),
                "events": [event_item(site, i, lang, here) for i in in_month],
            })
        years.append({"year": year, "id": f"y{year}", "months": months})
    return years


def timeline_pages(site: Site, lang: str) -> Iterator[PageView]:
    events = site.timeline.events
    all_indexes = list(range(len(events)))
    by_year = {year: list(group) for year, group in groupby(all_indexes, key=lambda i: events[i].date.year)}
    here = "timeline/"
    inline = len(events) <= INLINE_MAX
    yield PageView(
        "timeline/index.md",
        "timeline.md.j2",
        {
            "front": front_matter(t("timeline", lang), t("timeline", lang), "timeline"),
            "title": t("timeline", lang),
            "total": len(events),
            "years": _year_nav(by_year, here),
            "chart": events_chart(events, lang, lambda y, m: _month_href(here, y, m, inline)),
            "groups": grouped(site, all_indexes, lang, here) if inline else [],
        },
    )
    for year, indexes in sorted(by_year.items()):
        here = urls.timeline_year(year)
        yield PageView(
            f"timeline/{year}.md",
            "timeline.md.j2",
            {
                "front": front_matter(t("timeline_year", lang, year=year), t("timeline", lang), "timeline"),
                "title": t("timeline_year", lang, year=year),
                "total": len(indexes),
                "years": _year_nav(by_year, here),
                "chart": events_chart([events[i] for i in indexes], lang, lambda y, m: _month_href(here, y, m, True)),
                "groups": grouped(site, indexes, lang, here),
            },
        )


def _month_href(here: str, year: int, month: int, on_this_page: bool) -> str:
    """A month's heading (grouped gives it the id m<year>-<month>): on this page, or on its year's."""
    anchor = f"#m{year}-{month:02d}"
    return anchor if on_this_page else urls.relative(here, urls.timeline_year(year)) + anchor


def _year_nav(by_year: dict[int, list[int]], here: str) -> list[dict[str, Any]]:
    return [{"year": y, "href": urls.relative(here, urls.timeline_year(y)), "count": len(ix)} for y, ix in sorted(by_year.items())]


def actor_events(site: Site, actor_id: str, lang: str, here: str, shown: Sequence[int]) -> dict[str, Any]:
    """Whom the actor met (from all its events) and the `shown` events, grouped by year and month."""
    indexes = list(site.timeline.by_actor.get(actor_id, ()))
    events = site.timeline.events
    met: dict[str, list[int]] = {}
    for index in indexes:
        for other in events[index].participants:
            if other != actor_id:
                met.setdefault(other, []).append(index)
    rows = []
    for other, seen in sorted(met.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        link = actor_link(site, other, lang, here)
        if link is None:
            continue
        first, last = events[seen[0]].date, events[seen[-1]].date
        rows.append({
            **link,
            "count": len(seen),
            "first_iso": first.isoformat(), "first": format_date(first, lang),
            "last_iso": last.isoformat(), "last": format_date(last, lang),
        })
    return {"groups": grouped(site, list(shown), lang, here), "met_with": rows}


def briefing_events(site: Site, slug: str, lang: str, here: str) -> list[dict[str, Any]]:
    out = []
    for index in site.timeline.by_briefing.get(slug, ()):
        item = event_item(site, index, lang, here)
        if site.timeline.events[index].type == "meeting":
            before, after = site.timeline.neighbours.get(index, (None, None))
            item["previous"] = _neighbour(site, before, lang, here)
            item["next"] = _neighbour(site, after, lang, here)
            item["is_meeting"] = True
        else:
            item["is_meeting"] = False
        out.append(item)
    return out


def _neighbour(site: Site, index: Optional[int], lang: str, here: str) -> Optional[dict[str, Any]]:
    if index is None:
        return None
    event = site.timeline.events[index]
    return {"href": event_href(event, here), "title": event_title(site, event, lang),
            "iso": event.date.isoformat(), "date": format_date(event.date, lang)}
