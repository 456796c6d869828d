"""Stage 4a, continued: actor, topic and place pages and their indexes (pure view models)."""

from __future__ import annotations

from itertools import groupby
from typing import Any, Iterator

from ..core import urls
from .i18n import format_date, t
from ..linking.link import Site
from ..content.model import Actor, Role, Term, other
from .parts import PageView, actor_link, briefing_item, front_matter, lang_text
from .actor_lists import (LATEST, ActorLists, actor_lists, actor_year_pages, by_year, compact_years, events_by_year,
                          year_links)
from .timeline_pages import actor_events
from .figures import actor_pictures, places_map

KIND_ORDER = ("person", "organization", "country")


def profile_pages(site: Site, lang: str, list_max: int) -> Iterator[PageView]:
    """`list_max`: the longest list of briefings or events an actor page holds before it pages by year (actor_lists)."""
    corpus = site.corpus
    yield actors_index(site, lang)
    for actor in corpus.actors.values():
        lists = actor_lists(site, actor.id, list_max)
        yield actor_page(site, actor, lists, lang)
        yield from actor_year_pages(site, actor, lists, lang)
    for kind, terms, url_of, rel in (
        ("topics", corpus.topics, urls.topic, site.relations.by_topic),
        ("places", corpus.places, urls.place, site.relations.by_place),
    ):
        yield terms_index(site, kind, terms, url_of, rel, lang)
        for term in terms.values():
            yield term_page(site, kind, term, url_of, rel, lang)


def _role(site: Site, role: Role, lang: str, here: str) -> dict[str, Any]:
    start = format_date(role.start, lang) if role.start else None
    end = format_date(role.end, lang) if role.end else None
    if start and end:
        period = t("from_to", lang, start=start, end=end)
    elif start:
        period = t("since", lang, date=start)
    elif end:
        period = t("until", lang, date=end)
    else:
        period = t("undated", lang)
    return {
        "title": role.title.get(lang),
        "organization": actor_link(site, role.organization.id, lang, here) if role.organization else None,
        "period": period,
        # Current means open-ended in the content: a build date would make pages differ day to day.
        "current": role.end is None,
    }


def actor_page(site: Site, actor: Actor, lists: ActorLists, lang: str) -> PageView:
    here = urls.actor(actor.id)
    rel = site.relations
    briefings = [briefing_item(site.briefings[index], lang, here, how=t(how, lang)) for index, how in lists.latest]
    roles = sorted(actor.roles, key=lambda r: (r.start is None, r.start or r.end), reverse=True)
    bio = actor.bio.get(lang) if actor.bio else None
    context = {
        "front": front_matter(actor.name.get(lang), bio or actor.name.get(other(lang)), "actor"),
        "a": {
            "name": actor.name.get(lang),
            "other_name": lang_text(actor.name.get(other(lang)), other(lang)),
            "kind": t(f"kind_{actor.kind}", lang),
            "country": actor_link(site, actor.country.id, lang, here) if actor.country else None,
            "roles": [_role(site, r, lang, here) for r in roles],
            "bio": bio,
            "wikidata": f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None,
            "website": actor.website,
            "briefings": briefings,
            "earlier": by_year(site, lists.earlier, lang, here),
            "years": year_links(site, actor.id, lists, lang, here) if lists.paged else [],
            "earlier_events": events_by_year(site, lists.earlier_events, lang, here),
            "co_actors": [
                {**link, "count": count}
                for other_id, count in rel.co_actors.get(actor.id, ())
                if (link := actor_link(site, other_id, lang, here))
            ],
            "events": actor_events(site, actor.id, lang, here, lists.latest_events),
            "pictures": actor_pictures(site, actor.id, lang, here),
            "topics": [
                {"href": urls.relative(here, urls.topic(tid)), "name": site.corpus.topics[tid].name.get(lang), "count": n}
                for tid, n in rel.actor_topics.get(actor.id, ())
                if tid in site.corpus.topics
            ],
        },
    }
    return PageView(f"actors/{actor.id}.md", "actor.md.j2", context)


def actors_index(site: Site, lang: str) -> PageView:
    here = "actors/"
    actors = site.corpus.actors

    def country_name(actor: Actor) -> str:
        country = actors.get(actor.country.id) if actor.country else None
        if actor.kind == "country":
            return ""
        return country.name.get(lang) if country else "\uffff"  # international ones last

    groups = []
    ordered = sorted(actors.values(), key=lambda a: (KIND_ORDER.index(a.kind), country_name(a), a.name.get(lang)))
    for kind, of_kind in groupby(ordered, key=lambda a: a.kind):
        subgroups = []
        for country, members in groupby(of_kind, key=country_name):
            subgroups.append({
                "country": None if kind == "country" else (country if country != "\uffff" else t("no_country", lang)),
                "actors": [
                    {"href": urls.relative(here, urls.actor(a.id)), "name": a.name.get(lang),
                     "count": len(site.relations.by_actor.get(a.id, ()))}
                    for a in members
                ],
            })
        groups.append({"id": kind, "title": t(f"kinds_{kind}", lang), "subgroups": subgroups})
    return PageView(
        "actors/index.md",
        "actors.md.j2",
        {"front": front_matter(t("actors", lang), t("actors", lang), "index"), "groups": groups},
    )


def term_page(site: Site, kind: str, term: Term, url_of: Any, rel: Any, lang: str) -> PageView:
    here = url_of(term.id)
    listed = rel.get(term.id, ())  # newest first
    items = [briefing_item(site.briefings[i], lang, here) for i in listed[:LATEST]]
    country = actor_link(site, term.country.id, lang, here) if term.country else None
    return PageView(
        f"{kind}/{term.id}.md",
        "term.md.j2",
        {
            "front": front_matter(term.name.get(lang), f"{t(kind, lang)}: {term.name.get(lang)}", kind[:-1]),
            "term": {"name": term.name.get(lang), "country": country, "briefings": items,
                     "earlier": compact_years(site, listed[LATEST:], lang, here),
                     "other_name": lang_text(term.name.get(other(lang)), other(lang))},
        },
    )


def terms_index(site: Site, kind: str, terms: Any, url_of: Any, rel: Any, lang: str) -> PageView:
    here = f"{kind}/"
    entries = sorted(terms.values(), key=lambda term: term.name.get(lang))
    return PageView(
        f"{kind}/index.md",
        "terms.md.j2",
        {
            "front": front_matter(t(kind, lang), t(kind, lang), "index"),
            "title": t(kind, lang),
            "map": places_map(site, lang, here) if kind == "places" else None,
            "terms": [
                {"href": urls.relative(here, url_of(term.id)), "name": term.name.get(lang), "count": len(rel.get(term.id, ()))}
                for term in entries
            ],
        },
    )
