"""Events merged across briefings: one event however many sources report it (pure).

Reports with the same `id` are one event; reports without an id are one event
when type, date and participants agree (and join an event with an id when
exactly one such event matches).  Differences between reports are warnings
that name both files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Sequence, TypeVar

from ..core.diagnostics import Report
from ..content.model import Bilingual, Briefing, Event


@dataclass(frozen=True)
class Sighting:
    """One report of an event, in one briefing."""

    briefing: Briefing
    event: Event

    @property
    def where(self) -> str:
        return f"{self.briefing.original.path}:{self.event.line}"


@dataclass(frozen=True)
class MergedEvent:
    id: str
    type: str
    date: dt.date
    end: Optional[dt.date]
    location: Optional[str]
    participants: tuple[str, ...]  # sorted ids
    title: Optional[Bilingual]
    briefings: tuple[str, ...]  # slugs of the reporting briefings, oldest first

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.date, self.id)


@dataclass(frozen=True)
class Timeline:
    events: tuple[MergedEvent, ...]  # chronological
    by_briefing: Mapping[str, tuple[int, ...]]  # slug -> indexes into events
    by_actor: Mapping[str, tuple[int, ...]]
    # For meetings: the previous and next meeting of exactly the same participants.
    neighbours: Mapping[int, tuple[Optional[int], Optional[int]]]


def auto_id(event: Event) -> str:
    people = "+".join(sorted({p.id for p in event.participants}))
    digest = hashlib.sha1(people.encode()).hexdigest()[:8]
    return f"{event.date.isoformat()}-{event.type}-{digest}"


def _auto_key(event: Event) -> tuple[str, dt.date, frozenset[str]]:
    return (event.type, event.date, frozenset(p.id for p in event.participants))


def merge(briefings: Sequence[Briefing], report: Report) -> Timeline:
    # Oldest report first, so the first report of an event gives its values.
    ordered = sorted(briefings, key=lambda b: (b.date, b.slug))
    groups: dict[str, list[Sighting]] = defaultdict(list)
    keyed: dict[tuple[str, dt.date, frozenset[str]], set[str]] = defaultdict(set)
    loose: list[Sighting] = []
    for briefing in ordered:
        for event in briefing.events:
            if event.id:
                groups[event.id].append(Sighting(briefing, event))
                keyed[_auto_key(event)].add(event.id)
            else:
                loose.append(Sighting(briefing, event))
    for sighting in loose:
        matches = keyed.get(_auto_key(sighting.event), set())
        if len(matches) == 1:
            groups[next(iter(matches))].append(sighting)
        else:
            groups[auto_id(sighting.event)].append(sighting)
    events = sorted((_merge_group(key, sightings, report) for key, sightings in groups.items()), key=lambda e: e.sort_key)
    return _index(tuple(events))


T = TypeVar("T")


def _agree(event_id: str, sightings: list[Sighting], label: str, get: Callable[[Event], Optional[T]], report: Report) -> Optional[T]:
    """The first report's value; every report that differs is a warning naming both files."""
    value: Optional[T] = None
    source = sightings[0]
    for sighting in sightings:
        candidate = get(sighting.event)
        if candidate is None:
            continue
        if value is None:
            value, source = candidate, sighting
        elif candidate != value:
            report.warning(
                sighting.briefing.original.path,
                sighting.event.line,
                f"event '{event_id}': {label} is {_show(candidate)} here but {_show(value)} in {source.where}; using {_show(value)}",
            )
    return value


def _merge_group(event_id: str, sightings: list[Sighting], report: Report) -> MergedEvent:
    first = sightings[0].event
    participants = sorted({p.id for s in sightings for p in s.event.participants})
    return MergedEvent(
        id=event_id,
        type=_agree(event_id, sightings, "the type", lambda e: e.type, report) or first.type,
        date=_agree(event_id, sightings, "the date", lambda e: e.date, report) or first.date,
        end=_agree(event_id, sightings, "the end", lambda e: e.end, report),
        location=_agree(event_id, sightings, "the location", lambda e: e.location.id if e.location else None, report),
        participants=tuple(participants),
        title=_agree(event_id, sightings, "the title", lambda e: e.title, report),
        briefings=tuple(dict.fromkeys(s.briefing.slug for s in sightings)),
    )


def _show(value: object) -> str:
    if isinstance(value, Bilingual):
        return f"'{value.en}'"
    return f"'{value}'"


def _index(events: tuple[MergedEvent, ...]) -> Timeline:
    by_briefing: dict[str, list[int]] = defaultdict(list)
    by_actor: dict[str, list[int]] = defaultdict(list)
    by_group: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for index, event in enumerate(events):
        for slug in event.briefings:
            by_briefing[slug].append(index)
        for actor_id in event.participants:
            by_actor[actor_id].append(index)
        if event.type == "meeting":
            by_group[event.participants].append(index)
    neighbours: dict[int, tuple[Optional[int], Optional[int]]] = {}
    for chain in by_group.values():
        for position, index in enumerate(chain):
            before = chain[position - 1] if position > 0 else None
            after = chain[position + 1] if position + 1 < len(chain) else None
            neighbours[index] = (before, after)
    return Timeline(
        events,
        {k: tuple(v) for k, v in by_briefing.items()},
        {k: tuple(v) for k, v in by_actor.items()},
        neighbours,
    )
