"""Work that `briefing build` keeps in .build/ for the next run, so that a
rebuild after an edit redoes only what the edit changed.

- .build/cache/state.pickle: parsed files and linked briefings (see
  build.Caches), valid for one `code_key`. (Rendered pages are kept in each
  edition's archive, .build/<lang>/pages.pickle: see editions.py.)
- .build/cache/site.json: what the current site/ was built from (the engine
  key, each page's digest, the folder's identity). When it still matches,
  the next build updates a hard-linked copy of site/ with a dirty MkDocs run
  that renders only the pages whose digest changed.

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

from .writer import replace_file, replacing

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


def dump_keyed(path: Path, key: str, value: Any) -> None:
    """`value` pickled after `key` (streamed: no second copy of it in memory)."""
    with replacing(path) as f:
        pickle.dump(key, f)
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)


def load_keyed(path: Path, key: Optional[str]) -> Optional[Any]:
    """What dump_keyed stored under `key` (under any key with None); None when missing, damaged or other."""
    try:
        with open(path, "rb") as f:
            # The key comes first, on its own: other code's work is not read.
            if pickle.load(f) != key and key is not None:
                return None
            return pickle.load(f)
    except _UNREADABLE:  # a damaged or foreign file only makes a slower build
        return None


def restore(build: Path, key: str) -> Optional[Any]:
    """The caches stored under `key`, or None."""
    return load_keyed(_cache_dir(build) / "state.pickle", key)


def store(build: Path, key: str, caches: Any) -> None:
    dump_keyed(_cache_dir(build) / "state.pickle", key, caches)


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
    replace_file(_cache_dir(build) / "site.json", json.dumps(raw).encode())


def forget_site_record(build: Path) -> None:
    (_cache_dir(build) / "site.json").unlink(missing_ok=True)


def write_json(path: Path, value: Any) -> None:
    replace_file(path, json.dumps(value, ensure_ascii=False).encode())


def engine_key(code: str, epoch: int, configs: Mapping[str, bytes]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{code} {epoch}".encode())
    for lang in sorted(configs):
        digest.update(lang.encode() + b"\0" + configs[lang] + b"\0")
    return digest.hexdigest()
