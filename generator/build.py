"""The build, as a list of stages: load -> validate -> link -> render -> write -> engine."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from . import exports
from .diagnostics import BuildFailed, Report
from .engine import (
    SiteConfig,
    assemble_and_swap,
    dump_config,
    SEARCH_DOCS,
    edition_config,
    empty_trash,
    epoch_for,
    read_config,
    read_limits,
    run_editions,
)
from .link import LinkCache, Site, link
from .loader import FileCache, Limits, load
from .model import LANGS
from .pages import edition_pages
from .render import PageCache, environment, render_page
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
    """Work kept between builds in one process (`briefing serve`)."""

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


def generate(site: Site, project: Project, config: SiteConfig, lang: str, cache: Optional[PageCache] = None,
             assets: Optional[dict[str, bytes]] = None) -> dict[str, bytes]:
    """Every file of one edition's docs folder."""
    env = environment(project.templates / "pages")
    pages = edition_pages(site, lang, config.site_name)
    if cache is not None:
        files = {page.path: cache.render(env, page, lang) for page in pages}
    else:
        files = {page.path: render_page(env, page, lang).encode() for page in pages}
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
    return files


@dataclass(frozen=True)
class EditionJob:
    site: Site
    project: Project
    config: SiteConfig
    out: Path
    assets: dict[str, bytes]  # templates/assets, read once for both editions
    pages: Optional[PageCache] = None  # the preview's: editions then render in this process


@dataclass(frozen=True)
class EditionResult:
    lang: str
    pages: int
    written: int
    removed: int
    seconds: dict[str, float]


# Set just before the editions are forked, so the children share the linked
# site instead of receiving a pickled copy of it.
_JOB: Optional[EditionJob] = None


def render_edition(lang: str) -> EditionResult:
    """render -> index -> write for one edition (runs in its own process)."""
    assert _JOB is not None
    job = _JOB
    timings = Timings()
    files = timings.run("render", lambda: generate(job.site, job.project, job.config, lang, job.pages, job.assets))
    search = timings.run("index", lambda: exports.to_json(list(search_docs(job.site, lang))))
    edition = job.project.build_dir / lang

    def write() -> WriteStats:
        stats = sync_tree(edition / "docs", files)
        cfg = edition_config(job.project.root, job.project.build_dir, job.out, job.config, lang, set(files))
        sync_file(edition / "mkdocs.yml", dump_config(cfg))
        sync_file(edition / SEARCH_DOCS, search)
        return stats

    stats = timings.run("write", write)
    pages = sum(1 for path in files if path.endswith(".md"))
    return EditionResult(lang, pages, stats.written, stats.removed, timings.stages)


def render_editions(job: EditionJob) -> list[EditionResult]:
    """Both editions at once on two cores (fork shares the linked site); in turn where fork is missing."""
    global _JOB
    _JOB = job
    try:
        if job.pages is not None or "fork" not in multiprocessing.get_all_start_methods():
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

    With `preview`, the editions are rendered into preview/en and preview/ar
    and kept there (no swap), so that the next build can be `dirty`: only
    pages whose Markdown changed are rendered again.
    """
    timings = timings or Timings()
    out = preview or project.build_dir / "out"
    cleaner = empty_trash(project.build_dir) if preview is None else None
    config = read_config(project.root / "mkdocs.yml", report)
    site = check(project, report, timings, limits=config.limits, caches=caches)
    if site is None or report.errors or (strict and report.warnings):
        raise BuildFailed(report)
    corpus = site.corpus
    if preview is None:
        _guard_site_dir(project, report)
    started = time.perf_counter()
    if timings.progress:
        timings.progress(f"render, index and write {len(site.briefings):,} briefings in both editions")
    assets = read_assets(project.templates / "assets")
    results = render_editions(EditionJob(site, project, config, out, assets, caches.pages if caches else None))
    # The editions ran side by side: each stage is reported as the slower edition's time.
    for stage in ("render", "index", "write"):
        timings.stages[stage] = max(r.seconds.get(stage, 0.0) for r in results)
    timings.stages["editions (wall)"] = time.perf_counter() - started
    for result in results:
        timings.counts[f"written_{result.lang}"] = result.written
        timings.counts[f"removed_{result.lang}"] = result.removed
    timings.counts["pages"] = sum(r.pages for r in results)
    latest = corpus.briefings[0].date if corpus.briefings else None
    # A removed page would linger in a dirty build's output.
    dirty = dirty and not any(timings.counts.get(f"removed_{lang}") for lang in LANGS)
    result = timings.run("engine", lambda: run_editions(project.build_dir, out, strict, epoch_for(latest), report, dirty))
    if not result.ok or (strict and report.warnings):
        raise BuildFailed(report)
    if preview is None:
        assert cleaner is not None
        cleaner.join()  # the trash is emptied before this build's old site joins it
        timings.run("swap", lambda: assemble_and_swap(project.build_dir, out, project.site_dir))
    return timings


def _guard_site_dir(project: Project, report: Report) -> None:
    site = project.site_dir
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        report.error("site", 0, "site/ is not a plain folder (a link or a file): refusing to replace it")
        raise BuildFailed(report)
