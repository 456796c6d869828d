"""An edition's search index as files: an entry, shards of terms, fragments of documents (pure).

A reader's browser fetches the entry when search is opened, then only the
shards holding the query's terms and the fragments of the results it shows
(docs/search.md has the format; templates/assets/search.js reads it).
Shards are runs of consecutive terms, so the terms a prefix begins are in
neighbouring shards, and each holds about `shard_bytes` of postings, so a
frequent term costs one shard and a rare one a small shard. Files are gzip
with no timestamp: the same documents give the same bytes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..text.searchforms import index_terms, query_rules
from ..views.i18n import t
from .searchindex import SearchDoc

FORMAT_VERSION = 1
ENTRY = "index.json"
# The search panel's words (templates/assets/search.js): by their names there, the i18n key of each.
PANEL_STRINGS = {
    "placeholder": "search_placeholder",
    "reset": "search_reset",
    "prompt": "search_prompt",
    "none": "search_none",
    "one": "search_one",
    "other": "search_other",
    "more": "search_more",
    "capped": "search_capped",
}
MAX_TF = 127


@dataclass(frozen=True)
class ShardSizes:
    """How the index is cut: postings per shard (bytes of JSON, before gzip) and documents per fragment file."""

    shard_bytes: int = 48_000
    chunk: int = 8


def postings(docs: Sequence[SearchDoc]) -> dict[str, list[int]]:
    """Each term's flat list of (document id, weight) pairs, ids ascending (not yet delta-coded)."""
    out: dict[str, list[int]] = {}
    for doc_id, doc in enumerate(docs):
        in_title = index_terms(doc.title)
        counts = index_terms(doc.text)
        counts.update(in_title)
        for term, count in counts.items():
            weight = 2 * count if count <= MAX_TF else 2 * MAX_TF
            pairs = out.get(term)
            if pairs is None:
                out[term] = [doc_id, weight + 1 if term in in_title else weight]
            else:
                pairs += (doc_id, weight + 1 if term in in_title else weight)
    return out


def _delta_coded(pairs: list[int]) -> list[int]:
    ids = pairs[0::2]
    coded = list(pairs)
    coded[2::2] = [later - earlier for earlier, later in zip(ids, ids[1:])]
    return coded


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _gzip(data: bytes) -> bytes:
    # Level 4: most of the index is the documents' text, and compressing it
    # was the index's largest cost; level 9 saves a few per cent of bytes for
    # several times the time (benchmarks/RESULTS.md, session 5).
    return gzip.compress(data, compresslevel=4, mtime=0)


def _shards(terms: Mapping[str, list[int]], shard_bytes: int) -> list[tuple[str, bytes]]:
    """(first term, JSON) of each shard; each term's entry is encoded once, and the shard is its entries joined."""
    shards: list[tuple[str, bytes]] = []
    entries: list[bytes] = []
    first, size = "", 0
    for term in sorted(terms):
        if not entries:
            first = term
        entries.append(_json(term) + b":" + _json(_delta_coded(terms[term])))
        size += len(entries[-1]) + 1
        if size >= shard_bytes:
            shards.append((first, b"{" + b",".join(entries) + b"}"))
            entries, size = [], 0
    if entries or not shards:
        shards.append((first, b"{" + b",".join(entries) + b"}"))
    return shards


def _chunks(docs: Sequence[SearchDoc], chunk: int) -> Iterable[list[list[str]]]:
    for start in range(0, len(docs), chunk):
        yield [[doc.location, doc.title, doc.text] for doc in docs[start:start + chunk]]


def search_files(docs: Sequence[SearchDoc], lang: str, sizes: ShardSizes = ShardSizes()) -> dict[str, bytes]:
    """The index's files, by path relative to the edition's search/ folder."""
    shards = _shards(postings(docs), sizes.shard_bytes)
    files = {f"t/{i}.json.gz": _gzip(shard) for i, (_first, shard) in enumerate(shards)}
    files.update({f"d/{i}.json.gz": _gzip(_json(chunk)) for i, chunk in enumerate(_chunks(docs, sizes.chunk))})
    stamp = hashlib.sha256()
    for path in sorted(files):
        stamp.update(path.encode() + b"\0" + hashlib.sha256(files[path]).digest())
    entry = {
        "version": FORMAT_VERSION,
        "lang": lang,
        "docs": len(docs),
        "chunk": sizes.chunk,
        "stamp": stamp.hexdigest()[:16],
        # The first shard starts at the smallest string there is, so every term has a shard.
        "shards": [""] + [first for first, _shard in shards[1:]],
        "rules": query_rules(),
        "strings": {name: t(key, lang) for name, key in PANEL_STRINGS.items()},
    }
    files[ENTRY] = _json(entry) + b"\n"
    return files
