"""Hostile content, reproducible output, atomic builds and fuzzed inputs."""

from __future__ import annotations

import hashlib
import gzip
import json
import os
import string
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_project, run_cli
from generator.core.diagnostics import Report
from generator.content.loader import load
from sitecheck import check_site

HOSTILE = [
    '<script>alert("t1")</script>',
    '"><img src=x onerror=alert("t2")>',
    "</title><script>alert('t3')</script>",
    "' onmouseover='alert(\"t4\")",
    "{{ 7*7 }}{% if true %}t5{% endif %}",
    "]]></summary><evil>t6</evil>",
    "&lt;script&gt;alert('t7')&lt;/script&gt;",
]
MARK = " ".join(HOSTILE)
FUZZ_EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "150"))


def _yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def hostile_content(root: Path) -> None:
    content = root / "content"
    (content / "briefings").mkdir(parents=True)
    (content / "actors").mkdir()
    q = _yaml_str
    (content / "actors" / "villain.yml").write_text(
        f"kind: person\nname: {{en: {q('Villain ' + HOSTILE[1])}, ar: {q('الشرير ' + HOSTILE[0])}}}\n"
        f"aliases: {{en: [Villain]}}\n"
        f"bio: {{en: {q(MARK)}, ar: {q(MARK)}}}\n"
        f"links: {{website: {q('https://example.org/a' + chr(34) + 'onmouseover=' + chr(34) + 'alert(1)')}}}\n"
        f"roles:\n  - title: {{en: {q('Chief ' + HOSTILE[2])}, ar: {q('رئيس ' + HOSTILE[3])}}}\n    from: 2020-01-01\n",
        encoding="utf-8",
    )
    (content / "actors" / "hero.yml").write_text("kind: person\nname: {en: Hero Person, ar: البطل}\n", encoding="utf-8")
    (content / "places.yml").write_text(f"evil-place:\n  name: {{en: {q(HOSTILE[4])}, ar: {q(HOSTILE[5])}}}\n", encoding="utf-8")
    (content / "topics.yml").write_text(f"evil-topic:\n  name: {{en: {q(HOSTILE[6])}, ar: {q(HOSTILE[0])}}}\n", encoding="utf-8")
    body = (
        "Villain spoke. <script>alert('body1')</script>\n\n"
        "<img src=x onerror=\"alert('body2')\"> <iframe src=\"https://evil.example/\"></iframe>\n\n"
        "[click](javascript:alert('body3')) [data](data:text/html;base64,PHNjcmlwdD4=) <a href=\"#\" onclick=\"alert('body4')\">x</a>\n\n"
        "<style>body{display:none}</style><form action=\"https://evil.example/\"><input name=q></form>\n\n"
        f"{MARK}\n"
    )
    (content / "briefings" / "hostile.en.md").write_text(
        "---\n"
        f"title: {q('Hostile ' + MARK)}\n"
        "date: 2024-01-02\n"
        f"source: {{name: {q(HOSTILE[1] + ' (illustrative example)')}, url: {q('https://example.org/x?a=1&b=' + chr(34) + '><script>alert(9)</script>')}}}\n"
        "location: evil-place\ntopics: [evil-topic]\nactors: [villain]\n"
        f"summary: [{q(MARK)}, {q(HOSTILE[0])}]\n"
        "events:\n  - type: meeting\n    date: 2024-01-02\n    participants: [villain, hero]\n"
        f"    title: {{en: {q(HOSTILE[2])}, ar: {q(HOSTILE[3])}}}\n"
        "---\n" + body,
        encoding="utf-8",
    )
    (content / "briefings" / "hostile.ar.md").write_text(
        f"---\ntitle: {q('عدائي ' + MARK)}\nsummary: [{q(MARK)}]\ntranslator: {q(HOSTILE[1])}\nstatus: draft\n---\n{body}",
        encoding="utf-8",
    )


LOGO = "assets/briefing/logo.svg"


class _Scanner(HTMLParser):
    """Collects what a browser would execute or load from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False
        self._content_depth = 0  # inside Material's content <article>, where only our markup belongs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "article" and (self._content_depth or "md-content__inner" in (dict(attrs).get("class") or "")):
            self._content_depth += 1
        # The one image of a page is the theme's logo, outside the content, from the site's own assets
        # (templates/overrides/partials/logo.html).
        logo = tag == "img" and not self._content_depth and (dict(attrs).get("src") or "").endswith(LOGO)
        if tag in ("iframe", "object", "embed", "evil") or (tag == "img" and not logo) or (
            self._content_depth and tag in ("form", "input", "style", "script", "button", "textarea")
        ):
            self.problems.append(f"<{tag}> element")
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if tag == "article" and self._content_depth:
            self._content_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert(" in data:
            self.problems.append(f"script runs {data[:60]!r}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile"), content=None)
    import shutil

    shutil.rmtree(project / "content")
    hostile_content(project)
    result = run_cli("build", project=project)
    assert result.code == 0, result.stderr
    return project / "site"


def test_no_script_reaches_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        scanner = _Scanner()
        scanner.feed(page.read_text(encoding="utf-8"))
        assert scanner.problems == [], page


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    from bs4 import BeautifulSoup

    page = BeautifulSoup((hostile_site / "briefings/hostile/index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.h1.get_text() == "Hostile " + MARK
    assert page.title.get_text().startswith("Hostile " + MARK)
    assert page.find("meta", attrs={"name": "description"})["content"].startswith(MARK)
    assert check_site(hostile_site) == []


def test_search_index_feeds_and_exports_stay_inert(hostile_site: Path) -> None:
    # The index holds text as data (docs/search.md): the script inserts it with
    # textContent, so markup in it would show as text. It must hold the text
    # as written, and the title and the names of the page, not markup of ours.
    for index in (hostile_site / "search", hostile_site / "ar/search"):
        fragments = [doc for chunk in sorted(index.glob("d/*.json.gz")) for doc in json.loads(gzip.decompress(chunk.read_bytes()))]
        hostile = next(doc for doc in fragments if doc[0] == "briefings/hostile/")
        assert MARK in hostile[1]
        assert all(not doc[0].startswith(("javascript:", "/", "http")) for doc in fragments)
    for feed_path in (hostile_site / "feed.xml", hostile_site / "ar/feed.xml"):
        feed = feedparser.parse(feed_path.read_bytes())
        assert feed.bozo == 0
        assert feed.entries[0].title.endswith(MARK)
    briefings = json.loads((hostile_site / "data/briefings.json").read_text(encoding="utf-8"))
    assert briefings[0]["title"]["en"] == "Hostile " + MARK
    for data in (hostile_site / "data").glob("*.json"):
        raw = data.read_bytes()
        assert b"<script" not in raw and b"<img" not in raw, data
    # iCalendar text is plain text by definition: it must round-trip exactly.
    import icalendar

    cal = icalendar.Calendar.from_ical((hostile_site / "data/events.ics").read_bytes())
    assert [str(v["SUMMARY"]) for v in cal.walk("VEVENT")] == [HOSTILE[2]]


def test_bidi_controls_in_names_are_rejected(tmp_path: Path) -> None:
    project = tmp_path / "p"
    (project / "content" / "actors").mkdir(parents=True)
    (project / "content" / "actors" / "x.yml").write_text("kind: person\nname: {en: \"Ali \u202eila\", ar: علي}\n")
    result = run_cli("check", project=project)
    assert result.code == 1
    assert result.stdout == (
        "content/actors/x.yml:2: error: 'name.en' contains the invisible bidirectional control U+202E,"
        " which can reorder displayed text: remove it\n"
    )


def _digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    other = copy_project(tmp_path / "elsewhere")
    result = run_cli("build", project=other)
    assert result.code == 0, result.stderr
    assert _digest(other / "site") == _digest(sample_site)


def test_engine_failure_leaves_previous_site_byte_identical(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert run_cli("build", project=project).code == 0
    before = _digest(project / "site")
    (project / "templates" / "overrides" / "main.html").write_text("{% extends 'base.html' %}{% block x %}{% endblock", encoding="utf-8")
    result = run_cli("build", project=project)
    assert result.code == 1
    assert "the site engine (MkDocs) failed" in result.stderr and "Traceback" not in result.stderr
    assert _digest(project / "site") == before
    outside = {p.name for p in project.iterdir()}
    assert outside == {"content", "templates", "mkdocs.yml", "site", ".build"}


def test_site_symlink_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    (project / "site").symlink_to(elsewhere, target_is_directory=True)
    result = run_cli("build", project=project)
    assert result.code == 1 and "site/ is not a plain folder" in result.stderr
    assert (elsewhere / "keep.txt").read_text() == "keep"


def test_content_over_the_configured_limits_fails_clearly(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "  limits:\n    max_total_bytes: 1000\n", encoding="utf-8")
    result = run_cli("check", project=project)
    assert result.code == 1
    assert "over the configured limits (extra.limits in mkdocs.yml)" in result.stdout


# --- fuzzing: any input gives a model or path:line errors, never an exception ---

_YAMLISH = st.text(alphabet=string.printable + "علي شمخاني:-[]{}#&*!|>'\"\u0640\ufeff\r", max_size=300)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(front=_YAMLISH, body=st.text(max_size=200), raw=st.binary(max_size=200))
def test_fuzzed_files_give_a_model_or_located_errors(tmp_path_factory: pytest.TempPathFactory, front: str, body: str, raw: bytes) -> None:
    root = tmp_path_factory.mktemp("fuzz")
    briefings = root / "content" / "briefings"
    briefings.mkdir(parents=True)
    (root / "content" / "actors").mkdir()
    (briefings / "a.en.md").write_text(f"---\n{front}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    (briefings / "b.ar.md").write_bytes(raw)
    (root / "content" / "actors" / "x.yml").write_text(front, encoding="utf-8", errors="surrogatepass")
    (root / "content" / "places.yml").write_text(front, encoding="utf-8", errors="surrogatepass")
    report = Report()
    corpus = load(root, report)
    for item in report.items:
        line = item.format()
        assert line.startswith(("content/briefings/", "content/actors/", "content/places.yml", "content")), line
        assert "\n" not in line and "Traceback" not in line
        assert item.line >= 0
    for briefing in corpus.briefings:
        assert briefing.original.title


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True)
@given(value=st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates().map(str),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.sampled_from(
        ["title", "date", "source", "name", "url", "events", "type", "participants", "actors", "summary", "id", "en", "ar", "x"]),
        children, max_size=4),
    max_leaves=12))
def test_schema_validator_never_raises(value: object) -> None:
    from generator.content import schema
    from generator.content.yamlnodes import parse

    from generator.content.yamlnodes import YamlProblem

    text = json.dumps(value, ensure_ascii=False)
    try:
        node = parse(text)
    except YamlProblem as problem:  # JSON control characters are not YAML: a located message is right
        assert problem.line >= 1 and "\n" not in problem.message
        return
    problems: list[tuple[int, str]] = []
    result = schema.ORIGINAL.check(node, schema.Ctx(lambda line, msg: problems.append((line, msg))), "")
    if result is schema.INVALID:
        assert problems and all(line >= 1 and msg for line, msg in problems)
    else:
        assert problems == [] and result["title"]


def test_engine_failure_in_a_first_build_writes_no_site(tmp_path: Path) -> None:
    # Without an earlier site, each edition's process runs MkDocs itself (as soon as it is written).
    project = copy_project(tmp_path / "p")
    (project / "templates" / "overrides" / "main.html").write_text("{% extends 'base.html' %}{% block x %}{% endblock", encoding="utf-8")
    result = run_cli("build", project=project)
    assert result.code == 1
    assert result.stderr.count("the site engine (MkDocs) failed") == 2 and "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert {p.name for p in project.iterdir()} == {"content", "templates", "mkdocs.yml", ".build"}
