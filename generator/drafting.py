"""What an article's text shows of its front matter, proposed for `new briefing --from-file` (pure).

Everything is found with the parts the build itself uses: names, aliases and
office titles with the one matcher (`text/mentions.py`, offices resolved on
the briefing's date by `linking/names.py`), the dateline with
`content/datelines.py`, an event's id with the merger's rule
(`linking/events.py`). So what is proposed is what the page would link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping, Optional
from urllib.parse import urlsplit

from .content.datelines import dateline
from .content.model import Corpus, Event, Ref
from .core.diagnostics import Report
from .linking.events import auto_id, merge
from .linking.names import OFFICE, PLACE, Office, matcher as names_matcher, offices, resolve
from .text.eventverbs import event_type, sentence_spans
from .text.markup import split_paragraphs
from .text.mentions import Match, Matcher, Pattern

# People first: they are who the briefing is about; then the bodies and states.
KIND_ORDER = ("person", "organization", "country")
_TOPIC = "topic:"
_SOURCE = "source:"


@dataclass(frozen=True)
class ProposedDate:
    day: dt.date
    from_text: bool  # False: today's date, nothing in the text named one
    named: str = ""  # the dateline as read ("15 March"), when from the text


@dataclass(frozen=True)
class ProposedEvent:
    type: str
    date: dt.date
    location: Optional[str]
    participants: tuple[str, ...]  # sorted ids
    id: str
    reused_from: tuple[str, ...]  # slugs of briefings already reporting it (its id is theirs)


@dataclass(frozen=True)
class Proposal:
    date: ProposedDate
    source_name: Optional[str]  # None: no known source matched
    location: Optional[str]
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    event: Optional[ProposedEvent]
    paragraphs: int
    # Where in the body each proposed actor, the place and the event's
    # sentence were first seen (offsets), for `suggest` to point at the line.
    seen_at: Mapping[str, int] = field(default_factory=dict)


EVENT_SEEN = "event:"


def propose(corpus: Corpus, body: str, lang: str, url: Optional[str], today: dt.date) -> Proposal:
    return propose_on(corpus, body, lang, url, _date(body, today))


def propose_on(corpus: Corpus, body: str, lang: str, url: Optional[str], date: ProposedDate) -> Proposal:
    """What the text shows, with offices resolved on `date` (the dateline's day, or a briefing's own date)."""
    paragraphs = split_paragraphs(body)
    first = paragraphs[0].text if paragraphs else ""
    office_map = offices(corpus)
    matches = names_matcher(corpus, office_map).find(body, lang)
    resolved = [(m, actor) for m in matches if (actor := _actor(m.target, date.day, office_map))]
    first_end = body.find(first) + len(first) if first else 0
    location = _location([m for m in matches if m.end <= first_end])
    event, event_start = _event(corpus, body, lang, resolved, date.day, location)
    seen_at: dict[str, int] = {}
    for match, actor_id in resolved:
        seen_at.setdefault(actor_id, match.start)
        if match.target.startswith(OFFICE):
            for body_id in _office_bodies(corpus, actor_id, date.day):
                seen_at.setdefault(body_id, match.start)
    for match in matches:
        seen_at.setdefault(match.target, match.start)
    if event is not None:
        seen_at[EVENT_SEEN] = event_start
    return Proposal(
        date=date,
        source_name=_source(corpus, first, url),
        location=location,
        actors=_actors(corpus, resolved, date.day),
        topics=_topics(corpus, body, lang),
        event=event,
        paragraphs=len(paragraphs),
        seen_at=seen_at,
    )


def _date(body: str, today: dt.date) -> ProposedDate:
    named = dateline(body)
    day = named.latest_until(today) if named else None
    if named is None or day is None:
        return ProposedDate(today, False)
    return ProposedDate(day, True, str(named))


def _actor(target: str, day: dt.date, office_map: Mapping[str, Office]) -> Optional[str]:
    if target.startswith(PLACE):
        return None
    return resolve(target, day, office_map).actor_id


def _actors(corpus: Corpus, resolved: list[tuple[Match, str]], day: dt.date) -> tuple[str, ...]:
    found: list[str] = []
    for match, actor_id in resolved:
        found.append(actor_id)
        if match.target.startswith(OFFICE):
            # An office title names its body too ("Secretary of Russia's Security Council").
            found.extend(_office_bodies(corpus, actor_id, day))
    unique = list(dict.fromkeys(found))
    return tuple(sorted(unique, key=lambda a: (KIND_ORDER.index(corpus.actors[a].kind), unique.index(a))))


def _office_bodies(corpus: Corpus, actor_id: str, day: dt.date) -> list[str]:
    return [role.organization.id for role in corpus.actors[actor_id].roles
            if role.organization and role.held_on(day) and role.organization.id in corpus.actors]


def _location(first_paragraph_matches: list[Match]) -> Optional[str]:
    places = {m.target[len(PLACE):] for m in first_paragraph_matches if m.target.startswith(PLACE)}
    return next(iter(places)) if len(places) == 1 else None


def _topics(corpus: Corpus, body: str, lang: str) -> tuple[str, ...]:
    patterns = [Pattern(term.name.get(code), code, _TOPIC + term.id) for term in corpus.topics.values() for code in ("en", "ar")]
    found = Matcher(patterns).find(body, lang)
    return tuple(dict.fromkeys(m.target[len(_TOPIC):] for m in found))


def _source_variants(name: str) -> list[str]:
    """"Nournews (نورنيوز)" is written "Nournews", "نورنيوز" or whole in a dateline."""
    outside, _, inside = name.partition("(")
    return [v for v in {name.strip(), outside.strip(), inside.rstrip(")").strip()} if v]


def _source(corpus: Corpus, first_paragraph: str, url: Optional[str]) -> Optional[str]:
    names = sorted({b.source.name for b in corpus.briefings})
    patterns = [Pattern(v, "en" if v.isascii() else "ar", _SOURCE + name) for name in names for v in _source_variants(name)]
    source_matcher = Matcher(patterns)
    named = {m.target[len(_SOURCE):] for code in ("en", "ar") for m in source_matcher.find(first_paragraph, code)}
    if len(named) == 1:
        return named.pop()
    host = _host(url)
    if host and not named:
        by_host = {b.source.name for b in corpus.briefings if _host(b.source.url) == host}
        if len(by_host) == 1:
            return by_host.pop()
    return None


def _host(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _event(corpus: Corpus, body: str, lang: str, resolved: list[tuple[Match, str]], day: dt.date,
           location: Optional[str]) -> tuple[Optional[ProposedEvent], int]:
    """The first sentence with a meeting, call or visit verb and two or more actors, and where it starts."""
    for start, end in sentence_spans(body):
        kind = event_type(body[start:end], lang)
        if kind is None:
            continue
        named = list(dict.fromkeys(a for m, a in resolved if start <= m.start < end))
        people = [a for a in named if corpus.actors[a].kind == "person"]
        participants = people if len(people) >= 2 else named
        if len(participants) < 2:
            continue
        # A call joins two places: the dateline's is only the outlet's.
        return _with_id(corpus, kind, day, None if kind == "call" else location, tuple(sorted(participants))), start
    return None, 0


def _with_id(corpus: Corpus, kind: str, day: dt.date, location: Optional[str], participants: tuple[str, ...]) -> ProposedEvent:
    # The merger's own view of the events already reported: same type, date
    # and participants is the same event, so its id is reused.
    known = [e for e in merge(corpus.briefings, Report()).events
             if (e.type, e.date, set(e.participants)) == (kind, day, set(participants))]
    if len(known) == 1:
        return ProposedEvent(kind, day, location, participants, known[0].id, known[0].briefings)
    draft = Event(kind, day, None, None, tuple(Ref(p, 0) for p in participants), None, None, 0)
    return ProposedEvent(kind, day, location, participants, auto_id(draft), ())

