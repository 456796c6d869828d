"""The site engines an edition can be built with, and which one a build uses.

MkDocs 1.6 and ProperDocs 1.6 (MkDocs 1.x continued under another name) read
the same configuration, run the same hooks and theme, and build the same
site byte for byte (tested): the choice changes only the process that runs
(generator.engine.mkdocs_run) and what the stored work is keyed on. docs/engines.md
says why there are two and when the default may change.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Optional


@dataclass(frozen=True)
class Engine:
    name: str  # as written after --engine and in extra.briefing.engine
    label: str  # as the build's messages name it
    distribution: str  # the installed package whose version the stored work is keyed on


MKDOCS = Engine("mkdocs", "MkDocs", "mkdocs")
PROPERDOCS = Engine("properdocs", "ProperDocs", "properdocs")
ENGINES = {engine.name: engine for engine in (MKDOCS, PROPERDOCS)}
DEFAULT = MKDOCS
# Where mkdocs.yml names the engine its builds use by default.
CONFIG_KEY = ("extra", "briefing", "engine")


def engine_named(name: str) -> Engine:
    """The engine of that name (names are validated where they are read: CLI choices, read_config)."""
    return ENGINES[name]


def engine_version(engine: Engine) -> str:
    return metadata.version(engine.distribution)


def missing_engine_message(engine: Engine) -> Optional[str]:
    """Why `engine` cannot run here (its package is not installed), or None when it can."""
    try:
        engine_version(engine)
    except metadata.PackageNotFoundError:
        return (f"the site engine {engine.name} ({engine.label}) is not installed here:"
                f" run make build, which installs requirements.lock, or choose another with --engine")
    return None


def unknown_engine_message(value: object) -> str:
    names = " or ".join(ENGINES)
    return f"unknown site engine {value!r} in {'.'.join(CONFIG_KEY)}: use {names}"
