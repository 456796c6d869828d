"""Worker processes forked from the build, sharing its memory (the corpus, the linked site)."""

from __future__ import annotations

import gc
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterator


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


@contextmanager
def fork_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` forks of this process.

    The objects made so far are left out of the garbage collector's passes
    while the pool lives: a pass in a fork walked, and wrote to, every object
    the fork inherited (copying the parent's memory page by page), and passes
    in this process walked the whole corpus again and again. They are the
    build's own long-lived data; they are handed back to the collector after.
    """
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            yield pool
    finally:
        gc.unfreeze()
