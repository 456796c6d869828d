"""Smoke test of the benchmark (issue 7): a 50-briefing corpus, one real build and rebuild.

Wall-clock times are never asserted: only that every stage is reported, the
sizes are positive, the corpus is valid and the generator is deterministic.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import run as bench  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.siteparts import PARTS, part_of  # noqa: E402
from generator.build import Project, check  # noqa: E402
from generator.core.diagnostics import Report  # noqa: E402

N = 50


def _tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def size_result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bench.SizeResult]:
    out = tmp_path_factory.mktemp("bench")
    result = bench.run_size(N, out, seed=1, repeat=1, with_baseline=False, log=lambda message: None)
    return out / f"corpus-{N}", result


def test_report_has_every_stage_and_positive_sizes(size_result: tuple[Path, bench.SizeResult]) -> None:
    _project, result = size_result
    assert result.full is not None and result.rebuild is not None
    for stage in bench.ALL_STAGES:
        assert stage in result.full["stages"], stage
        assert result.full["stages"][stage] >= 0
    assert result.full["errors"] == 0
    assert result.pages > 2 * N
    assert result.site_mb and result.site_mb > 0
    assert result.search_mb["en"] > 0 and result.search_mb["ar"] > 0
    assert result.full["peak_self_mb"] > 0 and result.full["peak_engine_process_mb"] > 0
    assert result.rebuild_page_updated is True
    assert result.baseline is None
    text = bench.report([result], "python -m benchmarks.run --sizes 50 --no-baseline", bench.machine_info())
    for stage in bench.ALL_STAGES:
        assert f"| {stage} (s) |" in text


def test_site_bytes_by_part_add_up_to_the_site(size_result: tuple[Path, bench.SizeResult]) -> None:
    _project, result = size_result
    assert list(result.site_parts) == list(PARTS)
    assert all(result.site_parts[part] > 0 for part in PARTS), result.site_parts
    # site_mb is measured apart (os.walk and lstat): the parts hold every byte of it, once.
    assert result.site_mb is not None
    assert abs(sum(result.site_parts.values()) - result.site_mb * 1e6) < 1
    text = bench.report([result], "python -m benchmarks.run --sizes 50 --no-baseline", bench.machine_info())
    for part in PARTS:
        row = next(line for line in text.splitlines() if line.startswith(f"| site/ per briefing: {part}, both editions"))
        per_briefing, in_all = row.split("|")[2].split()
        assert float(per_briefing) == round(result.site_parts[part] / N / 1e3, 1)
        assert in_all == f"({result.site_parts[part] / 1e6:.1f})"


def test_each_file_of_the_site_has_its_part() -> None:
    assert part_of("briefings/some-slug/index.html") == "briefing pages"
    assert part_of("ar/briefings/some-slug/index.html") == "briefing pages"
    assert part_of("briefings/index.html") == "the rest"
    assert part_of("ar/actors/ali-shamkhani/index.html") == "actor pages"
    assert part_of("actors/index.html") == "the rest"
    assert part_of("ar/search/search_index.json") == "search"
    assert part_of("assets/javascripts/workers/search.js") == "the rest"
    assert part_of("data/events.json") == "data/"
    assert part_of("ar/index.html") == "the rest"
    assert part_of("404.html") == "the rest"


def test_corpus_passes_check_without_errors(size_result: tuple[Path, bench.SizeResult]) -> None:
    project, _result = size_result
    report = Report()
    assert check(Project(project), report) is not None
    assert report.errors == []
    assert len(report.warnings) <= 2, [item.format() for item in report.warnings]


def test_generator_is_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", N, seed=7)
    write_corpus(tmp_path / "b", N, seed=7)
    write_corpus(tmp_path / "c", N, seed=8)
    first = _tree(tmp_path / "a" / "content")
    assert len([p for p in first if p.startswith("briefings/")]) >= N
    assert first == _tree(tmp_path / "b" / "content")
    assert first != _tree(tmp_path / "c" / "content")


def test_corpus_refuses_to_overwrite_a_real_project(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "keep.md").write_text("mine")
    with pytest.raises(SystemExit):
        write_corpus(tmp_path, 5)
    assert (tmp_path / "content" / "keep.md").read_text() == "mine"
