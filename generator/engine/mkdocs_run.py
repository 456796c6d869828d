"""One edition's build by the site engine (MkDocs or ProperDocs), run in its own process by runs.run_edition.

MkDocs' command line either prints every log line for a person to read or,
with -q, drops its warnings altogether. Here the engine's own build runs with a
handler that hands each warning and error, whatever logger it comes from
(the engine, the theme, a plugin), to the generator as one JSON line on stdout
(and nothing else goes there), so that they reach the build's report with
their text.

ProperDocs is MkDocs 1.x under another name: once `properdocs.replacement`
is imported, every `mkdocs.*` import (ours, the hooks', the theme's) gets
ProperDocs' module, as under ProperDocs' own command line. So the engine is
chosen before anything of MkDocs is imported, and the rest is the same code.

Usage: python -m generator.engine.mkdocs_run PARENT_PID ENGINE CONFIG SITE_DIR [--strict] [--dirty]
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Optional, Sequence, TextIO

from .choice import ENGINES, PROPERDOCS
from .runs import OS_ERROR, OS_ERROR_EXIT
from ..core.forks import die_with_parent, quiet_interrupt


@dataclass(frozen=True)
class EngineApi:
    """The three things of MkDocs' Python API the runner uses, from the chosen engine."""

    load_config: Callable[..., Any]
    build: Callable[..., None]
    error: type[Exception]  # MkDocsException: the engine has logged the causes


def engine_api(name: str) -> EngineApi:
    """The chosen engine's API; for ProperDocs, `mkdocs.*` is ProperDocs from here on in this process."""
    if name == PROPERDOCS.name:
        importlib.import_module("properdocs.replacement")
    build = importlib.import_module("mkdocs.commands.build")
    config = importlib.import_module("mkdocs.config")
    exceptions = importlib.import_module("mkdocs.exceptions")
    return EngineApi(config.load_config, build.build, exceptions.MkDocsException)


# A dirty run is how the generator asks the engine to render only the pages it
# names (mkdocs_hooks.on_files); MkDocs answers each one with a notice that
# navigation may go stale. That cannot happen here: pages come from the
# generator with their navigation, and a test holds an updated site byte for
# byte equal to one built from nothing. The notice is known by where the
# engine logs it (its build function, only in a dirty run), not by its words;
# its logger is the module's, mkdocs.commands.build or properdocs.commands.build.
_DIRTY_NOTICE_FUNCTION = "build"


class JsonLines(logging.Handler):
    """Each record at WARNING or above as {"level", "logger", "message"} on one line."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__(logging.WARNING)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        entry = {"level": record.levelname, "logger": record.name, "message": record.getMessage()}
        self.stream.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.stream.flush()


def _not_the_dirty_notice(record: logging.LogRecord) -> bool:
    return (record.funcName, record.levelno) != (_DIRTY_NOTICE_FUNCTION, logging.WARNING)


def run(engine: EngineApi, config_file: str, site_dir: str, strict: bool, dirty: bool, stream: TextIO) -> int:
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    root.addHandler(JsonLines(stream))
    if dirty:
        logging.getLogger(engine.build.__module__).addFilter(_not_the_dirty_notice)
    try:
        # As MkDocs' own `build` command does.
        config = engine.load_config(config_file, site_dir=site_dir, strict=strict)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            engine.build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except engine.error as exc:
        # MkDocs has logged the causes; Abort's own text says how it ended.
        logging.getLogger("mkdocs").error(str(exc))
        return 1
    except OSError as exc:
        entry = {"level": OS_ERROR, "errno": exc.errno, "message": exc.strerror or str(exc), "filename": exc.filename}
        stream.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
        stream.flush()
        return OS_ERROR_EXIT
    return 0


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    flags = {arg for arg in args if arg.startswith("--")}
    positional = [arg for arg in args if not arg.startswith("--")]
    if (len(positional) != 4 or not positional[0].isdigit() or positional[1] not in ENGINES
            or flags - {"--strict", "--dirty"}):
        print(__doc__, file=sys.stderr)
        return 2
    parent, engine_name, config_file, site_dir = positional
    die_with_parent(int(parent))
    quiet_interrupt()
    # stdout carries the JSON lines alone: whatever else is printed (a
    # plugin's print, a theme's notice) goes to stderr, which the build
    # shows when the run fails.
    sys.stdout.flush()
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with channel:
        return run(engine_api(engine_name), config_file, site_dir, "--strict" in flags, "--dirty" in flags, channel)


if __name__ == "__main__":
    sys.exit(main())
