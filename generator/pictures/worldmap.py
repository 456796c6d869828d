"""The map of places: markers on the world's country outlines, each a link to its place page.

The outlines are one shared file, templates/assets/world.svg (Natural Earth's
1:50m admin-0 countries, drawn once by tools/world_outline.py in this
module's projection), shown through an <image> so that no page repeats them.
The projection is equirectangular (longitude and latitude straight to x and
y), cropped to the latitudes where places are; the figure zooms to the box
around the markers, in the frame the <image> clips. Geography is not mirrored in the Arabic edition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from . import palette
from .svg import anchor, element, group, link, picture, text

WIDTH = 1000.0  # the whole world's width in the outline's units
NORTH, SOUTH = 84.0, -58.0  # the latitudes the outline covers
HEIGHT = (NORTH - SOUTH) * WIDTH / 360
ASPECT = 2.0  # the figure's width to height
FRAME_WIDTH = 1000.0  # the figure's width in its own units
MIN_SPAN = 120.0  # the narrowest box shown (units), so that one place still shows its region
LABELLED = 12  # places with the most events get a label; the others a hover title


def project(latitude: float, longitude: float) -> tuple[float, float]:
    return (longitude + 180) * WIDTH / 360, (NORTH - latitude) * WIDTH / 360


@dataclass(frozen=True)
class Marker:
    name: str
    latitude: float
    longitude: float
    events: int
    href: str
    tip: str


def _box(points: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """x, y, width, height: the markers with a margin, at least MIN_SPAN wide, ASPECT to 1, inside the world."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * ASPECT, MIN_SPAN) * 1.3
    width = min(width, WIDTH)
    height = min(width / ASPECT, HEIGHT)
    width = height * ASPECT if height == HEIGHT else width
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    x = min(max(cx - width / 2, 0.0), WIDTH - width)
    y = min(max(cy - height / 2, 0.0), HEIGHT - height)
    return x, y, width, height


def _labelled(markers: Sequence[Marker], points: Sequence[tuple[float, float]], ranked: Sequence[int], unit: float,
              lang: str) -> set[int]:
    """The places whose label fits: the ones with the most events first, a label left out where it would
    cover an earlier one (its box estimated from its number of characters)."""
    boxes: list[tuple[float, float, float, float]] = []
    chosen = set()
    for i in ranked[:LABELLED]:
        x, y = points[i]
        width, height = (7 * len(markers[i].name) + 24) * unit, 16 * unit
        box = (x - width, y - height / 2, x, y + height / 2) if lang == "ar" else (x, y - height / 2, x + width, y + height / 2)
        if all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in boxes):
            boxes.append(box)
            chosen.add(i)
    return chosen


def place_map(markers: Sequence[Marker], outline_href: str, ident: str, title: str, desc: str, lang: str) -> str:
    """Markers sized by events over the outline, zoomed to the places (all of them in view).

    The zoom is done here, on the coordinates, rather than by the viewBox:
    Chromium enforces a minimum font size in user units, which made labels
    of a zoomed viewBox huge."""
    x0, y0, width, _height = _box([project(m.latitude, m.longitude) for m in markers])
    scale = FRAME_WIDTH / width
    points = [((x - x0) * scale, (y - y0) * scale) for x, y in (project(m.latitude, m.longitude) for m in markers)]
    ranked = sorted(range(len(markers)), key=lambda i: (-markers[i].events, markers[i].name))
    labelled = _labelled(markers, points, ranked, 1.0, lang)
    image = element("image", [("href", outline_href), ("x", -x0 * scale), ("y", -y0 * scale), ("width", WIDTH * scale),
                               ("height", HEIGHT * scale), ("preserveAspectRatio", "none")])
    links = []
    # The largest first, so that small markers stay on top and clickable.
    for i in ranked:
        marker, (x, y) = markers[i], points[i]
        r = min(4 + 2 * math.sqrt(marker.events), 16)
        inner = element("circle", [("cx", x), ("cy", y), ("r", r), ("fill", palette.MARKER), ("fill-opacity", "0.85"),
                                   ("stroke-width", 1.2)])
        if i in labelled:
            physical = "right" if lang == "ar" else "left"
            lx = x - (r + 4) if lang == "ar" else x + r + 4
            inner += text(lx, y + 4, marker.name, lang, anchor(physical, lang),
                          (("stroke-width", 3), ("paint-order", "stroke")))
        links.append(link(marker.href, inner, marker.tip))
    # The markers and the labels share the white outline (of different widths): it is set on their group.
    body = image + group([("stroke", palette.HALO)], "".join(links))
    return picture(ident, FRAME_WIDTH, FRAME_WIDTH / ASPECT, title, desc, body, lang, "bf-picture bf-picture--map",
                   defaults=[("fill", palette.INK), ("font-size", 13)])
