"""The build, as a list of stages: load -> validate -> link -> render -> write -> engine."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Optional

from . import buildstate
from .core import dates
from .buildstate import Caches
from .core.diagnostics import BuildFailed, Report, counted
from .editions import EditionJob, EditionResult, EngineStart, read_assets, render_editions
from .engine.adapter import SiteConfig, epoch_for, read_config, read_limits
from .engine.choice import Engine, missing_engine_message
from .linking.link import Site, link
from .linking.names import validate_names
from .content.loader import Limits, load
from .content.model import Corpus
from .core.project import Project
from .publish import SiteRun, preview_engine
from .output.render import Rendered
from .core.timings import Timings
from .content.validate import validate

__all__ = ["BuildFailed", "Caches", "Checked", "Project", "Timings", "build", "check", "check_content"]

# A worker killed from outside (or by the kernel, out of memory) breaks its
# pool: a problem of this run, reported like any other.
WORKER_DIED = "a worker process ended abruptly (killed, or out of memory): run the command again"


@dataclass(frozen=True)
class Checked:
    """What `check` read: the corpus (what loaded, even with errors) and, without errors, the linked site."""

    corpus: Corpus
    site: Optional[Site]


def check_content(project: Project, report: Report, timings: Optional[Timings] = None, limits: Optional[Limits] = None,
                  caches: Optional[Caches] = None) -> Checked:
    """load -> validate -> link: everything `briefing check` reports.

    Linking runs only on content without errors; it adds the warnings that
    need the whole corpus (office titles nobody held, events reported
    differently).
    """
    timings = timings or Timings()
    limits = limits or read_limits(project.root / "mkdocs.yml")
    corpus = timings.run("load", lambda: load(project.root, report, limits, caches.files if caches else None))
    today, problem = dates.today()
    if problem:
        report.error(dates.TODAY_VARIABLE, 0, problem)
    def validate_all() -> None:
        validate(corpus, report, today)
        # Names that cannot be linked reliably: after the other checks, as they need the actors' patterns.
        validate_names(corpus, report)

    timings.run("validate", validate_all)
    timings.counts.update(
        # Found, broken or not: the summary counts what is in content/.
        briefings=len(corpus.briefings) + len(corpus.broken_briefings), actors=len(corpus.actors) + len(corpus.broken_ids),
        places=len(corpus.places), topics=len(corpus.topics),
    )
    if report.errors:
        return Checked(corpus, None)
    try:
        site = timings.run("link", lambda: link(corpus, report, caches.links if caches else None))
    except BrokenProcessPool:
        report.error(".build", 0, WORKER_DIED)
        site = None
    return Checked(corpus, site)


def check(project: Project, report: Report, timings: Optional[Timings] = None, limits: Optional[Limits] = None,
          caches: Optional[Caches] = None) -> Optional[Site]:
    """The linked site, or None when there were errors (see check_content)."""
    return check_content(project, report, timings, limits, caches).site


def build(project: Project, report: Report, strict: bool = False, timings: Optional[Timings] = None,
          preview: Optional[Path] = None, dirty: bool = False, caches: Optional[Caches] = None,
          engine: Optional[Engine] = None, pages_as_files: bool = False) -> Timings:
    """Build site/ from content/; raises BuildFailed leaving the previous site/ untouched.

    load -> validate -> link (check), render -> index -> write (per edition,
    in parallel), engine (MkDocs, per edition, in parallel) -> swap.

    `briefing build` keeps its work in .build/ (buildstate, and each
    edition's pages archive) and, when site/ is its own last output, has
    MkDocs update a hard-linked copy of it (--dirty): after an edit, only
    what the edit changed is done again. With `preview` (`briefing serve`,
    whose caches live in memory), the editions are built into preview/en and
    preview/ar and kept there, and `dirty` says whether MkDocs may start from
    them.

    `engine` (the command line's) overrides the one mkdocs.yml names;
    `pages_as_files` writes each page as a file into .build/<lang>/docs.
    """
    timings = timings or Timings()
    site_run = None if preview is not None else SiteRun.start(project, strict)
    try:
        config = read_config(project.root / "mkdocs.yml", report)
        config = replace(config, engine=engine or config.engine, pages_as_files=pages_as_files)
        missing = missing_engine_message(config.engine)
        if missing:
            report.error("mkdocs.yml", 0, missing)
            raise BuildFailed(report)
        key = buildstate.code_key(project.root, config.engine)
        persist = caches is None
        if caches is None:
            caches = timings.run("restore", lambda: buildstate.restore(project.build_dir, key)) or Caches()
        site = check(project, report, timings, limits=config.limits, caches=caches)  # load -> validate -> link
        if site is None or report.errors or (strict and report.warnings):
            raise BuildFailed(report)
        epoch = epoch_for(site.corpus.briefings[0].date if site.corpus.briefings else None)
        if site_run is not None:
            _guard_site_dir(project, report)
            site_run.epoch = epoch
        # Stored while the editions render (this process would wait).
        beside = [lambda: buildstate.store(project.build_dir, key, caches)] if persist else []
        try:
            results = _render_editions(site, project, config, caches, key, timings, beside,  # render -> index -> write
                                       keep_pages=preview is not None,
                                       engine=site_run.early(timings) if site_run else None)
        except BrokenProcessPool:
            report.error(".build", 0, WORKER_DIED)
            raise BuildFailed(report) from None
        if preview is not None:
            preview_engine(project, preview, caches, results, strict, epoch, report, timings, dirty)  # engine
        else:
            assert site_run is not None
            site_run.finish(key, results, report, timings, config.limits)  # engine -> swap
        return timings
    finally:
        if site_run is not None:
            site_run.folder_work.join()


def _render_editions(site: Site, project: Project, config: SiteConfig, caches: Caches, key: str, timings: Timings,
                     beside: list[Callable[[], object]], keep_pages: bool,
                     engine: Optional[EngineStart]) -> list[EditionResult]:
    started = time.perf_counter()
    if timings.progress:
        what = "render, index, write and build" if engine else "render, index and write"
        timings.progress(f"{what} {counted(len(site.briefings), 'briefing')} in both editions")
    assets = read_assets(project.templates / "assets")
    job = EditionJob(site, project, config, assets, key, caches.pages, keep_pages=keep_pages, engine=engine)
    results, outcomes = render_editions(job, beside)
    timings.stages["exports"] = outcomes[0]
    # The editions ran side by side: each stage is reported as the slower edition's time.
    for stage in ("render", "index", "write"):
        timings.stages[stage] = max(r.seconds.get(stage, 0.0) for r in results)
    timings.stages["editions (wall)"] = time.perf_counter() - started
    for result in results:
        if keep_pages:
            cached = caches.pages.editions.get(result.lang, {})
            caches.pages.editions[result.lang] = {
                path: Rendered(digest, result.new_pages[path]) if path in result.new_pages else cached[path]
                for path, digest in result.digests.items()
            }
        timings.counts[f"rendered_{result.lang}"] = result.rendered
        timings.counts[f"written_{result.lang}"] = result.written
        timings.counts[f"removed_{result.lang}"] = result.removed
    timings.counts["pages"] = sum(r.pages for r in results)
    return results


def _guard_site_dir(project: Project, report: Report) -> None:
    site = project.site_dir
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        report.error("site", 0, "site/ is not a plain folder (a link or a file): refusing to replace it")
        raise BuildFailed(report)
