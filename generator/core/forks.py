"""Worker processes forked from the build, sharing its memory (the corpus, the linked site).

Every fork goes through this module, which holds three rules:

- a fork is made only while this process runs one thread (a fork copies
  the locks other threads hold, and a child that needs one waits forever):
  `ForkWithThreads` otherwise;
- a child ends with its parent, even a parent killed with SIGKILL (Linux's
  PR_SET_PDEATHSIG; elsewhere a thread of the child watches its parent's id);
- Ctrl-C, which a terminal sends to the whole process group, ends a child
  at once and silently: the parent reports the interruption, once.

What a worker needs reaches it through `fork_pool(..., shared=...)` and
`inherited()`: the fork hands it over (nothing is pickled), and nothing is
left in a module global of the parent.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.process import BaseProcess
from typing import Any, Callable, Iterator

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
INTERRUPTED = 130  # the exit status of a process ended by Ctrl-C, as shells report it
PARENT_POLL_SECONDS = 0.2

# In a pool's worker only: what the parent passed as `shared` (set by the
# fork itself, see _start_worker; the parent never sets it).
_inherited: Any = None


class ForkWithThreads(RuntimeError):
    """A fork was asked for while other threads run (a bug in the caller's structure)."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def check_single_threaded() -> None:
    running = threading.active_count()
    if running != 1:
        names = ", ".join(sorted(t.name for t in threading.enumerate() if t is not threading.current_thread()))
        raise ForkWithThreads(f"refusing to fork while {running} threads run (also: {names})")


def die_with_parent(parent: int) -> None:
    """In a child of process `parent`: end when it ends, however it ends."""
    if not _ask_kernel_for_death_signal():
        threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()
    # The parent may have died before the request above: the child then belongs to another.
    if os.getppid() != parent:
        os._exit(1)


def quiet_interrupt() -> None:
    """Ctrl-C ends this child at once, without a traceback: the parent reports it."""
    signal.signal(signal.SIGINT, lambda _signum, _frame: os._exit(INTERRUPTED))


def _ask_kernel_for_death_signal() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _start_child(parent: int) -> None:
    die_with_parent(parent)
    quiet_interrupt()


def _start_worker(parent: int, shared: Any) -> None:
    global _inherited
    _start_child(parent)
    _inherited = shared


def inherited() -> Any:
    """In a pool's worker: the `shared` value its parent passed to fork_pool."""
    return _inherited


@contextmanager
def fork_pool(workers: int, shared: Any = None) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` forks of this process; `shared` reaches each as `inherited()`.

    The workers are forked by the pool's first submit (map), before the pool
    starts its own threads: nothing may start a thread between this and that.

    The objects made so far are left out of the garbage collector's passes
    while the pool lives: a pass in a fork walked, and wrote to, every object
    the fork inherited (copying the parent's memory page by page), and passes
    in this process walked the whole corpus again and again. They are the
    build's own long-lived data; they are handed back to the collector after.
    """
    check_single_threaded()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker, initargs=(os.getpid(), shared)) as pool:
            # The first submit forks the workers and then starts the pool's thread: Ctrl-C between
            # the two left a thread that shutdown could not join (RuntimeError instead of the interrupt).
            with interrupt_deferred():
                pool.submit(int)
            yield pool
    finally:
        gc.unfreeze()


@contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Ctrl-C waits for the block to end, then interrupts as usual (in the main thread; elsewhere it never lands)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def fork_process(target: Callable[[], None], name: str, daemon: bool = True) -> BaseProcess:
    """A started fork of this process running `target`, ended with its parent.

    `daemon`: ended by this process's exit too; a daemon may not fork (pools), so a child that does is not one."""
    check_single_threaded()
    parent = os.getpid()

    def run() -> None:
        _start_child(parent)
        target()

    process = multiprocessing.get_context("fork").Process(target=run, name=name, daemon=daemon)
    process.start()
    return process
