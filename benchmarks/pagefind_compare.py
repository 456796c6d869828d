"""Pagefind on the documents our search index holds: measured, not adopted (project issue 16, item 1).

Needs a scratch virtualenv OUTSIDE the repository with Pagefind's Python API and binary
(they are not dependencies of the project, and the tests never run this):

    /root/.pyenv/versions/3.11.7/bin/python3 -m venv /tmp/pf-venv      # the project's Python version
    /tmp/pf-venv/bin/pip install 'pagefind[bin]==1.5.2'
    python -m benchmarks.pagefind_compare --pagefind-venv /tmp/pf-venv --sample --sizes 2000,10000

(run with the project's virtualenv; --pagefind-venv adds the scratch one's packages.)

For each corpus (`--sizes N`: benchmarks/out/corpus-N, generated if missing;
`--sample`: the test fixtures' sample content plus tests/test_browser.py's
SEARCH_BRIEFING), per edition:

- the records: each search document (`generator.output.searchindex.search_docs`)
  as a Pagefind custom record, title and text with our normalised,
  clitic-stripped forms appended (the terms `generator.text.searchforms.index_terms`
  gives that the text does not hold as written);
- indexing in a fresh process through Pagefind's Python API (which runs its
  binary): wall time, CPU (the Python process and the binary), peak RSS of
  the binary, and the bundle's bytes and files on disk;
- in Chromium, with Pagefind's own JS API (pagefind.js, benchmarks/pagefind_probe.js),
  for the same queries as benchmarks.search: bytes (served gzipped like GitHub
  Pages) and time from loading pagefind.js to the data() of the first five
  results, and the page's heap after minus before;
- recall of the Arabic forms of tests/test_browser.py's ARABIC_QUERIES: the
  documents our rules match (normalised query, article stripped, prefix
  match on normalised, clitic-stripped terms) that Pagefind returns; on
  `--sample`, whether the page the test expects is among them, and the
  excerpts Pagefind shows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import shutil
import site as site_module
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).with_name("pagefind_probe.js")
FIRST_RESULTS = 5
_WORD = re.compile(r"\w+")
SHELL = '<!doctype html>\n<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><title>Pagefind</title></head><body></body></html>\n'


# --- Records and our rules -----------------------------------------------------------


def edition_records(project: Path) -> dict[str, list[dict[str, str]]]:
    from .searchcorpus import EDITIONS, edition_texts, linked_site

    site = linked_site(project)
    records: dict[str, list[dict[str, str]]] = {}
    for lang in EDITIONS:
        records[lang] = []
        for (title, text), url in zip(edition_texts(site, lang), _urls(site, lang)):
            forms = appended_forms(f"{title} {text}")
            records[lang].append({"url": url, "title": title, "text": text,
                                  "content": f"{title}\n{text}" + (f"\n{forms}" if forms else "")})
    return records


def appended_forms(text: str) -> str:
    """Our index's terms for `text` that it does not hold as written: what a Pagefind record must add."""
    from generator.text.searchforms import index_terms

    written = {token.lower() for token in _WORD.findall(text)}
    return " ".join(term for term in index_terms(text) if term not in written)


def _urls(site: Any, lang: str) -> list[str]:
    from generator.output.searchindex import search_docs

    return [doc.location for doc in search_docs(site, lang)]


def query_terms(query: str) -> list[str]:
    """A query's words as our search matches them: normalised, the article family stripped."""
    from generator.text.searchforms import query_words

    return query_words(query)


def record_terms(records: list[dict[str, str]]) -> list[tuple[str, frozenset[str]]]:
    """Each record's URL and the terms our index holds for it (normalised words and their stripped forms)."""
    from generator.text.searchforms import index_terms

    return [(r["url"], frozenset(index_terms(f"{r['title']} {r['text']}"))) for r in records]


def ours_match(terms: list[tuple[str, frozenset[str]]], query: str) -> set[str]:
    """URLs of the records every query word matches: a term equal to it, or starting with it when long enough."""
    from generator.text.searchforms import MIN_PREFIX

    words = query_terms(query)
    return {url for url, held in terms
            if all(w in held or (len(w) >= MIN_PREFIX and any(t.startswith(w) for t in held)) for w in words)}


def arabic_queries() -> list[tuple[str, str]]:
    sys.path.insert(0, str(REPO / "tests"))
    import test_browser

    return list(test_browser.ARABIC_QUERIES)


def sample_project(out: Path) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    import test_browser
    from conftest import SAMPLE_CONTENT, copy_project

    project = out / "pagefind-sample-project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    copy_project(project, SAMPLE_CONTENT)
    briefing = project / "content" / "briefings" / f"{test_browser.SEARCH_SLUG}.ar.md"
    briefing.write_text(test_browser.SEARCH_BRIEFING, encoding="utf-8")
    return project


# --- Indexing, in a process of its own ------------------------------------------------


class _NoPollDelay:
    """asyncio, but for the Pagefind service module: its response loop sleeps 0.1 s before reading
    each response (pagefind 1.5.2, service/__init__.py, _wait_for_responses), which caps the
    Python API at ten records a second whatever the binary does. Measured with a zero sleep
    unless --api-as-shipped; the report says which."""

    def __getattr__(self, name: str) -> Any:
        return getattr(asyncio, name)

    @staticmethod
    async def sleep(delay: float, result: Any = None) -> Any:
        return await asyncio.sleep(0, result)


async def _index(records: list[dict[str, str]], lang: str, out: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(config=IndexConfig(output_path=str(out))) as index:
        for start in range(0, len(records), 200):
            await asyncio.gather(*(index.add_custom_record(url=r["url"], content=r["content"], language=lang,
                                                           meta={"title": r["title"]})
                                   for r in records[start:start + 200]))


def index_main(records_file: Path, lang: str, out: Path, as_shipped: bool) -> dict[str, Any]:
    import pagefind.service

    if not as_shipped:
        pagefind.service.asyncio = _NoPollDelay()  # type: ignore[assignment]
    records = json.loads(records_file.read_text(encoding="utf-8"))
    started, cpu = time.perf_counter(), time.process_time()
    asyncio.run(_index(records, lang, out))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    binary = resource.getrusage(resource.RUSAGE_CHILDREN)
    files = [p for p in out.rglob("*") if p.is_file()]
    return {"wall_s": wall, "cpu_python_s": cpu, "cpu_binary_s": binary.ru_utime + binary.ru_stime,
            "peak_binary_mb": binary.ru_maxrss / 1024,
            "peak_python_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "records": len(records), "files": len(files), "api_as_shipped": as_shipped, "bytes": sum(p.stat().st_size for p in files)}


def index_edition(venv: Path, records: list[dict[str, str]], lang: str, out: Path, as_shipped: bool) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as handle:
        json.dump([{k: r[k] for k in ("url", "title", "content")} for r in records], handle, ensure_ascii=False)
    try:
        shutil.rmtree(out, ignore_errors=True)
        proc = subprocess.run([sys.executable, "-m", "benchmarks.pagefind_compare", "--pagefind-venv", str(venv),
                               *(["--api-as-shipped"] if as_shipped else []),
                               "index", handle.name, lang, str(out)], capture_output=True, text=True, cwd=REPO)
    finally:
        os.unlink(handle.name)
    if proc.returncode != 0:
        raise SystemExit(f"indexing {lang} with Pagefind failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- In Chromium ---------------------------------------------------------------------


def browse(root: Path, queries: dict[str, list[tuple[str, str, int]]], recall: list[str],
           records: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from . import searchbrowser as sb
    from .siteserver import SiteServer

    out: dict[str, Any] = {}
    with SiteServer(root) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(sb.CHROMIUM), args=sb.LAUNCH_ARGS)
        try:
            for lang in queries:
                server.warm((root / lang / "pagefind").rglob("*"))
                bundle = server.url(f"{lang}/pagefind/")
                base = f"{server.prefix}{lang}/"

                def run(query: str, everything: bool) -> dict[str, Any]:
                    context = browser.new_context(viewport=sb.DESKTOP, service_workers="block")
                    context.add_init_script(path=str(PROBE))
                    page = context.new_page()
                    cdp = context.new_cdp_session(page)
                    workers = sb.WorkerHeaps(cdp)
                    try:
                        page.goto(server.url(f"{lang}/"), wait_until="load")
                        before = sb.page_heap_mb(cdp)
                        mark = server.mark()
                        answer = page.evaluate("args => pagefindProbe.run(...args)", [bundle, query, FIRST_RESULTS, everything])
                        # Pagefind puts its base path (the bundle's folder's parent) before each record's URL.
                        answer["urls"] = [u[len(base):] if u.startswith(base) else u for u in answer["urls"]]
                        answer["bytes"] = sum(s.body_bytes for s in server.since(mark))
                        answer["requests"] = len(server.since(mark))
                        answer["memory_mb"] = sb.page_heap_mb(cdp) - before + sum(workers.heaps_mb(page, 60))
                    finally:
                        context.close()
                    return answer

                terms = record_terms(records[lang])
                out[lang] = {"queries": [dict(run(q, False), label=label, query=q, docs_holding=n, ours=len(ours_match(terms, q)))
                                         for label, q, n in queries[lang]]}
                if lang == "ar":
                    out[lang]["recall"] = []
                    for query in recall:
                        expected = ours_match(terms, query)
                        # As typed, and normalised as our script would before handing it to Pagefind.
                        for typed in dict.fromkeys((query, " ".join(query_terms(query)))):
                            answer = run(typed, True)
                            found = set(answer["urls"])
                            out[lang]["recall"].append({
                                "query": query, "typed": typed, "ours": len(expected), "pagefind": len(found),
                                "both": len(expected & found), "missed": sorted(expected - found)[:5],
                                "excerpts": answer["excerpts"][:3], "urls": answer["urls"]})
        finally:
            browser.close()
    return out


# --- Report ---------------------------------------------------------------------------


def report(name: str, indexing: dict[str, Any], browsed: dict[str, Any], expected_pages: dict[str, str]) -> str:
    lines = [f"### Pagefind 1.5, {name}", "", "| measure | " + " | ".join(indexing) + " |",
             "|---|" + "---:|" * len(indexing)]

    def row(label: str, cells: list[str]) -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + " |")

    row("records", [f"{i['records']:,}" for i in indexing.values()])
    shipped = next(iter(indexing.values()))["api_as_shipped"]
    row("indexing: wall / CPU (binary + Python)" + (" (Python API as shipped)" if shipped else " (API's poll sleep at 0)"), [f"{i['wall_s']:.1f} s / {i['cpu_binary_s']:.1f} + {i['cpu_python_s']:.1f} s" for i in indexing.values()])
    row("indexing: peak RSS of the binary", [f"{i['peak_binary_mb']:,.0f} MB" for i in indexing.values()])
    row("bundle on disk: bytes (files)", [f"{i['bytes'] / 1e6:.2f} MB ({i['files']:,})" for i in indexing.values()])
    for key, label, fmt in (("bytes", "bytes to the first 5 results' data: median / max", lambda v: f"{v / 1e3:,.0f} KB"),
                            ("totalMs", "import + search + data(): median / max", lambda v: f"{v / 1e3:.2f} s"),
                            ("searchMs", "search() alone: median / max", lambda v: f"{v / 1e3:.2f} s"),
                            ("memory_mb", "page heap after − before (+ workers): median / max", lambda v: f"{v:.1f} MB")):
        row(label, [f"{fmt(statistics.median(vals))} / {fmt(max(vals))}" if (vals := [q[key] for q in browsed[lang]["queries"]]) else "–"
                    for lang in indexing])
    lines += ["", "| edition | query | docs holding it as written | our rules match | Pagefind's results | bytes | time | memory |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for lang in indexing:
        for q in browsed[lang]["queries"]:
            lines.append(f"| {lang} | {q['query']} ({q['label']}) | {q['docs_holding']:,} | {q['ours']:,} | {q['results']:,} | "
                         f"{q['bytes'] / 1e3:,.0f} KB | {q['totalMs'] / 1e3:.2f} s | {q['memory_mb']:.1f} MB |")
    recall = browsed.get("ar", {}).get("recall", [])
    if recall:
        lines += ["", "| Arabic query | sent to Pagefind | ours | Pagefind | both | recall | test's page found |",
                  "|---|---|---:|---:|---:|---:|---|"]
        for r in recall:
            page = expected_pages.get(r["query"])
            hit = "–" if page is None else ("yes" if page in r["urls"] else "**no**")
            share = f"{100 * r['both'] / r['ours']:.0f} %" if r["ours"] else "–"
            sent = "as typed" if r["typed"] == r["query"] else f"normalised: {r['typed']}"
            lines.append(f"| {r['query']} | {sent} | {r['ours']:,} | {r['pagefind']:,} | {r['both']:,} | {share} | {hit} |")
        lines += ["", "Excerpts (first results):", ""]
        for r in recall:
            lines.append(f"- {r['typed']}: " + " ‖ ".join(e.replace("\n", " ") for e in r["excerpts"][:2]))
    return "\n".join(lines) + "\n"


def compare(project: Path, name: str, venv: Path, out: Path, max_queries: int, sample: bool, as_shipped: bool) -> str:
    from .searchcorpus import queries as choose

    records = edition_records(project)
    root = out / f"pagefind-{name}"
    indexing = {}
    for lang, recs in records.items():
        print(f"[{name}] indexing {lang} ({len(recs):,} records), 1-minute load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
        indexing[lang] = index_edition(venv, recs, lang, root / lang / "pagefind", as_shipped)
        (root / lang / "index.html").write_text(SHELL.format(lang=lang, dir="rtl" if lang == "ar" else "ltr"), encoding="utf-8")
    chosen = {lang: q[:max_queries] for lang, q in choose(project).items()}
    tests = arabic_queries()
    forms = list(dict.fromkeys(q for q, _page in tests))
    print(f"[{name}] in Chromium, 1-minute load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    browsed = browse(root, chosen, forms, records)
    (out / f"pagefind-{name}.json").write_text(json.dumps({"indexing": indexing, "browsed": browsed}, ensure_ascii=False, indent=1), encoding="utf-8")
    return report(name, indexing, browsed, {q: page for q, page in tests} if sample else {})


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.pagefind_compare", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pagefind-venv", type=Path, required=True, help="the scratch virtualenv with pagefind[bin]")
    parser.add_argument("args", nargs="*", help="project folders, or: index RECORDS LANG OUT (internal)")
    parser.add_argument("--sizes", default="")
    parser.add_argument("--sample", action="store_true", help="the sample content plus the test's search briefing")
    parser.add_argument("--max-queries", type=int, default=5)
    parser.add_argument("--api-as-shipped", action="store_true",
                        help="keep the Python API's 0.1 s sleep per response (ten records a second)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out")
    args = parser.parse_args(argv)
    for packages in (args.pagefind_venv / "lib").glob("python3*/site-packages"):
        site_module.addsitedir(str(packages))
    if args.args[:1] == ["index"]:
        print(json.dumps(index_main(Path(args.args[1]), args.args[2], Path(args.args[3]), args.api_as_shipped)))
        return 0
    from .corpus import write_corpus

    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [(Path(p).resolve(), Path(p).name, False) for p in args.args]
    if args.sample:
        jobs.insert(0, (sample_project(args.out), "sample", True))
    for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
        project = args.out / f"corpus-{size}"
        write_corpus(project, size)
        jobs.append((project, f"{size}", False))
    for project, name, sample in jobs:
        print(compare(project, name, args.pagefind_venv, args.out, args.max_queries, sample, args.api_as_shipped), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
