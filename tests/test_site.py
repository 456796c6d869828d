"""Assertions on the built sample site, parsed as HTML."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import SAMPLE_CONTENT, copy_project, run_cli
from sitecheck import check_site, unreachable_pages

SEED = "shamkhani-patrushev-moscow-2023"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_both_editions_have_the_same_pages(sample_site: Path) -> None:
    english = {p.relative_to(sample_site).as_posix() for p in pages(sample_site) if not p.relative_to(sample_site).as_posix().startswith("ar/")}
    arabic = {p.relative_to(sample_site / "ar").as_posix() for p in pages(sample_site / "ar")}
    assert english == arabic
    for expected in ("index.html", "404.html", f"briefings/{SEED}/index.html", "briefings/index.html",
                     "actors/index.html", "actors/nikolai-patrushev/index.html", "topics/index.html", "places/moscow/index.html"):
        assert expected in english


def test_language_and_direction_on_every_page(sample_site: Path) -> None:
    for page in pages(sample_site):
        html = soup(page).html
        if page.relative_to(sample_site).parts[0] == "ar":
            assert (html["lang"], html.get("dir")) == ("ar", "rtl"), page
            assert soup(page).body["dir"] == "rtl"
        else:
            assert html["lang"] == "en" and html.get("dir", "ltr") == "ltr", page


def test_switcher_and_hreflang_lead_to_the_same_page(sample_site: Path) -> None:
    for page in pages(sample_site):
        rel = page.relative_to(sample_site).as_posix()
        if rel.endswith("404.html"):
            continue
        doc = soup(page)
        arabic = rel.startswith("ar/")
        counterpart = rel[3:] if arabic else "ar/" + rel
        link = doc.select_one("a.bf-switch__link")
        assert link is not None and link["hreflang"] == ("en" if arabic else "ar"), rel
        target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), link["href"]))
        assert posixpath.join(target, "index.html") if not target.endswith(".html") else target
        assert posixpath.normpath(posixpath.join(target, "index.html")) == posixpath.normpath(counterpart), (rel, link["href"])
        alternates = {tag["hreflang"]: tag["href"] for tag in doc.find_all("link", hreflang=True) if "alternate" in tag["rel"]}
        assert set(alternates) == {"en", "ar"}
        other = "en" if arabic else "ar"
        assert posixpath.normpath(posixpath.join(posixpath.dirname(rel), alternates[other], "index.html")) == posixpath.normpath(counterpart)


def test_seed_briefing_shows_ten_aligned_paragraphs_with_original_marked(sample_site: Path) -> None:
    seed_text = (SAMPLE_CONTENT / "briefings" / f"{SEED}.ar.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    seed_lines = seed_text.strip().split("\n")
    assert len(seed_lines) == 10
    for edition, first_lang in (("", "en"), ("ar/", "ar")):
        doc = soup(sample_site / f"{edition}briefings/{SEED}/index.html")
        rows = doc.select(".bf-parallel .bf-row:not(.bf-row--head)")
        assert len(rows) == 10
        for row, line in zip(rows, seed_lines):
            cells = row.select(".bf-cell")
            assert [c["lang"] for c in cells] == [first_lang, "en" if first_lang == "ar" else "ar"]
            arabic = next(c for c in cells if c["lang"] == "ar")
            assert "bf-original" in arabic["class"] and arabic["dir"] == "rtl"
            assert "bf-original" not in next(c for c in cells if c["lang"] == "en")["class"]
            assert arabic.get_text() == line.strip()
        head = doc.select_one(".bf-row--head .bf-original")
        assert head is not None and head.get_text().strip()


def test_seed_briefing_metadata(sample_site: Path) -> None:
    doc = soup(sample_site / f"briefings/{SEED}/index.html")
    meta = doc.select_one("dl.bf-meta").get_text(" ", strip=True)
    assert "9 February 2023" in meta and "Nournews" in meta and "Moscow" in meta and "reviewed" in meta
    assert doc.select_one("time")["datetime"] == "2023-02-09"
    assert len(doc.select(".bf-keypoints li")) == 4
    involved = [a["href"] for a in doc.select(".bf-actors a")]
    assert "../../actors/ali-shamkhani/" in involved and "../../actors/nikolai-patrushev/" in involved
    arabic = soup(sample_site / f"ar/briefings/{SEED}/index.html")
    assert "9 فبراير 2023" in arabic.select_one("dl.bf-meta").get_text()


def test_arabic_text_links_names_and_office_titles(sample_site: Path) -> None:
    doc = soup(sample_site / f"ar/briefings/{SEED}/index.html")
    arabic_cells = doc.select('.bf-row:not(.bf-row--head) .bf-cell[lang="ar"]')
    links = {(a.get_text(), a["href"].split("/")[-2]) for cell in arabic_cells for a in cell.select('a[href^="../"]')}
    assert ("الأدميرال علي شمخاني", "ali-shamkhani") in links  # an alias: title and name
    assert ("نيكولاي باتروشيف", "nikolai-patrushev") in links
    assert ("شنغهاي", "sco") in links
    assert ("بريكس", "brics") in links  # written وبريكس: the conjunction stays outside the link
    assert ("أمين مجلس الأمن القومي الروسي", "nikolai-patrushev") in links
    places = {(a.get_text(), a["href"]) for cell in arabic_cells for a in cell.select('a[href^="../"]')}
    assert ("موسكو", "../../places/moscow/") in places and ("طهران", "../../places/tehran/") in places
    assert not any(a.find("a") for cell in arabic_cells for a in cell.select("a"))


def test_profiles_list_the_right_briefings(sample_site: Path) -> None:
    for actor, expected in (("nikolai-patrushev", True), ("sco", True), ("sergei-shoigu", False)):
        doc = soup(sample_site / f"actors/{actor}/index.html")
        hrefs = [a["href"] for a in doc.select("#briefings ~ ul a, section[aria-labelledby=briefings] a")]
        assert (f"../../briefings/{SEED}/" in hrefs) is expected, actor
    roles = soup(sample_site / "actors/nikolai-patrushev/index.html").select(".bf-role")
    assert len(roles) == 1 and "12 May 2008" in roles[0].get_text() and "ended" in roles[0].get_text()


def test_whole_site_link_check(sample_site: Path) -> None:
    assert check_site(sample_site) == []
    assert unreachable_pages(sample_site) == []


def test_no_third_party_requests_in_pages(sample_site: Path) -> None:
    for page in pages(sample_site):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page


ILLUSTRATIVE = """---
title: "{title}"
date: {date}
source:
  name: Illustrative example (not a real report)
---
{body}
"""


@pytest.fixture(scope="module")
def extra_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content plus illustrative briefings: an untranslated one and office titles at two dates."""
    project = copy_project(tmp_path_factory.mktemp("extra"))
    briefings = project / "content" / "briefings"
    (briefings / "office-2023.en.md").write_text(ILLUSTRATIVE.format(
        title="Illustrative: the Secretary speaks", date="2023-03-01",
        body="The Secretary of Russia's Security Council gave an interview."))
    (briefings / "office-2024.en.md").write_text(ILLUSTRATIVE.format(
        title="Illustrative: the new Secretary speaks", date="2024-06-10",
        body="The Secretary of Russia's Security Council gave an interview."))
    (briefings / "untranslated.ar.md").write_text(ILLUSTRATIVE.format(
        title="مثال توضيحي", date="2024-07-01", body="فقرة أولى.\n\nفقرة ثانية."))
    result = run_cli("build", "--strict", project=project)
    assert result.code == 0, result.stderr
    return project / "site"


def _mention_targets(page: Path) -> list[str]:
    return [a["href"].split("/")[-2] for a in soup(page).select('.bf-cell a[href^="../"]')]


def test_office_title_resolves_by_date(extra_project: Path) -> None:
    assert _mention_targets(extra_project / "briefings/office-2023/index.html") == ["nikolai-patrushev"]
    assert _mention_targets(extra_project / "briefings/office-2024/index.html") == ["sergei-shoigu"]
    shoigu = [a["href"] for a in soup(extra_project / "actors/sergei-shoigu/index.html").select("section[aria-labelledby=briefings] a")]
    assert shoigu == ["../../briefings/office-2024/"]
    patrushev = [a["href"] for a in soup(extra_project / "actors/nikolai-patrushev/index.html").select("section[aria-labelledby=briefings] a")]
    assert "../../briefings/office-2024/" not in patrushev and "../../briefings/office-2023/" in patrushev


def test_untranslated_briefing_appears_in_both_editions_with_notice(extra_project: Path) -> None:
    english = soup(extra_project / "briefings/untranslated/index.html")
    notice = english.select_one(".bf-notice")
    assert notice is not None and "Not translated yet" in notice.get_text()
    cells = english.select(".bf-row:not(.bf-row--head) .bf-cell")
    assert [c["lang"] for c in cells] == ["ar", "ar"] and all("bf-original" in c["class"] for c in cells)
    assert english.select_one("h1")["lang"] == "ar"
    arabic = soup(extra_project / "ar/briefings/untranslated/index.html")
    assert arabic.select_one(".bf-notice") is None
    assert "لم تُترجم بعد" in arabic.select_one(".bf-status").get_text()
    assert check_site(extra_project) == []


def test_untranslated_briefing_listed_in_other_edition_index(extra_project: Path) -> None:
    listing = soup(extra_project / "briefings/index.html")
    item = next(li for li in listing.select("li") if "untranslated" in li.a["href"])
    assert item.a.span["lang"] == "ar" and "not translated yet" in item.get_text()
