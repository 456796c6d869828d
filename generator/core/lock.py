"""One build at a time per project: a lock on .build/ (fcntl.flock on .build/lock).

`briefing build` and each rebuild of `briefing serve` hold it exclusively
while they read and write .build/ (and replace site/); `briefing check` and
`status`, which only read the stored work, hold it shared. A command that
finds it taken says who holds it and waits. The kernel drops the lock when
its holder ends, however it ends (and forks.die_with_parent ends the
holder's children, which share it).
"""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

LOCK_FILE = "lock"


@contextmanager
def exclusive(build_dir: Path, holder: str, tell: Callable[[str], None], pid: Optional[int] = None) -> Iterator[None]:
    """Hold .build/ alone; `holder` ("briefing build") and `pid` (this process's by default: the
    command's, which a user would stop, when a child of it holds the lock) are shown to whoever waits."""
    build_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(build_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _take(fd, fcntl.LOCK_EX, build_dir, tell)
        record = f"{holder} (pid {pid or os.getpid()})".encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, record, 0)
        yield
        os.ftruncate(fd, 0)  # a later shared holder is not named after this one
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def shared(build_dir: Path, tell: Callable[[str], None]) -> Iterator[None]:
    """Read .build/ while no build writes it. Creates nothing: without a lock file, nothing was built."""
    try:
        fd = os.open(build_dir / LOCK_FILE, os.O_RDONLY)
    except FileNotFoundError:
        yield
        return
    try:
        _take(fd, fcntl.LOCK_SH, build_dir, tell)
        yield
    finally:
        os.close(fd)


def _take(fd: int, mode: int, build_dir: Path, tell: Callable[[str], None]) -> None:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another briefing command"
    tell(f"briefing: waiting for {holder} to finish with .build/ (one build at a time per project)")
    fcntl.flock(fd, mode)
