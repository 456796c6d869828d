"""What `briefing build` keeps for the next run, so that a rebuild after an
edit redoes only what the edit changed: parsed and linked briefings
(StoredState, in .build/cache/state.msgpack) and the record of what site/ was
built from (SiteRecord, .build/cache/site.json). The format of every stored
file, and how it is checked, is described in stored.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping, Optional

from .core import stored
from .core.diagnostics import Diagnostic
from .engine.adapter import read_engine
from .engine.choice import Engine, engine_version
from .linking.link import LinkCache
from .linking.linked import LinkedBriefing, LinkedDoc
from .content.loader import FileCache
from .content.model import Actor, Briefing, Term
from .output.render import PageCache
from .core.writer import replace_file

PACKAGE = Path(__file__).resolve().parent
STATE_FILE = "cache/state.msgpack"
# Stored work of earlier versions (pickles, compiled templates): never read,
# removed by the next build.
OLD_FILES = ("cache/state.pickle", "cache/templates", "en/pages.pickle", "ar/pages.pickle")


def code_key(root: Path, engine: Optional[Engine] = None) -> str:
    """A digest of everything besides content/ that a stored result depends on.

    The engine's name and version are part of it (by default the engine
    mkdocs.yml names): a build with another engine reuses no stored page and
    never updates a site the other built."""
    engine = engine or read_engine(root / "mkdocs.yml")
    digest = hashlib.blake2b(digest_size=16)
    versions = [metadata.version(name) for name in ("mkdocs-material", "jinja2", "markdown", "nh3",
                                                    "pyahocorasick", "pyyaml", "msgspec")]
    engine_id = (engine.name, engine_version(engine))
    digest.update(repr((stored.FORMAT, sys.version, engine_id, versions, os.environ.get("BRIEFING_SITE_URL", ""))).encode())
    for folder in (PACKAGE, root / "templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    config = root / "mkdocs.yml"
    if config.is_file():
        digest.update(config.read_bytes())
    return digest.hexdigest()


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


# What the state file holds: plain values and the model's frozen dataclasses.


@dataclass(frozen=True)
class StoredFile:
    """A FileCache entry: one briefing (both files) or one actor file."""

    key: str
    stamp: tuple[str | int, ...]  # file names, modification times and sizes
    briefing: Optional[Briefing]
    actor: Optional[Actor]  # both None: the file(s) did not load
    problems: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class StoredLink:
    """A LinkCache entry, without its briefing: that is the StoredFile's named `file`."""

    file: str
    docs: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]  # lang -> (paragraphs, key points) as linked HTML
    involved: tuple[str, ...]
    mentioned: tuple[str, ...]
    problems: tuple[Diagnostic, ...]


Names = tuple[tuple[tuple[str, Actor], ...], tuple[tuple[str, Term], ...]]


@dataclass(frozen=True)
class StoredState:
    files: tuple[StoredFile, ...]
    names: Optional[Names]  # the actors and places the links were made with (LinkCache)
    links: tuple[StoredLink, ...]


def to_stored(caches: Caches) -> StoredState:
    files = []
    file_of: dict[int, str] = {}  # id of a Briefing -> its file entry's key
    for key, (stamp, value, problems) in caches.files.entries().items():
        briefing = value if isinstance(value, Briefing) else None
        actor = value if isinstance(value, Actor) else None
        if value is not None and briefing is None and actor is None:
            continue  # nothing else is cached; were it, it is parsed again
        if briefing is not None:
            file_of[id(briefing)] = key
        files.append(StoredFile(key, stamp, briefing, actor, tuple(problems)))
    names, entries = caches.links.entries()
    links = []
    for briefing, (linked, problems) in entries.items():
        file = file_of.get(id(briefing))
        if file is None:
            continue  # linked again when next seen
        docs = {lang: (doc.paragraphs, doc.summary) for lang, doc in linked.docs.items()}
        links.append(StoredLink(file, docs, linked.involved, linked.mentioned, tuple(problems)))
    return StoredState(tuple(files), names, tuple(links))  # type: ignore[arg-type]


def from_stored(state: StoredState) -> Caches:
    entries: dict[str, tuple[tuple[Any, ...], Any, list[Diagnostic]]] = {}
    for f in state.files:
        entries[f.key] = (f.stamp, f.briefing or f.actor, list(f.problems))
    linked: dict[Briefing, tuple[LinkedBriefing, list[Diagnostic]]] = {}
    for entry in state.links:
        briefing = entries.get(entry.file, ((), None, []))[1]
        if not isinstance(briefing, Briefing):
            continue
        docs = {}
        for lang, (paragraphs, summary) in entry.docs.items():
            doc = briefing.document(lang)
            if doc is None:
                break
            docs[lang] = LinkedDoc(doc, paragraphs, summary)
        else:
            linked[briefing] = (LinkedBriefing(briefing, docs, entry.involved, entry.mentioned), list(entry.problems))
    return Caches(FileCache.restored(entries), LinkCache.restored(state.names, linked))


def restore(build: Path, key: str) -> Optional[Caches]:
    """The caches stored by code with `key`, or None."""
    state = stored.read(build / STATE_FILE, stored.STATE, key, StoredState)
    return from_stored(state) if state is not None else None


def store(build: Path, key: str, caches: Caches) -> None:
    stored.write(build / STATE_FILE, stored.STATE, key, to_stored(caches))
    for rel in OLD_FILES:
        forget(build / rel)


def _cache_dir(build: Path) -> Path:
    return build / "cache"


def forget(path: Path) -> None:
    """`path` gone, whatever it was (a file, a folder, a link)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class SiteRecord:
    """What site/ was built from; a dirty engine run may start from a copy of it while this holds."""

    engine_key: str
    digests: Mapping[str, Mapping[str, bytes]]  # edition -> page path -> digest of its view model
    folder: tuple[int, int]  # (st_dev, st_ino) of site/: another site/ is another build

    def same_folder(self, site: Path) -> bool:
        try:
            info = site.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self.folder


def read_site_record(build: Path) -> Optional[SiteRecord]:
    try:
        raw = json.loads((_cache_dir(build) / "site.json").read_text(encoding="utf-8"))
        digests = {lang: {path: bytes.fromhex(d) for path, d in pages.items()} for lang, pages in raw["digests"].items()}
        return SiteRecord(raw["engine_key"], digests, (int(raw["folder"][0]), int(raw["folder"][1])))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):  # no record: a full engine run
        return None


def write_site_record(build: Path, engine_key: str, digests: Mapping[str, Mapping[str, bytes]], site: Path) -> None:
    info = site.stat()
    raw = {
        "engine_key": engine_key,
        "digests": {lang: {path: d.hex() for path, d in sorted(pages.items())} for lang, pages in sorted(digests.items())},
        "folder": [info.st_dev, info.st_ino],
    }
    write_json(_cache_dir(build) / "site.json", raw)


def forget_site_record(build: Path) -> None:
    forget(_cache_dir(build) / "site.json")


def write_json(path: Path, value: Any) -> None:
    stored.clear_way(path)
    replace_file(path, json.dumps(value, ensure_ascii=False).encode())


def engine_key(code: str, epoch: int, configs: Mapping[str, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code} {epoch}".encode())
    for lang in sorted(configs):
        digest.update(lang.encode() + b"\0" + configs[lang] + b"\0")
    return digest.hexdigest()
