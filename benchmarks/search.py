"""Search measured in Chromium, per edition, on built sites (project issue 16, item 2).

    python -m benchmarks.search PROJECT [PROJECT ...] [--build] [--material]
    python -m benchmarks.search --sizes 2000,10000 [--out benchmarks/out] [--seed 1]

For each project (a folder with content/ and a built site/; `--sizes N`
generates the corpus with benchmarks.corpus into OUT/corpus-N and builds it
through benchmarks.measure, as benchmarks.run does), the site is served from
127.0.0.1 under a sub-path with gzip like GitHub Pages (benchmarks.siteserver)
and each edition is measured in Chromium (benchmarks.searchbrowser): the
bytes of a page view without search, and for one-word queries chosen from the
corpus (benchmarks.searchcorpus) the bytes and the time to the first result
and the memory search holds. Building the index is measured in a fresh process
(CPU, peak memory), as a share of the full build's CPU when this run built the
site. `--material` measures a site built by main's code (Material's search:
whole index on every page, lunr in a worker): no build, no indexing figures.

Prints one Markdown table per corpus, plus one row per query, and writes the
raw figures to OUT/search-results.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from playwright.sync_api import sync_playwright

from . import searchbrowser as sb
from .corpus import write_corpus
from .siteserver import SiteServer

REPO = Path(__file__).resolve().parent.parent
EDITION_ROOTS = {"en": "", "ar": "ar/"}
TARGETS = {
    "view": "0", "bytes": "≤ 700 KB", "time": "≤ 1.5 s", "memory": "≤ 50 MB",
    "index_cpu": "≤ 15 % of the build", "index_memory": "≤ 2 GB",
}


@dataclass
class EditionResult:
    page: str
    view: sb.PageView
    queries: list[sb.QueryRun]
    index: Optional[dict[str, Any]] = None  # searchcorpus.index_cost for this edition
    on_disk: tuple[int, int] = (0, 0)  # bytes, files of the built site's search/ folder


@dataclass
class CorpusResult:
    project: str
    briefings: int
    ui: str
    editions: dict[str, EditionResult] = field(default_factory=dict)
    build_cpu_s: Optional[float] = None
    loadavg: list[float] = field(default_factory=list)


def _run_json(module: str, *args: str) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=REPO,
                          env=dict(os.environ, PYTHONHASHSEED="0"))
    if proc.returncode != 0:
        raise SystemExit(f"python -m {module} {' '.join(args)} failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _briefings(project: Path) -> int:
    """Briefings, not files: an original and its translation share a slug (<slug>.<lang>.md)."""
    return len({p.name.split(".")[0] for p in (project / "content" / "briefings").glob("*.md")})


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return sum(p.stat().st_size for p in files), len(files)


def _sample_page(site: Path, root: str) -> str:
    briefings = site / root / "briefings"
    first = min(p.name for p in briefings.iterdir() if (p / "index.html").is_file())
    return f"{root}briefings/{first}/"


def measure_corpus(project: Path, ui: sb.SearchUI, build: bool, max_queries: int, timeout_s: float,
                   log: Callable[[str], None]) -> CorpusResult:
    result = CorpusResult(str(project), _briefings(project), ui.name)
    if build:
        log(f"[{project.name}] full build (benchmarks.measure)")
        os.sync()
        result.loadavg.append(round(os.getloadavg()[0], 2))
        built = _run_json("benchmarks.measure", "build", str(project))
        result.build_cpu_s = built["cpu_self_s"] + built["cpu_engine_s"]
    site = project / "site"
    log(f"[{project.name}] choosing queries")
    chosen = _run_json("benchmarks.searchcorpus", "queries", str(project))
    index = None
    if ui is not sb.MATERIAL:
        log(f"[{project.name}] indexing cost")
        index = _run_json("benchmarks.searchcorpus", "index", str(project))
    with SiteServer(site) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(sb.CHROMIUM), args=sb.LAUNCH_ARGS)
        try:
            for lang, root in EDITION_ROOTS.items():
                server.warm((site / root / "search").rglob("*"))
                page = _sample_page(site, root)
                probe = sb.EditionProbe(browser, server, ui, page, timeout_s)
                result.loadavg.append(round(os.getloadavg()[0], 2))
                log(f"[{project.name}] {lang}: page view of {page}")
                view = probe.page_view()
                runs = []
                for label, query, holding in chosen[lang][:max_queries]:
                    log(f"[{project.name}] {lang}: query {query!r} ({label})")
                    runs.append(probe.query(label, query, holding))
                edition = EditionResult(page, view, runs, on_disk=_folder_size(site / root / "search"))
                if index:
                    edition.index = index["editions"][lang]
                result.editions[lang] = edition
        finally:
            browser.close()
    return result


# --- Report -------------------------------------------------------------------------


def _kb(n: float) -> str:
    return f"{n / 1e3:,.0f} KB" if n < 1e6 else f"{n / 1e6:,.2f} MB"


def _median_max(values: list[float], fmt: Callable[[float], str]) -> str:
    if not values:
        return "–"
    return f"{fmt(statistics.median(values))} / {fmt(max(values))}"


def _seconds(s: float) -> str:
    return f"{s:.2f} s"


def _mb(m: float) -> str:
    return f"{m:,.1f} MB"


def _index_cpu(index: dict[str, Any], build_cpu_s: Optional[float]) -> str:
    share = f", {100 * index['cpu_s'] / build_cpu_s:.1f} % of the build's CPU" if build_cpu_s else ""
    return f"{index['cpu_s']:.2f} s{share}"


def corpus_table(result: CorpusResult) -> str:
    langs = list(result.editions)
    rows: list[tuple[str, list[str], str]] = []

    def row(name: str, cell: Callable[[EditionResult], str], target: str = "") -> None:
        rows.append((name, [cell(result.editions[lang]) for lang in langs], target))

    row("search bytes on a page view without search (the page's total)",
        lambda e: f"{_kb(e.view.search_bytes)} ({_kb(e.view.total_bytes)})", TARGETS["view"])
    row("search bytes, navigation to first result: median / max",
        lambda e: _median_max([q.search_bytes for q in e.queries], _kb), TARGETS["bytes"])
    row("bytes after opening search, to first result: median / max",
        lambda e: _median_max([q.bytes_after_open for q in e.queries], _kb))
    row("last keystroke to first result: median / max",
        lambda e: _median_max([q.first_result_s for q in e.queries if q.first_result_s is not None], _seconds),
        TARGETS["time"])
    if any(q.ready_s is not None for e in result.editions.values() for q in e.queries):
        row("navigation to search ready for a query: median / max",
            lambda e: _median_max([q.ready_s for q in e.queries if q.ready_s is not None], _seconds))
    row("page JS heap, after query − before opening search: median / max",
        lambda e: _median_max([q.page_heap_delta_mb for q in e.queries], _mb))
    row("workers' JS heap after query: median / max",
        lambda e: _median_max([sum(q.worker_heaps_mb) for q in e.queries], _mb)
        if any(q.worker_heaps_mb for q in e.queries) else "no worker")
    row("page + worker memory for search: median / max",
        lambda e: _median_max([q.search_memory_mb for q in e.queries], _mb), TARGETS["memory"])
    row("search/ on disk: bytes (files)", lambda e: f"{_kb(e.on_disk[0])} ({e.on_disk[1]:,})")
    if all(e.index for e in result.editions.values()):
        row("indexing: CPU (share of the full build's CPU)", lambda e: _index_cpu(e.index or {}, result.build_cpu_s),
            TARGETS["index_cpu"])
        row("indexing: peak RSS of the process (before indexing)",
            lambda e: f"{_mb((e.index or {})['peak_rss_mb'])} ({_mb((e.index or {})['rss_before_mb'])})",
            TARGETS["index_memory"])
    lines = [f"### {result.briefings:,} briefings — {result.ui}", "",
             f"Project {result.project}; 1-minute load before each edition: {result.loadavg}"
             + (f"; full build CPU {result.build_cpu_s:.1f} s (all processes)" if result.build_cpu_s else ""), "",
             f"| measure | {' | '.join(langs)} | target |", f"|---|{'---:|' * len(langs)}---|"]
    lines += [f"| {name} | {' | '.join(cells)} | {target} |" for name, cells, target in rows]
    lines += ["", "| edition | query | docs holding it | search bytes | after opening | requests | first result | memory |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for lang in langs:
        for q in result.editions[lang].queries:
            first = _seconds(q.first_result_s) if q.first_result_s is not None else "–"
            lines.append(f"| {lang} | {q.query} ({q.label}) | {q.docs_holding:,} | {_kb(q.search_bytes)} | "
                         f"{_kb(q.bytes_after_open)} | {q.requests} | {first} | {_mb(q.search_memory_mb)} |")
    return "\n".join(lines) + "\n"


def _ui_for(site: Path, material: bool) -> None:
    has_material_index = (site / "search" / "search_index.json").is_file()
    if material != has_material_index:
        raise SystemExit(f"{site}: " + ("no Material search index: built by this branch's code?" if material
                                       else "holds Material's search index: measure it with --material"))


def _corpus_project(out: Path, size: int, seed: int, log: Callable[[str], None]) -> Path:
    # Written again every time, as benchmarks.run does: the corpus carries a
    # copy of the repository's templates/ and mkdocs.yml, which change.
    project = out / f"corpus-{size}"
    log(f"[{size}] generating the corpus")
    write_corpus(project, size, seed)
    return project


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("projects", nargs="*", type=Path, help="project folders with a built site/")
    parser.add_argument("--sizes", default="", help="briefing counts: generate OUT/corpus-N and build it")
    parser.add_argument("--build", action="store_true", help="build the given projects first (through benchmarks.measure)")
    parser.add_argument("--material", action="store_true", help="the sites were built by main's code (Material's search)")
    parser.add_argument("--max-queries", type=int, default=5, help="queries per edition (frequent to rare)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a page or a result")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.material and (sizes or args.build):
        parser.error("--material measures sites built by main's code: give their projects, without --sizes or --build")
    jobs = [(p.resolve(), args.build or not (p / "site").is_dir()) for p in args.projects]
    jobs += [(_corpus_project(args.out, size, args.seed, log), True) for size in sizes]
    if not jobs:
        parser.error("give project folders or --sizes")
    results = []
    for project, build in jobs:
        ui = sb.MATERIAL if args.material else sb.OURS
        if not build:
            _ui_for(project / "site", args.material)
        result = measure_corpus(project, ui, build, args.max_queries, args.timeout, log)
        _ui_for(project / "site", args.material)
        results.append(result)
        print(corpus_table(result), flush=True)
    raw = [dataclasses.asdict(r) for r in results]
    (args.out / "search-results.json").write_text(json.dumps(
        {"command": " ".join(["python -m benchmarks.search", *(argv if argv is not None else sys.argv[1:])]),
         "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores", "results": raw},
        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
