"""Events merged across briefings, timelines in both editions, exports and feeds."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from conftest import REPO, copy_project, run_cli
from generator.core.diagnostics import Report
from generator.linking.events import merge
from generator.content.loader import load
from sitecheck import check_site

EVENTS = REPO / "tests" / "fixtures" / "valid" / "events"


def merged():
    report = Report()
    corpus = load(EVENTS, report)
    return merge(corpus.briefings, report), report


def test_two_outlets_reporting_one_meeting_make_one_event_with_two_sources() -> None:
    timeline, _ = merged()
    meetings = [e for e in timeline.events if e.type == "meeting" and e.participants == ("alpha", "beta") and str(e.date) == "2024-03-01"]
    assert len(meetings) == 1
    assert meetings[0].briefings == ("outlet-a", "outlet-b")
    assert meetings[0].location == "moscow"


def test_an_id_ties_reports_with_different_dates_and_warns_naming_both_files() -> None:
    timeline, report = merged()
    summit = [e for e in timeline.events if e.id == "summit-x"]
    assert len(summit) == 1
    assert summit[0].briefings == ("tied-1", "tied-2")
    assert str(summit[0].date) == "2024-04-10" and summit[0].location == "tehran"
    assert [d.format() for d in report.items] == [
        "content/briefings/tied-2.en.md:7: warning: event 'summit-x': the date is '2024-04-11' here"
        " but '2024-04-10' in content/briefings/tied-1.en.md:7; using '2024-04-10'"
    ]


def test_different_meetings_on_the_same_day_stay_apart() -> None:
    timeline, _ = merged()
    same_day = [e for e in timeline.events if str(e.date) == "2024-03-01"]
    assert sorted(e.participants for e in same_day) == [("alpha", "beta"), ("alpha", "gamma"), ("beta", "gamma")]
    assert len({e.id for e in same_day}) == 3


def test_meetings_know_the_previous_and_next_meeting_of_the_same_participants() -> None:
    timeline, _ = merged()
    ids = {e.id: i for i, e in enumerate(timeline.events)}
    first = next(i for i, e in enumerate(timeline.events) if e.participants == ("alpha", "beta") and e.date.year == 2024)
    later = next(i for i, e in enumerate(timeline.events) if e.participants == ("alpha", "beta") and e.date.year == 2025)
    assert timeline.neighbours[first] == (None, later)
    assert timeline.neighbours[later] == (first, None)
    assert ids


def test_check_reports_the_conflict() -> None:
    result = run_cli("check", project=EVENTS)
    assert result.code == 0
    assert "tied-2.en.md:7: warning: event 'summit-x'" in result.stdout
    assert run_cli("check", "--strict", project=EVENTS).code == 1


@pytest.fixture(scope="module")
def events_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("events"), EVENTS / "content")
    result = run_cli("build", project=project)
    assert result.code == 0, result.stderr
    return project / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("edition", ["", "ar/"])
def test_timeline_is_ordered_grouped_and_linked(events_site: Path, edition: str) -> None:
    page = soup(events_site / f"{edition}timeline/index.html")
    items = page.select("ol.bf-timeline > li.bf-event")
    dates = [li.select_one("time")["datetime"] for li in items]
    assert dates == sorted(dates) and len(items) == 5
    assert [h.get_text() for h in page.select(".bf-timeline-page h2")] == ["2024", "2025"]
    months = [h.get_text() for h in page.select(".bf-timeline-page h3")]
    assert months == (["March 2024", "April 2024", "January 2025"] if not edition else ["مارس 2024", "أبريل 2024", "يناير 2025"])
    shared = next(li for li in items if len(li.select(".bf-event__sources a")) == 2)
    assert [a["href"] for a in shared.select(".bf-event__sources a")] == ["../briefings/outlet-a/", "../briefings/outlet-b/"]
    assert [a["href"] for a in shared.select(".bf-event__people a")] == ["../actors/alpha/", "../actors/beta/"]
    if edition:
        assert page.html["dir"] == "rtl" and page.html["lang"] == "ar"
        assert shared.select_one(".bf-event__type").get_text() == "اجتماع"
    year = soup(events_site / f"{edition}timeline/2024/index.html")
    assert len(year.select("ol.bf-timeline > li.bf-event")) == 4


def test_actor_profile_has_events_and_met_with_table(events_site: Path) -> None:
    page = soup(events_site / "actors/alpha/index.html")
    rows = [[td.get_text() for td in tr.select("td")] for tr in page.select(".bf-actor-events table tbody tr")]
    assert rows == [
        ["Minister Beta", "3", "1 March 2024", "5 January 2025"],
        ["Minister Gamma", "2", "1 March 2024", "10 April 2024"],
    ]
    assert len(page.select(".bf-actor-events li.bf-event")) == 4


def test_briefing_page_shows_events_and_neighbouring_meetings(events_site: Path) -> None:
    page = soup(events_site / "briefings/outlet-b/index.html")
    nav = page.select_one(".bf-event-nav").get_text(" ", strip=True)
    assert "No earlier meeting" in nav and "5 January 2025" in nav
    link = page.select_one(".bf-event-nav a")
    assert link["href"].startswith("../../timeline/2025/#e-")
    assert check_site(events_site) == []


def test_exports(events_site: Path) -> None:
    events = json.loads((events_site / "data/events.json").read_text())
    assert [(e["date"], e["id"]) for e in events] == sorted((e["date"], e["id"]) for e in events)
    assert set(events[0]) == {"id", "type", "date", "end", "location", "participants", "briefings", "title"}
    summit = next(e for e in events if e["id"] == "summit-x")
    assert summit["briefings"] == ["tied-1", "tied-2"] and summit["title"] == {"en": "Summit X", "ar": "قمة إكس"}
    actors = json.loads((events_site / "data/actors.json").read_text())
    assert [a["id"] for a in actors] == ["alpha", "beta", "gamma"]
    briefings = json.loads((events_site / "data/briefings.json").read_text())
    assert {b["slug"] for b in briefings} == {"outlet-a", "outlet-b", "tied-1", "tied-2", "same-day", "later"}


def test_ics_parses_with_one_vevent_per_event(events_site: Path) -> None:
    cal = icalendar.Calendar.from_ical((events_site / "data/events.ics").read_bytes())
    vevents = list(cal.walk("VEVENT"))
    assert len(vevents) == 5
    summit = next(v for v in vevents if str(v["UID"]) == "summit-x@briefing")
    assert summit.decoded("DTSTART").isoformat() == "2024-04-10"
    assert str(summit["SUMMARY"]) == "Summit X"


@pytest.mark.parametrize("edition", ["", "ar/"])
def test_feeds_validate_as_atom(events_site: Path, edition: str) -> None:
    feed = feedparser.parse((events_site / f"{edition}feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert len(feed.entries) == 6
    assert feed.entries[0].link.endswith("briefings/later/")


def test_ftm_export_validates_with_followthemoney(sample_site: Path, events_site: Path) -> None:
    from followthemoney import model

    for site in (sample_site, events_site):
        lines = (site / "data/entities.ftm.json").read_text(encoding="utf-8").splitlines()
        entities = [json.loads(line) for line in lines]
        ids = {e["id"] for e in entities}
        for data in entities:
            proxy = model.get_proxy(data, cleaned=False)
            for prop, values in data["properties"].items():
                cleaned = proxy.get(prop)
                assert len(cleaned) == len(values), (data["id"], prop, values, cleaned)
                if proxy.schema.get(prop).type.name == "entity":
                    assert set(values) <= ids
        schemas = {e["schema"] for e in entities}
        assert {"Person", "Event"} <= schemas
    sample = [json.loads(line) for line in (sample_site / "data/entities.ftm.json").read_text().splitlines()]
    assert {e["schema"] for e in sample} == {"Person", "Organization", "PublicBody", "Position", "Occupancy", "Event"}
    patrushev = next(e for e in sample if e["schema"] == "Occupancy" and "nikolai-patrushev" in e["id"])
    assert patrushev["properties"]["startDate"] == ["2008-05-12"]
