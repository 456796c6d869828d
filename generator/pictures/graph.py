"""Who met whom: the interaction graph of merged events (pure, no drawing).

An interaction is an event of one of INTERACTIONS with two or more
participants; an edge's weight is the number of such events two actors share.
A node's weight is its number of events of any type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Iterable, Mapping, Sequence

from ..linking.events import MergedEvent

INTERACTIONS = frozenset({"meeting", "call", "visit", "conference", "agreement"})
# Beyond this many counterparts an actor's figure shows the most frequent and says how many are left out.
EGO_MAX = 25
# The whole network shows at most this many actors, those with the most events (the rule the page states).
NETWORK_MAX = 60

Pair = tuple[str, str]


@dataclass(frozen=True)
class Graph:
    nodes: tuple[tuple[str, int], ...]  # actor id and its events, most events first, then by id
    edges: tuple[tuple[str, str, int], ...]  # a < b, shared interactions; sorted
    left_out: int = 0  # actors with events not shown (over the cap)


@dataclass(frozen=True)
class Ego:
    center: str
    counterparts: tuple[tuple[str, int], ...]  # shown: id and shared interactions, most first, then by id
    ties: tuple[tuple[str, str, int], ...]  # between shown counterparts, in the same interactions
    left_out: int  # counterparts not shown (over EGO_MAX)


def is_interaction(event: MergedEvent) -> bool:
    return event.type in INTERACTIONS and len(event.participants) >= 2


def _ranked(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def network(events: Iterable[MergedEvent], known: Callable[[str], bool], limit: int = NETWORK_MAX) -> Graph:
    """The actors with the most events (at most `limit`) and their weighted interactions."""
    weights: Counter[str] = Counter()
    pairs: Counter[Pair] = Counter()
    for event in events:
        people = [p for p in event.participants if known(p)]
        weights.update(people)
        if is_interaction(event):
            pairs.update(combinations(sorted(set(people)), 2))
    ranked = _ranked(weights)
    shown = ranked[:limit]
    kept = {actor for actor, _ in shown}
    edges = tuple(sorted((a, b, n) for (a, b), n in pairs.items() if a in kept and b in kept))
    return Graph(tuple(shown), edges, len(ranked) - len(shown))


def ego(actor_id: str, events: Sequence[MergedEvent], known: Callable[[str], bool], limit: int = EGO_MAX) -> Ego:
    """`actor_id`'s counterparts in `events` (its own, so the cost follows its number of events)."""
    counts: Counter[str] = Counter()
    shared: list[list[str]] = []
    for event in events:
        if not is_interaction(event) or actor_id not in event.participants:
            continue
        others = sorted({p for p in event.participants if p != actor_id and known(p)})
        counts.update(others)
        shared.append(others)
    ranked = _ranked(counts)
    shown = ranked[:limit]
    kept = {actor for actor, _ in shown}
    ties: Counter[Pair] = Counter()
    for others in shared:
        ties.update(combinations([p for p in others if p in kept], 2))
    return Ego(actor_id, tuple(shown), tuple(sorted((a, b, n) for (a, b), n in ties.items())), len(ranked) - len(shown))
