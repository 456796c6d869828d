"""Stage 6, the engine, and the swap: MkDocs builds each edition, and site/ is replaced.

`briefing build` (SiteRun) keeps a record of what site/ was built from: when
it still holds, MkDocs updates a hard-linked copy of site/, rendering only
the pages whose digest changed; otherwise each edition is built in full into
.build/out/<lang>. The live preview (preview_engine) builds into its own
folders. Either way site/ is replaced by renames, never written in place.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Mapping, Optional

from . import buildstate
from .buildstate import Caches
from .core import urls
from .core.diagnostics import BuildFailed, Report
from .editions import EditionResult, EngineStart
from .engine.adapter import CHANGED, FolderWork, start_folder_work, swap_in
from .engine.runs import report_engines, run_editions
from .core.forks import interrupt_deferred
from .content.pairs import BRIEFING_NAME
from .content.model import LANGS
from .core.project import Project
from .core.sitesize import TreeSize, tree_size
from .content.reading import Limits
from .content.schema import SLUG_RE
from .core.timings import Timings


@dataclass
class SiteRun:
    """The engine and swap of `briefing build`, around what site/ was built from.

    Without a record of site/ (a first build, or site/ replaced), MkDocs will
    not update a copy of it, and each edition's process runs its engine as
    soon as its pages are written (`early`). Otherwise whether it may is known
    once the pages are rendered (`finish`).
    """

    project: Project
    strict: bool
    record: Optional[buildstate.SiteRecord]
    folder_work: FolderWork
    epoch: int = 0

    @classmethod
    def start(cls, project: Project, strict: bool) -> "SiteRun":
        record = buildstate.read_site_record(project.build_dir)
        if record is not None and not record.same_folder(project.site_dir):
            record = None
        folder_work = start_folder_work(project.build_dir, project.site_dir, clone=record is not None,
                                        folders=lambda: _page_folders(project.content))
        return cls(project, strict, record, folder_work)

    def early(self, timings: Timings) -> Optional[EngineStart]:
        if self.record is not None:
            return None
        timings.run("folders (wait)", self.folder_work.wait)
        outputs = {lang: self.project.build_dir / "out" / lang for lang in LANGS}
        if self.folder_work.failed:
            # MkDocs runs dirty over these folders: they must hold nothing from before.
            for folder in outputs.values():
                shutil.rmtree(folder, ignore_errors=True)
        _tell_changed(self.project.build_dir, None, {})
        return EngineStart(outputs, self.strict, self.epoch)

    def finish(self, key: str, results: list[EditionResult], report: Report, timings: Timings, limits: Limits) -> None:
        build_dir = self.project.build_dir
        digests = {r.lang: r.digests for r in results}
        engine_key = buildstate.engine_key(key, self.epoch, _edition_configs(build_dir))
        if self.record is None:
            timings.counts["engine_dirty"] = 0
            timings.stages["engine"] = max(r.engine.seconds for r in results if r.engine)
            ok = report_engines([r.engine for r in results if r.engine], report, self.project.config_file)
            if not ok or (self.strict and report.warnings):
                raise BuildFailed(report)
            _guard_publishing(build_dir, False, limits, self.strict, report, timings)
            _assemble_and_swap(self.project, timings, engine_key, digests, update=False)
            return
        timings.run("copy (wait)", self.folder_work.wait)
        record = self.record
        update = (not self.folder_work.failed and not any(r.removed for r in results) and record.engine_key == engine_key
                  and record.same_folder(self.project.site_dir) and _no_page_gone(record.digests, digests))
        _engine_and_swap(self.project, report, timings, self.strict, self.epoch, engine_key, digests,
                         record.digests if update else None, limits)


def preview_engine(project: Project, preview: Path, caches: Caches, results: list[EditionResult], strict: bool,
                    epoch: int, report: Report, timings: Timings, dirty: bool) -> None:
    """The live preview's engine run, into preview/<lang>, dirty when the last one succeeded."""
    digests = {r.lang: r.digests for r in results}
    before, caches.preview = caches.preview, None  # known again once this engine run succeeds
    dirty = dirty and not any(r.removed for r in results) and before is not None and _no_page_gone(before, digests)
    _tell_changed(project.build_dir, before if dirty else None, digests)
    timings.counts["engine_dirty"] = int(dirty)
    _run_engine(project, {lang: preview / lang for lang in LANGS}, strict, epoch, report, timings, dirty)
    caches.preview = digests


def _no_page_gone(before: Mapping[str, Mapping[str, bytes]], now: Mapping[str, Mapping[str, bytes]]) -> bool:
    # A page gone since would linger in an updated copy: start afresh then.
    return all(set(before.get(lang, {})) <= set(now.get(lang, {})) for lang in LANGS)


def _tell_changed(build_dir: Path, before: Optional[Mapping[str, Mapping[str, bytes]]],
                  now: Mapping[str, Mapping[str, bytes]]) -> None:
    """The pages MkDocs must render again in a dirty run (read by the hooks); none written: all."""
    for lang in LANGS:
        path = build_dir / lang / CHANGED
        if before is None:
            buildstate.forget(path)
            continue
        old = before.get(lang, {})
        changed = sorted(p for p, digest in now.get(lang, {}).items() if old.get(p) != digest)
        buildstate.write_json(path, changed)


def _run_engine(project: Project, outputs: Mapping[str, Path], strict: bool, epoch: int, report: Report,
                timings: Timings, dirty: bool) -> None:
    ok = timings.run("engine", lambda: run_editions(project.build_dir, outputs, strict, epoch, report,
                                                    project.config_file, dirty))
    if not ok or (strict and report.warnings):
        raise BuildFailed(report)


def _page_folders(content: Path) -> Iterator[str]:
    """Output folders of the briefing and actor pages, known from file names alone."""
    slugs: dict[str, None] = {}  # a briefing's files (one per language) share its folder
    for name in sorted(os.listdir(content / "briefings")) if (content / "briefings").is_dir() else ():
        match = BRIEFING_NAME.fullmatch(name)
        if match and SLUG_RE.fullmatch(match["slug"]):
            slugs[match["slug"]] = None
    yield from (urls.briefing(slug) for slug in slugs)
    for name in sorted(os.listdir(content / "actors")) if (content / "actors").is_dir() else ():
        stem, dot, ext = name.rpartition(".")
        if dot and ext == "yml" and SLUG_RE.fullmatch(stem):
            yield urls.actor(stem)


def _edition_configs(build_dir: Path) -> dict[str, bytes]:
    return {lang: (build_dir / lang / "mkdocs.yml").read_bytes() for lang in LANGS}


def _engine_and_swap(project: Project, report: Report, timings: Timings, strict: bool, epoch: int, engine_key: str,
                     digests: dict[str, dict[str, bytes]], site_digests: Optional[Mapping[str, Mapping[str, bytes]]],
                     limits: Limits) -> None:
    """MkDocs builds the editions, then they replace site/.

    With `site_digests` (site/ is this project's last output, from the same
    code, templates and settings, and no page has gone since), the stage is
    a hard-linked copy of site/ (start_folder_work) and MkDocs renders only the
    pages whose digest differs from those site/ was built from. MkDocs
    (through the hooks) replaces files by renames, so site/ never changes
    while the build runs.
    """
    build_dir = project.build_dir
    update = site_digests is not None
    if update:
        # The Arabic edition inside the English one, where the site has it.
        outputs = {lang: build_dir / "stage" / urls.edition_root(lang) for lang in LANGS}
    else:
        # Apart, as the editions run at once; each holds only the page
        # folders made by start_folder_work (if any), so MkDocs runs dirty there
        # too (a clean run would first empty them) and writes every page.
        shutil.rmtree(build_dir / "stage", ignore_errors=True)
        outputs = {lang: build_dir / "out" / lang for lang in LANGS}
    _tell_changed(build_dir, site_digests, digests)
    timings.counts["engine_dirty"] = int(update)
    _run_engine(project, outputs, strict, epoch, report, timings, dirty=True)
    _guard_publishing(build_dir, update, limits, strict, report, timings)
    _assemble_and_swap(project, timings, engine_key, digests, update)


def _guard_publishing(build_dir: Path, update: bool, limits: Limits, strict: bool, report: Report,
                      timings: Timings) -> None:
    """Warn when the site about to replace site/ is past the limits; with --strict, stop before the swap.

    Measured where the engine left it (the editions apart, or one stage when
    MkDocs updated a copy of site/), so a failure here leaves site/ as it was.
    """
    folders = [build_dir / "stage"] if update else [build_dir / "out" / lang for lang in LANGS]
    size = timings.run("measure site", lambda: _total_size(folders))
    timings.counts["site_files"], timings.counts["site_bytes"] = size.files, size.bytes
    if size.bytes > limits.max_site_bytes or size.files > limits.max_site_files:
        report.warning("site", 0, site_over_limits(limits))
        if strict:
            raise BuildFailed(report)


def _total_size(folders: list[Path]) -> TreeSize:
    sizes = [tree_size(folder) for folder in folders]
    return TreeSize(sum(s.files for s in sizes), sum(s.bytes for s in sizes))


def site_over_limits(limits: Limits) -> str:
    return (f"the built site has more than {limits.max_site_bytes:,} bytes or {limits.max_site_files:,} files"
            " (extra.limits in mkdocs.yml: max_site_bytes, max_site_files): GitHub Pages refuses a site over 1 GB,"
            " GitLab Pages one over 1 GB or 200,000 files; split the archive by year, or publish to an S3-compatible"
            " bucket behind a CDN (docs/deploy-s3.md)")


def _assemble_and_swap(project: Project, timings: Timings, engine_key: str, digests: dict[str, dict[str, bytes]],
                       update: bool) -> None:
    build_dir = project.build_dir
    stage = build_dir / "stage"
    if not update:
        out = build_dir / "out"
        os.replace(out / "ar", out / "en" / urls.edition_root("ar"))
        os.replace(out / "en", stage)
    # Forgotten before site/ changes: a crash between the two leaves no stale record.
    buildstate.forget_site_record(build_dir)
    with interrupt_deferred():  # site/ is the old one or the new one, never missing
        timings.run("swap", lambda: swap_in(build_dir, stage, project.site_dir))
    try:
        buildstate.write_site_record(build_dir, engine_key, digests, project.site_dir)
    except OSError:
        # site/ is complete and new; without its record the next build is a full one.
        return
