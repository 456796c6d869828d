"""The network figures: an actor and its counterparts (radial), and the whole network (force layout)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping

from . import palette
from .graph import Ego, Graph
from .layout import force_layout
from .svg import Pairs, anchor, element, group, link, num, picture, text, tip

LABEL_ROOM = 170  # beside the circle, for the names
NET_WIDTH, NET_HEIGHT, NET_MARGIN = 880, 640, 70
LABEL_MAX = 28  # characters of a name shown; the whole name is in the link's title
# Actors of one group (country) are pulled together by a weak tie, so that their circles show.
GROUP_TIE = 0.3


@dataclass(frozen=True)
class Node:
    """What a picture shows of one actor, in one edition: every string escaped on output."""

    name: str
    href: str
    tip: str  # the hover text: name and count
    group: str = ""  # e.g. the actor's country id: nodes of a group share a colour


@dataclass(frozen=True)
class Caption:
    """A picture's accessible name and description, and its edition's language."""

    ident: str  # unique on its page: prefixes the ids of <title> and <desc>
    title: str
    desc: str
    lang: str


def short(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1].rstrip() + "…"


def _radius(weight: int, scale: float, most: float) -> float:
    return min(4 + scale * math.sqrt(weight), most)


def _stroke(weight: int) -> float:
    return min(1 + 1.2 * math.sqrt(max(weight - 1, 0)), 8)


def _stroke_width(weight: int) -> Pairs:
    """A line's width, left out when it is the initial 1 (no group sets another)."""
    width = _stroke(weight)
    return [("stroke-width", None if num(width) == "1" else width)]


# Labels cross lines: a white outline painted under the letters keeps them readable. Set on the group of
# the labels; a circle in it says stroke="none" (and the stylesheet's hover outline paint-order normal).
HALOED = (("stroke", palette.HALO), ("stroke-width", 3), ("paint-order", "stroke"))
LABEL_SIZE = 12  # the pictures' default font-size, set on the <svg>


def _label(x: float, y: float, name: str, lang: str, physical: str, size: float = LABEL_SIZE, width: float = 0,
           paint: Pairs = (), inherited: float = LABEL_SIZE) -> str:
    """A name; centred ones kept inside a frame `width` wide (their width estimated from their length);
    its font-size written only when it is not the `inherited` one."""
    shown = short(name)
    if physical == "middle" and width:
        half = 0.3 * size * len(shown) + 4
        x = min(max(x, half), max(width - half, half))
    return text(x, y, shown, lang, anchor(physical, lang) if physical != "middle" else "middle",
                [("font-size", None if size == inherited else size), *paint])


def ego_figure(figure: Ego, nodes: Mapping[str, Node], caption: Caption) -> str:
    """The actor in the middle, its counterparts around it, most frequent first, clockwise from the top
    (anticlockwise in the Arabic edition, which reads from the right)."""
    count = len(figure.counterparts)
    # A few counterparts on a small circle, many on a large one: the figure is no taller than it needs.
    radius = 80 if count <= 2 else 130 if count <= 8 else 190
    height = 2 * radius + 150
    width = 2 * (radius + LABEL_ROOM)
    cx, cy = width / 2, height / 2
    side = -1 if caption.lang == "ar" else 1
    places: dict[str, tuple[float, float, float]] = {}
    for i, (actor, weight) in enumerate(figure.counterparts):
        angle = -math.pi / 2 + 2 * math.pi * i / max(count, 1)
        places[actor] = (cx + side * radius * math.cos(angle), cy + radius * math.sin(angle), angle)
    ties = []
    for a, b, weight in figure.ties:
        (ax, ay, _), (bx, by, _) = places[a], places[b]
        ties.append(tip(element("line", [("x1", ax), ("y1", ay), ("x2", bx), ("y2", by), *_stroke_width(weight)]),
                        f"{nodes[a].name} – {nodes[b].name}: {weight}"))
    spokes, marks = [], []
    for actor, weight in figure.counterparts:
        x, y, angle = places[actor]
        node = nodes[actor]
        spokes.append(tip(element("line", [("x2", x - cx), ("y2", y - cy), *_stroke_width(weight)]), node.tip))
        r = _radius(weight, 2.5, 16)
        lx = cx + side * (radius + r + 8) * math.cos(angle)
        ly = cy + (radius + r + 8) * math.sin(angle) + 4
        if abs(math.cos(angle)) < 0.26:
            physical = "middle"
            ly += 6 if math.sin(angle) > 0 else -2
        else:
            physical = "left" if lx > cx else "right"
        circle = element("circle", [("cx", x), ("cy", y), ("r", r), ("fill", palette.GROUPS[0]), ("stroke", "none")])
        marks.append(link(node.href, circle + _label(lx, ly, node.name, caption.lang, physical), node.tip))
    center = nodes[figure.center]
    middle = (element("circle", [("cx", cx), ("cy", cy), ("r", 18), ("fill", palette.CENTER), ("stroke", "none")])
              + _label(cx, cy + 36, center.name, caption.lang, "middle", 13))
    body = (group([("stroke", palette.GRID)], "".join(ties))
            # The spokes start at the centre, the origin of their group: each line says only where it ends.
            + group([("stroke", palette.MUTED), ("stroke-opacity", "0.6"),
                     ("transform", f"translate({num(cx)} {num(cy)})")], "".join(spokes))
            + group(HALOED, tip(middle, center.tip) + "".join(marks)))
    return picture(caption.ident, width, height, caption.title, caption.desc, body, caption.lang,
                   "bf-picture bf-picture--network", defaults=_label_paint(LABEL_SIZE))


def _label_paint(size: float) -> Pairs:
    return [("fill", palette.INK), ("font-size", size)]


def group_colours(graph: Graph, nodes: Mapping[str, Node]) -> dict[str, str]:
    """A colour per group, the largest groups (by actors shown) first; ties by group id."""
    sizes: dict[str, int] = {}
    for actor, _ in graph.nodes:
        group_id = nodes[actor].group
        if group_id:
            sizes[group_id] = sizes.get(group_id, 0) + 1
    ranked = sorted(sizes, key=lambda g: (-sizes[g], g))
    return {group_id: palette.GROUPS[i] for i, group_id in enumerate(ranked[: len(palette.GROUPS)])
            if sizes[group_id] > 1}


def network_figure(graph: Graph, nodes: Mapping[str, Node], caption: Caption, group_names: Mapping[str, str],
                   other_name: str, width: float = NET_WIDTH, height: float = NET_HEIGHT, font: float = 12) -> str:
    """The whole network: node size by events, edge width by shared interactions, colour by group, a legend.

    Not mirrored in the Arabic edition: a force layout has no reading direction."""
    ids = [actor for actor, _ in graph.nodes]
    # A few actors need no full page of space.
    height = min(height, 200 + 40 * len(ids))
    ties = [(a, b, float(n)) for a, b, n in graph.edges]
    members: dict[str, list[str]] = {}
    for actor in ids:
        if nodes[actor].group:
            members.setdefault(nodes[actor].group, []).append(actor)
    for group_id in sorted(members):
        ring = members[group_id]
        ties += [(a, b, GROUP_TIE) for a, b in zip(ring, ring[1:])]
    colours = group_colours(graph, nodes)
    # The legend has the top of the figure to itself: no node is drawn under it.
    legend_height = (len(colours) + 1) * (font + 6)
    places = force_layout(ids, ties, width, height, NET_MARGIN, top=legend_height - NET_MARGIN / 2)
    lines = [
        tip(element("line", [("x1", places[a][0]), ("y1", places[a][1]), ("x2", places[b][0]), ("y2", places[b][1]),
                             *_stroke_width(n)]),
            f"{nodes[a].name} – {nodes[b].name}: {n}")
        for a, b, n in graph.edges
    ]
    marks = []
    for actor, events in graph.nodes:
        x, y = places[actor]
        node = nodes[actor]
        r = _radius(events, 1.6, 18)
        fill = colours.get(node.group, palette.OTHER)
        # The circles take the group's white outline at the initial width, the labels a wider one under the letters.
        circle = element("circle", [("cx", x), ("cy", y), ("r", r), ("fill", fill)])
        label = _label(x, y + r + font + 1, node.name, caption.lang, "middle", font, width, HALOED[1:], font)
        marks.append(link(node.href, circle + label, node.tip))
    body = (group([("stroke", palette.MUTED), ("stroke-opacity", "0.5")], "".join(lines))
            + group([("stroke", palette.HALO)], "".join(marks))
            + _legend(colours, group_names, other_name, caption.lang, width, font))
    # Labels of `font` units stay 9 px tall at the least width.
    return picture(caption.ident, width, height, caption.title, caption.desc, body, caption.lang,
                   "bf-picture bf-picture--network", least=min(9 / font, 1), defaults=_label_paint(font))


def _legend(colours: Mapping[str, str], names: Mapping[str, str], other_name: str, lang: str, width: float,
            font: float) -> str:
    entries = [(colour, names.get(group, group)) for group, colour in colours.items()] + [(palette.OTHER, other_name)]
    rtl = lang == "ar"
    boxes, labels = [], []
    for i, (colour, name) in enumerate(entries):
        y = font + 4 + i * (font + 6)
        box_x = width - 8 - font if rtl else 8
        boxes.append(element("rect", [("x", box_x), ("y", y - font + 2), ("width", font), ("height", font),
                                      ("fill", colour)]))
        labels.append(_label(box_x - 6 if rtl else box_x + font + 6, y, name, lang, "right" if rtl else "left", font,
                             inherited=font))
    # The boxes and the names do not overlap: the names are drawn after all the boxes, in the halo's group.
    return "<g>" + "".join(boxes) + group(HALOED, "".join(labels)) + "</g>"
