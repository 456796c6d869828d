"""Stage 1: read content/ into the model, reporting every problem with file and line."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

from . import schema
from .contentwalk import ignored, walk_content
from .diagnostics import Diagnostic, Report
from .model import LANGS, Actor, Briefing, Corpus, Document, Event, Role, Source, Term
from .sourcefile import DEFAULT_MAX_BYTES, SourceProblem, read_text, split_front_matter
from .yamlnodes import Node, YamlProblem, parse

BRIEFING_NAME = re.compile(r"(?P<slug>.+)\.(?P<lang>[^.]+)\.md")


@dataclass(frozen=True)
class Limits:
    """Refuse content that would exhaust the machine, with a message instead of a crash.

    Set in mkdocs.yml under `extra.limits` (same names)."""

    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_files: int = 200_000
    max_total_bytes: int = 1_000_000_000


@dataclass(frozen=True)
class _Parsed:
    """A briefing file read and split, before we know whether it is the original."""

    path: str
    lang: str
    front: Node
    body: str
    body_line: int


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
            places = _read_terms(path, rel, report, limits, schema.PLACES)
        elif parts == ("topics.yml",):
            topics = _read_terms(path, rel, report, limits, schema.TOPICS)
        elif ignored(parts[-1]):
            continue
        else:
            report.error(rel, 0, _misplaced(parts))
    briefings = []
    for key, group in sorted(briefing_files.items()):
        stamp = tuple(s for path, info in group for s in _stamp(path, info))
        briefing = read(f"content/briefings/{key}", stamp, report,
                        lambda r, group=group: _read_briefing(group, root, r, limits))
        if briefing:
            briefings.append(briefing)
    if cache is not None:
        cache.forget_unused()
    briefings.sort(key=lambda b: (-b.date.toordinal(), b.slug))
    return Corpus(tuple(briefings), actors, places, topics, frozenset(broken))


def _stamp(path: Path, info: os.stat_result) -> tuple[Any, ...]:
    return (path.name, info.st_mtime_ns, info.st_size)


def _read_briefing(group: list[tuple[Path, os.stat_result]], root: Path, report: Report, limits: Limits) -> Optional[Briefing]:
    pair: dict[str, _Parsed] = {}
    slug = None
    for path, _info in group:
        parsed = _read_briefing_file(path, path.relative_to(root).as_posix(), report, limits)
        if parsed:
            slug = parsed[0]
            pair[parsed[1].lang] = parsed[1]
    return _pair(slug, pair, report) if slug is not None else None


def _misplaced(parts: tuple[str, ...]) -> str:
    if parts[0] == "briefings":
        return "unexpected file: briefings are content/briefings/<slug>.<en|ar>.md"
    if parts[0] == "actors":
        return "unexpected file: actors are content/actors/<id>.yml"
    return (
        "unexpected file: content/ holds briefings/, actors/, places.yml and topics.yml"
    )


def _read(path: Path, rel: str, report: Report, limits: Limits) -> Optional[str]:
    try:
        return read_text(path, limits.max_file_bytes)
    except SourceProblem as problem:
        report.error(rel, problem.line, problem.message)
    except OSError as exc:
        report.error(rel, 0, f"cannot be read: {exc.strerror}")
    return None


def _yaml(text: str, first_line: int, rel: str, report: Report) -> Optional[Node]:
    try:
        return parse(text, first_line)
    except YamlProblem as problem:
        report.error(rel, problem.line, problem.message)
        return None


def _read_briefing_file(path: Path, rel: str, report: Report, limits: Limits) -> Optional[tuple[str, _Parsed]]:
    match = BRIEFING_NAME.fullmatch(path.name)
    if not match:
        report.error(rel, 0, "a briefing file is named <slug>.<en|ar>.md")
        return None
    slug, lang = match["slug"], match["lang"]
    if lang not in LANGS:
        report.error(rel, 0, f"unknown language '{lang}' in the file name: use .en.md or .ar.md")
        return None
    if not schema.SLUG_RE.fullmatch(slug):
        report.error(rel, 0, f"'{slug}' is not a valid slug: use lower-case letters, digits and single hyphens")
        return None
    text = _read(path, rel, report, limits)
    if text is None:
        return None
    try:
        split = split_front_matter(text)
    except SourceProblem as problem:
        report.error(rel, problem.line, problem.message)
        return None
    front = _yaml(split.front_matter, split.front_matter_line, rel, report)
    if front is None:
        return None
    # Body problems are reported, and the front matter is still checked, so
    # that one run lists everything left to fill in.
    if not split.body.strip():
        report.error(rel, split.body_line, "the body is empty: paste the article text after the front matter")
    elif split.body.lstrip().startswith("TODO"):
        report.error(rel, split.body_line, "the body is still the placeholder: replace it with the text")
    return slug, _Parsed(rel, lang, front, split.body, split.body_line)


def _is_original(parsed: _Parsed) -> bool:
    return parsed.front.is_map and any(key in parsed.front.value for key in schema.ORIGINAL_MARKERS)


def _pair(slug: str, pair: dict[str, _Parsed], report: Report) -> Optional[Briefing]:
    originals = [p for p in pair.values() if _is_original(p)]
    if len(originals) > 1:
        for p in originals:
            report.error(p.path, 1, "both files of this briefing carry date/source: only the original does, remove them from the translation")
        return None
    if not originals:
        for p in pair.values():
            report.error(p.path, 1, "no original: one file of the briefing must carry 'date' and 'source'")
        return None
    original = originals[0]
    translations = [p for p in pair.values() if p is not original]
    meta, doc = _document(original, schema.ORIGINAL, report)
    translation = None
    if translations:
        tmeta, translation = _document(translations[0], schema.TRANSLATION, report)
        if tmeta is schema.INVALID:
            return None
    if meta is schema.INVALID or doc is None:
        return None
    return Briefing(
        slug=slug,
        original=doc,
        translation=translation,
        date=meta["date"],
        source=Source(meta["source"]["name"], meta["source"]["url"]),
        location=meta["location"],
        actors=meta["actors"],
        events=tuple(_event(e, line) for e, line in zip(meta["events"], _item_lines(original.front, "events"))),
        topics=meta["topics"],
    )


def _item_lines(front: Node, key: str) -> list[int]:
    node = front.value.get(key)
    return [item.line for item in node.value] if node is not None and node.is_list else []


def _event(value: dict[str, Any], line: int) -> Event:
    return Event(
        type=value["type"],
        date=value["date"],
        end=value["end"],
        location=value["location"],
        participants=value["participants"],
        title=value["title"],
        id=value["id"],
        line=line,
    )


def _document(parsed: _Parsed, spec: schema.Struct, report: Report) -> tuple[Any, Optional[Document]]:
    ctx = schema.Ctx(lambda line, msg: report.error(parsed.path, line, msg))
    meta = spec.check(parsed.front, ctx, "")
    if meta is schema.INVALID:
        return meta, None
    return meta, Document(
        path=parsed.path,
        lang=parsed.lang,
        title=meta["title"],
        summary=meta["summary"],
        body=parsed.body,
        body_line=parsed.body_line,
        translator=meta.get("translator"),
        status=meta.get("status"),
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
    role_lines = _item_lines(node, "roles")
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


def _read_terms(path: Path, rel: str, report: Report, limits: Limits, spec: schema.MapOf) -> dict[str, Term]:
    checked = _read_checked(path, rel, report, limits, spec)
    if checked is None:
        return {}
    _node, value = checked
    return {
        key: Term(key, entry["name"], entry.get("country"), rel, line)
        for key, (line, entry) in sorted(value.items())
    }


def _read_checked(path: Path, rel: str, report: Report, limits: Limits, spec: Any) -> Optional[tuple[Any, Any]]:
    """A whole-YAML file (an actor, places, topics) checked against its schema: (node, value), or None after errors."""
    text = _read(path, rel, report, limits)
    node = None if text is None else _yaml(text, 1, rel, report)
    if node is None:
        return None
    value = spec.check(node, schema.Ctx(lambda line, msg: report.error(rel, line, msg)), "")
    return None if value is schema.INVALID else (node, value)
