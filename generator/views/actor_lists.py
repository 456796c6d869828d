"""Stage 4a, continued: an actor's briefings and events in pages of bounded length (pure view models).

Every briefing is listed on the page of each actor it involves or mentions,
in both editions: at 10,000 briefings those lists were a fifth of the site.
An actor page lists its latest briefings in full (date, source, involved or
mentioned) and the earlier ones as compact rows (title and day) under their
year, split into those that involve the actor and those that mention it.
Its events likewise: the latest in full, the earlier ones as a row each
(title linked to the timeline, type, day). Topic and place pages list their
earlier briefings as such rows too (compact_years).

An actor whose briefings or events pass `list_max` (extra.limits in
mkdocs.yml) gets a page per year instead (`actors/<id>/<year>/`, compact rows
and that year's events), and its page lists the latest briefings and events
and links to the years. Not every actor: a page costs the theme's frame (about
8 kB) however short it is, and most actors have a few briefings a year, so
year pages for all of them would make the site larger, not smaller.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from typing import Any, Sequence

from markupsafe import Markup, escape

from ..content.model import Actor
from ..core import urls
from ..linking.link import Site
from .i18n import format_day_month, t
from .parts import PageView, front_matter, text_html
from .timeline_pages import event_href, event_title, grouped

# Briefings, and events, an actor page shows in full before the compact rows or the year pages. An event
# in full (place, participants, the briefings reporting it) is about five briefing rows long.
LATEST = 20
LATEST_EVENTS = 5


@dataclass(frozen=True)
class ActorLists:
    """Which of an actor's briefings (index into site.briefings, how) and events (index into the timeline) its page shows."""

    briefings: tuple[tuple[int, str], ...]  # newest first
    events: tuple[int, ...]  # oldest first
    paged: bool  # the rest is on year pages

    @property
    def latest(self) -> tuple[tuple[int, str], ...]:
        return self.briefings[:LATEST]

    @property
    def earlier(self) -> tuple[tuple[int, str], ...]:
        return () if self.paged else self.briefings[LATEST:]

    @property
    def latest_events(self) -> tuple[int, ...]:
        return self.events[-LATEST_EVENTS:]

    @property
    def earlier_events(self) -> tuple[int, ...]:
        return () if self.paged else self.events[:-LATEST_EVENTS]


def actor_lists(site: Site, actor_id: str, list_max: int) -> ActorLists:
    briefings = tuple(site.relations.by_actor.get(actor_id, ()))
    events = tuple(site.timeline.by_actor.get(actor_id, ()))
    return ActorLists(briefings, events, paged=len(briefings) > list_max or len(events) > list_max)


def compact_item(site: Site, index: int, lang: str, here: str) -> Markup:
    """A briefing as one short row under its year's heading: its title, linked, and its day."""
    b = site.briefings[index].briefing
    doc = b.shown(lang)
    href = urls.relative(here, urls.briefing(b.slug))
    return Markup(
        f'<li><a href="{escape(href)}">{text_html(doc.title, doc.lang, lang)}</a>'
        f' <time datetime="{b.date.isoformat()}">{escape(format_day_month(b.date, lang))}</time></li>'
    )


def compact_event(site: Site, index: int, lang: str, here: str) -> Markup:
    """An event as one short row under its year's heading: its title, linked to the timeline, its type and day."""
    event = site.timeline.events[index]
    return Markup(
        f'<li><a href="{escape(event_href(event, here))}">{escape(event_title(site, event, lang))}</a>'
        f' · {escape(t(f"event_{event.type}", lang))}'
        f' · <time datetime="{event.date.isoformat()}">{escape(format_day_month(event.date, lang))}</time></li>'
    )


def events_by_year(site: Site, indexes: Sequence[int], lang: str, here: str) -> list[dict[str, Any]]:
    """Events (given oldest first) as compact rows under their years, newest first."""
    events = site.timeline.events
    return [
        {"year": year, "rows": [compact_event(site, index, lang, here) for index in in_year]}
        for year, in_year in groupby(reversed(indexes), key=lambda index: events[index].date.year)
    ]


def by_year(site: Site, listed: Sequence[tuple[int, str]], lang: str, here: str) -> list[dict[str, Any]]:
    """Briefings (newest first) grouped by year, each year's split into those involving and mentioning the actor."""
    years = []
    for year, in_year in groupby(listed, key=lambda entry: site.briefings[entry[0]].briefing.date.year):
        entries = list(in_year)
        years.append({
            "year": year,
            "id": f"y{year}",
            "lists": [
                {"label": t(f"{how}_in", lang),
                 "rows": [compact_item(site, index, lang, here) for index, entry_how in entries if entry_how == how]}
                for how in ("involved", "mentioned")
                if any(entry_how == how for _index, entry_how in entries)
            ],
        })
    return years


def compact_years(site: Site, indexes: Sequence[int], lang: str, here: str) -> list[dict[str, Any]]:
    """Briefings (newest first) as compact rows under their years, for a topic's or a place's earlier briefings."""
    return [
        {"year": year, "id": f"y{year}", "rows": [compact_item(site, index, lang, here) for index in in_year]}
        for year, in_year in groupby(indexes, key=lambda index: site.briefings[index].briefing.date.year)
    ]


def year_links(site: Site, actor_id: str, lists: ActorLists, lang: str, here: str) -> list[dict[str, Any]]:
    """Each year with briefings or events of the actor, newest first, linked to its page."""
    briefings = _count_by_year(site.briefings[index].briefing.date.year for index, _how in lists.briefings)
    events = _count_by_year(site.timeline.events[index].date.year for index in lists.events)
    return [
        {"year": year, "href": urls.relative(here, urls.actor_year(actor_id, year)),
         "counts": t("year_counts", lang, briefings=briefings.get(year, 0), events=events.get(year, 0))}
        for year in sorted(set(briefings) | set(events), reverse=True)
    ]


def _count_by_year(years: Any) -> dict[int, int]:
    counts: dict[int, int] = {}
    for year in years:
        counts[year] = counts.get(year, 0) + 1
    return counts


def actor_year_pages(site: Site, actor: Actor, lists: ActorLists, lang: str) -> list[PageView]:
    """The year pages of an actor whose page lists only the latest (none otherwise)."""
    if not lists.paged:
        return []
    pages = []
    name = actor.name.get(lang)
    years = sorted({site.briefings[i].briefing.date.year for i, _how in lists.briefings}
                   | {site.timeline.events[i].date.year for i in lists.events}, reverse=True)
    for year in years:
        here = urls.actor_year(actor.id, year)
        in_year = [entry for entry in lists.briefings if site.briefings[entry[0]].briefing.date.year == year]
        events = [i for i in lists.events if site.timeline.events[i].date.year == year]
        pages.append(PageView(
            f"actors/{actor.id}/{year}.md",
            "actor_year.md.j2",
            {
                "front": front_matter(t("actor_year", lang, name=name, year=year),
                                      t("actor_year_description", lang, name=name, year=year), "actor"),
                "title": t("actor_year", lang, name=name, year=year),
                "actor": {"name": name, "href": urls.relative(here, urls.actor(actor.id))},
                "years": year_links(site, actor.id, lists, lang, here),
                "briefings": by_year(site, in_year, lang, here),
                "events": grouped(site, events, lang, here),
            },
        ))
    return pages
