"""Stage 4a, continued: the pictures' view models — which actors, events and places each figure shows,
named and linked in the edition's language (the drawing is generator/pictures)."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from markupsafe import Markup

from ..core import urls
from ..linking.events import MergedEvent
from ..linking.link import Site
from ..pictures import graph
from ..pictures.charts import Bar, Mark, month_chart, months_between, strip
from ..pictures.palette import TYPE_ORDER
from ..pictures.worldmap import Marker, place_map
from ..pictures.networks import Caption, Node, ego_figure, network_figure
from .i18n import format_date, format_month, t
from .parts import actor_link


def _nodes(site: Site, ids: Iterable[str], counts: Mapping[str, int], lang: str, here: str,
           tip_key: str) -> dict[str, Node]:
    nodes = {}
    for actor_id in ids:
        link = actor_link(site, actor_id, lang, here)
        actor = site.corpus.actors[actor_id]
        group = actor_id if actor.kind == "country" else (actor.country.id if actor.country else "")
        assert link is not None
        nodes[actor_id] = Node(link["name"], link["href"], t(tip_key, lang, name=link["name"], count=counts.get(actor_id, 0)),
                               group)
    return nodes


def known(site: Site) -> Callable[[str], bool]:
    """Whether an id names an actor of the corpus (events may name others: they are left out of pictures)."""
    return site.corpus.actors.__contains__


def actor_network(site: Site, actor_id: str, lang: str, here: str) -> Optional[dict[str, Any]]:
    """The actor and its counterparts, or None when it has none."""
    events = [site.timeline.events[i] for i in site.timeline.by_actor.get(actor_id, ())]
    figure = graph.ego(actor_id, events, known(site))
    if not figure.counterparts:
        return None
    counts = dict(figure.counterparts)
    nodes = _nodes(site, counts, counts, lang, here, "picture_shared")
    nodes.update(_nodes(site, [actor_id], {actor_id: len(events)}, lang, here, "picture_events"))
    name = nodes[actor_id].name
    caption = Caption("network", t("picture_ego_title", lang, name=name),
                      t("picture_ego_desc", lang, name=name, count=len(figure.counterparts) + figure.left_out), lang)
    return {
        "svg": Markup(ego_figure(figure, nodes, caption)),
        "left_out": t("picture_left_out", lang, count=figure.left_out, shown=len(figure.counterparts))
        if figure.left_out else "",
    }


def whole_network(site: Site, events: Iterable[MergedEvent], lang: str, here: str, ident: str, title: str,
                  limit: int = graph.NETWORK_MAX, small: bool = False) -> Optional[dict[str, Any]]:
    net = graph.network(events, known(site), limit)
    if not net.nodes:
        return None
    counts = dict(net.nodes)
    nodes = _nodes(site, counts, counts, lang, here, "picture_events")
    groups = {node.group for node in nodes.values() if node.group}
    names = {g: site.corpus.actors[g].name.get(lang) for g in groups if g in site.corpus.actors}
    caption = Caption(ident, title, t("picture_network_desc", lang, count=len(net.nodes), links=len(net.edges)), lang)
    size = {"width": 560, "height": 520, "font": 16} if small else {}
    return {
        "svg": Markup(network_figure(net, nodes, caption, names, t("picture_other_group", lang), **size)),
        "shown": len(net.nodes),
        "left_out": net.left_out,
        "rule": t("picture_network_rule", lang, limit=limit, left_out=net.left_out) if net.left_out
        else t("picture_network_all", lang, count=len(net.nodes)),
        "actors": [{"href": nodes[a].href, "name": nodes[a].name, "count": n} for a, n in net.nodes],
    }


def _type_names(lang: str) -> dict[str, str]:
    return {kind: t(f"event_{kind}", lang) for kind in TYPE_ORDER}


def month_bars(events: Sequence[MergedEvent], lang: str, href_of: Callable[[int, int], str]) -> list[Bar]:
    """A bar per month from the first event's to the last's, months without events included (time to scale)."""
    by_month: dict[tuple[int, int], Counter[str]] = {}
    for event in events:
        by_month.setdefault((event.date.year, event.date.month), Counter())[event.type] += 1
    if not by_month:
        return []
    bars = []
    for year, month in months_between(min(by_month), max(by_month)):
        counts = by_month.get((year, month), Counter())
        ordered = tuple((kind, counts[kind]) for kind in TYPE_ORDER if counts[kind])
        total = sum(counts.values())
        tip = t("picture_month_tip", lang, month=format_month(year, month, lang), count=total)
        bars.append(Bar(year, month, ordered, href_of(year, month) if total else None, tip))
    return bars


def events_chart(events: Sequence[MergedEvent], lang: str, href_of: Callable[[int, int], str]) -> Optional[Markup]:
    bars = month_bars(events, lang, href_of)
    if not bars:
        return None
    first, last = bars[0], bars[-1]
    desc = t("picture_chart_desc", lang, first=format_month(first.year, first.month, lang),
             last=format_month(last.year, last.month, lang), count=len(events))
    return Markup(month_chart(bars, _type_names(lang), "chart", t("picture_chart_title", lang), desc, lang))


def actor_strip(site: Site, actor_id: str, lang: str, here: str) -> Optional[Markup]:
    indexes = site.timeline.by_actor.get(actor_id, ())
    if not indexes:
        return None
    events = site.timeline.events
    marks = []
    for index in indexes:
        event = events[index]
        href = urls.relative(here, urls.timeline_year(event.date.year)) + "#" + urls.event_anchor(event.id)
        marks.append(Mark(event.date.year, event.date.month, event.type, href,
                          f"{format_date(event.date, lang)}: {t(f'event_{event.type}', lang)}"))
    name = site.corpus.actors[actor_id].name.get(lang)
    first, last = events[indexes[0]].date, events[indexes[-1]].date
    desc = t("picture_strip_desc", lang, count=len(marks), first=format_date(first, lang), last=format_date(last, lang))
    return Markup(strip(marks, _type_names(lang), "strip", t("picture_strip_title", lang, name=name), desc, lang))


def actor_pictures(site: Site, actor_id: str, lang: str, here: str) -> dict[str, Any]:
    """The figures of an actor's page: its meeting network and its events over time."""
    return {"network": actor_network(site, actor_id, lang, here), "strip": actor_strip(site, actor_id, lang, here)}


OUTLINE = "assets/briefing/world.svg"  # templates/assets/world.svg, in each edition


def places_map(site: Site, lang: str, here: str) -> dict[str, Any]:
    """The map of the places with coordinates (None without any), and the places it cannot show."""
    events: Counter[str] = Counter(e.location for e in site.timeline.events if e.location)
    markers, missing = [], []
    for place in sorted(site.corpus.places.values(), key=lambda p: p.name.get(lang)):
        name = place.name.get(lang)
        href = urls.relative(here, urls.place(place.id))
        if place.coordinates is None:
            missing.append({"href": href, "name": name})
            continue
        count = events[place.id]
        markers.append(Marker(name, place.coordinates[0], place.coordinates[1], count, href,
                              t("picture_events", lang, name=name, count=count)))
    svg = None
    if markers:
        desc = t("picture_map_desc", lang, count=len(markers))
        svg = Markup(place_map(markers, urls.relative(here, OUTLINE), "map", t("picture_map_title", lang), desc, lang))
    return {"svg": svg, "missing": missing}
