"""Single-process timings of linking, event merging and timeline rendering on a generated corpus.

    python -m benchmarks.corpus --out benchmarks/out/corpus-1000 --briefings 1000
    python -m benchmarks.stages benchmarks/out/corpus-1000
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from generator.linking import link as linking
from generator.core.diagnostics import Report
from generator.linking.events import merge
from generator.content.loader import load
from generator.output.render import environment
from generator.output.render import render_page
from generator.views.timeline_pages import timeline_pages

REPO = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    root = Path(argv[0]).resolve()
    report = Report()
    corpus = load(root, report)
    linking.PARALLEL_FROM = 10**9  # one process: the cost per briefing
    started = time.perf_counter()
    site = linking.link(corpus, report)
    link_s = time.perf_counter() - started
    started = time.perf_counter()
    timeline = merge(corpus.briefings, Report())
    merge_s = time.perf_counter() - started
    env = environment(REPO / "templates" / "pages")
    started = time.perf_counter()
    pages = 0
    for lang in ("en", "ar"):
        for page in timeline_pages(site, lang):
            render_page(env, page, lang)
            pages += 1
    timeline_s = time.perf_counter() - started
    count = len(corpus.briefings)
    print(
        f"{count} briefings, {len(corpus.actors)} actors, {len(timeline.events)} events: "
        f"link {link_s:.2f}s ({link_s / count * 1000:.2f}s per 1,000), merge {merge_s:.3f}s, "
        f"{pages} timeline pages rendered in {timeline_s:.2f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
