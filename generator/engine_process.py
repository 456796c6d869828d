"""The MkDocs process of one edition (engine.run_edition starts it): MkDocs
itself, run in this interpreter, plus what the build needs of its children.

It ends with the process that started it (forks.die_with_parent: the death
signal survives only the fork, so it is asked for here, before MkDocs
starts), ends silently on Ctrl-C, and reports an operating-system error (a
full disk, a read-only folder, a refused permission) as one marked line
that the build turns into its own message, instead of MkDocs' traceback.
"""

from __future__ import annotations

import json
import runpy
import sys

from .forks import die_with_parent, quiet_interrupt

OS_ERROR_MARK = "briefing-engine-os-error: "
OS_ERROR_EXIT = 3


def main(argv: list[str]) -> int:
    parent, *mkdocs_args = argv
    die_with_parent(int(parent))
    quiet_interrupt()
    sys.argv = ["mkdocs", *mkdocs_args]
    try:
        runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except OSError as exc:
        print(OS_ERROR_MARK + json.dumps([exc.errno, exc.strerror, exc.filename]), flush=True)
        return OS_ERROR_EXIT
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
