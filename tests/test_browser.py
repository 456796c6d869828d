"""The built site in a real browser: Debian's Chromium driven by Playwright.

The sample project (plus one illustrative Arabic briefing written for the
search checks) is built in a temporary copy with site_url set to a sub-path,
served from 127.0.0.1 under /briefing-site/ like a GitHub Pages project site
(every other path is a 404), and visited page type by page type in both
editions. Screenshots land in test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from conftest import REPO, copy_project, run_cli
from generator.output.searchindex import SearchDoc
from generator.output.searchshards import ShardSizes, search_files
from generator.text.searchforms import query_words
from output.searchreader import IndexFiles

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_DEPS = REPO / "tests" / "browser"
AXE = BROWSER_DEPS / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = REPO / "test-artifacts"
PREFIX = "/briefing-site/"
PLAIN_PREFIX = "/plain/"  # the same content built without site_url
CORPUS_PREFIX = "/corpus/"  # a generated corpus: a search index of several shards and fragment files
CORPUS_BRIEFINGS = 60
CORPUS_SIZES = ShardSizes(shard_bytes=1_000, chunk=4)
GZIP_PREFIX = "/gzip-host/"  # the plain site from a host that sends .json.gz files with Content-Encoding: gzip
# Added to the corpus: markup in a title and a text from a foreign outlet, which search must show as text.
HOSTILE_TITLE = 'Hostile <img src=x onerror="window.bfPwned=1"> <script>window.bfPwned=2</script>'
HOSTILE_BRIEFING = f"""---
title: {json.dumps(HOSTILE_TITLE)}
date: 2024-01-02
source:
  name: Illustrative example (not a real report)
---
Zanzibarian <script>window.bfPwned=3</script> <img src=x onerror="window.bfPwned=4"> [x](javascript:window.bfPwned=5)
"""
SEED = "shamkhani-patrushev-moscow-2023"
SEARCH_SLUG = "search-forms"

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)

from playwright.sync_api import BrowserContext, Page, sync_playwright  # noqa: E402

# One illustrative Arabic-original briefing whose words appear only in forms
# that plain prefix search misses: with proclitics (ولافروف، بالإستراتيجية،
# المفاوضاتُ), with diacritics (مُسَيَّرات) and without hamza (اسرائيل).
SEARCH_BRIEFING = """---
title: مثال توضيحي لصيغ البحث
date: 2024-08-01
source:
  name: Illustrative example (not a real report)
---
جرت المفاوضاتُ بين الوفدين بحضور شمخاني وباتروشيف ولافروف.
وتناول البحث ملف الطائرات المُسَيَّرات والتعاون بالإستراتيجية البحرية.
وأشار المتحدث إلى موقف اسرائيل من المحادثات.
"""

PAGE_TYPES = {
    "home": "",
    "briefings": "briefings/",
    "briefing": f"briefings/{SEED}/",
    "actors": "actors/",
    "actor": "actors/nikolai-patrushev/",
    "topics": "topics/",
    "topic": "topics/regional-security/",
    "places": "places/",
    "place": "places/moscow/",
    "timeline": "timeline/",
    "network": "network/",
}
EDITIONS = {"en": "", "ar": "ar/"}
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# --- The site, a server and a browser -----------------------------------------


@dataclass
class Server:
    port: int
    site: Path
    plain_site: Path
    corpus_site: Path

    def url(self, path: str = "", prefix: str = PREFIX) -> str:
        return f"http://127.0.0.1:{self.port}{prefix}{path}"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _build(target: Path, site_url: str) -> Path:
    project = copy_project(target)
    (project / "content" / "briefings" / f"{SEARCH_SLUG}.ar.md").write_text(SEARCH_BRIEFING, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r'(?m)^site_url:.*$', f'site_url: "{site_url}"', config.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_cli("build", "--strict", project=project)
    assert result.code == 0, result.stderr
    return project / "site"


def _build_corpus(target: Path) -> Path:
    generate = subprocess.run(
        [sys.executable, "-m", "benchmarks.corpus", "--out", str(target), "--briefings", str(CORPUS_BRIEFINGS)],
        capture_output=True, text=True, cwd=REPO, check=False,
    )
    assert generate.returncode == 0, generate.stderr
    (target / "content" / "briefings" / "hostile-search.en.md").write_text(HOSTILE_BRIEFING, encoding="utf-8")
    result = run_cli("build", project=target)
    assert result.code == 0, result.stderr
    for edition in EDITIONS:
        _reshard(target / "site" / EDITIONS[edition] / "search", edition)
    return target / "site"


def _reshard(folder: Path, lang: str) -> None:
    """The edition's index written again by the generator's writer, cut small (CORPUS_SIZES), from the
    documents its fragment files hold: 60 briefings then give the shards and fragments of a large site."""
    entry = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    docs = []
    for k in range(-(-entry["docs"] // entry["chunk"])):
        docs += [SearchDoc(*doc) for doc in json.loads(gzip.decompress((folder / "d" / f"{k}.json.gz").read_bytes()))]
    assert len(docs) == entry["docs"]
    shutil.rmtree(folder)
    for path, data in search_files(docs, lang, CORPUS_SIZES).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = _free_port()
    site = _build(tmp_path_factory.mktemp("browser"), f"http://127.0.0.1:{port}{PREFIX}")
    plain = _build(tmp_path_factory.mktemp("browser-plain"), "")
    corpus = _build_corpus(tmp_path_factory.mktemp("browser-corpus"))
    handler = functools.partial(_MountHandler, mounts={PREFIX: site, PLAIN_PREFIX: plain, CORPUS_PREFIX: corpus, GZIP_PREFIX: plain})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(port, site, plain, corpus)
    finally:
        httpd.shutdown()
        httpd.server_close()


class _MountHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, mounts: dict[str, Path], **kwargs: Any) -> None:
        self.mounts = mounts
        super().__init__(*args, directory=str(next(iter(mounts.values()))), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def _mount(self) -> tuple[str, Path] | None:
        path = urlsplit(self.path).path
        for prefix, root in self.mounts.items():
            if path.startswith(prefix):
                return prefix, root
        return None

    def translate_path(self, path: str) -> str:
        mount = self._mount()
        if mount is None:
            return str(Path(self.directory) / "__outside_any_mount__")
        prefix, root = mount
        self.directory = str(root)
        return super().translate_path("/" + urlsplit(path).path[len(prefix):])

    def end_headers(self) -> None:
        mount = self._mount()
        if mount is not None and mount[0] == GZIP_PREFIX and urlsplit(self.path).path.endswith(".json.gz"):
            self.send_header("Content-Encoding", "gzip")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages: a missing page under the site gets the site's 404.html.
        mount = self._mount()
        if code == 404 and mount is not None and (mount[1] / "404.html").exists():
            body = (mount[1] / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def browser() -> Iterator[BrowserContext]:
    with tempfile.TemporaryDirectory(prefix="briefing-chromium-") as profile, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            args=LAUNCH_ARGS,
            viewport=DESKTOP,
            service_workers="block",
        )
        context.set_default_timeout(5_000)
        try:
            yield context
        finally:
            context.close()


@dataclass
class Visit:
    page: Page
    status: int | None
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def page_types(site: Path) -> dict[str, str]:
    # The timeline is being added to the generator: checked once it is built.
    return {k: v for k, v in PAGE_TYPES.items() if k != "timeline" or (site / v / "index.html").exists()}


def open_page(context: BrowserContext, url: str, viewport: dict[str, int] = DESKTOP) -> Visit:
    page = context.new_page()
    page.set_viewport_size(viewport)
    visit = Visit(page, None)

    def on_request(request: Any) -> None:
        visit.requests.append(request.url)
        if urlsplit(request.url).hostname != "127.0.0.1" and not request.url.startswith(("data:", "blob:")):
            visit.foreign_requests.append(request.url)

    def on_response(response: Any) -> None:
        if response.status >= 400 and response.url != url:
            visit.failed_requests.append(f"{response.status} {response.url}")

    page.on("console", lambda msg: visit.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: visit.console_errors.append(str(exc)))
    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda request: visit.failed_requests.append(f"failed {request.url}"))
    # Anything not served by the test server is answered locally and recorded.
    page.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    response = page.goto(url, wait_until="load")
    visit.status = response.status if response else None
    page.evaluate("document.fonts.ready")
    return visit


@contextmanager
def visiting(context: BrowserContext, url: str, viewport: dict[str, int] = DESKTOP) -> Iterator[Visit]:
    """open_page, with the page closed when the block ends."""
    visit = open_page(context, url, viewport)
    try:
        yield visit
    finally:
        visit.page.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        subprocess.run(["npm", "ci", "--prefix", str(BROWSER_DEPS), "--no-audit", "--no-fund"], check=True)
    return AXE.read_text(encoding="utf-8")


def all_pages(server: Server) -> list[tuple[str, str, str]]:
    return [(edition, kind, EDITIONS[edition] + path) for edition in EDITIONS for kind, path in page_types(server.site).items()]


# --- Language, direction, switcher, requests, console ---------------------------


def test_every_page_type_loads_clean_from_the_sub_path(server: Server, browser: BrowserContext) -> None:
    """dir/lang, no console error, nothing requested outside 127.0.0.1, no failed request."""
    problems = []
    for edition, kind, path in all_pages(server):
        with visiting(browser, server.url(path)) as visit:
            page = visit.page
            root = page.evaluate("[document.documentElement.lang, document.documentElement.dir, document.body.dir]")
            expected = ["ar", "rtl", "rtl"] if edition == "ar" else ["en", "", ""]
            if visit.status != 200:
                problems.append(f"{path}: HTTP {visit.status}")
            if root[:2] != expected[:2] or (edition == "ar" and root[2] != "rtl"):
                problems.append(f"{path}: lang/dir {root}")
            problems += [f"{path}: console error {e}" for e in visit.console_errors]
            problems += [f"{path}: third-party request {u}" for u in visit.foreign_requests]
            problems += [f"{path}: {u}" for u in visit.failed_requests]
            # The site's own stylesheet and font really arrived.
            if not page.evaluate("[...document.styleSheets].some(s => (s.href || '').endsWith('/assets/briefing/briefing.css'))"):
                problems.append(f"{path}: briefing.css not loaded")
            if edition == "ar" and not page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')"):
                problems.append(f"{path}: Noto Naskh Arabic not loaded")
    assert not problems, "\n".join(map(str, problems))


def test_arabic_font_is_served_by_the_site(server: Server, browser: BrowserContext) -> None:
    with visiting(browser, server.url(f"ar/briefings/{SEED}/")) as visit:
        fonts = visit.page.evaluate(
            "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))"
        )
        family = visit.page.evaluate("getComputedStyle(document.querySelector('.bf-cell[lang=ar]')).fontFamily")
    assert fonts and all(f.startswith(server.url("ar/assets/briefing/fonts/")) for f in fonts), fonts
    assert family.startswith('"Noto Naskh Arabic"')


def test_switcher_leads_to_the_same_page_in_the_other_edition(server: Server, browser: BrowserContext) -> None:
    problems = []
    for edition, kind, path in all_pages(server):
        with visiting(browser, server.url(path)) as visit:
            page = visit.page
            link = page.locator("a.bf-switch__link")
            if not link.is_visible():
                problems.append(f"{path}: switcher not visible")
                continue
            other = "en" if edition == "ar" else "ar"
            if (link.get_attribute("hreflang"), link.get_attribute("lang")) != (other, other):
                problems.append(f"{path}: switcher hreflang/lang")
            with page.expect_navigation():
                link.click()
            expected = server.url(path[3:] if edition == "ar" else "ar/" + path)
            lang = page.evaluate("document.documentElement.lang")
            if page.url != expected or lang != other:
                problems.append(f"{path}: switcher led to {page.url} ({lang}), expected {expected}")
    assert not problems, "\n".join(map(str, problems))


def test_translation_status_is_visible_on_briefings(server: Server, browser: BrowserContext) -> None:
    for edition, status in (("en", "reviewed"), ("ar", "مُراجَعة")):
        with visiting(browser, server.url(f"{EDITIONS[edition]}briefings/{SEED}/")) as visit:
            badge = visit.page.locator(".bf-status").first
            assert badge.is_visible() and status in badge.inner_text()
    # The illustrative briefing has no translation: the English edition says so.
    with visiting(browser, server.url(f"briefings/{SEARCH_SLUG}/")) as visit:
        assert "Not translated yet" in visit.page.locator(".bf-notice").inner_text()
        assert visit.page.locator(".bf-status").is_visible()


def test_site_without_site_url_works_under_a_sub_path(server: Server, browser: BrowserContext) -> None:
    """Built without site_url, normal pages still load everything and switch editions under /plain/."""
    problems = []
    for edition, kind, path in all_pages(server):
        with visiting(browser, server.url(path, PLAIN_PREFIX)) as visit:
            if visit.status != 200 or visit.console_errors or visit.foreign_requests or visit.failed_requests:
                problems.append((path, visit.status, visit.console_errors, visit.foreign_requests, visit.failed_requests))
            href = visit.page.evaluate("document.querySelector('a.bf-switch__link').href")
            expected = server.url(path[3:] if edition == "ar" else "ar/" + path, PLAIN_PREFIX)
            if href != expected:
                problems.append((path, "switcher", href))
    assert not problems, "\n".join(map(str, problems))
    assert search_results(browser, server.url("ar/", PLAIN_PREFIX), "باتروشيف")


# --- 404, metadata, print ------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_404_page_in_the_edition_language(server: Server, browser: BrowserContext, edition: str) -> None:
    with visiting(browser, server.url(f"{EDITIONS[edition]}404.html")) as visit:
        page = visit.page
        assert visit.console_errors == [] and visit.foreign_requests == [] and visit.failed_requests == []
        assert page.evaluate("document.documentElement.lang") == edition
        heading = page.locator("h1").inner_text()
        assert heading == ("الصفحة غير موجودة" if edition == "ar" else "Page not found")
        # Styled (Material's stylesheet reached from the sub-path) and the home link works.
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
        home = page.evaluate("document.querySelector('a.md-logo').href")
        assert home.rstrip("/") == server.url(EDITIONS[edition]).rstrip("/")
    # A missing address under the site is answered with the (English) 404 page, styled.
    with visiting(browser, server.url("no/such/page/")) as visit:
        assert visit.status == 404 and visit.failed_requests == []
        # The browser logs the document's own 404; nothing else may fail.
        assert [e for e in visit.console_errors if "status of 404" not in e] == []
        assert visit.page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")


def test_every_page_has_title_description_and_preview_metadata(server: Server, browser: BrowserContext) -> None:
    problems = []
    for edition, kind, path in all_pages(server):
        with visiting(browser, server.url(path)) as visit:
            meta = visit.page.evaluate("""() => {
              const get = sel => (document.querySelector(sel) || {}).content || '';
              return {title: document.title, description: get('meta[name=description]'),
                      ogTitle: get('meta[property="og:title"]'), ogDescription: get('meta[property="og:description"]'),
                      ogLocale: get('meta[property="og:locale"]'),
                      canonical: (document.querySelector('link[rel=canonical]') || {}).href || ''};
            }""")
        locale = "ar_AR" if edition == "ar" else "en_GB"
        if not (meta["title"] and meta["description"] and meta["ogTitle"] and meta["ogDescription"]):
            problems.append((path, meta))
        if meta["ogLocale"] != locale or meta["canonical"] != server.url(path):
            problems.append((path, meta))
        if kind == "briefing" and meta["ogTitle"] not in meta["title"]:
            problems.append((path, meta))
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_shows_both_texts_without_navigation(server: Server, browser: BrowserContext, edition: str) -> None:
    with visiting(browser, server.url(f"{EDITIONS[edition]}briefings/{SEED}/")) as visit:
        page = visit.page
        page.emulate_media(media="print")
        hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.bf-switch']
            .map(sel => [...document.querySelectorAll(sel)].every(el => getComputedStyle(el).display === 'none' || el.offsetParent === null))""")
        assert all(hidden), hidden
        cells = page.locator(".bf-row:not(.bf-row--head) .bf-cell")
        assert cells.count() == 20
        assert all(cells.nth(i).is_visible() for i in range(cells.count()))
        boxes = [cells.nth(i).bounding_box() for i in range(2)]
        assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2  # side by side on paper too
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"print-{edition}-briefing.pdf").write_bytes(pdf)
        page.screenshot(path=str(ARTIFACTS / f"print-{edition}-briefing.png"), full_page=True)


# --- Accessibility ---------------------------------------------------------------


def test_axe_finds_no_serious_or_critical_violation(server: Server, browser: BrowserContext, axe_source: str) -> None:
    problems = []
    targets = all_pages(server) + [(e, "404", EDITIONS[e] + "404.html") for e in EDITIONS]
    for edition, kind, path in targets:
        with visiting(browser, server.url(path)) as visit:
            page = visit.page
            page.evaluate(axe_source)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"]) for n in violation["nodes"][:3]]
                problems.append(f"{path}: {violation['id']} ({violation['impact']}) {nodes}")
    assert not problems, "\n".join(map(str, problems))


@pytest.mark.parametrize("edition", EDITIONS)
def test_landmarks_headings_and_language_of_parts(server: Server, browser: BrowserContext, edition: str) -> None:
    with visiting(browser, server.url(f"{EDITIONS[edition]}briefings/{SEED}/")) as visit:
        page = visit.page
        facts = page.evaluate("""() => ({
          main: document.querySelectorAll('main').length,
          banner: document.querySelectorAll('header.md-header').length,
          h1: [...document.querySelectorAll('h1')].filter(h => h.offsetParent !== null).length,
          searchButtonName: (document.querySelector('#bf-search') || {}).getAttribute?.('aria-label') || '',
          otherCells: [...document.querySelectorAll('.bf-row:not(.bf-row--head) .bf-cell')]
             .filter(c => c.lang !== document.documentElement.lang).map(c => [c.lang, c.dir]),
          emptyLinks: [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent !== null
             && !(a.innerText.trim() || a.getAttribute('aria-label') || a.getAttribute('title'))).length,
        })""")
    other = ("en", "ltr") if edition == "ar" else ("ar", "rtl")
    assert facts["main"] == 1 and facts["banner"] == 1 and facts["h1"] == 1
    assert facts["searchButtonName"] == ("إبحث" if edition == "ar" else "Search")
    assert facts["otherCells"] and all(tuple(c) == other for c in facts["otherCells"])
    assert facts["emptyLinks"] == 0


# --- Search ----------------------------------------------------------------------


SEARCH_INPUT = ".bf-search .md-search__input"
META = ".bf-search .md-search-result__meta"  # the count line
ITEMS = ".bf-search .md-search-result__list > li"
# What the count line says before a query has been answered (Material's search.result.placeholder).
WAITING = ["Type to start searching", "اكتب لبدء البحث"]


def open_search(page: Page, key: str | None = None) -> None:
    """Open search with the header button, or with a key as a reader would."""
    if key:
        page.keyboard.press(key)
    else:
        page.locator("#bf-search").click()
    page.locator(SEARCH_INPUT).wait_for(state="visible")
    page.wait_for_function("() => document.activeElement && document.activeElement.matches('.bf-search .md-search__input')")


def type_query(page: Page, query: str) -> int:
    """Type the query in the open panel; the number of results its count line gives, once the first are shown."""
    page.locator(SEARCH_INPUT).fill(query)
    page.wait_for_function(
        """waiting => {
          const meta = document.querySelector('.bf-search .md-search-result__meta');
          return meta && meta.textContent.trim() && !waiting.includes(meta.textContent.trim());
        }""",
        arg=WAITING,
        timeout=10_000,
    )
    digits = re.search(r"\d+", page.locator(META).inner_text())
    return int(digits.group()) if digits else page.locator(ITEMS).count()


def all_results(page: Page, total: int) -> list[str]:
    """The hrefs of every result, with the "more" control pressed until it is gone."""
    more = page.locator(".bf-search__more")
    for _ in range(total // 10 + 1):
        if not more.is_visible():
            break
        shown = page.locator(ITEMS).count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.bf-search .md-search-result__list > li').length > n", arg=shown)
    assert page.locator(ITEMS).count() == total
    return page.evaluate("[...document.querySelectorAll('.bf-search .md-search-result__list > li > a')].map(a => a.href)")


def search_results(context: BrowserContext, url: str, query: str) -> list[str]:
    """The hrefs the site's search lists for the query, typed on the page at url."""
    with visiting(context, url) as visit:
        page = visit.page
        open_search(page)
        hrefs = all_results(page, type_query(page, query))
        assert page.locator(META).is_visible()
        assert visit.console_errors == [] and visit.foreign_requests == [] and visit.failed_requests == []
        return hrefs


def _slugs(hrefs: list[str], server: Server, edition: str, prefix: str = PREFIX) -> set[str]:
    base = server.url(EDITIONS[edition], prefix)
    out = set()
    for href in hrefs:
        assert href.startswith(base), f"{href} is not in the {edition} edition"
        if edition == "en":
            assert not href.startswith(server.url("ar/", prefix)), f"{href} is in the Arabic edition"
        out.add(urlsplit(href[len(base):]).path)
    return out


ARABIC_QUERIES = [
    # query, a page it must find
    ("موسكو", f"briefings/{SEED}/"),
    ("باتروشيف", f"briefings/{SEARCH_SLUG}/"),  # the page writes وباتروشيف
    ("لافروف", f"briefings/{SEARCH_SLUG}/"),  # the page writes ولافروف, and nothing else does
    ("مفاوضات", f"briefings/{SEARCH_SLUG}/"),  # the page writes المفاوضاتُ
    ("المفاوضات", f"briefings/{SEARCH_SLUG}/"),
    ("استراتيجية", f"briefings/{SEARCH_SLUG}/"),  # بالإستراتيجية: clitic and hamza
    ("الاستراتيجيه", f"briefings/{SEARCH_SLUG}/"),  # ta marbuta typed as heh
    ("مسيرات", f"briefings/{SEARCH_SLUG}/"),  # the page writes المُسَيَّرات
    ("مُسَيَّرات", f"briefings/{SEARCH_SLUG}/"),  # diacritics in the query
    ("إسرائيل", f"briefings/{SEARCH_SLUG}/"),  # hamza in the query, none on the page
    ("اجتماع", f"briefings/{SEED}/"),
]


@pytest.mark.parametrize("query,expected", ARABIC_QUERIES)
def test_arabic_search_finds_words_in_any_written_form(server: Server, browser: BrowserContext, query: str, expected: str) -> None:
    hrefs = search_results(browser, server.url("ar/"), query)
    assert expected in _slugs(hrefs, server, "ar"), (query, hrefs)


@pytest.mark.parametrize("query,expected", [
    ("Patrushev", f"briefings/{SEED}/"),
    ("hospitality", f"briefings/{SEED}/"),
    ("patrushev", "actors/nikolai-patrushev/"),
])
def test_english_search_finds_english_pages_only(server: Server, browser: BrowserContext, query: str, expected: str) -> None:
    hrefs = search_results(browser, server.url(""), query)
    assert expected in _slugs(hrefs, server, "en"), (query, hrefs)


def test_search_skips_the_other_language_column(server: Server, browser: BrowserContext) -> None:
    """data-search-exclude works: the translation's words do not make the other edition's briefing a hit."""
    # حفاوة is only in the Arabic original; hospitality only in the English translation.
    assert f"briefings/{SEED}/" not in _slugs(search_results(browser, server.url(""), "حفاوة"), server, "en")
    assert f"briefings/{SEED}/" not in _slugs(search_results(browser, server.url("ar/"), "hospitality"), server, "ar")
    assert f"briefings/{SEED}/" in _slugs(search_results(browser, server.url("ar/"), "حفاوة"), server, "ar")


def _search_requests(requests: list[str], server: Server, prefix: str = PREFIX) -> list[str]:
    """The requests of the site's search: its script and any file under an edition's search/."""
    out = []
    for url in requests:
        path = urlsplit(url).path
        if path.startswith(prefix) and ("/search/" in path or path.endswith("/assets/briefing/search.js")):
            # The script's address carries its version (?v=...), which is not what these tests compare.
            query = urlsplit(url).query
            out.append(path[len(prefix):] + ("?" + query if query and not path.endswith("search.js") else ""))
    return out


@pytest.mark.parametrize("edition", EDITIONS)
def test_nothing_of_search_is_requested_before_it_is_opened(server: Server, browser: BrowserContext, edition: str) -> None:
    with visiting(browser, server.url(f"{EDITIONS[edition]}briefings/{SEED}/")) as visit:
        page = visit.page
        for _ in range(5):
            page.mouse.wheel(0, 600)
            page.wait_for_timeout(100)
        page.locator("#bf-search").hover()
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)
        assert _search_requests(visit.requests, server) == []
        # Opening it loads the script and the entry, and nothing else until a query is typed.
        open_search(page)
        page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('/search/index.json'))")
        assert _search_requests(visit.requests, server) == [f"{EDITIONS[edition]}{path}" for path in ("assets/briefing/search.js", "search/index.json")]
        assert visit.console_errors == [] and visit.failed_requests == []


MAX_SHARDS_PER_WORD = 4  # docs/search.md: a word fetches at most 4 shards


def _corpus_index(server: Server) -> tuple[IndexFiles, dict[str, bytes]]:
    folder = server.corpus_site / "ar" / "search"
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    return IndexFiles(files), files


def _prefix_over(index: IndexFiles, shard_counts: range) -> tuple[str, int, int]:
    """A query word (a prefix, left alone by query_words) whose terms run over a number of shards in shard_counts;
    with its first and last shard."""
    shards = index.entry["shards"]
    for start in shards[1:]:
        for n in range(3, len(start) + 1):
            word = start[:n]
            if query_words(word) != [word]:
                continue
            first = last = index.shard_of(word)
            while last + 1 < len(shards) and shards[last + 1].startswith(word):
                last += 1
            if last - first + 1 in shard_counts and len(index.search(word)) > 10:
                return word, first, last
    raise AssertionError(f"no prefix over {shard_counts} shards in the corpus's index")


def _search_corpus(server: Server, browser: BrowserContext, query: str) -> tuple[list[str], list[str], bool]:
    """The hrefs found, the index pieces fetched for the first page of results, and whether the capped note shows."""
    with visiting(browser, server.url("ar/", CORPUS_PREFIX)) as visit:
        page = visit.page
        open_search(page)
        total = type_query(page, query)
        first_page = [p for p in _search_requests(visit.requests, server, CORPUS_PREFIX) if p.startswith("ar/search/")]
        capped = page.locator(".bf-search__note").is_visible()
        hrefs = all_results(page, total)
        assert visit.console_errors == [] and visit.failed_requests == []
    return hrefs, first_page, capped


def test_a_query_fetches_only_its_shards_and_the_fragments_shown(server: Server, browser: BrowserContext) -> None:
    """On the generated corpus (many shards and fragment files): a prefix running over several shards finds
    what a plain reading of the files finds (tests/output/searchreader.py), fetching no other piece."""
    index, files = _corpus_index(server)
    query, first, last = _prefix_over(index, range(2, MAX_SHARDS_PER_WORD + 1))
    hrefs, fetched, capped = _search_corpus(server, browser, query)
    assert sorted(_slugs(hrefs, server, "ar", CORPUS_PREFIX)) == index.search(query)
    assert not capped
    stamp = index.entry["stamp"]
    assert sorted(p for p in fetched if "/t/" in p) == sorted(f"ar/search/t/{i}.json.gz?v={stamp}" for i in range(first, last + 1))
    fragments = [p for p in fetched if "/d/" in p]
    # The first ten results' fragment files only, each once.
    assert len(fragments) == len(set(fragments)) and 1 <= len(fragments) <= 10
    assert len(fragments) < len([name for name in files if name.startswith("d/")])


def test_a_short_prefix_fetches_at_most_four_shards_and_says_so(server: Server, browser: BrowserContext) -> None:
    index, _files = _corpus_index(server)
    query, first, _last = _prefix_over(index, range(MAX_SHARDS_PER_WORD + 1, 10_000))
    hrefs, fetched, capped = _search_corpus(server, browser, query)
    stamp = index.entry["stamp"]
    assert sorted(p for p in fetched if "/t/" in p) == sorted(
        f"ar/search/t/{i}.json.gz?v={stamp}" for i in range(first, first + MAX_SHARDS_PER_WORD))
    assert capped
    assert hrefs and set(_slugs(hrefs, server, "ar", CORPUS_PREFIX)) <= set(index.search(query))


def test_search_reads_files_the_host_already_decompressed(server: Server, browser: BrowserContext) -> None:
    """A host may send .json.gz with Content-Encoding: gzip: the browser then hands the script JSON, not gzip."""
    request = urllib.request.Request(server.url("ar/search/t/0.json.gz", GZIP_PREFIX), headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
    hrefs = search_results(browser, server.url("ar/", GZIP_PREFIX), "لافروف")
    assert f"briefings/{SEARCH_SLUG}/" in _slugs(hrefs, server, "ar", GZIP_PREFIX)


@pytest.mark.parametrize("edition,path,query", [("en", "no/such/page/", "Patrushev"), ("ar", "ar/404.html", "باتروشيف")])
def test_search_from_an_error_page(server: Server, browser: BrowserContext, edition: str, path: str, query: str) -> None:
    """Error pages are served at any address (the host sends the English one for every missing page):
    their search starts at the edition's root all the same."""
    with visiting(browser, server.url(path)) as visit:
        page = visit.page
        open_search(page)
        hrefs = all_results(page, type_query(page, query))
        # The only error allowed is the page's own status.
        assert set(visit.console_errors) <= {"Failed to load resource: the server responded with a status of 404 (Not Found)"}
        assert visit.failed_requests == []
    assert f"briefings/{SEED}/" in _slugs(hrefs, server, edition)


def test_markup_in_the_index_is_shown_as_text(server: Server, browser: BrowserContext) -> None:
    with visiting(browser, server.url("", CORPUS_PREFIX)) as visit:
        page = visit.page
        dialogs: list[str] = []

        def on_dialog(dialog: Any) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        open_search(page)
        assert type_query(page, "hostile zanzibarian") == 1
        title = page.locator(".bf-search .md-search-result__list h1").inner_text()
        text = page.locator(".bf-search .md-search-result__list p").inner_text()
        injected = page.evaluate("document.querySelectorAll('.bf-search img, .bf-search script, .bf-search iframe, .bf-search [onerror]').length")
        pwned = page.evaluate("window.bfPwned === undefined")
    assert title == HOSTILE_TITLE
    assert "Zanzibarian" in text and injected == 0 and pwned and dialogs == []


@pytest.mark.parametrize("edition,query,marked", [
    ("ar", "مفاوضات", ["المفاوضاتُ"]),  # through the article and the damma
    ("ar", "لافروف", ["ولافروف"]),  # through the proclitic و
    ("ar", "مسيرات اسرائيل", ["المُسَيَّرات", "اسرائيل"]),
    ("en", "patrushev", ["Patrushev"]),
])
def test_results_mark_every_hit_as_written(server: Server, browser: BrowserContext, edition: str, query: str, marked: list[str]) -> None:
    slug = f"briefings/{SEARCH_SLUG}/" if edition == "ar" else f"briefings/{SEED}/"
    with visiting(browser, server.url(EDITIONS[edition])) as visit:
        page = visit.page
        open_search(page)
        type_query(page, query)
        link = page.locator(f".bf-search .md-search-result__list a[href$='{slug}']")
        marks = link.locator("p mark").all_inner_texts()
        assert visit.console_errors == []
    assert marks and set(marks) == set(marked), marks


@pytest.mark.parametrize("edition", EDITIONS)
def test_search_panel_reads_in_the_edition_direction_at_any_width(server: Server, browser: BrowserContext, edition: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with visiting(browser, server.url(EDITIONS[edition]), viewport) as visit:
            page = visit.page
            open_search(page)
            type_query(page, "باتروشيف" if edition == "ar" else "Patrushev")
            facts = page.evaluate("""() => {
              const panel = document.querySelector('.bf-search');
              const input = panel.querySelector('.md-search__input').getBoundingClientRect();
              const first = panel.querySelector('.md-search-result__list a').getBoundingClientRect();
              window.scrollBy(500, 0);  // the open panel never lets the page move sideways
              return {direction: getComputedStyle(panel).direction, width: document.documentElement.clientWidth,
                      scrollX: window.scrollX, input: [input.left, input.right],
                      first: [first.left, first.right, first.top, first.bottom], name: panel.getAttribute('aria-label'),
                      role: panel.getAttribute('role'), placeholder: panel.querySelector('.md-search__input').placeholder,
                      reset: panel.querySelector('button[type=reset]').getAttribute('aria-label'),
                      more: panel.querySelector('.bf-search__more').textContent};
            }""")
            page.screenshot(path=str(ARTIFACTS / f"{edition}-search-{width_name}.png"))
        assert facts["direction"] == ("rtl" if edition == "ar" else "ltr"), facts
        assert facts["role"] == "dialog" and facts["name"] == ("إبحث" if edition == "ar" else "Search"), facts
        # The panel's words, which come with the edition's search/index.json.
        assert (facts["placeholder"], facts["reset"], facts["more"]) == (
            ("بحث", "مسح كلي", "عرض مزيد من النتائج") if edition == "ar" else ("Search", "Clear", "Show more results")
        ), facts
        assert facts["scrollX"] == 0, facts
        assert facts["first"][0] >= -1 and facts["first"][1] <= facts["width"] + 1 and facts["first"][3] > facts["first"][2], facts
        assert facts["input"][0] >= -1 and facts["input"][1] <= facts["width"] + 1, facts


@pytest.mark.parametrize("edition", EDITIONS)
def test_axe_finds_no_serious_or_critical_violation_with_search_open(server: Server, browser: BrowserContext, axe_source: str, edition: str) -> None:
    with visiting(browser, server.url(EDITIONS[edition])) as visit:
        page = visit.page
        open_search(page)
        type_query(page, "باتروشيف" if edition == "ar" else "Patrushev")
        page.keyboard.press("ArrowDown")  # a result focused, as a reader moving through them
        page.evaluate(axe_source)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    problems = [f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes'][:3]]}"
                for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_from_the_keyboard(server: Server, browser: BrowserContext, key: str) -> None:
    """Open with a key, arrows through the results, Enter follows one; Escape closes and gives focus back."""
    with visiting(browser, server.url("ar/")) as visit:
        page = visit.page
        open_search(page, key)
        assert type_query(page, "باتروشيف") >= 2
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        focused = page.evaluate("document.activeElement.href")
        second = page.evaluate("document.querySelectorAll('.bf-search .md-search-result__list a')[1].href")
        assert focused == second
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none"  # focus is visible
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.matches('.bf-search .md-search__input')")
        page.keyboard.press("Escape")
        assert not page.locator(SEARCH_INPUT).is_visible()
        assert page.evaluate("document.activeElement.id") == "bf-search"
        # Open again (the script is loaded now): the query is still there.
        page.keyboard.press("Enter")  # the focused header button
        page.locator(SEARCH_INPUT).wait_for(state="visible")
        page.keyboard.press("ArrowDown")
        target = page.evaluate("document.activeElement.href")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == target
        assert visit.console_errors == []


# --- Layout and screenshots ------------------------------------------------------


def _layout(page: Page) -> dict[str, Any]:
    return page.evaluate("""() => {
      const box = el => { if (!el) return null; const r = el.getBoundingClientRect(); return {x: r.left, r: r.right, y: r.top, b: r.bottom, w: r.width, h: r.height}; };
      const textBox = el => { const range = document.createRange(); range.selectNodeContents(el); return box(range); };
      const h1 = document.querySelector('.md-content h1');
      const nav = document.querySelector('.md-sidebar--primary');
      const header = [...document.querySelectorAll('.md-header__inner > *')]
        .filter(el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0)
        .map(el => ({cls: el.className.baseVal ?? el.className, ...box(el)}));
      const row = document.querySelector('.bf-row:not(.bf-row--head)');
      const cells = row ? [...row.querySelectorAll('.bf-cell')].map(c => ({lang: c.lang, ...box(c)})) : [];
      return {width: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
              h1: box(h1), h1Text: h1 ? textBox(h1) : null,
              content: box(document.querySelector('.md-content')),
              nav: nav && getComputedStyle(nav).display !== 'none' && nav.getBoundingClientRect().width > 0 ? box(nav) : null,
              header, cells, switcher: box(document.querySelector('a.bf-switch__link'))};
    }""")


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x"] < b["r"] - 1 and b["x"] < a["r"] - 1 and a["y"] < b["b"] - 1 and b["y"] < a["b"] - 1


def test_layout_and_screenshots(server: Server, browser: BrowserContext) -> None:
    """RTL layout, the parallel columns, an uncluttered header; screenshots of every page type."""
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for edition, kind, path in all_pages(server):
            with visiting(browser, server.url(path), viewport) as visit:
                page = visit.page
                page.screenshot(path=str(ARTIFACTS / f"{edition}-{kind}-{width_name}.png"), full_page=True)
                layout = _layout(page)
            where = f"{path} ({width_name})"
            if layout["scrollWidth"] > layout["width"] + 1:
                problems.append(f"{where}: scrolls sideways ({layout['scrollWidth']} > {layout['width']})")
            header = layout["header"]
            for i, a in enumerate(header):
                for b in header[i + 1:]:
                    if _overlaps(a, b):
                        problems.append(f"{where}: header items overlap: {a['cls']} / {b['cls']}")
            h1, text, content = layout["h1"], layout["h1Text"], layout["content"]
            if h1 and text:
                # The heading text starts at the edition's reading side.
                if edition == "ar" and abs(text["r"] - h1["r"]) > 2:
                    problems.append(f"{where}: Arabic heading not right-aligned")
                if edition == "en" and abs(text["x"] - h1["x"]) > 2:
                    problems.append(f"{where}: English heading not left-aligned")
            if width_name == "desktop" and layout["nav"]:
                nav_right = layout["nav"]["x"] > content["x"]
                if nav_right != (edition == "ar"):
                    problems.append(f"{where}: navigation on the wrong side")
            if width_name == "desktop" and kind == "briefing":
                # Side by side, the edition's own language at its reading start:
                # English on the left in the English edition, Arabic on the right
                # in the Arabic one (so the Arabic text is on the right in both).
                cells = {c["lang"]: c for c in layout["cells"]}
                own, other = cells[edition], cells["en" if edition == "ar" else "ar"]
                own_first = own["x"] > other["x"] if edition == "ar" else own["x"] < other["x"]
                if not own_first or abs(own["y"] - other["y"]) > 1 or [c["lang"] for c in layout["cells"]][0] != edition:
                    problems.append(f"{where}: parallel columns {layout['cells']}")
            if width_name == "phone" and kind == "briefing":
                cells = layout["cells"]
                if not all(c["w"] <= layout["width"] for c in cells):
                    problems.append(f"{where}: cells wider than the screen")
    assert not problems, "\n".join(map(str, problems))
    if (server.site / "timeline" / "index.html").exists():
        assert (ARTIFACTS / "ar-timeline-phone.png").exists()


def test_desktop_navigation_is_visible_on_the_reading_side(server: Server, browser: BrowserContext) -> None:
    for edition in EDITIONS:
        with visiting(browser, server.url(f"{EDITIONS[edition]}briefings/")) as visit:
            layout = _layout(visit.page)
        assert layout["nav"] is not None, edition
        assert (layout["nav"]["x"] > layout["width"] / 2) == (edition == "ar")


# --- Pictures ------------------------------------------------------------------

# Pages with pictures, and how many each shows.
PICTURE_PAGES = {"home": ("", 1), "actor": ("actors/nikolai-patrushev/", 2), "network": ("network/", 1),
                 "timeline": ("timeline/", 1), "places": ("places/", 1)}


def _pictures(page: Page) -> list[dict[str, Any]]:
    return page.evaluate("""() => [...document.querySelectorAll('svg.bf-picture')].map(svg => {
        const box = svg.getBoundingClientRect();
        const scroller = svg.closest('.bf-figure__scroll');
        const texts = [...svg.querySelectorAll('text')];
        return {w: box.width, h: box.height, visible: getComputedStyle(svg).visibility === 'visible' && box.width > 0,
                scrolls: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
                fits: scroller ? scroller.getBoundingClientRect().right <= window.innerWidth + 1 : false,
                directions: [...new Set(texts.map(t => getComputedStyle(t).direction))],
                fontPx: Math.min(...texts.map(t => t.getBoundingClientRect().height).filter(h => h > 0))};
    })""")


def test_pictures_are_visible_and_readable_at_desktop_and_phone(server: Server, browser: BrowserContext) -> None:
    """Every picture shows at 1280 and 390 px in both editions, in the edition's direction; on a
    phone it scrolls inside its figure instead of shrinking, and the page itself does not scroll sideways."""
    ARTIFACTS.mkdir(exist_ok=True)
    problems = []
    for width_name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for edition in EDITIONS:
            for kind, (path, count) in PICTURE_PAGES.items():
                with visiting(browser, server.url(EDITIONS[edition] + path), viewport) as visit:
                    page = visit.page
                    found = _pictures(page)
                    for i, figure in enumerate(page.locator("figure.bf-figure").all()):
                        figure.screenshot(path=str(ARTIFACTS / f"picture-{edition}-{kind}-{i}-{width_name}.png"))
                    layout = _layout(page)
                    # The map's outline is the site's own file: nothing a picture shows comes from elsewhere.
                    requests = visit.foreign_requests + visit.failed_requests
                where = f"{edition} {kind} ({width_name})"
                if requests:
                    problems.append(f"{where}: requests {requests}")
                if len(found) != count:
                    problems.append(f"{where}: {len(found)} pictures, expected {count}")
                for picture in found:
                    if not picture["visible"] or picture["w"] < 200 or picture["h"] < 60:
                        problems.append(f"{where}: picture not shown ({picture})")
                    if picture["directions"] != ["rtl" if edition == "ar" else "ltr"]:
                        problems.append(f"{where}: labels' direction {picture['directions']}")
                    if picture["fontPx"] < 7:
                        problems.append(f"{where}: labels squeezed to {picture['fontPx']:.1f} px")
                    if not picture["fits"]:
                        problems.append(f"{where}: the figure runs past the window")
                if layout["scrollWidth"] > layout["width"] + 1:
                    problems.append(f"{where}: the page scrolls sideways")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("edition", EDITIONS)
def test_print_shows_the_pictures(server: Server, browser: BrowserContext, edition: str) -> None:
    with visiting(browser, server.url(f"{EDITIONS[edition]}actors/nikolai-patrushev/")) as visit:
        page = visit.page
        page.emulate_media(media="print")
        found = _pictures(page)
        assert len(found) == 2 and all(p["visible"] and p["w"] > 200 for p in found), found
        width = page.evaluate("document.documentElement.clientWidth")
        assert all(p["w"] <= width + 1 and not p["scrolls"] for p in found), found
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / f"print-{edition}-actor.pdf").write_bytes(pdf)
        page.screenshot(path=str(ARTIFACTS / f"print-{edition}-actor.png"), full_page=True)


def test_picture_links_lead_to_pages_of_the_same_edition(server: Server, browser: BrowserContext) -> None:
    for edition, root in EDITIONS.items():
        with visiting(browser, server.url(root + "network/")) as visit:
            hrefs = visit.page.evaluate(
                "[...document.querySelectorAll('svg.bf-picture a')].map(a => new URL(a.href.baseVal, document.baseURI).href)")
        assert hrefs
        for href in hrefs:
            assert href.startswith(server.url(root + "actors/")), href
