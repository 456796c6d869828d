"""What the search benchmark asks and what building the index costs, from a project's content.

    python -m benchmarks.searchcorpus queries PROJECT   # the chosen queries, as JSON
    python -m benchmarks.searchcorpus index PROJECT     # CPU and peak memory of indexing, as JSON

Queries: per edition, one-word queries chosen by how many of the edition's
search documents hold the word (its normalised form): the most frequent
word, one held by about a tenth of the documents, one by about 1 %, and two
held by one document only. Words of four letters or more, in the edition's
script; each is typed in its most frequent written form.

Indexing: run in a fresh process, after loading and linking the content:
per edition, the CPU time (user + system) and wall time of what a build
does to index it (its search documents, then its files: searchshards.search_files;
written to a scratch folder here, where a build hands them to the engine),
and the process's peak resident memory while it ran (the kernel's
high-water mark, reset just before).
"""

from __future__ import annotations

import json
import re
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

from generator.build import Project, check
from generator.core.diagnostics import Report
from generator.linking.link import Site
from generator.output.searchindex import search_docs
from generator.output.searchshards import search_files
from generator.text.arabic import normalize

EDITIONS = ("en", "ar")
_WORD = re.compile(r"\w+")
MIN_LETTERS = 4


def linked_site(project: Path) -> Site:
    report = Report()
    site = check(Project(project), report)
    if site is None:
        raise SystemExit(f"{project}: {len(report.errors)} errors in the content")
    return site


def edition_texts(site: Site, lang: str) -> Iterator[tuple[str, str]]:
    """(title, text) of each search document of the edition, as plain text."""
    for doc in search_docs(site, lang):
        yield doc.title, doc.text


def _in_script(word: str, lang: str) -> bool:
    return word.isalpha() and len(word) >= MIN_LETTERS and word.isascii() == (lang == "en")


def choose_queries(texts: list[tuple[str, str]], lang: str) -> list[tuple[str, str, int]]:
    """(label, the word as typed, documents holding its normalised form), frequent to rare."""
    written_df: Counter[str] = Counter()
    for title, text in texts:
        written_df.update(set(_WORD.findall(f"{title} {text}".lower())))
    forms: dict[str, Counter[str]] = {}
    for written, count in written_df.items():
        if _in_script(written, lang):
            forms.setdefault(normalize(written), Counter())[written] = count
    # A document holding two written forms of a word counts twice: good enough to rank words.
    ranked = sorted(forms, key=lambda norm: (-sum(forms[norm].values()), norm))
    if not ranked:
        return []
    frequency = {norm: sum(forms[norm].values()) for norm in ranked}
    docs = len(texts)

    def nearest(share: float, taken: set[str]) -> str:
        goal = max(1, round(docs * share))
        return min((n for n in ranked if n not in taken), key=lambda n: (abs(frequency[n] - goal), n))

    chosen: list[tuple[str, str]] = [("most frequent", ranked[0])]
    taken = {ranked[0]}
    for label, share in (("in ~10 % of docs", 0.10), ("in ~1 % of docs", 0.01)):
        norm = nearest(share, taken)
        chosen.append((label, norm))
        taken.add(norm)
    # Rare words that are not the start of a more frequent word, so that a
    # prefix match does not turn them into frequent ones.
    singles = [n for n in sorted(ranked, key=lambda n: (frequency[n], -len(n), n))
               if n not in taken and frequency[n] == 1 and not any(o != n and o.startswith(n) for o in ranked)]
    chosen += [("in one doc", norm) for norm in singles[:2]]
    return [(label, forms[norm].most_common(1)[0][0], frequency[norm]) for label, norm in chosen]


def queries(project: Path) -> dict[str, list[tuple[str, str, int]]]:
    site = linked_site(project)
    return {lang: choose_queries(list(edition_texts(site, lang)), lang) for lang in EDITIONS}


# --- Indexing cost -------------------------------------------------------------------


def index_edition(site: Site, lang: str, out: Path) -> None:
    """What a build does to index an edition (generator/editions.py), its files written to `out`."""
    for path, data in search_files(list(search_docs(site, lang)), lang).items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _vm_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _reset_peak_rss() -> bool:
    try:
        # "5" resets the high-water mark of resident memory (Linux, proc(5)).
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")
    except OSError:
        return False
    return True


def index_cost(project: Path) -> dict[str, Any]:
    site = linked_site(project)
    result: dict[str, Any] = {"editions": {}}
    with tempfile.TemporaryDirectory(prefix="search-index-") as scratch:
        for lang in EDITIONS:
            out = Path(scratch) / lang
            out.mkdir()
            exact_peak = _reset_peak_rss()
            rss_before = _vm_kib("VmRSS")
            cpu, wall = time.process_time(), time.perf_counter()
            index_edition(site, lang, out)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            files = [p for p in out.rglob("*") if p.is_file()]
            result["editions"][lang] = {
                "cpu_s": cpu, "wall_s": wall,
                "peak_rss_mb": (_vm_kib("VmHWM") if exact_peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024,
                "rss_before_mb": rss_before / 1024,
                "files": len(files), "bytes": sum(p.stat().st_size for p in files),
            }
    return result


def main(argv: list[str]) -> int:
    mode, project = argv[0], Path(argv[1]).resolve()
    if mode == "queries":
        print(json.dumps(queries(project), ensure_ascii=False))
    elif mode == "index":
        print(json.dumps(index_cost(project)))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
