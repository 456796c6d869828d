"""Reading one content file: its text within the limits, and its YAML, with every problem reported at its line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..core.diagnostics import Report
from .sourcefile import DEFAULT_MAX_BYTES, SourceProblem, read_text
from .yamlnodes import Node, YamlProblem, parse


@dataclass(frozen=True)
class Limits:
    """Refuse content that would exhaust the machine, with a message instead of a crash.

    Set in mkdocs.yml under `extra.limits` (same names)."""

    max_file_bytes: int = DEFAULT_MAX_BYTES
    max_files: int = 200_000
    max_total_bytes: int = 1_000_000_000
    # The built site, warned about before it replaces site/: below the hosts'
    # refusals (GitHub and GitLab Pages: 1 GB; GitLab Pages: 200,000 files).
    max_site_bytes: int = 900_000_000
    max_site_files: int = 180_000
    # Briefings, or events, an actor page lists before it lists only the latest
    # and links to a page per year (views/actor_lists.py).
    max_actor_list: int = 200
    # An export (events.json, briefings.json) past this size also comes a year
    # a file: below Cloudflare Pages' cap on one file (25 MiB), the strictest
    # of the common static hosts.
    max_export_bytes: int = 25_000_000


def read_content(path: Path, rel: str, report: Report, limits: Limits) -> Optional[str]:
    try:
        return read_text(path, limits.max_file_bytes)
    except SourceProblem as problem:
        report.error(rel, problem.line, problem.message)
    except OSError as exc:
        report.error(rel, 0, f"cannot be read: {exc.strerror}")
    return None


def parse_yaml(text: str, first_line: int, rel: str, report: Report) -> Optional[Node]:
    try:
        return parse(text, first_line)
    except YamlProblem as problem:
        report.error(rel, problem.line, problem.message)
        return None


def list_items(front: Node, key: str) -> list[Node]:
    node = front.value.get(key)
    return list(node.value) if node is not None and node.is_list else []


def item_lines(front: Node, key: str) -> list[int]:
    return [item.line for item in list_items(front, key)]
