"""The build, as a list of stages: load -> validate -> link -> render -> write -> engine."""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional

from . import buildstate, urls
from .diagnostics import BuildFailed, Report
from .editions import EditionJob, EditionResult, read_assets, render_editions
from .engine import (CHANGED, SiteConfig, epoch_for, prepare_stage, read_config, read_limits, report_engine,
                     run_editions, swap_in)
from .link import LinkCache, Site, link
from .loader import BRIEFING_NAME, FileCache, Limits, load
from .model import LANGS
from .project import Project
from .render import PageCache, Rendered
from .schema import SLUG_RE
from .timings import Timings
from .validate import validate

__all__ = ["BuildFailed", "Caches", "Project", "Timings", "build", "check", "read_assets"]


@dataclass
class Caches:
    """Work kept between builds: in memory by `briefing serve`; parsed and
    linked briefings in .build/ by `briefing build` (its pages are in each
    edition's archive, see editions.py)."""

    files: FileCache = field(default_factory=FileCache)
    links: LinkCache = field(default_factory=LinkCache)
    pages: PageCache = field(default_factory=PageCache)
    # The preview's: page digests its engine output was last built from.
    preview: Optional[dict[str, dict[str, bytes]]] = None

    def __getstate__(self) -> dict[str, object]:
        # Stored by `briefing build` without the pages (they are in the archives).
        return {"files": self.files, "links": self.links}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(files=state["files"], links=state["links"])  # type: ignore[misc, arg-type]


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


def build(project: Project, report: Report, strict: bool = False, timings: Optional[Timings] = None,
          preview: Optional[Path] = None, dirty: bool = False, caches: Optional[Caches] = None) -> Timings:
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
    """
    timings = timings or Timings()
    build_dir = project.build_dir
    record = buildstate.read_site_record(build_dir) if preview is None else None
    # Whether MkDocs may update a copy of site/ is known only once pages are
    # rendered; without a record of site/ it will not, and each edition's
    # engine run can start as soon as that edition is written.
    may_update = record is not None and record.same_folder(project.site_dir)
    stage = None if preview is not None else prepare_stage(
        build_dir, project.site_dir, clone=may_update, folders=lambda: _page_folders(project.content))
    key = buildstate.code_key(project.root)
    try:
        config = read_config(project.root / "mkdocs.yml", report)
        if caches is None:
            caches = timings.run("restore", lambda: buildstate.restore(build_dir, key)) or Caches()
            persist = True
        else:
            persist = False
        site = check(project, report, timings, limits=config.limits, caches=caches)
        if site is None or report.errors or (strict and report.warnings):
            raise BuildFailed(report)
        if preview is None:
            _guard_site_dir(project, report)
        latest = site.corpus.briefings[0].date if site.corpus.briefings else None
        epoch = epoch_for(latest)
        early = None
        if stage is not None and not may_update:
            timings.run("folders (wait)", stage.ready.wait)
            _tell_changed(build_dir, None, {})
            early = ({lang: build_dir / "out" / lang for lang in LANGS}, strict, epoch)
        # Stored while the editions render (this process would wait).
        beside = [lambda: buildstate.store(build_dir, key, caches)] if persist else []
        results = _render_editions(site, project, config, caches, key, timings, beside,
                                   keep_pages=preview is not None, engine=early)
        digests = {r.lang: r.digests for r in results}
        removed = any(r.removed for r in results)
        if preview is not None:
            before, caches.preview = caches.preview, None  # known again once this engine run succeeds
            dirty = dirty and not removed and before is not None and _no_page_gone(before, digests)
            outputs = {lang: preview / lang for lang in LANGS}
            _tell_changed(build_dir, before if dirty else None, digests)
            timings.counts["engine_dirty"] = int(dirty)
            _run_engine(build_dir, outputs, strict, epoch, report, timings, dirty)
            caches.preview = digests
            return timings
        assert stage is not None
        engine_key = buildstate.engine_key(key, epoch, _edition_configs(build_dir))
        if early is not None:
            timings.counts["engine_dirty"] = 0
            timings.stages["engine"] = max(r.engine.seconds for r in results if r.engine)
            ok = all([report_engine(r.engine, report) for r in results if r.engine])
            if not ok or (strict and report.warnings):
                raise BuildFailed(report)
            _assemble_and_swap(project, timings, engine_key, digests, update=False)
            return timings
        timings.run("copy (wait)", stage.ready.wait)
        update = (record is not None and not stage.failed and not removed and record.engine_key == engine_key
                  and record.same_folder(project.site_dir) and _no_page_gone(record.digests, digests))
        _engine_and_swap(project, report, timings, strict, epoch, engine_key, digests,
                         record.digests if update and record else None)
        return timings
    finally:
        if stage is not None:
            stage.join()


def _render_editions(site: Site, project: Project, config: SiteConfig, caches: Caches, key: str, timings: Timings,
                     beside: list[Callable[[], object]], keep_pages: bool,
                     engine: Optional[tuple[Mapping[str, Path], bool, int]]) -> list[EditionResult]:
    started = time.perf_counter()
    if timings.progress:
        what = "render, index, write and build" if engine else "render, index and write"
        timings.progress(f"{what} {len(site.briefings):,} briefings in both editions")
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


def _no_page_gone(before: Mapping[str, Mapping[str, bytes]], now: Mapping[str, Mapping[str, bytes]]) -> bool:
    # A page gone since would linger in an updated copy: start afresh then.
    return all(set(before.get(lang, {})) <= set(now.get(lang, {})) for lang in LANGS)


def _tell_changed(build_dir: Path, before: Optional[Mapping[str, Mapping[str, bytes]]],
                  now: Mapping[str, Mapping[str, bytes]]) -> None:
    """The pages MkDocs must render again in a dirty run (read by the hooks); none written: all."""
    for lang in LANGS:
        path = build_dir / lang / CHANGED
        if before is None:
            path.unlink(missing_ok=True)
            continue
        old = before.get(lang, {})
        changed = sorted(p for p, digest in now.get(lang, {}).items() if old.get(p) != digest)
        buildstate.write_json(path, changed)


def _run_engine(build_dir: Path, outputs: Mapping[str, Path], strict: bool, epoch: int, report: Report,
                timings: Timings, dirty: bool) -> None:
    result = timings.run("engine", lambda: run_editions(build_dir, outputs, strict, epoch, report, dirty))
    if not result.ok or (strict and report.warnings):
        raise BuildFailed(report)


def _page_folders(content: Path) -> Iterator[str]:
    """Output folders of the briefing and actor pages, known from file names alone."""
    for name in sorted(os.listdir(content / "briefings")) if (content / "briefings").is_dir() else ():
        match = BRIEFING_NAME.fullmatch(name)
        if match and SLUG_RE.fullmatch(match["slug"]):
            yield urls.briefing(match["slug"])
    for name in sorted(os.listdir(content / "actors")) if (content / "actors").is_dir() else ():
        stem, dot, ext = name.rpartition(".")
        if dot and ext == "yml" and SLUG_RE.fullmatch(stem):
            yield urls.actor(stem)


def _edition_configs(build_dir: Path) -> dict[str, bytes]:
    return {lang: (build_dir / lang / "mkdocs.yml").read_bytes() for lang in LANGS}


def _engine_and_swap(project: Project, report: Report, timings: Timings, strict: bool, epoch: int, engine_key: str,
                     digests: dict[str, dict[str, bytes]], site_digests: Optional[Mapping[str, Mapping[str, bytes]]]) -> None:
    """MkDocs builds the editions, then they replace site/.

    With `site_digests` (site/ is this project's last output, from the same
    code, templates and settings, and no page has gone since), the stage is
    a hard-linked copy of site/ (prepare_stage) and MkDocs renders only the
    pages whose digest differs from those site/ was built from. MkDocs
    (through the hooks) replaces files by renames, so site/ never changes
    while the build runs.
    """
    build_dir = project.build_dir
    update = site_digests is not None
    if update:
        outputs = {"en": build_dir / "stage", "ar": build_dir / "stage" / "ar"}
    else:
        # Apart, as the editions run at once; each holds only the page
        # folders made by prepare_stage (if any), so MkDocs runs dirty there
        # too (a clean run would first empty them) and writes every page.
        shutil.rmtree(build_dir / "stage", ignore_errors=True)
        outputs = {lang: build_dir / "out" / lang for lang in LANGS}
    _tell_changed(build_dir, site_digests, digests)
    timings.counts["engine_dirty"] = int(update)
    _run_engine(build_dir, outputs, strict, epoch, report, timings, dirty=True)
    _assemble_and_swap(project, timings, engine_key, digests, update)


def _assemble_and_swap(project: Project, timings: Timings, engine_key: str, digests: dict[str, dict[str, bytes]],
                       update: bool) -> None:
    build_dir = project.build_dir
    stage = build_dir / "stage"
    if not update:
        out = build_dir / "out"
        os.replace(out / "ar", out / "en" / "ar")
        os.replace(out / "en", stage)
    # Forgotten before site/ changes: a crash between the two leaves no stale record.
    buildstate.forget_site_record(build_dir)
    timings.run("swap", lambda: swap_in(build_dir, stage, project.site_dir))
    buildstate.write_site_record(build_dir, engine_key, digests, project.site_dir)


def _guard_site_dir(project: Project, report: Report) -> None:
    site = project.site_dir
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        report.error("site", 0, "site/ is not a plain folder (a link or a file): refusing to replace it")
        raise BuildFailed(report)
