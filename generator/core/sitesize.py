"""The size of a built site: its files and bytes, walked once with os.scandir.

Hosts refuse sites past a size (GitHub Pages: 1 GB; GitLab Pages: 1 GB and
200,000 files), so the build measures what it is about to publish.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


@dataclass(frozen=True)
class TreeSize:
    files: int
    bytes: int


def walk_files(folder: Path) -> Iterator[tuple[str, int]]:
    """Every file under `folder` as (path relative to it, with '/', size in bytes); links are not followed."""
    pending = [(os.fspath(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                else:
                    yield f"{prefix}{entry.name}", entry.stat(follow_symlinks=False).st_size


def tree_size(folder: Path) -> TreeSize:
    files = total = 0
    for _path, size in walk_files(folder):
        files += 1
        total += size
    return TreeSize(files, total)
