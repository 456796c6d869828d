"""`briefing suggest --write`: the suggestions applied to the original's front matter, and only there.

A round-trip YAML library keeps the analyst's comments, key order and
quoting; the body is copied through untouched, byte for byte.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

from .core.writer import replacing
from .suggesting import Suggestion

# Where a key the file lacks goes: after the last of these it has (else at the end).
_AFTER = {"location": ("source", "date"), "actors": ("location", "source", "date")}


class WriteError(Exception):
    pass


def apply_suggestions(path: Path, suggestions: Sequence[Suggestion]) -> None:
    raw = path.read_bytes().decode("utf-8")
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip("\ufeff").rstrip() != "---":
        raise WriteError(f"{path.name}: missing front matter")
    close = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise WriteError(f"{path.name}: front matter is not closed")
    # The YAML library reads and writes "\n"; the file's own line end is put back.
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    yaml = _round_trip()
    data = yaml.load("".join(line.rstrip("\r\n") + "\n" for line in lines[1:close]))
    if not isinstance(data, CommentedMap):
        raise WriteError(f"{path.name}: front matter is not a mapping")
    for suggestion in suggestions:
        _apply(data, suggestion)
    out = io.StringIO()
    yaml.dump(data, out)
    front = out.getvalue().replace("\n", newline)
    # Written beside the file and renamed over it: an interrupted write leaves the analyst's file as it was.
    with replacing(path) as handle:
        handle.write((lines[0] + front + "".join(lines[close:])).encode("utf-8"))


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    yaml.width = 1_000_000  # never re-wrap a long title or summary line
    yaml.indent(mapping=2, sequence=4, offset=2)  # "  - id", as new briefing writes
    # The same date in `date` and an event must be written twice, not as an anchor `check` refuses.
    yaml.representer.ignore_aliases = lambda data: True
    return yaml


def _apply(data: CommentedMap, suggestion: Suggestion) -> None:
    if suggestion.key == "date" and suggestion.date:
        data["date"] = suggestion.date
    elif suggestion.key == "location" and suggestion.location:
        _set(data, "location", suggestion.location)
    elif suggestion.key == "actors" and suggestion.actor:
        actors = data.get("actors")
        if isinstance(actors, CommentedSeq):
            _append(actors, suggestion.actor)
        else:
            _set(data, "actors", CommentedSeq([suggestion.actor]))
    elif suggestion.key == "events" and suggestion.event:
        event = suggestion.event
        entry = CommentedMap([("type", event.type), ("date", event.date)])
        if event.location:
            entry["location"] = event.location
        entry["participants"] = CommentedSeq(event.participants)
        entry["id"] = event.id
        events = data.get("events")
        if isinstance(events, CommentedSeq):
            _append(events, entry)
        else:
            _set(data, "events", CommentedSeq([entry]))


def _append(items: CommentedSeq, value: object) -> None:
    before = _tail_slot(items, len(items) - 1) if items else None
    items.append(value)
    _move_comment_lines(before, _tail_slot(items, len(items) - 1))


def _set(data: CommentedMap, key: str, value: object) -> None:
    if key in data:
        data[key] = value
        return
    keys = list(data.keys())
    anchors = [keys.index(k) for k in _AFTER.get(key, ()) if k in keys]
    position = max(anchors) + 1 if anchors else len(keys)
    before = _tail_slot(data, keys[position - 1]) if position else None
    data.insert(position, key, value)
    _move_comment_lines(before, _tail_slot(data, key))


# A comment on lines of its own belongs to what follows it, but the YAML
# library keeps it with the end of the node before. A key inserted there
# takes those lines, so that they stay above the key they were written for.
_Slot = tuple[list, int]  # a node's comment entries in the library, and the index of its trailing comment


def _tail_slot(container: object, key: object) -> _Slot:
    """Where the comment after `container[key]` (after its deepest last item) is kept."""
    value = container[key]  # type: ignore[index]
    if isinstance(value, CommentedMap) and value:
        return _tail_slot(value, list(value.keys())[-1])
    if isinstance(value, CommentedSeq) and value:
        return _tail_slot(value, len(value) - 1)
    entries = container.ca.items.setdefault(key, [None, None, None, None])  # type: ignore[attr-defined]
    return entries, 0 if isinstance(container, CommentedSeq) else 2


def _move_comment_lines(source: _Slot | None, target: _Slot) -> None:
    if source is None:
        return
    entries, index = source
    token = entries[index]
    if token is None or "\n" not in token.value:
        return
    end_of_line, lines = token.value.split("\n", 1)
    if not lines.strip():
        return
    entries[index] = CommentToken(end_of_line + "\n", token.start_mark, None) if end_of_line.strip() else None
    target_entries, target_index = target
    target_entries[target_index] = CommentToken("\n" + lines, CommentMark(0), None)
