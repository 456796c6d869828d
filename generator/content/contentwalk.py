"""Stage 1's listing of content/: the files the loader reads, and the odd entries it must not.

An entry that is not a plain file of text, or not named as one, is an error
naming it, never skipped in silence: a skipped entry changes the site with
nothing said (a briefing vanishes), and reading some would hang the build (a
named pipe) or never end (a symbolic link loop). Hidden files and README.md
are left alone, as the loader ignores them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator, Optional

from ..core.diagnostics import Report
from .reading import Limits

CONTENT_SUFFIXES = (".md", ".yml")
# Besides regular files, what a folder can hold, as an analyst would call it.
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"))


def ignored(name: str) -> bool:
    """Files of content/ that are no content: hidden ones (.gitkeep, editors' swap files) and README.md."""
    return name == "README.md" or name.startswith(".")


def walk_content(content: Path, root: Path, report: Report, limits: "Limits") -> Iterator[tuple[Path, os.stat_result]]:
    real_content = content.resolve()
    count = total = 0
    for dirpath, dirnames, filenames in os.walk(content, followlinks=False):
        here = Path(dirpath)
        for name in list(dirnames):
            link = here / name
            if link.is_symlink():
                dirnames.remove(name)
                report.error(link.relative_to(root).as_posix(), 0, "symbolic links to folders are not followed: copy the files instead")
            elif _named_like_a_file(name):
                dirnames.remove(name)
                report.error(link.relative_to(root).as_posix(), 0,
                             "is a folder named like a content file: content files are plain files (move what it holds"
                             " out, then remove the folder)")
        dirnames.sort()
        for name in sorted(filenames):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                problem = _link_problem(path, real_content)
                if problem:
                    report.error(rel, 0, problem)
                    continue
            try:
                info = path.stat()
            except OSError as exc:
                report.error(rel, 0, f"cannot be read: {exc.strerror}")
                continue
            problem = None if ignored(name) else _file_problem(name, info)
            if problem:
                report.error(rel, 0, problem)
                continue
            count += 1
            total += info.st_size
            if count > limits.max_files or total > limits.max_total_bytes:
                report.error(
                    "content", 0,
                    f"more than {limits.max_files:,} files or {limits.max_total_bytes:,} bytes: over the configured"
                    " limits (extra.limits in mkdocs.yml); nothing was built",
                )
                return
            yield path, info


def _named_like_a_file(name: str) -> bool:
    return name.lower().endswith(CONTENT_SUFFIXES)


def _link_problem(path: Path, real_content: Path) -> Optional[str]:
    try:
        target = path.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 reports a loop so
        return "symbolic link loop (the link leads back to itself): it is not read"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop (the link leads back to itself): it is not read"
        return "symbolic link points outside content/ (or nowhere): it is not read"
    if not target.is_relative_to(real_content) or not target.is_file():
        return "symbolic link points outside content/ (or nowhere): it is not read"
    return None


def _file_problem(name: str, info: os.stat_result) -> Optional[str]:
    if not stat.S_ISREG(info.st_mode):
        kind = next((what for test, what in _KINDS if test(info.st_mode)), "a special file")
        return f"is {kind}, not a plain file: it is not read"
    stem, dot, suffix = name.rpartition(".")
    if dot and f".{suffix.lower()}" in CONTENT_SUFFIXES and f".{suffix}" not in CONTENT_SUFFIXES:
        return f"the extension '.{suffix}' must be lower case: rename the file to '{stem}.{suffix.lower()}'"
    if info.st_size == 0:
        return "the file is empty (0 bytes): write its content, or delete it"
    return None
