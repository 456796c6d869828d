"""Node positions for the whole network: igraph's Kamada-Kawai (stress) layout, seeded.

Kamada-Kawai spread the synthetic 200-briefing network more evenly than
Fruchterman-Reingold, whose dense core left most labels on top of each
other, at the same cost for the figure's at most NETWORK_MAX nodes. An
edge's length is the inverse of its weight: actors who meet often sit close.
The start is a circle in id order and igraph draws any random numbers from a
generator seeded here, so that the same graph gets the same positions;
callers round them (svg.num) before they reach a page.
"""

from __future__ import annotations

import math
import random
from typing import Mapping, Sequence

import igraph

SEED = 17


def force_layout(nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], width: float, height: float,
                 margin: float, top: float = 0) -> Mapping[str, tuple[float, float]]:
    """Positions inside the box (margin to width - margin, top + margin to height - margin), by node id."""
    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: (width / 2, (top + height) / 2)}
    index = {node: i for i, node in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b, _ in edges])
    start = [[math.cos(2 * math.pi * i / len(nodes)), math.sin(2 * math.pi * i / len(nodes))] for i in range(len(nodes))]
    # igraph keeps one generator for the process: set it for this call, so that no other caller's draws change ours.
    igraph.set_random_number_generator(random.Random(SEED))
    if graph.is_connected():
        layout = graph.layout_kamada_kawai(seed=start, weights=[1 / w for _, _, w in edges] or None)
    else:
        # Kamada-Kawai has no distance between components and strings them out in a line;
        # Fruchterman-Reingold's repulsion keeps them in one round picture.
        layout = graph.layout_fruchterman_reingold(seed=start, weights=[w for _, _, w in edges] or None,
                                                   niter=500, grid="nogrid")
    xs = [x for x, _ in layout.coords]
    ys = [y for _, y in layout.coords]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    inner_w, inner_h = width - 2 * margin, height - top - 2 * margin
    # One scale for both axes, centred: stretching each to the box would turn a small graph's
    # shape into the box's corners.
    scale = min(inner_w / span_x, inner_h / span_y)
    left = margin + (inner_w - span_x * scale) / 2
    upper = top + margin + (inner_h - span_y * scale) / 2
    return {node: (left + (x - min(xs)) * scale, upper + (y - min(ys)) * scale) for node, (x, y) in zip(nodes, layout.coords)}
