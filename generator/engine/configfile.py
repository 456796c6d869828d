"""The project's mkdocs.yml as data: its values (Python tags left unexecuted) and where a key stands."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its Python tags (they matter only to MkDocs)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config_values(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


def key_line(path: Path, keys: tuple[str, ...]) -> int:
    """The line of a nested key in a YAML file (0 when it is not there): the loaded values carry no lines."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return 0
    line = 0
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return line
        found = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if found is None:
            return line
        line, node = found[0].start_mark.line + 1, found[1]
    return line
