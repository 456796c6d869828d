"""Stage 5: write generated files, touching only those whose bytes changed.

Unchanged files keep their modification times, so the engine and the live
preview can tell what an edit really changed.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Mapping


@dataclass(frozen=True)
class WriteStats:
    written: int
    removed: int


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A file written beside `path`, then renamed over it: a reader (the live
    preview, a hard-linked copy of site/) sees the old file or the new one,
    never half of one, and a shared file is never changed in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as f:
            yield f
        os.replace(tmp, path)
    except BaseException as exc:
        # A full disk or an interruption leaves no half-written file behind.
        _discard(tmp)
        raise _with_filename(exc, tmp) from None


def _discard(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # a read-only folder: nothing could have been written there either
        return


def _with_filename(exc: BaseException, path: Path) -> BaseException:
    """An error of a write (a full disk) names no file: the build's message names the folder."""
    if isinstance(exc, OSError) and exc.filename is None:
        return OSError(exc.errno, exc.strerror, str(path))
    return exc


def replace_file(path: Path, data: bytes) -> None:
    with replacing(path) as f:
        f.write(data)


def sync_file(path: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds it; True when written."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)  # a folder where the file goes: damaged build output
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        # A new file: nobody reads it yet, so it is written where it goes.
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            path.write_bytes(data)
        except BaseException as exc:
            _discard(path)
            raise _with_filename(exc, path) from None
        return True
    replace_file(path, data)
    return True


def sync_tree(target: Path, files: Mapping[str, bytes], leave: str = "") -> WriteStats:
    """Make `target` hold exactly `files` (relative posix path -> bytes).

    The folder `leave` (a top-level name) belongs to another writer, working
    at the same time: nothing in it is touched."""
    target.mkdir(parents=True, exist_ok=True)
    written = sum(sync_file(target / rel, data) for rel, data in files.items())
    removed = 0
    wanted = set(files)
    for dirpath, dirnames, filenames in os.walk(target):
        if dirpath == str(target) and leave in dirnames:
            dirnames.remove(leave)
        for name in filenames:
            path = Path(dirpath) / name
            if path.relative_to(target).as_posix() not in wanted:
                path.unlink()
                removed += 1
    for dirpath, _dirnames, _filenames in os.walk(target, topdown=False):
        if dirpath != str(target) and not os.listdir(dirpath) and Path(dirpath).relative_to(target).parts[0] != leave:
            os.rmdir(dirpath)
    return WriteStats(written, removed)
