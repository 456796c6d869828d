"""The content model: typed, frozen, built once by the loader and never mutated."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Optional

LANGS = ("en", "ar")


def other(lang: str) -> str:
    return "ar" if lang == "en" else "en"


@dataclass(frozen=True)
class Ref:
    """An id written in a content file, remembered with its line for error messages."""

    id: str
    line: int


@dataclass(frozen=True)
class Bilingual:
    en: str
    ar: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ar


@dataclass(frozen=True)
class Aliases:
    en: tuple[str, ...] = ()
    ar: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" else self.ar


@dataclass(frozen=True)
class Source:
    name: str
    url: Optional[str]


@dataclass(frozen=True)
class Event:
    type: str
    date: dt.date
    end: Optional[dt.date]
    location: Optional[Ref]
    participants: tuple[Ref, ...]
    title: Optional[Bilingual]
    id: Optional[str]
    line: int
    date_line: int = 0  # the line of its `date`


@dataclass(frozen=True)
class Document:
    """One language's file of a briefing."""

    path: str  # relative to the project root
    lang: str
    title: str
    summary: tuple[str, ...]
    body: str  # Markdown, as written
    body_line: int
    translator: Optional[str] = None
    status: Optional[str] = None  # translations only: draft | reviewed


@dataclass(frozen=True)
class References:
    """The ids a briefing's original names: checked by the validator for
    every briefing, and for an original with errors of its own too (then
    holding only the fields that are right), so that errors come in one round."""

    path: str
    location: Optional[Ref] = None
    actors: tuple[Ref, ...] = ()
    topics: tuple[Ref, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Briefing:
    slug: str
    original: Document
    translation: Optional[Document]
    date: dt.date
    source: Source
    location: Optional[Ref]
    actors: tuple[Ref, ...]
    events: tuple[Event, ...]
    topics: tuple[Ref, ...]
    date_line: int = 0  # the line of `date` in the original
    date_from_scaffold: bool = False  # `date` is still the day `briefing new` wrote it

    @property
    def references(self) -> References:
        return References(self.original.path, self.location, self.actors, self.topics, self.events)

    def document(self, lang: str) -> Optional[Document]:
        if self.original.lang == lang:
            return self.original
        return self.translation

    def shown(self, lang: str) -> Document:
        """What the edition in `lang` shows first: its language's text, else the original."""
        return self.document(lang) or self.original


@dataclass(frozen=True)
class Role:
    title: Bilingual
    organization: Optional[Ref]
    start: Optional[dt.date]  # `from` in the file
    end: Optional[dt.date]  # `to` in the file: exclusive
    aliases: Aliases
    line: int

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    id: str
    path: str
    kind: str  # person | organization | country
    name: Bilingual
    aliases: Aliases
    country: Optional[Ref]
    roles: tuple[Role, ...]
    bio: Optional[Bilingual]
    wikidata: Optional[str]
    website: Optional[str]


@dataclass(frozen=True)
class Term:
    """A place or a topic."""

    id: str
    name: Bilingual
    country: Optional[Ref]
    path: str
    line: int
    coordinates: Optional[tuple[float, float]] = None  # places only: latitude, longitude in decimal degrees


@dataclass(frozen=True)
class Corpus:
    briefings: tuple[Briefing, ...]  # sorted newest first, then by slug
    actors: Mapping[str, Actor] = field(default_factory=dict)
    places: Mapping[str, Term] = field(default_factory=dict)
    topics: Mapping[str, Term] = field(default_factory=dict)
    # Ids whose files exist but failed to load: references to them are not
    # reported again as unknown.
    broken_ids: frozenset[str] = frozenset()
    # Briefings whose files exist but failed to load (slugs): counted as found.
    broken_briefings: frozenset[str] = frozenset()
    # What the originals among them that failed to load still name, right.
    unfinished: tuple[References, ...] = ()
    # Kinds of ids ("place", "topic") whose whole file failed to load: not reported as unknown.
    unread_kinds: frozenset[str] = frozenset()
