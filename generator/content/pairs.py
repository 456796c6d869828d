"""A briefing's files (the original and its translation), read together: which
one is the original is known only from both, and each is checked against its
own schema whatever the other holds."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

from . import schema
from ..core.diagnostics import Report
from .model import LANGS, Briefing, Document, Event, References, Source
from .reading import Limits, list_items, parse_yaml, read_content
from .sourcefile import SourceProblem, Split, split_front_matter
from .yamlnodes import Node

BRIEFING_NAME = re.compile(r"(?P<slug>.+)\.(?P<lang>[^.]+)\.md")
# Left by `new briefing` (scaffold.py) on the `date` line of a new original:
# while it is there, the date is the day the file was made, and `check`
# compares it with the dateline.
DATE_NOTE = "publication date: correct it if the article is older"


@dataclass(frozen=True)
class _Parsed:
    """A briefing file read and split, before we know whether it is the original."""

    path: str
    lang: str
    front: Node
    body: str
    body_line: int
    date_note: bool = False  # the `date` line still carries the note `briefing new` wrote


def read_briefing(group: list[tuple[Path, os.stat_result]], root: Path, report: Report, limits: Limits) -> Union[Briefing, References, None]:
    pair: dict[str, _Parsed] = {}
    slug = None
    for path, _info in group:
        parsed = _read_briefing_file(path, path.relative_to(root).as_posix(), report, limits)
        if parsed:
            slug = parsed[0]
            pair[parsed[1].lang] = parsed[1]
    # A file that could not be read may be the original: the other is then
    # checked on its own, and nothing is said about what the pair lacks.
    whole = len(pair) == len(group)
    return _pair(slug, pair, whole, report) if slug is not None else None


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
    text = read_content(path, rel, report, limits)
    if text is None:
        return None
    try:
        split = split_front_matter(text)
    except SourceProblem as problem:
        report.error(rel, problem.line, problem.message)
        return None
    front = parse_yaml(split.front_matter, split.front_matter_line, rel, report)
    if front is None:
        return None
    # Body problems are reported, and the front matter is still checked, so
    # that one run lists everything left to fill in.
    if not split.body.strip():
        report.error(rel, split.body_line, "the body is empty: paste the article text after the front matter")
    elif split.body.lstrip().startswith("TODO"):
        report.error(rel, split.body_line, "the body is still the placeholder: replace it with the text")
    return slug, _Parsed(rel, lang, front, split.body, split.body_line, _has_date_note(front, split))


def _has_date_note(front: Node, split: Split) -> bool:
    line = front.key_lines.get("date") if front.is_map else None
    if line is None:
        return False
    lines = split.front_matter.split("\n")
    index = line - split.front_matter_line
    return 0 <= index < len(lines) and lines[index].partition("#")[2].strip() == DATE_NOTE


def _markers(parsed: _Parsed) -> list[str]:
    """The keys that make a file the original (date, source) that it carries."""
    return [key for key in schema.ORIGINAL_MARKERS if parsed.front.is_map and key in parsed.front.value]


def _original_of(pair: dict[str, _Parsed]) -> Optional[_Parsed]:
    """The original: the file that carries date and source; of two, the one
    that carries both when the other does not, or that has no translation's
    keys (translator, status) when the other has. None when it cannot be told."""
    candidates = [p for p in pair.values() if _markers(p)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    for telling in (lambda p: len(_markers(p)) == len(schema.ORIGINAL_MARKERS),
                    lambda p: not any(key in p.front.value for key in schema.TRANSLATION_ONLY)):
        chosen = [p for p in candidates if telling(p)]
        if len(chosen) == 1:
            return chosen[0]
    return None


def _pair(slug: str, pair: dict[str, _Parsed], whole: bool, report: Report) -> Union[Briefing, References, None]:
    """The briefing; or what its original names, when the original has errors of its own; or None."""
    original = _original_of(pair)
    if original is None:
        both = [p for p in pair.values() if _markers(p)]
        if len(both) > 1:
            for p in both:
                report.error(p.path, p.front.key_lines[_markers(p)[0]],
                             "both files of this briefing carry date/source: only the original does, remove them from the translation")
                _document(p, schema.ORIGINAL, report)
        elif whole:
            for p in pair.values():
                report.error(p.path, 1, "no original: one file of the briefing must carry 'date' and 'source'")
        else:
            for p in pair.values():
                _document(p, schema.TRANSLATION, report)
        return None
    # Each file is checked whatever the other holds: a translation still
    # being written does not hide the original's problems.
    translations = [_document(p, schema.TRANSLATION, report)[1] for p in pair.values() if p is not original]
    meta, doc = _document(original, schema.ORIGINAL, report)
    right = {key: value for key, value in meta.items() if value is not schema.INVALID}
    events = tuple(_event(e, item) for e, item in zip(right.get("events", ()), list_items(original.front, "events")))
    if doc is None:
        return References(original.path, right.get("location"), right.get("actors", ()), right.get("topics", ()), events)
    return Briefing(
        slug=slug,
        original=doc,
        translation=next((t for t in translations if t is not None), None),
        date=meta["date"],
        source=Source(meta["source"]["name"], meta["source"]["url"]),
        location=meta["location"],
        actors=meta["actors"],
        events=events,
        topics=meta["topics"],
        date_line=original.front.key_lines["date"],
        date_from_scaffold=original.date_note,
    )


def _event(value: dict[str, Any], item: Node) -> Event:
    return Event(
        type=value["type"],
        date=value["date"],
        end=value["end"],
        location=value["location"],
        participants=value["participants"],
        title=value["title"],
        id=value["id"],
        line=item.line,
        date_line=item.key_lines["date"],
    )


def _document(parsed: _Parsed, spec: schema.Struct, report: Report) -> tuple[dict[str, Any], Optional[Document]]:
    """The file's fields (INVALID where wrong), and its Document when all are right."""
    ctx = schema.Ctx(lambda line, msg: report.error(parsed.path, line, msg))
    meta, ok = spec.check_each(parsed.front, ctx, "")
    if not ok:
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
