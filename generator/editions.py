"""Stages 4 and 5 for each edition, side by side: render -> index -> write
(and, in a full build, that edition's engine run: see publish.SiteRun).

An edition's pages go into one file, .build/<lang>/pages.msgpack, which the
MkDocs hooks read (on_files): creating a file per page cost this machine
more than rendering the page. The few other files (assets, feed, exports)
are written to .build/<lang>/docs, where MkDocs copies them from. With
`build --pages-as-files` the pages are written there too, a file each, so
that an engine that reads only mkdocs.yml and docs/ can build the edition
(docs/engines.md).

The archive keeps each page's digest (render.page_digest) beside its
Markdown: the next build renders only pages whose view model changed, and
tells MkDocs which pages those are. Its format: stored.py.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from .output import exports
from .core import stored
from .engine.adapter import PAGES_ARCHIVE, SEARCH_FOLDER, SiteConfig, dump_config, edition_config
from .engine.runs import EngineRun, run_edition
from .core.forks import can_fork, fork_pool, inherited
from .linking.link import Site
from .content.model import LANGS
from .views.edition import edition_pages
from .core.project import Project
from .output.render import PageCache, Rendered, environment, page_digest, render_page
from .output.searchindex import search_docs
from .output.searchshards import search_files
from .core.timings import Timings
from .core.writer import WriteStats, sync_file, sync_tree

__all__ = ["EditionJob", "EditionResult", "archived_pages", "generate", "read_archive", "read_assets",
           "render_editions"]


@dataclass(frozen=True)
class EngineStart:
    """What an edition's process needs to run the engine itself, as soon as its pages are written."""

    outputs: Mapping[str, Path]  # output folder per edition
    strict: bool
    epoch: int  # SOURCE_DATE_EPOCH


@dataclass(frozen=True)
class EditionJob:
    site: Site
    project: Project
    config: SiteConfig
    assets: dict[str, bytes]  # templates/assets, read once for both editions
    key: str  # buildstate.code_key: an archive written by other code is not reused
    pages: PageCache  # the preview's, in memory; empty for `briefing build` (the archive is read)
    keep_pages: bool = False  # the preview's: send back the pages its cache lacks
    # A full engine run, started by each edition's process as soon as its
    # pages are written rather than when both editions are.
    engine: Optional[EngineStart] = None


@dataclass(frozen=True)
class EditionResult:
    lang: str
    pages: int
    rendered: int
    written: int  # static files (assets, feed, exports)
    removed: int
    seconds: dict[str, float]
    digests: dict[str, bytes]  # page path -> digest, for every page
    new_pages: dict[str, bytes]  # with keep_pages: the pages the job's cache lacks (path -> Markdown)
    engine: Optional[EngineRun] = None  # with job.engine


def generate(site: Site, project: Project, config: SiteConfig, lang: str, previous: Mapping[str, Rendered],
             assets: Mapping[str, bytes]) -> tuple[dict[str, Rendered], dict[str, bytes]]:
    """Every page of one edition (reusing `previous` renderings of unchanged view models), and its other files."""
    env = environment(project.templates / "pages")
    pages: dict[str, Rendered] = {}
    for page in edition_pages(site, lang, config.site_name, config.limits.max_actor_list):
        digest = page_digest(page, lang)
        hit = previous.get(page.path)
        if hit is not None and hit.digest == digest:
            pages[page.path] = hit
        else:
            pages[page.path] = Rendered(digest, render_page(env, page, lang).encode(), fresh=True)
    files = dict(assets)
    files["feed.xml"] = exports.atom_feed(site, lang, config.site_name.get(lang), config.site_url)
    return pages, files


EXPORTS_FOLDER = "data"  # at the English edition's root, which is the site's


def export_files(site: Site, config: SiteConfig) -> dict[str, bytes]:
    """The machine-readable exports: language-neutral, so once, at the site root.

    The events and briefings, past extra.limits max_export_bytes, also come a
    year a file (events/<year>.json, briefings/<year>.json), for readers that
    need one year and for hosts that cap a file's size."""
    files = {
        "actors.json": exports.to_json(exports.actors_json(site)),
        "network.json": exports.to_json(exports.network_json(site)),
        "events.ics": exports.events_ics(site, config.site_url),
        "entities.ftm.json": exports.ftm_lines(exports.ftm_entities(site, config.site_url)),
    }
    for name, items in (("events", exports.events_json(site)), ("briefings", exports.briefings_json(site))):
        files[f"{name}.json"] = exports.to_json(items)
        if len(files[f"{name}.json"]) > config.limits.max_export_bytes:
            files.update(exports.by_year(name, items))
    return files


def write_exports(job: EditionJob) -> float:
    """Exports into the English docs (folder data/, left alone by that edition's writer); seconds taken."""
    started = time.perf_counter()
    sync_tree(job.project.build_dir / "en" / "docs" / EXPORTS_FOLDER, export_files(job.site, job.config))
    return time.perf_counter() - started


def read_archive(path: Path, key: Optional[str]) -> dict[str, Rendered]:
    """The pages of the last build, if it was made by the same code (by any code with key None); {} if none."""
    pages = stored.read(path, stored.PAGES, key, stored.Pages)
    return {p: Rendered(digest, data) for p, (digest, data) in pages.items()} if pages is not None else {}


def archived_pages(build_dir: Path, lang: str) -> dict[str, bytes]:
    """An edition's pages as last written (docs path -> Markdown), whatever code wrote them."""
    return {p: r.data for p, r in read_archive(build_dir / lang / PAGES_ARCHIVE, None).items()}


def write_archive(path: Path, key: str, pages: Mapping[str, Rendered]) -> None:
    stored.write(path, stored.PAGES, key, {p: (r.digest, r.data) for p, r in pages.items()})


def _render_forked(lang: str) -> EditionResult:
    # The job came with the fork (forks.inherited): the children share the
    # linked site instead of receiving a pickled copy of it.
    return render_edition(inherited(), lang)


def _search_index(job: EditionJob, lang: str) -> dict[str, bytes]:
    """The edition's search index, by path in its docs (static files the engine copies)."""
    if not job.config.search:
        return {}
    files = search_files(list(search_docs(job.site, lang)), lang)
    return {f"{SEARCH_FOLDER}/{path}": data for path, data in files.items()}


def render_edition(job: EditionJob, lang: str) -> EditionResult:
    """render -> index -> write for one edition (runs in its own process where fork exists)."""
    timings = Timings()
    edition = job.project.build_dir / lang
    archive = edition / PAGES_ARCHIVE
    previous = job.pages.editions.get(lang) or read_archive(archive, job.key)
    pages, files = timings.run("render", lambda: generate(job.site, job.project, job.config, lang, previous, job.assets))
    search = timings.run("index", lambda: _search_index(job, lang))

    def write() -> WriteStats:
        if any(r.fresh for r in pages.values()) or set(pages) != set(previous):
            edition.mkdir(parents=True, exist_ok=True)
            write_archive(archive, job.key, pages)
        # With pages as files, each page is a file of docs/ too; the archive
        # stays (the next build's record of what each page was rendered from).
        docs = {**files, **{path: page.data for path, page in pages.items()}} if job.config.pages_as_files else files
        docs = {**docs, **search}
        stats = sync_tree(edition / "docs", docs, leave=EXPORTS_FOLDER if lang == "en" else "")
        cfg = edition_config(job.project.root, job.project.build_dir, job.config, lang, set(pages) | set(files))
        sync_file(edition / "mkdocs.yml", dump_config(cfg))
        return stats

    stats = timings.run("write", write)
    rendered = sum(1 for r in pages.values() if r.fresh)
    digests = {p: r.digest for p, r in pages.items()}
    new_pages = {}
    if job.keep_pages:
        cached = job.pages.editions.get(lang, {})
        new_pages = {p: r.data for p, r in pages.items() if p not in cached or cached[p].digest != r.digest}
    engine = None
    if job.engine is not None:
        start = job.engine
        # dirty: the output holds only the page folders made by start_folder_work.
        engine = run_edition(job.project.build_dir, lang, start.outputs[lang], start.strict, start.epoch, dirty=True)
    return EditionResult(lang, len(pages), rendered, stats.written, stats.removed, timings.stages, digests, new_pages,
                         engine)


def render_editions(job: EditionJob, beside: Sequence[Callable[[], Any]] = ()) -> tuple[list[EditionResult], list[Any]]:
    """Both editions at once on two cores (fork shares the linked site), in turn where fork is missing.

    The exports, and the `beside` tasks, run meanwhile in this process, which
    would otherwise wait (in the English edition's process the exports made
    it the slower of the two). Returns the results and, in order, what the
    exports (their seconds) and the `beside` tasks returned."""
    tasks = [lambda: write_exports(job), *beside]
    if not can_fork():
        return [render_edition(job, lang) for lang in LANGS], [task() for task in tasks]
    with fork_pool(len(LANGS), shared=job) as pool:
        # Both workers are forked by now: the threads below are not in them.
        results = pool.map(_render_forked, LANGS)
        outcomes: list[Any] = [None] * len(tasks)
        threads = [threading.Thread(target=_capture, args=(task, outcomes, i)) for i, task in enumerate(tasks)]
        for thread in threads:
            thread.start()
        done = list(results)
        for thread in threads:
            thread.join()
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    return done, outcomes


def _capture(task: Callable[[], Any], outcomes: list[Any], index: int) -> None:
    try:
        outcomes[index] = task()
    except BaseException as exc:  # re-raised by render_editions, in its own thread
        outcomes[index] = exc


def read_assets(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {
        f"assets/briefing/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
