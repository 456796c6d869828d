"""One measured build, run in a fresh process so that its peak memory is its own.

    python -m benchmarks.measure build PROJECT       # full `briefing build`, in-process
    python -m benchmarks.measure generate PROJECT    # our stages only (no engine)
    python -m benchmarks.measure profile PROJECT OUT # cProfile of our stages, stats to OUT

Prints one JSON object on the last line of stdout.  Peak memory: RUSAGE_SELF
is this process (the generator); RUSAGE_CHILDREN is the largest MkDocs
process (one per edition, run in parallel); a sampler thread also records the
largest combined RSS of all MkDocs processes alive at once.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from generator.engine.runs import RUNNER
from generator.core.forks import fork_process

STAGES = ("load", "validate", "link", "render", "index", "write", "engine", "swap")
# Reported too where they ran (a rebuild from stored work).
EXTRA_STAGES = ("restore", "copy (wait)")


def _kib_to_mb(kib: int) -> float:
    return kib / 1024  # Linux reports ru_maxrss in KiB


class ChildRssSampler:
    """Largest sum of VmRSS over this process's MkDocs descendants, sampled every `period` s.

    In a process of its own (forked before the build starts), not a thread:
    the build forks its workers, which it does only while one thread runs."""

    def __init__(self, period: float = 0.1) -> None:
        self.period = period
        context = multiprocessing.get_context("fork")
        self._stop = context.Event()
        self._peaks = context.Array("q", 2)  # all MkDocs processes at once, the largest one (KiB)
        self._me = os.getpid()
        self._process: Any = None

    @property
    def peak_kib(self) -> int:
        return int(self._peaks[0])

    @property
    def peak_single_kib(self) -> int:
        return int(self._peaks[1])

    def __enter__(self) -> "ChildRssSampler":
        self._process = fork_process(self._run, name="rss-sampler")
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._process.join()

    def _run(self) -> None:
        me = self._me
        while not self._stop.wait(self.period):
            parents: dict[int, int] = {}
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                try:
                    with open(f"/proc/{name}/stat", "rb") as handle:
                        stat = handle.read()
                except OSError:
                    continue
                fields = stat[stat.rfind(b")") + 2 :].split()
                parents[int(name)] = int(fields[1])
            total = 0
            for pid in parents:
                ancestor, hops = parents.get(pid), 0
                while ancestor not in (None, 0, 1, me) and hops < 20:
                    ancestor, hops = parents.get(ancestor), hops + 1
                # MkDocs processes only: the editions' processes are forks of
                # this one, whose shared pages would be counted again.
                if ancestor == me and _is_mkdocs(pid):
                    rss = _rss_kib(pid)
                    total += rss
                    self._peaks[1] = max(self._peaks[1], rss)
            self._peaks[0] = max(self._peaks[0], total)


def _is_mkdocs(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            arguments = handle.read().split(b"\0")
    except OSError:
        return False
    # The baseline runs MkDocs' command line; our build, its own runner of MkDocs.
    return b"mkdocs" in arguments or RUNNER.encode() in arguments


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_self_s": own.ru_utime + own.ru_stime, "cpu_engine_s": children.ru_utime + children.ru_stime}


def full_build(project: Path) -> dict[str, Any]:
    from generator.build import Project, Timings, build
    from generator.core.diagnostics import Report

    report = Report()
    timings = Timings()
    started = time.perf_counter()
    with ChildRssSampler() as sampler:
        build(Project(project), report, timings=timings)
    total = time.perf_counter() - started
    return {
        "stages": {name: timings.stages.get(name, 0.0) for name in STAGES + EXTRA_STAGES},
        "total": total,
        "counts": dict(timings.counts),
        "warnings": len(report.warnings),
        "errors": len(report.errors),
        "peak_self_mb": _kib_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        # Any child: the editions' and the linking processes (forks of this
        # one, sharing its pages) and the MkDocs processes.
        "peak_child_process_mb": _kib_to_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
        "peak_engine_process_mb": _kib_to_mb(sampler.peak_single_kib),
        "peak_engine_combined_mb": _kib_to_mb(sampler.peak_kib),
        **_cpu(),
    }


def generator_only(project: Path) -> dict[str, Any]:
    """load, validate, link, then render, index and write both editions (in parallel, as a build does): no engine."""
    from generator.build import Project, Timings, check
    from generator.buildstate import code_key
    from generator.editions import EditionJob, read_assets, render_editions
    from generator.core.diagnostics import Report
    from generator.engine.adapter import PAGES_ARCHIVE, read_config
    from generator.output.render import PageCache

    report = Report()
    timings = Timings()
    proj = Project(project)
    started = time.perf_counter()
    config = read_config(project / "mkdocs.yml", report)
    site = check(proj, report, timings, limits=config.limits)
    if site is None:
        raise SystemExit(f"the corpus has {len(report.errors)} errors")
    # As a first `briefing build`: no earlier pages archive, so every page is rendered.
    for lang in ("en", "ar"):
        (proj.build_dir / lang / PAGES_ARCHIVE).unlink(missing_ok=True)
    results, _exports = render_editions(EditionJob(site, proj, config, read_assets(proj.templates / "assets"),
                                                    code_key(project), PageCache()))
    for stage in ("render", "index", "write"):
        timings.stages[stage] = max(r.seconds.get(stage, 0.0) for r in results)
    total = time.perf_counter() - started
    pages = sum(r.pages for r in results)
    return {
        "stages": {name: timings.stages.get(name, 0.0) for name in STAGES[:6]},
        "total": total,
        "counts": dict(timings.counts, pages=pages),
        "warnings": len(report.warnings),
        "errors": len(report.errors),
        "peak_self_mb": _kib_to_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        **_cpu(),
    }


def profile(project: Path, out: Path) -> dict[str, Any]:
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    result = generator_only(project)
    profiler.disable()
    profiler.dump_stats(str(out))
    return result


def main(argv: list[str]) -> int:
    mode, project = argv[0], Path(argv[1]).resolve()
    if mode == "build":
        result = full_build(project)
    elif mode == "generate":
        result = generator_only(project)
    elif mode == "profile":
        result = profile(project, Path(argv[2]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
