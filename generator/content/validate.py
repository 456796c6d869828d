"""Stage 2: rules that span files (ids, events, roles), reported with file and line."""

from __future__ import annotations

import datetime as dt
from typing import Collection, Iterable

from .datelines import dateline
from ..core.diagnostics import Report, did_you_mean
from .model import Actor, Briefing, Corpus, Ref, References
from .schema import MULTI_PARTY_EVENTS


def validate(corpus: Corpus, report: Report, today: dt.date) -> None:
    for actor in corpus.actors.values():
        _check_actor(actor, corpus, report)
    for term in corpus.places.values():
        if term.country:
            _check_country(term.country, corpus, report, term.path, f"'{term.id}.country'")
    for briefing in corpus.briefings:
        _check_references(briefing.references, corpus, report)
        _check_dates(briefing, today, report)
    for references in corpus.unfinished:
        _check_references(references, corpus, report)
    _check_coordinates(corpus, report)


def _check_coordinates(corpus: Corpus, report: Report) -> None:
    """A place where events happen but that the map cannot show."""
    used = {event.location.id for briefing in corpus.briefings for event in briefing.events if event.location}
    for place_id in sorted(used):
        term = corpus.places.get(place_id)
        if term is not None and term.coordinates is None:
            report.warning(term.path, term.line, f"place '{place_id}' has events but no coordinates:"
                                                 " add 'coordinates: [latitude, longitude]' to show it on the map")


def _check_dates(briefing: Briefing, today: dt.date, report: Report) -> None:
    """Dates after today: most often a typo, or a date never corrected."""
    path = briefing.original.path
    if briefing.date > today:
        report.warning(path, briefing.date_line,
                       f"'date' is {briefing.date}, a day still to come: write the article's publication date")
    named = dateline(briefing.original.body) if briefing.date_from_scaffold else None
    if named is not None and not named.names(briefing.date):
        report.warning(path, briefing.date_line,
                       f"'date' is still {briefing.date}, the day the file was made, but the text's dateline names"
                       f" {named}: write the article's publication date (and remove the note after it)")
    elif briefing.date_from_scaffold and named is None:
        # Nothing in the text confirms the day: only the analyst can.
        report.warning(path, briefing.date_line,
                       f"'date' is still {briefing.date}, the day the file was made, and the text names no day:"
                       " confirm the publication date (and remove the note after it)")
    for index, event in enumerate(briefing.events, 1):
        if event.date > today:
            report.warning(path, event.date_line or event.line,
                           f"events[{index}]: 'date' is {event.date}, a day still to come:"
                           " record an event once it has taken place, or correct the date")


def _unknown(ref: Ref, what: str, known: Collection[str], corpus: Corpus, report: Report, path: str, where: str) -> bool:
    # `known` is a mapping or set: membership stays O(1) (a copy per reference was quadratic).
    if ref.id in known or ref.id in corpus.broken_ids or what in corpus.unread_kinds:
        return False
    home = {
        "actor": f"add content/actors/{ref.id}.yml",
        "place": "add it to content/places.yml",
        "topic": "add it to content/topics.yml",
    }[what]
    hint = did_you_mean(ref.id, known)
    report.error(path, ref.line, f"{where}: unknown {what} '{ref.id}'{hint or f' ({home})'}")
    return True


def _check_country(ref: Ref, corpus: Corpus, report: Report, path: str, where: str) -> None:
    if _unknown(ref, "actor", corpus.actors, corpus, report, path, where):
        return
    target = corpus.actors.get(ref.id)
    if target is not None and target.kind != "country":
        report.error(path, ref.line, f"{where} must be an actor of kind country, and '{ref.id}' is a {target.kind}")


def _check_actor(actor: Actor, corpus: Corpus, report: Report) -> None:
    if actor.country:
        _check_country(actor.country, corpus, report, actor.path, "'country'")
    for index, role in enumerate(actor.roles, 1):
        if role.organization:
            _unknown(role.organization, "actor", corpus.actors, corpus, report, actor.path, f"roles[{index}].organization")
        if role.start and role.end and role.end <= role.start:
            report.error(
                actor.path,
                role.line,
                f"roles[{index}]: 'to' ({role.end}) must come after 'from' ({role.start})",
            )


def _check_references(named: References, corpus: Corpus, report: Report) -> None:
    path = named.path
    if named.location:
        _unknown(named.location, "place", corpus.places, corpus, report, path, "location")
    for index, ref in enumerate(named.actors, 1):
        _unknown(ref, "actor", corpus.actors, corpus, report, path, f"actors[{index}]")
    for index, ref in enumerate(named.topics, 1):
        _unknown(ref, "topic", corpus.topics, corpus, report, path, f"topics[{index}]")
    _duplicates(named.actors, "actors", path, report)
    _duplicates(named.topics, "topics", path, report)
    seen_ids: dict[str, int] = {}
    for index, event in enumerate(named.events, 1):
        where = f"events[{index}]"
        if event.location:
            _unknown(event.location, "place", corpus.places, corpus, report, path, f"{where}.location")
        for pindex, ref in enumerate(event.participants, 1):
            _unknown(ref, "actor", corpus.actors, corpus, report, path, f"{where}.participants[{pindex}]")
        _duplicates(event.participants, f"{where}.participants", path, report)
        if event.type in MULTI_PARTY_EVENTS and len({p.id for p in event.participants}) < 2:
            report.error(path, event.line, f"{where}: a {event.type} needs at least two participants")
        if event.end and event.end < event.date:
            report.error(path, event.line, f"{where}: 'end' ({event.end}) is before 'date' ({event.date})")
        if event.id:
            if event.id in seen_ids:
                report.error(path, event.line, f"{where}: event id '{event.id}' is used twice in this briefing (first on line {seen_ids[event.id]})")
            seen_ids.setdefault(event.id, event.line)


def _duplicates(refs: Iterable[Ref], where: str, path: str, report: Report) -> None:
    seen: dict[str, int] = {}
    for ref in refs:
        if ref.id in seen:
            report.warning(path, ref.line, f"{where}: '{ref.id}' is listed twice (first on line {seen[ref.id]})")
        seen.setdefault(ref.id, ref.line)
