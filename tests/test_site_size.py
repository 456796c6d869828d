"""A site that fits its host (issue 16): actor pages of bounded length (generator/views/actor_lists.py: the
latest briefings in full, the earlier ones as compact rows by year, and past extra.limits max_actor_list a page
per year), every briefing and event still listed and every page reached by links; exports past
extra.limits max_export_bytes also a year a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from benchmarks.corpus import write_corpus
from conftest import run_cli
from generator.build import Project, check
from generator.core import urls
from generator.core.diagnostics import Report
from generator.output.exports import by_year, to_json
from generator.views.profiles import term_page
from generator.views.actor_lists import LATEST, LATEST_EVENTS
from sitecheck import check_site, unreachable_pages

LIST_MAX = 60
EXPORT_MAX = 50_000


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("paged")
    write_corpus(project, 100, seed=3)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"  limits:\n    max_actor_list: {LIST_MAX}\n    max_export_bytes: {EXPORT_MAX}\n", encoding="utf-8")
    result = run_cli("build", "-q", project=project)
    assert result.code == 0, result.err
    return project / "site"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _slugs(links: list) -> list[str]:
    return [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in links]


def _actors(site: Path) -> list[dict]:
    return json.loads((site / "data" / "actors.json").read_text(encoding="utf-8"))


def test_every_briefing_of_an_actor_is_listed_once_on_its_pages(paged_site: Path) -> None:
    kinds = set()
    for actor in _actors(paged_site):
        listed = actor["briefings"]["involved"] + actor["briefings"]["mentioned"]
        for prefix in ("", "ar/"):
            folder = paged_site / f"{prefix}actors/{actor['id']}"
            page = _soup(folder / "index.html")
            latest = _slugs(page.select('section[aria-labelledby="briefings"] li.bf-list__item > a'))
            compact = _slugs(page.select('section[aria-labelledby="briefings"] ul.bf-compact > li > a'))
            years = sorted(p.name for p in folder.iterdir() if p.is_dir())
            assert latest == [slug for slug in _newest_first(paged_site, listed)][:LATEST]
            if len(listed) > LIST_MAX:
                kinds.add("paged")
                assert compact == [] and years
                links = [a["href"] for a in page.select("nav ul.bf-inline a")]
                assert links == [f"{year}/" for year in sorted(years, reverse=True)]
                in_years = [slug for year in years
                            for slug in _slugs(_soup(folder / year / "index.html").select("ul.bf-compact > li > a"))]
                assert sorted(in_years) == sorted(listed)
            else:
                kinds.add("compact" if compact else "short")
                assert years == []
                assert sorted(latest + compact) == sorted(listed)
    assert kinds == {"paged", "compact"}, kinds


def test_topic_and_place_pages_list_the_latest_in_full_and_the_rest_as_rows(paged_site: Path) -> None:
    briefings = json.loads((paged_site / "data" / "briefings.json").read_text(encoding="utf-8"))  # newest first
    for kind, of in (("topics", lambda b: b["topics"]), ("places", lambda b: [b["location"]])):
        for folder in sorted(p for p in (paged_site / "ar" / kind).iterdir() if p.is_dir()):
            page = _soup(folder / "index.html")
            latest = _slugs(page.select("ul.bf-list > li.bf-list__item > a"))
            rows = _slugs(page.select("ul.bf-compact > li > a"))
            on_page = latest + rows
            assert len(latest) <= LATEST and (not rows or len(latest) == LATEST)
            if kind == "topics":
                assert on_page == [b["slug"] for b in briefings if folder.name in of(b)]
            else:  # a place also lists the briefings of events there
                assert set(b["slug"] for b in briefings if folder.name in of(b)) <= set(on_page)
                assert on_page == [b["slug"] for b in briefings if b["slug"] in set(on_page)]



def test_a_topic_with_many_briefings_lists_the_earlier_ones_as_rows_by_year(tmp_path: Path) -> None:
    write_corpus(tmp_path, 250, seed=3)
    site = check(Project(tmp_path), Report())
    assert site is not None
    topic_id, listed = max(site.relations.by_topic.items(), key=lambda item: len(item[1]))
    assert len(listed) > LATEST
    view = term_page(site, "topics", site.corpus.topics[topic_id], urls.topic, site.relations.by_topic, "en")
    term = view.context["term"]
    assert len(term["briefings"]) == LATEST
    rows = [row for year in term["earlier"] for row in year["rows"]]
    assert len(rows) == len(listed) - LATEST
    first = site.briefings[listed[LATEST]].briefing
    assert rows[0].startswith(f'<li><a href="../../briefings/{first.slug}/">')
    assert [year["year"] for year in term["earlier"]] == sorted({site.briefings[i].briefing.date.year
                                                                 for i in listed[LATEST:]}, reverse=True)


def test_every_event_of_an_actor_is_shown_in_full_or_as_a_row(paged_site: Path) -> None:
    events = json.loads((paged_site / "data" / "events.json").read_text(encoding="utf-8"))
    with_rows = 0
    for actor in _actors(paged_site):
        own = [e for e in events if actor["id"] in e["participants"]]  # oldest first
        page = _soup(paged_site / "actors" / actor["id"] / "index.html")
        in_full = [li.select_one("time")["datetime"] for li in page.select(".bf-actor-events li.bf-event")]
        rows = page.select(".bf-actor-events ul.bf-compact > li")
        assert in_full == [e["date"] for e in own[-LATEST_EVENTS:]]
        paged = len(actor["briefings"]["involved"]) + len(actor["briefings"]["mentioned"]) > LIST_MAX
        earlier = [] if paged else own[:-LATEST_EVENTS]
        assert [(li.a["href"].split("#e-")[1], li.time["datetime"]) for li in rows] == [
            (e["id"], e["date"]) for e in reversed(earlier)]
        with_rows += bool(rows)
    assert with_rows


def test_year_pages_split_involved_from_mentioned_and_hold_the_year_events(paged_site: Path) -> None:
    actor = next(a for a in _actors(paged_site)
                 if len(a["briefings"]["involved"]) + len(a["briefings"]["mentioned"]) > LIST_MAX)
    events = json.loads((paged_site / "data" / "events.json").read_text(encoding="utf-8"))
    folder = paged_site / "actors" / actor["id"]
    for year_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
        page = _soup(year_folder / "index.html")
        assert page.h1.get_text() == f"{actor['name']['en']} in {year_folder.name}"
        labels = [p.get_text() for p in page.select("p.bf-label")]
        involved = set(actor["briefings"]["involved"])
        for label, rows in zip(labels, page.select("ul.bf-compact")):
            expected = label == "Involved in"
            assert all((slug in involved) == expected for slug in _slugs(rows.select("a")))
            assert all(t["datetime"].startswith(year_folder.name) for t in rows.select("time"))
        shown = len(page.select(".bf-actor-events li.bf-event"))
        assert shown == sum(1 for e in events if actor["id"] in e["participants"] and e["date"][:4] == year_folder.name)
        assert page.select_one(f'a[href="../"]').get_text() == actor["name"]["en"]


def test_paged_site_has_no_broken_link_and_no_unreachable_page(paged_site: Path) -> None:
    assert check_site(paged_site) == []
    assert unreachable_pages(paged_site) == []


def _newest_first(site: Path, slugs: list[str]) -> list[str]:
    """The actor's briefings in the order of data/briefings.json (newest first), involved and mentioned together."""
    order = [b["slug"] for b in json.loads((site / "data" / "briefings.json").read_text(encoding="utf-8"))]
    wanted = set(slugs)
    return [slug for slug in order if slug in wanted]


def test_unreachable_pages_names_a_page_no_link_leads_to(tmp_path: Path) -> None:
    for rel, body in {"index.html": '<a href="a/">a</a>', "a/index.html": '<a href="../b/#x">b</a>',
                      "b/index.html": "", "c/index.html": '<a href="../">home</a>', "ar/index.html": ""}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    assert unreachable_pages(tmp_path) == ["c/index.html"]


def test_exports_past_the_size_also_come_a_year_a_file(paged_site: Path) -> None:
    data = paged_site / "data"
    whole = (data / "briefings.json").read_bytes()
    items = json.loads(whole)
    years = sorted(path.name for path in (data / "briefings").iterdir())
    assert len(whole) > EXPORT_MAX and years == sorted({f"{item['date'][:4]}.json" for item in items})
    in_years = [item for year in years for item in json.loads((data / "briefings" / year).read_text(encoding="utf-8"))]
    assert sorted(in_years, key=json.dumps) == sorted(items, key=json.dumps)
    for year in years:
        text = (data / "briefings" / year).read_text(encoding="utf-8")
        assert text.startswith("[\n{") and text.endswith("}\n]\n")  # one item a line, as the whole file
    # The events of this corpus are under the size: one file.
    assert len((data / "events.json").read_bytes()) <= EXPORT_MAX and not (data / "events").exists()


def test_exports_under_the_size_stay_whole(sample_site: Path) -> None:
    assert sorted(path.name for path in (sample_site / "data").iterdir()) == [
        "actors.json", "briefings.json", "entities.ftm.json", "events.ics", "events.json", "network.json"]


def test_by_year_keeps_the_order_within_each_year() -> None:
    items = [{"date": "2024-01-02", "id": "b"}, {"date": "2023-05-06", "id": "a"}, {"date": "2024-03-04", "id": "c"}]
    assert by_year("events", items) == {"events/2023.json": to_json([items[1]]),
                                        "events/2024.json": to_json([items[0], items[2]])}
