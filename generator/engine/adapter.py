"""Stage 6: hand each edition to MkDocs (in parallel processes, runs.py), then swap the site in.

The engine sees plain Markdown and a small per-edition config inheriting the
project's mkdocs.yml: each edition gets its own search index, and the output
stays engine-neutral. Search is the generator's own (docs/search.md):
Material's search plugin is never run, and `search` in the project's plugins
only says that the site has search.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Iterable, Mapping
from urllib.parse import urlsplit

import yaml

from ..core import urls
from ..core.diagnostics import Report
from .configfile import key_line, load_config_values
from .choice import CONFIG_KEY, DEFAULT, Engine, ENGINES, unknown_engine_message
from ..core.forks import can_fork, fork_process
from ..views.i18n import EDITION_NAMES, STRINGS, t
from ..content.reading import Limits
from ..content.model import LANGS, Bilingual, other

HOOKS = Path(__file__).with_name("mkdocs_hooks.py")
SEARCH_FOLDER = "search"  # per edition, in its docs: the index (output/searchshards.py)
SEARCH_PLUGINS = ("search", "material/search")
SEARCH_SCRIPT = "search.js"  # in templates/assets/, published under assets/briefing/
PAGES_ARCHIVE = "pages.msgpack"  # per edition: every page's Markdown (editions.py, stored.py)
CHANGED = "changed.json"  # per edition: the pages a dirty engine run renders again
LOCALES = {"en": "en_GB", "ar": "ar_AR"}
# Interface strings the theme overrides use (404.html), in the edition's language:
# written into the generated config, so that no engine hook has to compute them.
THEME_STRINGS = ("page_not_found", "page_not_found_text", "all_briefings")
NAV = ("home", "briefings", "actors", "timeline", "network", "topics", "places")
NAV_PATHS = {
    "home": "index.md",
    "briefings": "briefings/index.md",
    "actors": "actors/index.md",
    "timeline": "timeline/index.md",
    "network": "network/index.md",
    "topics": "topics/index.md",
    "places": "places/index.md",
}


@dataclass(frozen=True)
class SiteConfig:
    site_name: Bilingual
    site_url: str  # "" when not set
    plugins: tuple[Any, ...]
    limits: Limits = Limits()
    engine: Engine = DEFAULT  # extra.briefing.engine, unless the command line names one
    # A page per file in .build/<lang>/docs (`build --pages-as-files`), which
    # any engine reading mkdocs.yml can build, instead of the pages archive
    # that only our hooks read.
    pages_as_files: bool = False

    @property
    def search(self) -> bool:
        """Whether the site has search: the project lists the search plugin (the default)."""
        return any(_plugin_name(plugin) in SEARCH_PLUGINS for plugin in self.plugins)


def _file_version(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return ""  # no such file: the site fails the same way without a version


def _plugin_name(plugin: Any) -> str:
    return plugin if isinstance(plugin, str) else next(iter(plugin))


_FALLBACK = SiteConfig(Bilingual("Briefings", "إحاطات"), "", ("search",))


def read_config(path: Path, report: Report) -> SiteConfig:
    try:
        raw = load_config_values(path)
    except FileNotFoundError:
        report.error(path.name, 0, "mkdocs.yml is missing: the site needs its configuration")
        return _FALLBACK
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        report.error(path.name, mark.line + 1 if mark else 0, f"YAML syntax error: {getattr(exc, 'problem', exc)}")
        return _FALLBACK
    names = (raw.get("extra") or {}).get("site_name") or {}
    default = raw.get("site_name") or "Briefings"
    # CI knows the published address (GitHub Pages' base_url) better than the file.
    site_url = os.environ.get("BRIEFING_SITE_URL") or raw.get("site_url") or ""
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    engine = _engine(raw)
    if engine is None:
        report.error(path.name, key_line(path, CONFIG_KEY), unknown_engine_message(_configured_engine(raw)))
    return SiteConfig(
        Bilingual(names.get("en", default), names.get("ar", default)),
        site_url,
        tuple(raw.get("plugins") or ("search",)),
        _limits(raw),
        engine or DEFAULT,
    )


def read_engine(path: Path) -> Engine:
    """extra.briefing.engine alone, for `check` and `status` (problems are read_config's to report)."""
    try:
        raw = load_config_values(path)
    except (OSError, yaml.YAMLError):
        return DEFAULT
    return _engine(raw) or DEFAULT


def _configured_engine(raw: Any) -> Any:
    value = raw
    for key in CONFIG_KEY:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _engine(raw: Any) -> Engine | None:
    """The engine mkdocs.yml names (the default when it names none); None when it names an unknown one."""
    value = _configured_engine(raw)
    if value is None:
        return DEFAULT
    return ENGINES.get(value) if isinstance(value, str) else None


def read_limits(path: Path) -> Limits:
    """extra.limits alone, for `check`, which needs no other setting (problems are read_config's to report)."""
    try:
        raw = load_config_values(path)
    except (OSError, yaml.YAMLError):
        return Limits()
    return _limits(raw)


def _limits(raw: Any) -> Limits:
    values = ((raw.get("extra") or {}).get("limits") or {}) if isinstance(raw, dict) else {}
    known = {k: int(v) for k, v in values.items() if k in Limits.__dataclass_fields__ and isinstance(v, int) and v > 0}
    return Limits(**known)


def nav_for(lang: str, present: set[str]) -> list[dict[str, str]]:
    return [{STRINGS[key][lang]: NAV_PATHS[key]} for key in NAV if NAV_PATHS[key] in present]


def _plugins(config: SiteConfig) -> list[Any]:
    # The site's search is written by the generator; Material's would fetch its
    # whole index on every page view.
    return [plugin for plugin in config.plugins if _plugin_name(plugin) not in SEARCH_PLUGINS]


def edition_config(root: Path, build: Path, config: SiteConfig, lang: str, present: set[str]) -> dict[str, Any]:
    peer = other(lang)
    site_url = config.site_url + urls.edition_root(lang) if config.site_url else ""
    other_site_url = config.site_url + urls.edition_root(peer) if config.site_url else ""
    return {
        "INHERIT": str((root / "mkdocs.yml").resolve()),
        "site_name": config.site_name.get(lang),
        "site_url": site_url or None,
        "site_description": t("site_description", lang),
        "docs_dir": "docs",
        # No site_dir: run_editions names the output folder of each run.
        "theme": {"language": lang, "custom_dir": str((root / "templates" / "overrides").resolve())},
        "nav": nav_for(lang, present),
        # The nav holds the section pages; the pages inside a section are
        # reached from it, deliberately outside the nav: MkDocs need not say so.
        "not_in_nav": "/*/*.md\n/*/*/*.md",
        "plugins": _plugins(config),
        "hooks": [str(HOOKS.resolve())],
        "extra_css": ["assets/briefing/briefing.css"],
        "extra": {
            # Truthy so Material's header includes partials/alternate.html (our switcher).
            "alternate": [{"name": EDITION_NAMES[x], "lang": x} for x in LANGS],
            "briefing": {
                "edition": lang,
                # Which engine builds this config (runs.run_edition reads it back).
                "engine": config.engine.name,
                "other": peer,
                "other_name": EDITION_NAMES[peer],
                "other_prefix": urls.relative(urls.edition_root(lang), urls.edition_root(peer)),
                "switch_label": STRINGS["switch_to"][peer],
                "site_url": site_url,
                # The edition's root as an absolute path, where error pages (served at any depth) start their links.
                "error_root": urlsplit(site_url).path if site_url else ("/ar/" if lang == "ar" else "/"),
                "other_site_url": other_site_url,
                "strings": {key: t(key, lang) for key in THEME_STRINGS},
                "locale": LOCALES[lang],
                "other_locale": LOCALES[peer],
                # Read by partials/alternate.html: the header's search button.
                "search": config.search,
                # In the script's address, so that a browser holding an older copy fetches the new one.
                "search_version": _file_version(root / "templates" / "assets" / SEARCH_SCRIPT),
                # Where the hooks find the pages: the archive, or the files in docs/ (SiteConfig.pages_as_files).
                **({"pages_in_docs": True} if config.pages_as_files
                   else {"pages": str((build / lang / PAGES_ARCHIVE).resolve())}),
                "changed": str((build / lang / CHANGED).resolve()),
            },
        },
    }


def clone_tree(source: Path, target: Path) -> None:
    """`target` becomes a copy of `source` made of hard links (copies where links fail).

    Safe because nothing rewrites a file in place: the hooks make MkDocs
    write through new files and renames."""
    for dirpath, _dirnames, filenames in os.walk(source, onerror=_raise):
        rel = os.path.relpath(dirpath, source)
        here = target if rel == "." else target / rel
        here.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            src = os.path.join(dirpath, name)
            try:
                os.link(src, here / name)
            except OSError:
                shutil.copy2(src, here / name)


def _raise(error: OSError) -> None:
    # os.walk skips a folder it cannot read: an incomplete copy must fail instead.
    raise error


def swap_in(build: Path, stage: Path, site: Path) -> None:
    """Replace site/ by `stage` with renames.

    The previous site goes to .build/trash, emptied by the next build while
    it works (start_folder_work): deleting 10,000 files here cost half a second.
    """
    if site.exists():
        trash = build / "trash"
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(site, trash / f"site-{os.getpid()}-{time.time_ns()}")
    os.replace(stage, site)


class FolderWork:
    """Disk work done in the background while the CPU-bound stages run (start_folder_work).

    In a process of its own where fork exists. In a thread, each of its
    thousands of short system calls waited for the interpreter lock, which
    loading holds: making 5,000 folders took 4.5 s instead of 0.2 s, and the
    build waited for them."""

    def __init__(self, build: Path, site: Path, clone: bool, folders: Callable[[], Iterable[str]]) -> None:
        self.build, self.site, self.clone, self.folders = build, site, clone, folders
        self._ready: Any  # set when the copy or the folders are made
        self._failed: Any  # .value 1: they are not (wholly) made, and a copy must not be updated
        self._worker: threading.Thread | multiprocessing.process.BaseProcess
        if can_fork():
            context = multiprocessing.get_context("fork")
            self._ready, self._failed = context.Event(), context.Value("b", 0, lock=False)
        else:
            self._ready, self._failed = threading.Event(), SimpleNamespace(value=0)

    @property
    def failed(self) -> bool:
        return bool(self._failed.value)

    def start(self) -> None:
        if can_fork():
            self._worker = fork_process(self._run, name="folder-work")
        else:
            self._worker = threading.Thread(target=self._run)
            self._worker.start()

    def wait(self) -> None:
        """Until the copy or the folders are made, or the worker ended without making them (then it failed)."""
        while not self._ready.wait(0.2):
            if not self._worker.is_alive():
                if not self._ready.is_set():
                    self._failed.value = 1
                return

    def join(self) -> None:
        self._worker.join()

    def _run(self) -> None:
        try:
            for stale in (self.build / "stage", self.build / "out"):
                if stale.exists():
                    shutil.rmtree(stale)
            if self.clone:
                clone_tree(self.site, self.build / "stage")
            else:
                for rel in self.folders():
                    for lang in LANGS:
                        os.makedirs(self.build / "out" / lang / rel, exist_ok=True)
        except Exception:  # noqa: BLE001 - whatever went wrong, only time is lost
            # A full engine run, which makes its folders itself.
            self._failed.value = 1
        finally:
            self._ready.set()
        shutil.rmtree(self.build / "trash", ignore_errors=True)


def start_folder_work(build: Path, site: Path, clone: bool, folders: Callable[[], Iterable[str]]) -> FolderWork:
    """Start the disk work a build needs before its engine runs.

    When the engine may update site/, copies it into .build/stage (hard
    links). Otherwise makes the folders of the pages MkDocs will write
    (`folders`, per edition, in .build/out/<lang>): creating a folder cost
    this machine as much as rendering a page, and here it runs on the core
    that loading leaves idle. Then deletes earlier sites from .build/trash.
    In that order: the first is what the build waits for (FolderWork.wait)."""
    work = FolderWork(build, site, clone, folders)
    work.start()
    return work


def epoch_for(latest: dt.date | None) -> int:
    if latest is None:
        return 0
    return int(dt.datetime(latest.year, latest.month, latest.day, tzinfo=dt.timezone.utc).timestamp())


def dump_config(config: Mapping[str, Any]) -> bytes:
    return (json.dumps(config, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
