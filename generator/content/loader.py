"""Stage 1: read content/ into the model, reporting every problem with file and line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Mapping, Optional

from . import schema
from .contentwalk import ignored, walk_content
from ..core.diagnostics import Diagnostic, Report
from .model import Actor, Briefing, Corpus, References, Role, Term
from .pairs import BRIEFING_NAME, read_briefing
from .reading import Limits, item_lines, parse_yaml, read_content


class FileCache:
    """Parsed content kept between builds: in memory by the live preview, on
    disk (.build/) by `briefing build`. An entry is one briefing (both files)
    or one actor file, keyed by the files' names, modification times and
    sizes, and holds the model object, so that it stays small to store; its
    messages are replayed."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple[Any, ...], Any, list[Diagnostic]]] = {}
        self._used: set[str] = set()

    def read(self, key: str, stamp: tuple[Any, ...], report: Report, parse: Callable[[Report], Any]) -> Any:
        self._used.add(key)
        hit = self._entries.get(key)
        if hit is not None and hit[0] == stamp:
            report.extend(hit[2])
            return hit[1]
        local = Report()
        value = parse(local)
        self._entries[key] = (stamp, value, local.items)
        report.extend(local.items)
        return value

    def forget_unused(self) -> None:
        """Drop entries of files that are gone (called after each load)."""
        self._entries = {k: v for k, v in self._entries.items() if k in self._used}
        self._used = set()

    def entries(self) -> Mapping[str, tuple[tuple[Any, ...], Any, list[Diagnostic]]]:
        """Key -> (stamp, model object or None, messages): what buildstate stores."""
        return self._entries

    @classmethod
    def restored(cls, entries: Mapping[str, tuple[tuple[Any, ...], Any, list[Diagnostic]]]) -> FileCache:
        cache = cls()
        cache._entries = dict(entries)
        return cache


def _uncached(key: str, stamp: tuple[Any, ...], report: Report, parse: Callable[[Report], Any]) -> Any:
    return parse(report)


def load(root: Path, report: Report, limits: Limits = Limits(), cache: Optional[FileCache] = None) -> Corpus:
    content = root / "content"
    if not content.is_dir():
        report.error("content", 0, "no content/ folder here: run briefing from the project folder")
        return Corpus(())
    files = sorted(walk_content(content, root, report, limits), key=lambda item: item[0])
    # A briefing's two files are read together: which one is the original is
    # known only from both.
    briefing_files: dict[str, list[tuple[Path, os.stat_result]]] = {}
    actors: dict[str, Actor] = {}
    places: dict[str, Term] = {}
    topics: dict[str, Term] = {}
    broken: set[str] = set()
    broken_briefings: set[str] = set()
    unfinished: list[References] = []
    # places.yml or topics.yml that could not be read at all: ids of theirs are not "unknown".
    unread: set[str] = set()
    read = cache.read if cache is not None else _uncached
    for path, info in files:
        rel = path.relative_to(root).as_posix()
        parts = path.relative_to(content).parts
        if len(parts) == 2 and parts[0] == "briefings":
            match = BRIEFING_NAME.fullmatch(path.name)
            briefing_files.setdefault(match["slug"] if match else path.name, []).append((path, info))
        elif len(parts) == 2 and parts[0] == "actors":
            actor = read(rel, _stamp(path, info), report, lambda r, path=path, rel=rel: _read_actor(path, rel, r, limits))
            if actor:
                actors[actor.id] = actor
            else:
                broken.add(path.stem)
        elif parts == ("places.yml",):
            read_places = _read_terms(path, rel, report, limits, schema.PLACES)
            if read_places is None:
                unread.add("place")
            places = read_places or {}
        elif parts == ("topics.yml",):
            read_topics = _read_terms(path, rel, report, limits, schema.TOPICS)
            if read_topics is None:
                unread.add("topic")
            topics = read_topics or {}
        elif ignored(parts[-1]):
            continue
        else:
            report.error(rel, 0, _misplaced(parts))
    briefings = []
    for key, group in sorted(briefing_files.items()):
        stamp = tuple(s for path, info in group for s in _stamp(path, info))
        briefing = read(f"content/briefings/{key}", stamp, report,
                        lambda r, group=group: read_briefing(group, root, r, limits))
        if isinstance(briefing, Briefing):
            briefings.append(briefing)
            continue
        if isinstance(briefing, References):
            unfinished.append(briefing)
        if BRIEFING_NAME.fullmatch(group[0][0].name):
            broken_briefings.add(key)
    if cache is not None:
        cache.forget_unused()
    briefings.sort(key=lambda b: (-b.date.toordinal(), b.slug))
    return Corpus(tuple(briefings), actors, places, topics, frozenset(broken), frozenset(broken_briefings),
                  tuple(unfinished), frozenset(unread))


def _stamp(path: Path, info: os.stat_result) -> tuple[Any, ...]:
    return (path.name, info.st_mtime_ns, info.st_size)


def _misplaced(parts: tuple[str, ...]) -> str:
    if parts[0] == "briefings":
        return "unexpected file: briefings are content/briefings/<slug>.<en|ar>.md"
    if parts[0] == "actors":
        return "unexpected file: actors are content/actors/<id>.yml"
    return (
        "unexpected file: content/ holds briefings/, actors/, places.yml and topics.yml"
    )




def _read_actor(path: Path, rel: str, report: Report, limits: Limits) -> Optional[Actor]:
    if path.suffix != ".yml":
        report.error(rel, 0, "an actor file is named <id>.yml")
        return None
    actor_id = path.stem
    if not schema.SLUG_RE.fullmatch(actor_id):
        report.error(rel, 0, f"'{actor_id}' is not a valid actor id: use lower-case letters, digits and single hyphens")
        return None
    checked = _read_checked(path, rel, report, limits, schema.ACTOR)
    if checked is None:
        return None
    node, value = checked
    role_lines = item_lines(node, "roles")
    roles = tuple(
        Role(r["title"], r["organization"], r["from"], r["to"], r["aliases"], line)
        for r, line in zip(value["roles"], role_lines)
    )
    return Actor(
        id=actor_id,
        path=rel,
        kind=value["kind"],
        name=value["name"],
        aliases=value["aliases"],
        country=value["country"],
        roles=roles,
        bio=value["bio"],
        wikidata=value["links"]["wikidata"],
        website=value["links"]["website"],
    )


def _read_terms(path: Path, rel: str, report: Report, limits: Limits, spec: schema.MapOf) -> Optional[dict[str, Term]]:
    """The file's places or topics (those that are right); None when the file cannot be read as a whole."""
    checked = _read_checked(path, rel, report, limits, spec)
    if checked is None:
        return None
    _node, value = checked
    return {
        key: Term(key, entry["name"], entry.get("country"), rel, line, entry.get("coordinates"))
        for key, (line, entry) in sorted(value.items())
    }


def _read_checked(path: Path, rel: str, report: Report, limits: Limits, spec: Any) -> Optional[tuple[Any, Any]]:
    """A whole-YAML file (an actor, places, topics) checked against its schema: (node, value), or None after errors."""
    text = read_content(path, rel, report, limits)
    node = None if text is None else parse_yaml(text, 1, rel, report)
    if node is None:
        return None
    value = spec.check(node, schema.Ctx(lambda line, msg: report.error(rel, line, msg)), "")
    return None if value is schema.INVALID else (node, value)
