"""The build, as a list of stages: load -> validate -> link -> render -> write -> engine."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from . import exports
from .diagnostics import BuildFailed, Report
from . import buildstate
from .engine import (
    SiteConfig,
    clone_tree,
    dump_config,
    SEARCH_DOCS,
    edition_config,
    prepare_stage,
    epoch_for,
    read_config,
    read_limits,
    run_editions,
    swap_in,
)
from .link import LinkCache, Site, link
from .loader import FileCache, Limits, load
from .model import LANGS
from .pages import edition_pages
from .render import PageCache, environment, page_digest, render_page
from .validate import validate
from .searchindex import search_docs
from .writer import WriteStats, sync_file, sync_tree


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def build_dir(self) -> Path:
        return self.root / ".build"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # Told when a stage starts, so that long builds show where they are.
    progress: Optional[Callable[[str], None]] = None

    def run(self, name: str, fn: Callable[[], object]) -> object:
        if self.progress:
            self.progress(name)
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


@dataclass
class Caches:
    """Work kept between builds: in memory by `briefing serve`, in .build/ by `briefing build`."""

    files: FileCache = field(default_factory=FileCache)
    links: LinkCache = field(default_factory=LinkCache)
    pages: PageCache = field(default_factory=PageCache)


def check(project: Project, report: Report, timings: Optional[Timings] = None, limits: Optional[Limits] = None,
          caches: Optional[Caches] = None) -> Optional[Site]:
    """load -> validate -> link: everything `briefing check` reports.

    Linking runs only on content without errors; it adds the warnings that
    need the whole corpus (office titles nobody held, events reported
    differently).  Returns None when there were errors.
    """
    timings = timings or Timings()
    limits = limits or read_limits(project.root / "mkdocs.yml")
    corpus = timings.run("load", lambda: load(project.root, report, limits, caches.files if caches else None))
    timings.run("validate", lambda: validate(corpus, report))
    timings.counts.update(
        briefings=len(corpus.briefings), actors=len(corpus.actors), places=len(corpus.places), topics=len(corpus.topics)
    )
    if report.errors:
        return None
    return timings.run("link", lambda: link(corpus, report, caches.links if caches else None))


@dataclass(frozen=True)
class EditionFiles:
    files: dict[str, bytes]  # docs path -> bytes, for files rendered this time
    kept: frozenset[str]  # pages the page cache vouches for: left as they are on disk
    digests: dict[str, bytes]  # page path -> digest of its view model, for every page


def generate(site: Site, project: Project, config: SiteConfig, lang: str, cache: Optional[PageCache] = None,
             assets: Optional[dict[str, bytes]] = None) -> EditionFiles:
    """Every file of one edition's docs folder (those the cache vouches for are only named)."""
    env = environment(project.templates / "pages")
    docs = project.build_dir / lang / "docs"
    files: dict[str, bytes] = {}
    kept = set()
    digests = {}
    for page in edition_pages(site, lang, config.site_name):
        if cache is None:
            files[page.path] = render_page(env, page, lang).encode()
            continue
        digest = digests[page.path] = page_digest(page, lang)
        if cache.fresh(lang, docs, page, digest):
            kept.add(page.path)
        else:
            files[page.path] = render_page(env, page, lang).encode()
    files.update(assets if assets is not None else read_assets(project.templates / "assets"))
    files["feed.xml"] = exports.atom_feed(site, lang, config.site_name.get(lang), config.site_url)
    if lang == "en":
        # Exports are language-neutral: once, at the site root.
        files.update({
            "data/events.json": exports.to_json(exports.events_json(site)),
            "data/actors.json": exports.to_json(exports.actors_json(site)),
            "data/briefings.json": exports.to_json(exports.briefings_json(site)),
            "data/events.ics": exports.events_ics(site, config.site_url),
            "data/entities.ftm.json": exports.ftm_lines(exports.ftm_entities(site, config.site_url)),
        })
    return EditionFiles(files, frozenset(kept), digests)


@dataclass(frozen=True)
class EditionJob:
    site: Site
    project: Project
    config: SiteConfig
    assets: dict[str, bytes]  # templates/assets, read once for both editions
    pages: Optional[PageCache] = None
    in_process: bool = False  # the preview's: its page cache lives in this process


@dataclass(frozen=True)
class EditionResult:
    lang: str
    pages: int
    rendered: int
    written: int
    removed: int
    seconds: dict[str, float]
    # docs path -> (digest, size, mtime_ns): the edition's new page cache entries
    cached: dict[str, tuple[bytes, int, int]]


# Set just before the editions are forked, so the children share the linked
# site instead of receiving a pickled copy of it.
_JOB: Optional[EditionJob] = None


def render_edition(lang: str) -> EditionResult:
    """render -> index -> write for one edition (runs in its own process)."""
    assert _JOB is not None
    job = _JOB
    timings = Timings()
    out = timings.run("render", lambda: generate(job.site, job.project, job.config, lang, job.pages, job.assets))
    search = timings.run("index", lambda: exports.to_json(list(search_docs(job.site, lang))))
    edition = job.project.build_dir / lang

    def write() -> WriteStats:
        stats = sync_tree(edition / "docs", out.files, out.kept)
        cfg = edition_config(job.project.root, job.project.build_dir, job.config, lang, set(out.files) | out.kept)
        sync_file(edition / "mkdocs.yml", dump_config(cfg))
        sync_file(edition / SEARCH_DOCS, search)
        return stats

    stats = timings.run("write", write)
    cached = {}
    if job.pages is not None:
        previous = job.pages.editions.get(lang, {})
        docs = edition / "docs"
        for path, digest in out.digests.items():
            if path in out.kept:
                cached[path] = previous[path]
            else:
                info = os.stat(docs / path)
                cached[path] = (digest, info.st_size, info.st_mtime_ns)
    pages = len(out.digests) if job.pages is not None else sum(1 for path in out.files if path.endswith(".md"))
    rendered = pages - len(out.kept)
    return EditionResult(lang, pages, rendered, stats.written, stats.removed, timings.stages, cached)


def render_editions(job: EditionJob) -> list[EditionResult]:
    """Both editions at once on two cores (fork shares the linked site); in turn where fork is missing."""
    global _JOB
    _JOB = job
    try:
        if job.in_process or "fork" not in multiprocessing.get_all_start_methods():
            return [render_edition(lang) for lang in LANGS]
        with ProcessPoolExecutor(max_workers=len(LANGS), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(render_edition, LANGS))
    finally:
        _JOB = None


def read_assets(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        f"assets/briefing/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def build(project: Project, report: Report, strict: bool = False, timings: Optional[Timings] = None,
          preview: Optional[Path] = None, dirty: bool = False, caches: Optional[Caches] = None) -> Timings:
    """Build site/ from content/; raises BuildFailed leaving the previous site/ untouched.

    load -> validate -> link (check), render -> index -> write (per edition,
    in parallel), engine (MkDocs, per edition, in parallel) -> swap.

    `briefing build` keeps its work in .build/ (buildstate) and, when site/
    is its own last output, has MkDocs update a hard-linked copy of it
    (--dirty): after an edit, only what the edit changed is done again.
    With `preview` (`briefing serve`, whose caches live in memory), the
    editions are rendered into preview/en and preview/ar and kept there, and
    `dirty` says whether MkDocs may start from them.
    """
    timings = timings or Timings()
    build_dir = project.build_dir
    record = buildstate.read_site_record(build_dir) if preview is None else None
    background = None if preview is not None else prepare_stage(
        build_dir, project.site_dir, clone=record is not None and record.same_folder(project.site_dir))
    saver = None
    try:
        config = read_config(project.root / "mkdocs.yml", report)
        key = None
        if caches is None:
            key = buildstate.code_key(project.root)
            caches = timings.run("restore", lambda: buildstate.restore(build_dir, key)) or Caches()
        site = check(project, report, timings, limits=config.limits, caches=caches)
        if site is None or report.errors or (strict and report.warnings):
            raise BuildFailed(report)
        if preview is None:
            _guard_site_dir(project, report)
        results = _render_editions(site, project, config, caches, timings, in_process=preview is not None)
        if key is not None:
            # Stored while the engine runs (the editions' processes have ended: no fork follows).
            saver = _store_in_background(build_dir, key, caches)
        latest = site.corpus.briefings[0].date if site.corpus.briefings else None
        epoch = epoch_for(latest)
        if preview is not None:
            # A removed page would linger in a dirty build's output.
            dirty = dirty and not any(r.removed for r in results)
            outputs = {lang: preview / lang for lang in LANGS}
            result = timings.run("engine", lambda: run_editions(build_dir, outputs, strict, epoch, report, dirty))
            if not result.ok or (strict and report.warnings):
                raise BuildFailed(report)
        else:
            assert background is not None and key is not None
            pages = {r.lang: frozenset(r.cached) for r in results}
            engine_key = buildstate.engine_key(key, epoch, _edition_configs(build_dir))
            timings.run("copy (wait)", background.join)
            update = record is not None and record.allows_update(engine_key, pages, project.site_dir)
            _engine_and_swap(project, report, timings, strict, epoch, engine_key, pages, update)
    finally:
        for thread in (background, saver):
            if thread is not None:
                thread.join()
    return timings


def _render_editions(site: Site, project: Project, config: SiteConfig, caches: Caches, timings: Timings,
                     in_process: bool) -> list[EditionResult]:
    started = time.perf_counter()
    if timings.progress:
        timings.progress(f"render, index and write {len(site.briefings):,} briefings in both editions")
    assets = read_assets(project.templates / "assets")
    results = render_editions(EditionJob(site, project, config, assets, caches.pages, in_process=in_process))
    # The editions ran side by side: each stage is reported as the slower edition's time.
    for stage in ("render", "index", "write"):
        timings.stages[stage] = max(r.seconds.get(stage, 0.0) for r in results)
    timings.stages["editions (wall)"] = time.perf_counter() - started
    for result in results:
        caches.pages.editions[result.lang] = result.cached
        timings.counts[f"rendered_{result.lang}"] = result.rendered
        timings.counts[f"written_{result.lang}"] = result.written
        timings.counts[f"removed_{result.lang}"] = result.removed
    timings.counts["pages"] = sum(r.pages for r in results)
    return results


def _edition_configs(build_dir: Path) -> dict[str, bytes]:
    return {lang: (build_dir / lang / "mkdocs.yml").read_bytes() for lang in LANGS}


def _store_in_background(build_dir: Path, key: str, caches: Caches) -> threading.Thread:
    # Pickled now, in this thread, so that later changes to the caches cannot
    # race with it; written while the engine runs.
    data = buildstate.encode(key, caches)
    thread = threading.Thread(target=buildstate.store, args=(build_dir, data))
    thread.start()
    return thread


def _engine_and_swap(project: Project, report: Report, timings: Timings, strict: bool, epoch: int, engine_key: str,
                     pages: dict[str, frozenset[str]], update: bool) -> None:
    """MkDocs builds the editions into .build/stage, which then replaces site/.

    With `update` (site/ is this project's last output, from the same code,
    templates and settings, and no page has gone since), the stage is a
    hard-linked copy of site/ (prepare_stage) and MkDocs renders only pages
    whose Markdown is newer than their HTML. MkDocs (through the hooks)
    writes new files and renames them, so site/ never changes while the
    build runs.
    """
    build_dir, site_dir = project.build_dir, project.site_dir
    stage = build_dir / "stage"
    if update:
        outputs = {"en": stage, "ar": stage / "ar"}
    else:
        shutil.rmtree(stage, ignore_errors=True)
        # Apart: a full MkDocs run first empties its output folder.
        outputs = {lang: build_dir / "out" / lang for lang in LANGS}
        for folder in outputs.values():
            shutil.rmtree(folder, ignore_errors=True)
    timings.counts["engine_dirty"] = int(update)
    result = timings.run("engine", lambda: run_editions(build_dir, outputs, strict, epoch, report, dirty=update))
    if not result.ok or (strict and report.warnings):
        raise BuildFailed(report)
    if not update:
        os.replace(outputs["ar"], outputs["en"] / "ar")
        os.replace(outputs["en"], stage)
    # Forgotten before site/ changes: a crash between the two leaves no stale record.
    buildstate.forget_site_record(build_dir)
    timings.run("swap", lambda: swap_in(build_dir, stage, site_dir))
    buildstate.write_site_record(build_dir, engine_key, pages, site_dir)


def _guard_site_dir(project: Project, report: Report) -> None:
    site = project.site_dir
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        report.error("site", 0, "site/ is not a plain folder (a link or a file): refusing to replace it")
        raise BuildFailed(report)
