"""The search worker's wrapper script, filled in from the rules it must share with Python (pure).

The script lives in templates/search/briefing-search.js with placeholders
(`__NAME__`, valid JavaScript identifiers, so the file reads as plain
JavaScript). Each is replaced by a JSON-encoded value, ASCII-only, so no
value can close a string or a comment; the one placeholder used as a
property name must be an identifier.
"""

from __future__ import annotations

import json
import re

from ..text.arabic import DROPPED, FOLDED
from ..text.searchforms import MIN_STEM, PROCLITICS, QUERY_PROCLITICS, SEARCH_FIELD

WORKER_TEMPLATE = ("search", "briefing-search.js")  # under the project's templates/
_PLACEHOLDER = re.compile(r"__([A-Z_]+?)__")
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class WorkerTemplateError(ValueError):
    """The worker template names a placeholder this module does not fill, or lacks one it must have."""


def worker_values(material_worker: str) -> dict[str, str]:
    """Each placeholder's JavaScript text."""
    if not _IDENTIFIER.fullmatch(SEARCH_FIELD):
        raise WorkerTemplateError(f"the search field '{SEARCH_FIELD}' is not a JavaScript identifier")
    return {
        "DROPPED": _json("".join(sorted(DROPPED))),
        "FOLDED": _json(dict(sorted(FOLDED.items()))),
        "ARTICLES": _json(list(QUERY_PROCLITICS)),
        "MIN_STEM": _json(MIN_STEM),
        "PROCLITICS": _json(list(PROCLITICS)),
        "SEARCH_FIELD": SEARCH_FIELD,
        "MATERIAL_WORKER": _json(material_worker),
    }


def worker_script(template: str, material_worker: str) -> str:
    """The template with every placeholder filled; `material_worker` is the name of Material's worker file."""
    values = worker_values(material_worker)
    named = set(_PLACEHOLDER.findall(template))
    if named != set(values):
        missing, unknown = sorted(set(values) - named), sorted(named - set(values))
        raise WorkerTemplateError(f"placeholders missing: {missing}, unknown: {unknown}")
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=True)
