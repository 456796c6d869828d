"""One edition's MkDocs build, run in its own process by runs.run_edition.

MkDocs' command line either prints every log line for a person to read or,
with -q, drops its warnings altogether. Here MkDocs' own build runs with a
handler that hands each warning and error, whatever logger it comes from
(MkDocs, the theme, a plugin), to the generator as one JSON line on stdout
(and nothing else goes there), so that they reach the build's report with
their text.

Usage: python -m generator.engine.mkdocs_run CONFIG SITE_DIR [--strict] [--dirty]
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Optional, Sequence, TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .runs import OS_ERROR, OS_ERROR_EXIT
from ..core.forks import die_with_parent, quiet_interrupt

# A dirty run is how the generator asks MkDocs to render only the pages it
# names (mkdocs_hooks.on_files); MkDocs answers each one with a notice that
# navigation may go stale. That cannot happen here: pages come from the
# generator's archive with their navigation, and a test holds an updated site
# byte for byte equal to one built from nothing. The notice is known by where
# MkDocs logs it (its build function, only in a dirty run), not by its words.
_DIRTY_NOTICE_ORIGIN = ("mkdocs.commands.build", "build")


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
    return (record.name, record.funcName, record.levelno) != (*_DIRTY_NOTICE_ORIGIN, logging.WARNING)


def run(config_file: str, site_dir: str, strict: bool, dirty: bool, stream: TextIO) -> int:
    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    root.addHandler(JsonLines(stream))
    if dirty:
        logging.getLogger(_DIRTY_NOTICE_ORIGIN[0]).addFilter(_not_the_dirty_notice)
    try:
        # As MkDocs' own `build` command does.
        config = load_config(config_file, site_dir=site_dir, strict=strict)
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
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
    if len(positional) != 3 or not positional[0].isdigit() or flags - {"--strict", "--dirty"}:
        print(__doc__, file=sys.stderr)
        return 2
    parent, config_file, site_dir = positional
    die_with_parent(int(parent))
    quiet_interrupt()
    # stdout carries the JSON lines alone: whatever else is printed (a
    # plugin's print, a theme's notice) goes to stderr, which the build
    # shows when the run fails.
    sys.stdout.flush()
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with channel:
        return run(config_file, site_dir, "--strict" in flags, "--dirty" in flags, channel)


if __name__ == "__main__":
    sys.exit(main())
