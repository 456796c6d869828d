"""Stage 4a, continued: the pictures' view models — which actors, events and places each figure shows,
named and linked in the edition's language (the drawing is generator/pictures)."""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Optional

from markupsafe import Markup

from ..core import urls
from ..linking.events import MergedEvent
from ..linking.link import Site
from ..pictures import graph
from ..pictures.networks import Caption, Node, ego_figure, network_figure
from .i18n import t
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


def known(site: Site) -> Any:
    return site.corpus.actors.__contains__


def actor_network(site: Site, actor_id: str, lang: str, here: str) -> Optional[dict[str, Any]]:
    """The actor and its counterparts, or None when it has none."""
    events = [site.timeline.events[i] for i in site.timeline.by_actor.get(actor_id, ())]
    figure = graph.ego(actor_id, events, known(site))
    if not figure.counterparts:
        return None
    counts = dict(figure.counterparts)
    counts[actor_id] = sum(counts.values())
    nodes = _nodes(site, [actor_id, *counts], counts, lang, here, "picture_shared")
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
    size = {"width": 640, "height": 460} if small else {}
    return {
        "svg": Markup(network_figure(net, nodes, caption, names, t("picture_other_group", lang), **size)),
        "shown": len(net.nodes),
        "left_out": net.left_out,
        "rule": t("picture_network_rule", lang, limit=limit, left_out=net.left_out) if net.left_out
        else t("picture_network_all", lang, count=len(net.nodes)),
        "actors": [{"href": nodes[a].href, "name": nodes[a].name, "count": n} for a, n in net.nodes],
    }


def network_href(here: str, year: Optional[int] = None) -> str:
    return urls.relative(here, urls.network(year))
