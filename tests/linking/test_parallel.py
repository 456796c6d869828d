"""Work split over processes gives exactly what one process gives."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus import write_corpus
from generator.linking import link as linking
from generator.core.diagnostics import Report
from generator.content.loader import load


def test_parallel_linking_equals_one_process(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "corpus"
    threshold = linking.PARALLEL_FROM
    write_corpus(project, threshold + 20, seed=3)
    corpus = load(project, Report())
    parallel_report, single_report = Report(), Report()
    parallel = linking.link(corpus, parallel_report)
    monkeypatch.setattr(linking, "PARALLEL_FROM", 10**9)
    single = linking.link(corpus, single_report)
    assert len(parallel.briefings) == len(corpus.briefings) > threshold
    assert parallel.briefings == single.briefings
    assert parallel_report.items == single_report.items
    assert any(lb.mentioned for lb in parallel.briefings)
