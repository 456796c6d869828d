"""One edition's search measured in Chromium (Playwright, Debian's /usr/bin/chromium).

Each measurement is a new browser context (an empty cache), on one briefing
page of the edition served by benchmarks.siteserver:

- a page view: load, scroll to the bottom, wait for the network to settle;
  the bytes of every response, and those of search's (`SearchUI.is_search`);
- a query: load, open search, type one word, wait for the first result;
  the search bytes from the navigation to the first result, the time from
  the last keystroke to the first result added to the page
  (benchmarks/searchprobe.js), and memory: the page's JS heap after the
  result minus before search was opened, and every worker's heap (workers
  attached through the Chrome DevTools Protocol), each after a garbage
  collection.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, ViewportSize

from .siteserver import Sent, SiteServer

CHROMIUM = Path("/usr/bin/chromium")
PROBE = Path(__file__).with_name("searchprobe.js")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}


@dataclass(frozen=True)
class SearchUI:
    """How to drive one search interface, and which requests are search's."""

    name: str
    open_selector: str  # clicked to open search
    input_selector: str
    result_selector: str
    search_paths: re.Pattern[str]  # a request path (under the site's root) that belongs to search
    commit_key: Optional[str] = None  # the UI reads the query on this key's keyup: the query is pasted, then it is pressed
    ready_selector: Optional[str] = None  # an element whose text says search is ready for a query
    ready_texts: tuple[str, ...] = ()

    def is_search(self, path: str) -> bool:
        return bool(self.search_paths.search(path))


MATERIAL = SearchUI(
    name="Material (lunr, whole index on every page)",
    open_selector="input.md-search__input",
    input_selector="input.md-search__input",
    result_selector=".md-search-result__item",
    search_paths=re.compile(r"(^|/)search/|javascripts/workers/|javascripts/lunr/"),
    commit_key="End",  # Material reads the query on keyup
    ready_selector=".md-search-result__meta",
    ready_texts=("Type to start searching", "اكتب لبدء البحث"),
)


@dataclass
class PageView:
    total_bytes: int
    search_bytes: int
    search_requests: list[str]


@dataclass
class QueryRun:
    label: str
    query: str
    docs_holding: int
    search_bytes: int  # search's bytes from the navigation to the first result
    bytes_after_open: int  # every byte from opening search to the first result
    requests: int  # search's requests in that time
    first_result_s: Optional[float]  # last keystroke to first result
    ready_s: Optional[float]  # navigation to search ready for a query (UIs that say so)
    result_text: str
    page_heap_before_mb: float
    page_heap_after_mb: float
    worker_heaps_mb: list[float] = field(default_factory=list)

    @property
    def page_heap_delta_mb(self) -> float:
        return self.page_heap_after_mb - self.page_heap_before_mb

    @property
    def search_memory_mb(self) -> float:
        return max(0.0, self.page_heap_delta_mb) + sum(self.worker_heaps_mb)


class WorkerHeaps:
    """Heaps of the page's workers, through a session auto-attached to them (non-flat, so that a
    Playwright CDPSession can speak to them with Target.sendMessageToTarget)."""

    def __init__(self, cdp: CDPSession) -> None:
        self.cdp = cdp
        self.sessions: dict[str, str] = {}  # session id -> worker URL
        self.replies: dict[tuple[str, int], dict[str, Any]] = {}
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.detachedFromTarget", self._detached)
        cdp.on("Target.receivedMessageFromTarget", self._message)
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})

    def _attached(self, event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] in ("worker", "shared_worker"):
            self.sessions[event["sessionId"]] = event["targetInfo"]["url"]

    def _detached(self, event: dict[str, Any]) -> None:
        self.sessions.pop(event["sessionId"], None)

    def _message(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[(event["sessionId"], message["id"])] = message

    def heaps_mb(self, page: Page, timeout_s: float) -> list[float]:
        pending = []
        for number, session in enumerate(list(self.sessions)):
            for offset, method in enumerate(("HeapProfiler.collectGarbage", "Runtime.getHeapUsage")):
                message_id = 1000 + 2 * number + offset
                self.cdp.send("Target.sendMessageToTarget", {
                    "sessionId": session, "message": json.dumps({"id": message_id, "method": method, "params": {}})})
            pending.append((session, message_id))
        waited = 0.0
        while any(key not in self.replies for key in pending) and waited < timeout_s:
            page.wait_for_timeout(50)  # lets Playwright deliver the sessions' events
            waited += 0.05
        return [_heap_mb(self.replies[key].get("result", {})) for key in pending if key in self.replies]


def _heap_mb(usage: dict[str, Any]) -> float:
    # Array buffers (decompressed index pieces, for one) live outside the JS heap proper.
    return (usage.get("usedSize", 0) + usage.get("backingStorageSize", 0)) / 1e6


def page_heap_mb(cdp: CDPSession) -> float:
    cdp.send("HeapProfiler.collectGarbage")
    return _heap_mb(cdp.send("Runtime.getHeapUsage"))


def _bytes(sent: list[Sent], ui: SearchUI, search_only: bool) -> int:
    return sum(s.body_bytes for s in sent if not search_only or ui.is_search(s.path))


class EditionProbe:
    """Measurements of one edition's search on one page of a served site."""

    def __init__(self, browser: Browser, server: SiteServer, ui: SearchUI, page_path: str, timeout_s: float) -> None:
        self.browser = browser
        self.server = server
        self.ui = ui
        self.url = server.url(page_path)
        self.timeout_s = timeout_s

    def _context(self) -> tuple[BrowserContext, Page, CDPSession, WorkerHeaps]:
        context = self.browser.new_context(viewport=DESKTOP, service_workers="block")
        context.set_default_timeout(self.timeout_s * 1000)
        context.add_init_script(path=str(PROBE))
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        return context, page, cdp, WorkerHeaps(cdp)

    def page_view(self) -> PageView:
        context, page, _cdp, _workers = self._context()
        try:
            mark = self.server.mark()
            page.goto(self.url, wait_until="load")
            page.mouse.wheel(0, 100_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(1000)
            sent = self.server.since(mark)
        finally:
            context.close()
        return PageView(_bytes(sent, self.ui, False), _bytes(sent, self.ui, True),
                        [s.path for s in sent if self.ui.is_search(s.path)])

    def query(self, label: str, query: str, docs_holding: int) -> QueryRun:
        context, page, cdp, workers = self._context()
        try:
            start = self.server.mark()
            page.goto(self.url, wait_until="load")
            page.evaluate("args => searchBenchProbe.watch(...args)",
                          [self.ui.result_selector, self.ui.ready_selector, list(self.ui.ready_texts)])
            heap_before = page_heap_mb(cdp)
            opened = self.server.mark()
            page.click(self.ui.open_selector)
            if self.ui.ready_selector:
                page.wait_for_function("() => searchBenchProbe.timings().ready !== null")
            if self.ui.commit_key:
                # Pasted, then one key: the UI searches once, on that key's keyup.
                page.fill(self.ui.input_selector, query)
                page.keyboard.press(self.ui.commit_key)
            else:
                page.focus(self.ui.input_selector)
                page.keyboard.type(query, delay=20)
            page.wait_for_function("() => searchBenchProbe.timings().firstResult !== null")
            timings = page.evaluate("() => searchBenchProbe.timings()")
            sent_all, sent_open = self.server.since(start), self.server.since(opened)
            heap_after = page_heap_mb(cdp)
            worker_heaps = workers.heaps_mb(page, self.timeout_s)
        finally:
            context.close()
        return QueryRun(
            label=label, query=query, docs_holding=docs_holding,
            search_bytes=_bytes(sent_all, self.ui, True),
            bytes_after_open=_bytes(sent_open, self.ui, False),
            requests=sum(1 for s in sent_all if self.ui.is_search(s.path)),
            first_result_s=(timings["firstResult"] - timings["lastInput"]) / 1000,
            ready_s=timings["ready"] / 1000 if timings["ready"] is not None else None,
            result_text=timings["resultText"] or "",
            page_heap_before_mb=heap_before, page_heap_after_mb=heap_after, worker_heaps_mb=worker_heaps,
        )


# The site's own search (docs/search.md): a header button whose click loads assets/briefing/search.js,
# which builds a Material-like panel and fetches the index's pieces; nothing is fetched before.
OURS = SearchUI(
    name="sharded index (docs/search.md)",
    open_selector="#bf-search",
    input_selector=".bf-search input.md-search__input",
    result_selector=".bf-search .md-search-result__item",
    search_paths=re.compile(r"(^|/)search/|(^|/)search[^/]*\.js$"),
)
