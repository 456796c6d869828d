"""Work that `briefing build` keeps in .build/ for the next run, so that a
rebuild after an edit redoes only what the edit changed.

- .build/cache/state.pickle: parsed files, linked briefings and the page
  cache (see build.Caches), valid for one `code_key`.
- .build/cache/site.json: what the current site/ was built from (the engine
  key, each edition's pages, the folder's identity). When it still matches,
  the next build updates a hard-linked copy of site/ with a dirty MkDocs run
  instead of rendering every page again.

Any file that is missing, unreadable or from other code is ignored, and the
build starts from nothing. They are the project's own build output, written
and read by the same code, like the .pyc files beside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Mapping, Optional

FORMAT = 1  # raise when what is stored changes shape
PACKAGE = Path(__file__).resolve().parent
# What unpickling a truncated, damaged or older file can raise.
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError, ValueError)


def code_key(root: Path) -> str:
    """A digest of everything besides content/ that a stored result depends on."""
    digest = hashlib.blake2b(digest_size=16)
    versions = [metadata.version(name) for name in ("mkdocs", "mkdocs-material", "jinja2", "markdown", "nh3", "pyahocorasick", "pyyaml")]
    digest.update(repr((FORMAT, sys.version, versions, os.environ.get("BRIEFING_SITE_URL", ""))).encode())
    for folder in (PACKAGE, root / "templates"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    config = root / "mkdocs.yml"
    if config.is_file():
        digest.update(config.read_bytes())
    return digest.hexdigest()


def _cache_dir(build: Path) -> Path:
    return build / "cache"


def restore(build: Path, key: str) -> Optional[Any]:
    """The caches stored under `key`, or None."""
    try:
        with open(_cache_dir(build) / "state.pickle", "rb") as f:
            # The key comes first, on its own: other code's caches are not read.
            if pickle.load(f) != key:
                return None
            return pickle.load(f)
    except _UNREADABLE:  # a damaged or foreign cache only makes a slower build
        return None


def encode(key: str, caches: Any) -> bytes:
    return pickle.dumps(key) + pickle.dumps(caches, protocol=pickle.HIGHEST_PROTOCOL)


def store(build: Path, data: bytes) -> None:
    _write(_cache_dir(build) / "state.pickle", data)


@dataclass(frozen=True)
class SiteRecord:
    """What site/ was built from; a dirty engine run may start from it only while this holds."""

    engine_key: str
    pages: Mapping[str, frozenset[str]]  # edition -> its docs files
    folder: tuple[int, int]  # (st_dev, st_ino) of site/: another site/ is another build

    def same_folder(self, site: Path) -> bool:
        try:
            info = site.stat()
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self.folder

    def allows_update(self, engine_key: str, pages: Mapping[str, frozenset[str]], site: Path) -> bool:
        # A page gone since would linger in an updated copy: start afresh then.
        return (
            self.engine_key == engine_key
            and self.same_folder(site)
            and all(self.pages.get(lang, frozenset()) <= pages.get(lang, frozenset()) for lang in self.pages)
        )


def read_site_record(build: Path) -> Optional[SiteRecord]:
    try:
        raw = json.loads((_cache_dir(build) / "site.json").read_text(encoding="utf-8"))
        return SiteRecord(raw["engine_key"], {k: frozenset(v) for k, v in raw["pages"].items()}, tuple(raw["folder"]))
    except (OSError, ValueError, KeyError, TypeError):  # no record: a full engine run
        return None


def write_site_record(build: Path, engine_key: str, pages: Mapping[str, frozenset[str]], site: Path) -> None:
    info = site.stat()
    raw = {"engine_key": engine_key, "pages": {k: sorted(v) for k, v in pages.items()}, "folder": [info.st_dev, info.st_ino]}
    _write(_cache_dir(build) / "site.json", json.dumps(raw).encode())


def forget_site_record(build: Path) -> None:
    (_cache_dir(build) / "site.json").unlink(missing_ok=True)


def engine_key(code: str, epoch: int, configs: Mapping[str, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code} {epoch}".encode())
    for lang in sorted(configs):
        digest.update(lang.encode() + b"\0" + configs[lang] + b"\0")
    return digest.hexdigest()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
