"""YAML parsed into values that remember their line in the file.

PyYAML's own loaders forget where a value came from, accept duplicate keys
silently and expand aliases (the "billion laughs" bomb).  We compose the node
tree with libyaml, then convert it ourselves so that every value carries its
line, duplicate keys are errors and aliases are refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Union

import yaml
from yaml.constructor import SafeConstructor

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = SafeConstructor()

Scalar = Union[str, int, float, bool, None, dt.date]


@dataclass(frozen=True)
class Node:
    value: Any  # Scalar | list[Node] | dict[str, Node]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict, compare=False)

    @property
    def is_map(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_list(self) -> bool:
        return isinstance(self.value, list)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def parse(text: str, first_line: int = 1) -> Node:
    """Parse one YAML document; lines are reported counting from `first_line`.

    Raises YamlProblem for syntax errors, aliases and duplicate keys (the first
    one found: after a syntax error nothing further can be trusted).
    """
    offset = first_line - 1
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        tab = _tab_column(text, mark)
        if tab:
            # libyaml's words for a tab ("found character that cannot start
            # any token") do not always say "tab".
            raise YamlProblem(line, f"YAML syntax error: a tab at column {tab}: indent with spaces, not tabs") from None
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem:
            # e.g. an unclosed quote: the problem shows at the end, the cause where it started.
            start = exc.context_mark.line + 1 + offset
            problem += f" ({exc.context} started on line {start})"
        raise YamlProblem(line, f"YAML syntax error: {problem}{_HINTS.get(exc.problem or '', '')}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + first_line
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise YamlProblem(line, f"contains the control character U+{ord(char):04X}, which YAML does not allow: remove it") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(first_line, "YAML error: " + " ".join(str(exc).split())) from None
    if root is None:
        return Node({}, first_line)
    return _convert(root, offset, set())


# The mistakes analysts make most, explained in their terms.
_HINTS = {
    "mapping values are not allowed in this context": " (a value containing ': ' must be put in quotes)",
}


def _tab_column(text: str, mark: Any) -> int:
    """1-based column of the tab where YAML stopped (at the mark, or in its line's indentation); 0 if none."""
    if mark is None:
        return 0
    lines = text.split("\n")
    if mark.line >= len(lines):
        return 0
    line = lines[mark.line]
    if line[mark.column:mark.column + 1] == "\t":
        return mark.column + 1
    indent = line[:len(line) - len(line.lstrip(" \t"))]
    return indent.index("\t") + 1 if "\t" in indent else 0


def _line(node: yaml.Node, offset: int) -> int:
    return node.start_mark.line + 1 + offset


def _convert(node: yaml.Node, offset: int, seen: set[int]) -> Node:
    # A node object met twice is an alias: refused, which also defuses alias bombs.
    if id(node) in seen:
        raise YamlProblem(_line(node, offset), "YAML anchors and aliases (&name, *name) are not allowed")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, Node] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(_line(key_node, offset), "a key must be plain text")
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(_line(key_node, offset), "YAML merge keys (<<) are not allowed")
            key = key_node.value
            if key in entries:
                raise YamlProblem(
                    _line(key_node, offset),
                    f"duplicate key '{key}' (first given on line {key_lines[key]})",
                )
            key_lines[key] = _line(key_node, offset)
            entries[key] = _convert(value_node, offset, seen)
        return Node(entries, _line(node, offset), key_lines)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, offset, seen) for item in node.value], _line(node, offset))
    return Node(_scalar(node), _line(node, offset))


def _scalar(node: yaml.ScalarNode) -> Scalar:
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None or node.tag == "tag:yaml.org,2002:timestamp":
        # Timestamps stay text: the schema checks dates itself and can then say
        # "no such day" for 2023-02-30 instead of a Python ValueError.
        return node.value if node.tag != "tag:yaml.org,2002:null" else None
    if node.tag in ("tag:yaml.org,2002:binary", "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:pairs"):
        return node.value
    try:
        return construct(_CONSTRUCTOR, node)
    except (ValueError, yaml.YAMLError):
        return node.value
