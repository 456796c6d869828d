"""Draws templates/assets/world.svg, the map's country outlines, from Natural Earth.

    python -m tools.world_outline COUNTRIES_JSON > templates/assets/world.svg

COUNTRIES_JSON is countries-50m.json of the npm package world-atlas
(Natural Earth 1:50m admin-0 countries, public domain, as TopoJSON; `make
world-outline` fetches the pinned version and runs this). The outline is
projected with generator/pictures/worldmap.py's projection, rounded to a
tenth of a unit, points closer than SIMPLIFY to the last one kept dropped;
the same input gives the same bytes. Run by a maintainer when the data
changes, never by a build: the site ships the file as an asset.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

from generator.pictures import palette
from generator.pictures.svg import num
from generator.pictures.worldmap import HEIGHT, NORTH, SOUTH, WIDTH, project

SIMPLIFY = 1.0  # units (a thousandth of the world's width is one): a quarter of a pixel at the map's closest zoom


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs decoded: quantized deltas to longitude, latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _rings(topology: dict[str, Any]) -> Iterator[list[tuple[float, float]]]:
    arcs = _arcs(topology)
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                yield _ring(ring, arcs)


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Chukotka, Fiji) continued past ±180 instead of jumping back
    across the whole map; the outline's frame cuts off the part beyond it."""
    out = [ring[0]]
    for longitude, latitude in ring[1:]:
        previous = out[-1][0]
        while longitude - previous > 180:
            longitude -= 360
        while previous - longitude > 180:
            longitude += 360
        out.append((longitude, latitude))
    return out


def _path(ring: list[tuple[float, float]]) -> str:
    """One ring as relative moves in tenths of a unit (short, and no rounding error adds up)."""
    if max(latitude for _, latitude in ring) < SOUTH:
        return ""  # Antarctica: south of the map
    kept: list[tuple[int, int]] = []
    for longitude, latitude in _unwrapped(ring):
        x, y = project(max(min(latitude, NORTH), SOUTH), longitude)
        point = (round(x * 10), round(y * 10))
        if kept and abs(point[0] - kept[-1][0]) + abs(point[1] - kept[-1][1]) < SIMPLIFY * 10:
            continue
        kept.append(point)
    if len(kept) < 3:
        return ""
    steps = [f"M{num(kept[0][0] / 10)} {num(kept[0][1] / 10)}"]
    for (ax, ay), (bx, by) in zip(kept, kept[1:]):
        steps.append(f"l{num((bx - ax) / 10)} {num((by - ay) / 10)}")
    return "".join(steps) + "z"


def outline(topology: dict[str, Any]) -> str:
    d = "".join(filter(None, (_path(ring) for ring in _rings(topology))))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(WIDTH)} {num(HEIGHT)}" '
        f'width="{num(WIDTH)}" height="{num(HEIGHT)}">'
        "<!-- Natural Earth 1:50m admin-0 countries (public domain), via the npm package world-atlas;"
        " drawn by tools/world_outline.py -->"
        f'<rect width="{num(WIDTH)}" height="{num(HEIGHT)}" fill="#f4f8fb"/>'
        f'<path fill="{palette.LAND}" stroke="{palette.BORDER}" stroke-width="0.6" vector-effect="non-scaling-stroke" stroke-linejoin="round" d="{d}"/>'
        "</svg>\n"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    sys.stdout.write(outline(json.loads(Path(argv[0]).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
