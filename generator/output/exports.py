"""Machine-readable exports and feeds (pure: content in, bytes out).

JSON is written with `<`, `>` and `&` escaped, so that a file served with the
wrong type can never be read as HTML; feeds and iCalendar go through real
serialisers (ElementTree, icalendar).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Iterable, Optional
from xml.etree import ElementTree as ET

import icalendar

from ..core import urls
from ..views.i18n import t
from ..linking.link import Site
from ..linking.linked import LinkedBriefing
from ..pictures.graph import network
from ..content.model import LANGS, Bilingual

FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"


def to_json(value: Any) -> bytes:
    """UTF-8 JSON, a list one item per line (readable and diffable, and written
    by the C encoder, which an indented dump cannot use: it was most of the
    exports' time). <, > and & are escaped so that no JSON text reads as HTML."""
    if isinstance(value, list) and value:
        text = "[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in value) + "\n]"
    else:
        text = json.dumps(value, ensure_ascii=False)
    return (_no_html(text) + "\n").encode()


def by_year(name: str, items: list[dict[str, Any]]) -> dict[str, bytes]:
    """`items` (each with an ISO "date") as one JSON file per year, `<name>/<year>.json`, in their order."""
    years: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        years.setdefault(item["date"][:4], []).append(item)
    return {f"{name}/{year}.json": to_json(group) for year, group in sorted(years.items())}


def _no_html(json_text: str) -> str:
    return json_text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _bi(value: Optional[Bilingual]) -> Optional[dict[str, str]]:
    return {"en": value.en, "ar": value.ar} if value else None


def _iso(day: Optional[dt.date]) -> Optional[str]:
    return day.isoformat() if day else None


def events_json(site: Site) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "type": e.type,
            "date": e.date.isoformat(),
            "end": _iso(e.end),
            "location": e.location,
            "participants": list(e.participants),
            "briefings": list(e.briefings),
            "title": _bi(e.title),
        }
        for e in site.timeline.events  # in (date, id) order, as merged
    ]


def actors_json(site: Site) -> list[dict[str, Any]]:
    out = []
    for actor in sorted(site.corpus.actors.values(), key=lambda a: a.id):
        mentions = site.relations.by_actor.get(actor.id, ())
        out.append({
            "id": actor.id,
            "kind": actor.kind,
            "name": _bi(actor.name),
            "aliases": {"en": list(actor.aliases.en), "ar": list(actor.aliases.ar)},
            "country": actor.country.id if actor.country else None,
            "roles": [
                {
                    "title": _bi(role.title),
                    "organization": role.organization.id if role.organization else None,
                    "from": _iso(role.start),
                    "to": _iso(role.end),
                    "aliases": {"en": list(role.aliases.en), "ar": list(role.aliases.ar)},
                }
                for role in actor.roles
            ],
            "bio": _bi(actor.bio),
            "links": {"wikidata": actor.wikidata, "website": actor.website},
            "briefings": {
                "involved": [site.briefings[i].briefing.slug for i, how in mentions if how == "involved"],
                "mentioned": [site.briefings[i].briefing.slug for i, how in mentions if how == "mentioned"],
            },
        })
    return out


def briefings_json(site: Site) -> list[dict[str, Any]]:
    out = []
    for lb in site.briefings:
        b = lb.briefing
        title = {lang: (doc.doc.title if (doc := lb.doc(lang)) else None) for lang in LANGS}
        out.append({
            "slug": b.slug,
            "date": b.date.isoformat(),
            "title": title,
            "original_language": b.original.lang,
            "translation": {
                "language": b.translation.lang,
                "status": b.translation.status,
                "translator": b.translation.translator,
            } if b.translation else None,
            "source": {"name": b.source.name, "url": b.source.url},
            "location": b.location.id if b.location else None,
            "topics": [r.id for r in b.topics],
            "actors": {"involved": list(lb.involved), "mentioned": list(lb.mentioned)},
            "events": [site.timeline.events[i].id for i in site.timeline.by_briefing.get(b.slug, ())],
            "url": {lang: urls.edition_root(lang) + urls.briefing(b.slug) for lang in LANGS},
        })
    return out


def network_json(site: Site) -> dict[str, Any]:
    """/data/network.json: every actor with events and every weighted interaction (the pictures' graph,
    uncapped), for all years and for each year; names in both languages."""
    actors = site.corpus.actors

    def part(events: list[Any]) -> dict[str, Any]:
        graph = network(events, actors.__contains__, limit=len(actors))
        return {"nodes": [{"id": a, "events": n} for a, n in graph.nodes],
                "edges": [{"source": a, "target": b, "weight": n} for a, b, n in graph.edges]}

    events = list(site.timeline.events)
    shown = part(events)
    return {
        "names": {node["id"]: _bi(actors[node["id"]].name) for node in shown["nodes"]},
        **shown,
        "years": {str(year): part([e for e in events if e.date.year == year])
                  for year in sorted({e.date.year for e in events})},
    }


def _event_summary(site: Site, index: int) -> str:
    event = site.timeline.events[index]
    if event.title:
        return event.title.en
    names = [site.corpus.actors[a].name.en for a in event.participants if a in site.corpus.actors]
    return f"{t('event_' + event.type, 'en')}: {', '.join(names)}"


def events_ics(site: Site, site_url: str) -> bytes:
    # Serialising with icalendar is slow (1.5 s at 2,000 briefings); the
    # preview rebuilds it only when what it shows changed.
    names = tuple(sorted((a.id, a.name.en) for a in site.corpus.actors.values()))
    places = tuple(sorted((p.id, p.name.en) for p in site.corpus.places.values()))
    sources = tuple(
        site.briefings[site.by_slug[slug]].briefing.source.name for event in site.timeline.events for slug in event.briefings
    )
    key = (site.timeline.events, names, places, sources, site_url)
    if key not in _ICS_CACHE:
        _ICS_CACHE.clear()
        _ICS_CACHE[key] = _build_ics(site, site_url)
    return _ICS_CACHE[key]


_ICS_CACHE: dict[tuple[Any, ...], bytes] = {}


def _build_ics(site: Site, site_url: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//briefing//events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Briefing events")
    for index, event in enumerate(site.timeline.events):
        vevent = icalendar.Event()
        vevent.add("uid", f"{event.id}@briefing")
        # DTSTAMP is required; the event's own date keeps builds reproducible.
        vevent.add("dtstamp", dt.datetime(event.date.year, event.date.month, event.date.day, tzinfo=dt.timezone.utc))
        vevent.add("dtstart", event.date)
        vevent.add("dtend", (event.end or event.date) + dt.timedelta(days=1))
        vevent.add("summary", _event_summary(site, index))
        place = site.corpus.places.get(event.location) if event.location else None
        if place:
            vevent.add("location", place.name.en)
        names = [site.corpus.actors[a].name.en for a in event.participants if a in site.corpus.actors]
        sources = [site.briefings[site.by_slug[s]].briefing.source.name for s in event.briefings]
        vevent.add("description", f"Participants: {', '.join(names)}\nReported by: {', '.join(sources)}")
        vevent.add("categories", [event.type])
        if site_url:
            vevent.add("url", site_url + urls.event(event.date.year, event.id))
        cal.add_component(vevent)
    return cal.to_ical()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def ftm_entities(site: Site, site_url: str) -> list[dict[str, Any]]:
    """FollowTheMoney entities: actors, positions with their occupancies, events."""
    schema = {"person": "Person", "organization": "Organization", "country": "PublicBody"}
    entities: list[dict[str, Any]] = []
    for actor in sorted(site.corpus.actors.values(), key=lambda a: a.id):
        props: dict[str, list[str]] = {
            "name": [actor.name.en, actor.name.ar],
            "alias": list(actor.aliases.en) + list(actor.aliases.ar),
        }
        if actor.kind == "country":
            # FtM has no schema for a state: a national public body stands for it.
            props["topics"] = ["gov.national"]
        if actor.wikidata:
            props["wikidataId"] = [actor.wikidata]
        if actor.website:
            props["website"] = [actor.website]
        if actor.bio:
            props["description"] = [actor.bio.en]
        if site_url:
            props["sourceUrl"] = [site_url + urls.actor(actor.id)]
        entities.append({"id": f"briefing-actor-{actor.id}", "schema": schema[actor.kind], "properties": _clean(props)})
    for key, office in site.offices.items():
        position_id = f"briefing-position-{_slug(key)}"
        organizations = sorted({r.organization.id for _a, r in office.holders if r.organization and r.organization.id in site.corpus.actors})
        props = {"name": [office.title.en, office.title.ar]}
        if organizations:
            props["organization"] = [f"briefing-actor-{o}" for o in organizations]
        entities.append({"id": position_id, "schema": "Position", "properties": props})
        for number, (actor_id, role) in enumerate(office.holders, 1):
            occupancy: dict[str, list[str]] = {"holder": [f"briefing-actor-{actor_id}"], "post": [position_id]}
            if role.start:
                occupancy["startDate"] = [role.start.isoformat()]
            if role.end:
                occupancy["endDate"] = [role.end.isoformat()]
            entities.append({"id": f"{position_id}-{actor_id}-{number}", "schema": "Occupancy", "properties": occupancy})
    for index, event in enumerate(site.timeline.events):
        props = {
            "name": [event.title.en, event.title.ar] if event.title else [_event_summary(site, index)],
            "startDate": [event.date.isoformat()],
            "involved": [f"briefing-actor-{a}" for a in event.participants if a in site.corpus.actors],
        }
        if event.end:
            props["endDate"] = [event.end.isoformat()]
        place = site.corpus.places.get(event.location) if event.location else None
        if place:
            props["location"] = [place.name.en]
        props["publisher"] = sorted({site.briefings[site.by_slug[s]].briefing.source.name for s in event.briefings})
        entities.append({"id": f"briefing-event-{event.id}", "schema": "Event", "properties": props})
    return entities


def _clean(props: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: list(dict.fromkeys(v)) for k, v in props.items() if v}


def ftm_lines(entities: Iterable[dict[str, Any]]) -> bytes:
    # One entity per line, as FollowTheMoney tools (ftm, Aleph) read them.
    return "".join(to_json_line(e) for e in entities).encode()


def to_json_line(value: Any) -> str:
    return _no_html(json.dumps(value, ensure_ascii=False, sort_keys=True)) + "\n"


def atom_feed(site: Site, lang: str, site_name: str, site_url: str) -> bytes:
    """The latest briefings of one edition; links are relative to the feed when no site_url is set."""
    base = site_url + urls.edition_root(lang) if site_url else ""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    latest: list[LinkedBriefing] = list(site.briefings[:FEED_ENTRIES])
    updated = latest[0].briefing.date if latest else dt.date(1970, 1, 1)
    _sub(feed, "title", f"{site_name}: {t('feed_title', lang)}")
    _sub(feed, "id", base + "feed.xml" if base else f"tag:briefing.invalid,2023:{lang}/feed")
    _sub(feed, "updated", f"{updated.isoformat()}T00:00:00Z")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": (base or "") + "feed.xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": base or "./"})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _sub(author, "name", site_name)
    for lb in latest:
        b = lb.briefing
        doc = lb.shown(lang)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        title = _sub(entry, "title", doc.doc.title)
        if doc.doc.lang != lang:
            title.set("{http://www.w3.org/XML/1998/namespace}lang", doc.doc.lang)
        link = base + urls.briefing(b.slug) if base else urls.briefing(b.slug)
        _sub(entry, "id", base + urls.briefing(b.slug) if base else f"tag:briefing.invalid,{b.date.isoformat()}:{b.slug}")
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": link})
        _sub(entry, "updated", f"{b.date.isoformat()}T00:00:00Z")
        _sub(entry, "published", f"{b.date.isoformat()}T00:00:00Z")
        summary = " ".join(doc.doc.summary) or b.source.name
        _sub(entry, "summary", summary)
        source = ET.SubElement(entry, f"{{{ATOM}}}author")
        _sub(source, "name", b.source.name)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"


def _sub(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element
