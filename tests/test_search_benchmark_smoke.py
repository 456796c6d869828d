"""Smoke test of the search benchmark (issue 16): a small corpus, one real build, real Chromium.

Times are never asserted: only that the table has its rows, that a page
view fetches nothing of search, and that each query found a result.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import search as bench  # noqa: E402
from benchmarks import searchbrowser  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402

N = 20

if not searchbrowser.CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{searchbrowser.CHROMIUM} is missing: .ci/run installs Debian's chromium")
    pytest.skip(f"{searchbrowser.CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


def test_search_benchmark_on_a_small_corpus(tmp_path: Path) -> None:
    project = tmp_path / "corpus"
    write_corpus(project, N, seed=3)
    result = bench.measure_corpus(project, searchbrowser.OURS, build=True, max_queries=2, timeout_s=60,
                                  log=lambda message: None)
    assert result.briefings == N
    assert result.build_cpu_s and result.build_cpu_s > 0
    assert list(result.editions) == ["en", "ar"]
    for lang, edition in result.editions.items():
        # Nothing of search is fetched before the reader opens it.
        assert edition.view.search_bytes == 0, (lang, edition.view.search_requests)
        assert edition.view.total_bytes > 0
        assert len(edition.queries) == 2
        for run in edition.queries:
            assert run.search_bytes > 0 and run.requests > 0, (lang, run.query)
            assert run.first_result_s is not None and run.result_text, (lang, run.query)
        assert edition.index is not None and edition.index["files"] > 0
        assert edition.on_disk[1] == edition.index["files"]
    table = bench.corpus_table(result)
    for row in ("search bytes on a page view without search", "search bytes, navigation to first result",
                "last keystroke to first result", "page + worker memory for search", "search/ on disk",
                "indexing: CPU", "indexing: peak RSS"):
        assert sum(line.startswith(f"| {row}") for line in table.splitlines()) == 1, row
    view_row = next(line for line in table.splitlines() if line.startswith("| search bytes on a page view"))
    assert view_row.split("|")[2].strip().startswith("0 KB") and view_row.split("|")[3].strip().startswith("0 KB")
    assert sum(line.startswith(("| en | ", "| ar | ")) for line in table.splitlines()) == 4
