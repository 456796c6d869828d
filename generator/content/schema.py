"""The content schema, declared in one place, and the checker that applies it.

Each spec turns a located YAML node into a plain value, or reports why it
cannot (naming the field and the line) and returns INVALID.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from ..core.diagnostics import did_you_mean
from .model import Aliases, Bilingual, Ref
from .yamlnodes import Node

SLUG_RE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
WIKIDATA_RE = re.compile(r"Q[1-9][0-9]*")
# Embeddings, overrides and isolates can reorder how text is displayed.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

INVALID: Any = object()


class Ctx:
    """Where a file's problems go: `error(line, message)`."""

    def __init__(self, error: Callable[[int, str], None]) -> None:
        self.error = error

    def fail(self, line: int, message: str) -> Any:
        self.error(line, message)
        return INVALID


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


class Spec:
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        raise NotImplementedError


class Text(Spec):
    def __init__(self, multiline: bool = False) -> None:
        self.multiline = multiline

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if not isinstance(node.value, str):
            return ctx.fail(node.line, f"'{where}' must be text, not {_kind(node.value)}")
        value = node.value.strip()
        if not value:
            return ctx.fail(node.line, f"'{where}' is empty")
        if value.startswith("TODO"):
            return ctx.fail(node.line, f"'{where}' is still a placeholder ({value[:40]}): write the real value")
        bidi = BIDI_CONTROLS.search(value)
        if bidi:
            return ctx.fail(
                node.line,
                f"'{where}' contains the invisible bidirectional control U+{ord(bidi.group()):04X},"
                " which can reorder displayed text: remove it",
            )
        if not self.multiline and "\n" in value:
            value = " ".join(value.split())
        return value


class Date(Spec):
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        raw = node.value  # text: yamlnodes keeps timestamps as written
        if not isinstance(raw, str) or not DATE_RE.fullmatch(raw.strip()):
            return ctx.fail(node.line, f"'{where}' must be a date written YYYY-MM-DD, not '{raw}'")
        try:
            return dt.date.fromisoformat(raw.strip())
        except ValueError:
            return ctx.fail(node.line, f"'{where}': there is no such day as {raw.strip()}")


class Url(Spec):
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        raw = node.value
        if not isinstance(raw, str) or not re.fullmatch(r"https?://[^\s/?#]+[^\s]*", raw.strip(), re.I):
            return ctx.fail(node.line, f"'{where}' must be an http:// or https:// address, not '{raw}'")
        return raw.strip()


class Id(Spec):
    """An id of something defined elsewhere in content/ (checked later, by the validator)."""

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        raw = node.value
        if not isinstance(raw, str) or not SLUG_RE.fullmatch(raw):
            return ctx.fail(
                node.line,
                f"'{where}': '{raw}' is not a valid id (lower-case letters, digits and single hyphens)",
            )
        return Ref(raw, node.line)


class Slug(Spec):
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        ref = _ID.check(node, ctx, where)
        return ref if ref is INVALID else ref.id


class Pattern(Spec):
    def __init__(self, regex: re.Pattern[str], hint: str) -> None:
        self.regex, self.hint = regex, hint

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if not isinstance(node.value, str) or not self.regex.fullmatch(node.value):
            return ctx.fail(node.line, f"'{where}' must be {self.hint}, not '{node.value}'")
        return node.value


class Coordinates(Spec):
    """[latitude, longitude] in decimal degrees."""

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if not node.is_list or len(node.value) != 2:
            shown = f"a list of {len(node.value)}" if node.is_list else _kind(node.value)
            return ctx.fail(node.line, f"'{where}' must be two numbers, [latitude, longitude] in decimal degrees, not {shown}")
        numbers = []
        for i, (item, name) in enumerate(zip(node.value, ("latitude", "longitude"))):
            if not isinstance(item.value, (int, float)) or isinstance(item.value, bool):
                ctx.fail(item.line, f"'{where}[{i + 1}]' must be a number (the {name}), not {_kind(item.value)}")
            else:
                numbers.append(item.value)
        if len(numbers) != 2:
            return INVALID
        for (item, value, name, most) in zip(node.value, numbers, ("latitude", "longitude"), (90, 180)):
            # `not <=` catches NaN too.
            if not -most <= value <= most:
                return ctx.fail(item.line, f"'{where}': {name} {value} is out of range (-{most} to {most})")
        return (float(numbers[0]), float(numbers[1]))


class Choice(Spec):
    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if node.value not in self.choices:
            hint = did_you_mean(str(node.value), self.choices)
            return ctx.fail(
                node.line,
                f"'{where}' must be one of {', '.join(self.choices)}, not '{node.value}'{hint}",
            )
        return node.value


class ListOf(Spec):
    def __init__(self, item: Spec) -> None:
        self.item = item

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if node.value is None:
            return ()
        if not node.is_list:
            return ctx.fail(node.line, f"'{where}' must be a list (lines starting with '- '), not {_kind(node.value)}")
        values = [self.item.check(child, ctx, f"{where}[{i + 1}]") for i, child in enumerate(node.value)]
        return tuple(values) if INVALID not in values else INVALID


@dataclass(frozen=True)
class Field:
    spec: Spec
    required: bool = False
    default: Any = None


class Struct(Spec):
    """A mapping with declared keys; unknown keys are errors."""

    def __init__(self, fields: Mapping[str, Field], unknown_hint: str = "") -> None:
        self.fields = fields
        self.unknown_hint = unknown_hint

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        out, ok = self.check_each(node, ctx, where)
        return out if ok else INVALID

    def check_each(self, node: Node, ctx: Ctx, where: str) -> tuple[dict[str, Any], bool]:
        """Each declared field's value (INVALID where it is wrong), and whether the whole is valid.

        The right fields of a mapping with errors are still of use: the ids
        they name are checked too, so that all errors come in one round."""
        if not node.is_map:
            name = f"'{where}'" if where else "the front matter"
            ctx.fail(node.line, f"{name} must be a mapping of keys to values, not {_kind(node.value)}")
            return {}, False
        out: dict[str, Any] = {}
        ok = True
        for key in node.value:
            if key not in self.fields:
                hint = did_you_mean(key, self.fields) or self.unknown_hint
                ctx.fail(node.key_lines[key], f"unknown key '{_join(where, key)}'{hint}")
                ok = False
        for key, fld in self.fields.items():
            child = node.value.get(key)
            if child is None or child.value is None:
                if fld.required:
                    ctx.fail(node.line, f"'{_join(where, key)}' is required")
                    ok = False
                out[key] = fld.default
                continue
            value = fld.spec.check(child, ctx, _join(where, key))
            ok = ok and value is not INVALID
            out[key] = value
        return out, ok


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


_ID = Id()
# The two languages of a name, and of its aliases; declared once, checked for every name.
_BILINGUAL = Struct({"en": Field(Text(), True), "ar": Field(Text(), True)})
_ALIASES = Struct({"en": Field(ListOf(Text()), default=()), "ar": Field(ListOf(Text()), default=())})


class BilingualText(Spec):
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        value = _BILINGUAL.check(node, ctx, where)
        return value if value is INVALID else Bilingual(value["en"], value["ar"])


class AliasLists(Spec):
    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        value = _ALIASES.check(node, ctx, where)
        return value if value is INVALID else Aliases(value["en"], value["ar"])


class MapOf(Spec):
    """A mapping from ids to entries (places.yml, topics.yml)."""

    def __init__(self, entry: Spec) -> None:
        self.entry = entry

    def check(self, node: Node, ctx: Ctx, where: str) -> Any:
        if node.value is None or node.value == {}:
            return {}
        if not node.is_map:
            return ctx.fail(node.line, f"the file must map ids to entries, not be {_kind(node.value)}")
        out: dict[str, tuple[int, Any]] = {}
        for key, child in node.value.items():
            line = node.key_lines[key]
            if not SLUG_RE.fullmatch(key):
                ctx.fail(line, f"'{key}' is not a valid id (lower-case letters, digits and single hyphens)")
                continue
            value = self.entry.check(child, ctx, key)
            if value is not INVALID:
                out[key] = (line, value)
        # Valid entries are kept so that one bad entry does not make every
        # reference to the others an "unknown id" error too.
        return out


EVENT_TYPES = ("meeting", "visit", "call", "conference", "agreement", "statement")
MULTI_PARTY_EVENTS = ("meeting", "call", "conference", "agreement")
ACTOR_KINDS = ("person", "organization", "country")

SOURCE = Struct({"name": Field(Text(), True), "url": Field(Url())})

EVENT = Struct(
    {
        "type": Field(Choice(*EVENT_TYPES), True),
        "date": Field(Date(), True),
        "end": Field(Date()),
        "location": Field(Id()),
        "participants": Field(ListOf(Id()), default=()),
        "title": Field(BilingualText()),
        "id": Field(Slug()),
    }
)

ORIGINAL = Struct(
    {
        "title": Field(Text(), True),
        "date": Field(Date(), True),
        "source": Field(SOURCE, True),
        "location": Field(Id()),
        "actors": Field(ListOf(Id()), default=()),
        "events": Field(ListOf(EVENT), default=()),
        "topics": Field(ListOf(Id()), default=()),
        "summary": Field(ListOf(Text()), default=()),
    }
)

TRANSLATION = Struct(
    {
        "title": Field(Text(), True),
        "summary": Field(ListOf(Text()), default=()),
        "translator": Field(Text()),
        "status": Field(Choice("draft", "reviewed")),
    },
    unknown_hint=" (a translation carries only title, summary, translator and status: metadata lives in the original)",
)

ROLE = Struct(
    {
        "title": Field(BilingualText(), True),
        "organization": Field(Id()),
        "from": Field(Date()),
        "to": Field(Date()),
        "aliases": Field(AliasLists(), default=Aliases()),
    }
)

ACTOR = Struct(
    {
        "kind": Field(Choice(*ACTOR_KINDS), True),
        "name": Field(BilingualText(), True),
        "aliases": Field(AliasLists(), default=Aliases()),
        "country": Field(Id()),
        "roles": Field(ListOf(ROLE), default=()),
        "bio": Field(BilingualText()),
        "links": Field(
            Struct({"wikidata": Field(Pattern(WIKIDATA_RE, "a Wikidata id such as Q42")), "website": Field(Url())}),
            default={"wikidata": None, "website": None},
        ),
    }
)

PLACES = MapOf(Struct({"name": Field(BilingualText(), True), "country": Field(Id()), "coordinates": Field(Coordinates())}))
TOPICS = MapOf(Struct({"name": Field(BilingualText(), True)}))

# Keys whose presence makes a briefing file the original of its pair.
ORIGINAL_MARKERS: Sequence[str] = ("date", "source")
# Keys only a translation carries: of two files that both carry date or
# source, one with these is the translation.
TRANSLATION_ONLY: Sequence[str] = ("translator", "status")

