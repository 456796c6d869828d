"""Who a name or an office title in the text refers to (pure functions).

Names and aliases point at one actor.  Office titles point at an office,
which resolves to whoever held it on the briefing's date: the Secretary of
Russia's Security Council is Patrushev in 2023 and Shoigu in June 2024.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, Mapping, Optional

from ..text.mentions import Matcher, Pattern, pattern_key
from ..content.model import LANGS, Actor, Bilingual, Corpus, Role
from ..core.diagnostics import Report

ACTOR = "actor:"
OFFICE = "office:"
PLACE = "place:"


@dataclass(frozen=True)
class Office:
    key: str
    title: Bilingual
    holders: tuple[tuple[str, Role], ...]  # (actor id, role)

    def held_on(self, day: dt.date) -> tuple[str, ...]:
        return tuple(dict.fromkeys(actor_id for actor_id, role in self.holders if role.held_on(day)))


def office_key(role: Role) -> str:
    # Roles with the same English title (normalised) are one office held in turn.
    return pattern_key(role.title.en) or role.title.en


def offices(corpus: Corpus) -> dict[str, Office]:
    grouped: dict[str, list[tuple[str, Role]]] = {}
    titles: dict[str, Bilingual] = {}
    for actor in corpus.actors.values():
        for role in actor.roles:
            key = office_key(role)
            grouped.setdefault(key, []).append((actor.id, role))
            titles.setdefault(key, role.title)
    return {key: Office(key, titles[key], tuple(holders)) for key, holders in sorted(grouped.items())}


def actor_patterns(actor: Actor) -> Iterator[Pattern]:
    for lang in LANGS:
        for text in (actor.name.get(lang), *actor.aliases.get(lang)):
            yield Pattern(text, lang, ACTOR + actor.id)


def office_patterns(office: Office) -> Iterator[Pattern]:
    for lang in LANGS:
        texts = {office.title.get(lang)}
        for _actor_id, role in office.holders:
            texts.add(role.title.get(lang))
            texts.update(role.aliases.get(lang))
        for text in sorted(texts):
            yield Pattern(text, lang, OFFICE + office.key)


def place_patterns(corpus: Corpus) -> Iterator[Pattern]:
    for place in corpus.places.values():
        for lang in LANGS:
            yield Pattern(place.name.get(lang), lang, PLACE + place.id)


def patterns(corpus: Corpus, office_map: Mapping[str, Office]) -> list[Pattern]:
    out = [p for actor in corpus.actors.values() for p in actor_patterns(actor)]
    out.extend(p for office in office_map.values() for p in office_patterns(office))
    out.extend(place_patterns(corpus))
    return out


def matcher(corpus: Corpus, office_map: Mapping[str, Office]) -> Matcher:
    return Matcher(patterns(corpus, office_map))


@dataclass(frozen=True)
class Resolution:
    actor_id: Optional[str]
    problem: Optional[str]  # why an office title could not be linked


def resolve(target: str, day: dt.date, office_map: Mapping[str, Office], lang: str = "en") -> Resolution:
    if target.startswith(ACTOR):
        return Resolution(target[len(ACTOR):], None)
    office = office_map[target[len(OFFICE):]]
    holders = office.held_on(day)
    if len(holders) == 1:
        return Resolution(holders[0], None)
    who = "nobody held it" if not holders else f"{len(holders)} actors held it ({', '.join(holders)})"
    return Resolution(None, f"office title '{office.title.get(lang)}' is not linked: on {day} {who}")


def validate_names(corpus: Corpus, report: Report) -> None:
    """Warnings about names that cannot be linked reliably (issue: ambiguity, short aliases, overlaps)."""
    owners: dict[tuple[str, str], dict[str, str]] = {}
    for actor in sorted(corpus.actors.values(), key=lambda a: a.id):
        for pattern in actor_patterns(actor):
            key = pattern_key(pattern.text)
            if key is None:
                report.warning(actor.path, 0, f"alias '{pattern.text}' is shorter than 3 letters: it is never linked")
                continue
            owners.setdefault((pattern.lang, key), {}).setdefault(actor.id, pattern.text)
    for (_lang, _key), by_actor in sorted(owners.items()):
        if len(by_actor) > 1:
            ids = sorted(by_actor)
            for actor_id in ids:
                others = ", ".join(f"'{o}'" for o in ids if o != actor_id)
                report.warning(
                    corpus.actors[actor_id].path, 0,
                    f"alias '{by_actor[actor_id]}' is also a name of {others}: ambiguous, it is not linked",
                )
    for office in offices(corpus).values():
        holders = office.holders
        for i, (first_id, first) in enumerate(holders):
            for second_id, second in holders[i + 1:]:
                if first_id != second_id and _overlap(first, second):
                    path = corpus.actors[second_id].path
                    report.warning(
                        path, second.line,
                        f"'{second.title.en}' overlaps with the tenure of '{first_id}' ({corpus.actors[first_id].path}:{first.line}):"
                        " the title is not linked on the days both held it",
                    )


def _overlap(a: Role, b: Role) -> bool:
    start = max(a.start or dt.date.min, b.start or dt.date.min)
    end = min(a.end or dt.date.max, b.end or dt.date.max)
    return start < end
