"""The pictures in the built sample site, parsed as HTML: where they are, what they link, in which language."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import copy_project, files_of, run_cli

EDITIONS = {"en": "", "ar": "ar/"}
ARABIC = re.compile(r"[\u0600-\u06ff]")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def pictures(site: Path, page: str) -> list[Tag]:
    return soup(site / page / "index.html").select("svg.bf-picture")


def links(svg: Tag, page: str) -> set[str]:
    """The pages a picture links to, relative to the edition's root (anchors dropped)."""
    out = set()
    for anchor in svg.find_all("a"):
        target = posixpath.normpath(posixpath.join(page, anchor["href"].split("#")[0]))
        out.add(target.rstrip("/") + "/" if target != "." else "")
    return out


def assert_named_picture(svg: Tag, lang: str) -> None:
    assert svg["role"] == "graphics-document"
    title_id, desc_id = svg["aria-labelledby"].split()
    title, desc = svg.find("title", id=title_id), svg.find("desc", id=desc_id)
    assert title is not None and title.get_text().strip() and desc is not None and desc.get_text().strip()
    assert svg["lang"] == lang
    assert bool(ARABIC.search(title.get_text())) == (lang == "ar"), title.get_text()
    assert svg["direction"] == ("rtl" if lang == "ar" else "ltr")
    # The labels inherit lang and direction from the <svg>; an Arabic one keeps its lang for the stylesheet.
    for text in svg.find_all("text"):
        assert text.get("lang", lang) == lang and "direction" not in text.attrs
        assert (text.get("lang") == "ar") == (lang == "ar")
    for anchor in svg.find_all("a"):
        assert anchor["tabindex"] == "-1"  # the picture is one image; its links are listed beside it
        assert not anchor["href"].startswith(("http:", "https:", "javascript:", "/"))


@pytest.mark.parametrize("lang", EDITIONS)
def test_patrushev_and_shamkhani_pages_link_each_other_in_their_network(sample_site: Path, lang: str) -> None:
    root = EDITIONS[lang]
    for actor, counterpart in (("nikolai-patrushev", "ali-shamkhani"), ("ali-shamkhani", "nikolai-patrushev")):
        page = f"actors/{actor}/"
        networks = [svg for svg in pictures(sample_site, root + page) if "bf-picture--network" in svg["class"]]
        assert len(networks) == 1, actor
        assert_named_picture(networks[0], lang)
        assert f"actors/{counterpart}/" in links(networks[0], page)
        strips = [svg for svg in pictures(sample_site, root + page) if "bf-picture--strip" in svg["class"]]
        assert len(strips) == 1 and links(strips[0], page) == {"timeline/2023/"}


@pytest.mark.parametrize("lang", EDITIONS)
def test_network_timeline_and_places_pictures_exist_and_link_within_the_edition(sample_site: Path, lang: str) -> None:
    root = EDITIONS[lang]
    expected = {
        "network/": {"actors/ali-shamkhani/", "actors/nikolai-patrushev/", "actors/security-council-of-russia/",
                     "actors/supreme-national-security-council/"},
        "network/2023/": {"actors/ali-shamkhani/", "actors/nikolai-patrushev/", "actors/security-council-of-russia/",
                          "actors/supreme-national-security-council/"},
        "timeline/": {"timeline/"},
        "timeline/2023/": {"timeline/2023/"},
        "places/": {"places/moscow/", "places/tehran/"},
        "": {"actors/ali-shamkhani/", "actors/nikolai-patrushev/", "actors/security-council-of-russia/",
             "actors/supreme-national-security-council/"},
    }
    for page, targets in expected.items():
        [svg] = pictures(sample_site, root + page)
        assert_named_picture(svg, lang)
        assert links(svg, page) == targets, page
        for target in targets:
            assert (sample_site / root / target / "index.html").exists(), target


def test_the_map_uses_the_shared_outline_and_keeps_geography(sample_site: Path) -> None:
    maps = {lang: pictures(sample_site, root + "places/")[0] for lang, root in EDITIONS.items()}
    for lang, svg in maps.items():
        image = svg.find("image")
        assert image["href"] == "../assets/briefing/world.svg"
        assert (sample_site / EDITIONS[lang] / "assets" / "briefing" / "world.svg").exists()
    # Not mirrored: Moscow's marker sits at the same place in both editions.
    def moscow(svg: Tag) -> tuple[str, str]:
        circle = next(a for a in svg.find_all("a") if a["href"] == "moscow/").find("circle")
        return circle["cx"], circle["cy"]
    assert moscow(maps["en"]) == moscow(maps["ar"])
    # The outline is shipped once, never inline in a page.
    assert all("<path" not in str(svg) for svg in maps.values())


def test_the_network_is_in_the_navigation_of_both_editions(sample_site: Path) -> None:
    for lang, root in EDITIONS.items():
        nav = soup(sample_site / root / "index.html").select_one("nav.md-nav--primary")
        hrefs = [a["href"] for a in nav.find_all("a", href=True)]
        assert any(h.rstrip("/").endswith("network") for h in hrefs), (lang, hrefs)


def test_network_json_has_nodes_weighted_edges_and_years(sample_site: Path) -> None:
    data = json.loads((sample_site / "data" / "network.json").read_text(encoding="utf-8"))
    assert {"source": "ali-shamkhani", "target": "nikolai-patrushev", "weight": 1} in data["edges"]
    assert {n["id"] for n in data["nodes"]} >= {"ali-shamkhani", "nikolai-patrushev"}
    assert data["names"]["ali-shamkhani"] == {"en": "Ali Shamkhani", "ar": "علي شمخاني"}
    assert list(data["years"]) == ["2023"] and data["years"]["2023"]["edges"] == data["edges"]


def test_home_page_shows_key_points_events_and_active_actors(sample_site: Path) -> None:
    for lang, root in EDITIONS.items():
        page = soup(sample_site / root / "index.html")
        point = page.select_one(".bf-home__point")
        assert point is not None and bool(ARABIC.search(point.get_text())) == (lang == "ar")
        assert page.select(".bf-home__events li") and page.select(".bf-home__active li")


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    sites = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name)
        result = run_cli("build", "--strict", project=project)
        assert result.code == 0, result.stderr
        sites.append(files_of(project / "site"))
    assert sorted(sites[0]) == sorted(sites[1])
    assert [path for path in sites[0] if sites[0][path] != sites[1][path]] == []
    svg_pages = [path for path, data in sites[0].items() if b'class="bf-picture' in data]
    assert len(svg_pages) >= 10
