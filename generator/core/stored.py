"""Stored work: what `briefing build` keeps in .build/ for the next run, and its format.

Everything a build reads back is data, never code: no pickle, no marshal,
nothing imported or evaluated. A damaged, foreign or missing file only makes
the next build slower; the site it gives is the same.

Files in the stored format (this module):

- .build/cache/state.msgpack (kind "state"): parsed content files and linked
  briefings, a buildstate.StoredState: `files`, one entry per briefing (both
  its files) or actor file, with its key, its files' names, modification
  times and sizes, the Briefing or Actor read (model.py; none if it did not
  load) and its messages; `names`, the actors and places the links were made
  with; `links`, per briefing (named by its `files` key) the linked HTML of
  its paragraphs and key points per language, its involved and mentioned
  actors and its messages.
- .build/<lang>/pages.msgpack (kind "pages"), one per edition: every page's
  Markdown with the digest of the view model it was rendered from
  (render.page_digest), as a map of docs path -> [digest, Markdown]
  (editions.py); the MkDocs hooks read the pages from it (on_files).

Each is a header followed by a MessagePack payload:

    offset  size  field
         0     8  magic b"BRIEFING"
         8     2  format version (big-endian); FORMAT below
        10     6  kind, ASCII, padded with NUL bytes
        16    16  code key (buildstate.code_key, as bytes): the code that wrote it
        32     8  payload length in bytes (big-endian)
        40    32  SHA-256 digest of the payload
        72     -  payload

A reader checks, before decoding anything, the magic, the version, the kind,
the code key (unless it takes any key: the hooks read the archive the same
build has just written), that the file holds exactly the payload's length,
and the payload's digest. Only then is the payload decoded, by msgspec, into
the expected types (frozen dataclasses of model.py, diagnostics.py and
buildstate.py; str, bytes, ints); anything else is refused. Any failure
means "nothing stored".

Other files, in JSON (read with json, checked field by field):

- .build/cache/site.json: what the current site/ was built from
  (buildstate.SiteRecord).
- .build/<lang>/changed.json: the pages a dirty engine run renders again,
  written before that run (and removed before a full one): never read back
  from an earlier build.

The rest of .build/<lang> (mkdocs.yml, docs/ with the search index) is made by
every build, where its bytes differ, before MkDocs reads it.

Compiled templates are not kept on disk: Jinja's bytecode cache loads with
marshal (and its header with pickle), and compiling costs little next to a
build (see benchmarks/RESULTS.md). Folders left by earlier versions
(.build/cache/templates, *.pickle files) are never read and are removed by
the next build.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import struct
from pathlib import Path
from typing import Any, Optional, TypeVar

import msgspec

from .writer import replacing

MAGIC = b"BRIEFING"
FORMAT = 1  # raise when the header or a payload's types change
HEADER = struct.Struct(">8sH6s16sQ32s")
STATE = "state"
PAGES = "pages"
# The payload of a pages archive: docs path -> (digest of the view model, Markdown).
Pages = dict[str, tuple[bytes, bytes]]

T = TypeVar("T")

_ENCODER = msgspec.msgpack.Encoder()
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # POSIX only


def _digest(payload: bytes | memoryview) -> bytes:
    # SHA-256 rather than BLAKE2b: processors with SHA extensions hash it
    # faster, and an edition's archive is read twice per build.
    return hashlib.sha256(payload).digest()


def _kind(kind: str) -> bytes:
    return kind.encode("ascii").ljust(6, b"\0")


def clear_way(path: Path) -> None:
    """Remove a folder or a link standing where a stored file goes (a file is replaced by the rename)."""
    if path.is_symlink():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def write(path: Path, kind: str, key: str, value: Any) -> None:
    """`value` in the stored format, replacing `path` whatever it was."""
    payload = _ENCODER.encode(value)
    header = HEADER.pack(MAGIC, FORMAT, _kind(kind), bytes.fromhex(key), len(payload), _digest(payload))
    clear_way(path)
    with replacing(path) as f:
        f.write(header)
        f.write(payload)


def read(path: Path, kind: str, key: Optional[str], expected: type[T]) -> Optional[T]:
    """What `write` stored there, decoded as `expected`; None when missing, damaged, foreign or of another shape.

    `key` None takes a file written by any code."""
    try:
        # Not blocking: a named pipe put there would otherwise wait for a writer forever.
        with open(os.open(path, os.O_RDONLY | _NONBLOCK), "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                return None
            size = info.st_size
            head = f.read(HEADER.size)
            if len(head) != HEADER.size:
                return None
            magic, version, stored_kind, stored_key, length, digest = HEADER.unpack(head)
            if magic != MAGIC or version != FORMAT or stored_kind != _kind(kind):
                return None
            if key is not None and stored_key != bytes.fromhex(key):
                return None
            if size != HEADER.size + length:
                return None
            payload = f.read(length)
    except (OSError, ValueError):  # missing, a folder, unreadable: nothing stored
        return None
    if len(payload) != length or _digest(payload) != digest:
        return None
    try:
        return msgspec.msgpack.decode(payload, type=expected)
    except (msgspec.DecodeError, ValueError, TypeError):  # right digest, wrong shape: written by other code
        return None
