"""Indexes across briefings: by actor, topic and place; co-occurrence; related briefings.

Everything here is built through inverted indexes in time linear in the
corpus: no step compares briefings pair by pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..content.model import Briefing
from .linked import LinkedBriefing, involved

RELATED_COUNT = 5
CO_ACTORS = 10
# How many neighbours (by date) of a briefing are examined in each posting
# list: popular topics would otherwise make this quadratic.
WINDOW = 40
WEIGHTS = {"event": 5, "actor": 3, "topic": 1}


@dataclass(frozen=True)
class Relations:
    by_actor: Mapping[str, tuple[tuple[int, str], ...]]  # actor -> (briefing index, "involved"/"mentioned"), newest first
    by_topic: Mapping[str, tuple[int, ...]]
    by_place: Mapping[str, tuple[int, ...]]
    co_actors: Mapping[str, tuple[tuple[str, int], ...]]  # actor -> (other actor, shared briefings), most first
    actor_topics: Mapping[str, tuple[tuple[str, int], ...]]
    related: Sequence[tuple[int, ...]]  # per briefing index


def relations(briefings: Sequence[LinkedBriefing], related: Sequence[tuple[int, ...]]) -> Relations:
    """Indexes of linked briefings; `related` comes from related_briefings, which needs no links."""
    by_actor: dict[str, list[tuple[int, str]]] = defaultdict(list)
    by_topic: dict[str, list[int]] = defaultdict(list)
    by_place: dict[str, list[int]] = defaultdict(list)
    co: dict[str, Counter[str]] = defaultdict(Counter)
    topics_of: dict[str, Counter[str]] = defaultdict(Counter)
    for index, lb in enumerate(briefings):  # newest first, so the indexes are too
        b = lb.briefing
        for actor_id in lb.involved:
            by_actor[actor_id].append((index, "involved"))
        for actor_id in lb.mentioned:
            by_actor[actor_id].append((index, "mentioned"))
        actors = lb.actors
        topic_ids = [ref.id for ref in b.topics]
        for actor_id in actors:
            # Counter.update counts an iterable in C.
            co[actor_id].update(other_id for other_id in actors if other_id != actor_id)
            topics_of[actor_id].update(topic_ids)
        for ref in dict.fromkeys(topic_ids):
            by_topic[ref].append(index)
        places = [b.location.id] if b.location else []
        places += [e.location.id for e in b.events if e.location]
        for place_id in dict.fromkeys(places):
            by_place[place_id].append(index)
    return Relations(
        by_actor={k: tuple(v) for k, v in by_actor.items()},
        by_topic={k: tuple(v) for k, v in by_topic.items()},
        by_place={k: tuple(v) for k, v in by_place.items()},
        co_actors={k: _top(v, CO_ACTORS) for k, v in co.items()},
        actor_topics={k: _top(v, CO_ACTORS) for k, v in topics_of.items()},
        related=related,
    )


def related_briefings(briefings: Sequence[Briefing]) -> list[tuple[int, ...]]:
    """Per briefing (newest first), the briefings sharing most of its events, involved actors and topics."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, b in enumerate(briefings):  # newest first, so postings are too
        for ref in dict.fromkeys(r.id for r in b.topics):
            postings[("topic", ref)].append(index)
        for actor_id in involved(b):
            postings[("actor", actor_id)].append(index)
        for event in b.events:
            key = event.id or f"{event.type}/{event.date}/{'+'.join(sorted(p.id for p in event.participants))}"
            postings[("event", key)].append(index)
    return _related(briefings, postings)


def _top(counter: Counter[str], count: int) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:count])


def _related(briefings: Sequence[object], postings: Mapping[tuple[str, str], list[int]]) -> list[tuple[int, ...]]:
    position: dict[tuple[str, str], dict[int, int]] = {key: {b: i for i, b in enumerate(lst)} for key, lst in postings.items()}
    features: list[list[tuple[str, str]]] = [[] for _ in briefings]
    for key, lst in postings.items():
        for b in lst:
            features[b].append(key)
    out: list[tuple[int, ...]] = []
    for index, keys in enumerate(features):
        scores: dict[int, int] = {}
        get = scores.get
        for key in keys:
            lst = postings[key]
            at = position[key][index]
            weight = WEIGHTS[key[0]]
            for other in lst[max(0, at - WINDOW): at + WINDOW + 1]:
                scores[other] = get(other, 0) + weight
        scores.pop(index, None)
        # Highest score first, then the most recent (lower index is newer).
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:RELATED_COUNT]
        out.append(tuple(b for b, _score in ranked))
    return out
