"""A reader of the search index's files in Python, for tests: what the browser's script does, plainly.

It follows docs/search.md and nothing else (not the writer's code), so a test
that finds a page through it shows the files hold what the format promises.
"""

from __future__ import annotations

import bisect
import gzip
import json
from typing import Mapping

from generator.text.searchforms import query_words


class IndexFiles:
    def __init__(self, files: Mapping[str, bytes]) -> None:
        self.files = files
        self.entry = json.loads(files["index.json"])

    def _json(self, path: str) -> object:
        return json.loads(gzip.decompress(self.files[path]))

    def shard_of(self, term: str) -> int:
        return bisect.bisect_right(self.entry["shards"], term) - 1

    def postings(self, term: str) -> dict[int, int]:
        """Document id -> weight, for the documents holding `term`."""
        shard = self._json(f"t/{self.shard_of(term)}.json.gz")
        assert isinstance(shard, dict)
        coded = shard.get(term, [])
        out, doc = {}, 0
        for i in range(0, len(coded), 2):
            doc = coded[i] if i == 0 else doc + coded[i]
            out[doc] = coded[i + 1]
        return out

    def terms_starting(self, prefix: str) -> list[str]:
        first = self.shard_of(prefix)
        out = []
        for i in range(first, len(self.entry["shards"])):
            if i > first and not self.entry["shards"][i].startswith(prefix) and self.entry["shards"][i] > prefix:
                break
            shard = self._json(f"t/{i}.json.gz")
            assert isinstance(shard, dict)
            out += [term for term in shard if term.startswith(prefix)]
        return out

    def doc(self, doc_id: int) -> list[str]:
        chunk = self._json(f"d/{doc_id // self.entry['chunk']}.json.gz")
        assert isinstance(chunk, list)
        return chunk[doc_id % self.entry["chunk"]]

    def search(self, query: str) -> list[str]:
        """URLs of the documents holding every word of the query (prefix words: any term they begin)."""
        found: set[int] | None = None
        for word in query_words(query):
            terms = self.terms_starting(word) if len(word) >= self.entry["rules"]["min_prefix"] else [word]
            docs = set().union(*(self.postings(term) for term in terms)) if terms else set()
            found = docs if found is None else found & docs
        return sorted(self.doc(doc_id)[0] for doc_id in (found or set()))
