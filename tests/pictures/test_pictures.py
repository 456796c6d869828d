"""The pictures stage on its own: escaping, number formatting, the graph, and golden SVGs.

The golden files hold one small network, one chart and one map, byte for
byte. After an intended change, refresh them with `UPDATE_GOLDEN=1` and
review `git diff tests/golden/pictures`.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from conftest import REPO
from generator.linking.events import MergedEvent
from generator.pictures import graph
from generator.pictures.charts import Bar, Mark, month_chart, strip
from generator.pictures.networks import Caption, Node, ego_figure, network_figure
from generator.pictures.svg import attrs, link, num, picture, text
from generator.pictures.worldmap import Marker, place_map

GOLDEN = REPO / "tests" / "golden" / "pictures"
HOSTILE = '<script>alert("x")</script> & \'quoted\''
SVG = "{http://www.w3.org/2000/svg}"


def _event(day: str, kind: str, *people: str, place: str | None = None) -> MergedEvent:
    return MergedEvent(f"{day}-{kind}", kind, dt.date.fromisoformat(day), None, place, tuple(sorted(people)), None, ("b",))


EVENTS = (
    _event("2023-02-09", "meeting", "shamkhani", "patrushev"),
    _event("2023-03-10", "call", "shamkhani", "patrushev"),
    _event("2023-03-15", "conference", "shamkhani", "patrushev", "wang"),
    _event("2023-05-01", "statement", "shamkhani"),
    _event("2023-05-02", "visit", "patrushev", "wang"),
    _event("2023-06-20", "meeting", "shamkhani", "lavrov"),
)
NAMES = {"shamkhani": "Ali Shamkhani", "patrushev": "Nikolai Patrushev", "wang": "Wang Yi", "lavrov": HOSTILE}
COUNTRY = {"shamkhani": "iran", "patrushev": "russia", "wang": "china", "lavrov": "russia"}


def _nodes() -> dict[str, Node]:
    return {a: Node(name, f"../{a}/", f"{name}: events", COUNTRY[a]) for a, name in NAMES.items()}


def _golden(name: str, svg: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert svg == path.read_text(encoding="utf-8"), f"{name} differs: refresh with UPDATE_GOLDEN=1 and review git diff"


def _parsed(svg: str) -> ET.Element:
    """Well-formed XML, or the test fails here."""
    return ET.fromstring(svg)


def test_numbers_are_written_one_way() -> None:
    assert [num(v) for v in (0, -0.0, -0.04, 3, 3.0, 2.25, 1.96, -7.35, 1e-9, 1234.5678)] == [
        "0", "0", "0", "3", "3", "2.2", "2", "-7.3", "0", "1234.6"]


def test_text_and_attributes_are_escaped() -> None:
    label = text(1, 2, HOSTILE, "en")
    assert "<script>" not in label and "&lt;script&gt;" in label and "&amp;" in label
    assert attrs([("title", '"><script>')]) == ' title="&quot;&gt;&lt;script&gt;"'
    anchor = link('javascript:"x"', "", HOSTILE)
    assert 'href="javascript:&quot;x&quot;"' in anchor and "<script>" not in anchor
    whole = picture("p", 10, 10, HOSTILE, HOSTILE, label + anchor, "en", "c")
    root = _parsed(whole)
    assert root.find(f"{SVG}title").text == HOSTILE
    assert root.find(f"{SVG}desc").text == HOSTILE
    assert not [el for el in root.iter() if el.tag == f"{SVG}script"]


def test_picture_is_an_image_named_by_its_title_and_desc() -> None:
    root = _parsed(picture("net", 100, 50, "Title", "Description", "", "ar", "bf-picture"))
    assert root.get("role") == "graphics-document"  # an image that may hold links (an img may not)
    assert root.get("aria-labelledby") == "net-title net-desc"
    assert root.find(f"{SVG}title").get("id") == "net-title"
    assert root.get("lang") == "ar"


def test_the_graph_counts_interactions_only_for_edges() -> None:
    net = graph.network(EVENTS, NAMES.__contains__)
    assert net.nodes == (("shamkhani", 5), ("patrushev", 4), ("wang", 2), ("lavrov", 1))
    assert net.edges == (("lavrov", "shamkhani", 1), ("patrushev", "shamkhani", 3), ("patrushev", "wang", 2),
                         ("shamkhani", "wang", 1))
    capped = graph.network(EVENTS, NAMES.__contains__, limit=2)
    assert capped.nodes == (("shamkhani", 5), ("patrushev", 4)) and capped.left_out == 2
    assert capped.edges == (("patrushev", "shamkhani", 3),)


def test_ego_keeps_the_most_frequent_and_counts_the_rest() -> None:
    ego = graph.ego("shamkhani", EVENTS, NAMES.__contains__)
    assert ego.counterparts == (("patrushev", 3), ("lavrov", 1), ("wang", 1)) and ego.left_out == 0
    assert ego.ties == (("patrushev", "wang", 1),)
    small = graph.ego("shamkhani", EVENTS, NAMES.__contains__, limit=1)
    assert small.counterparts == (("patrushev", 3),) and small.left_out == 2 and small.ties == ()


def test_golden_network() -> None:
    ego = graph.ego("shamkhani", EVENTS, NAMES.__contains__)
    svg = ego_figure(ego, _nodes(), Caption("network", "Meeting network of Ali Shamkhani", "Desc", "en"))
    _parsed(svg)
    _golden("ego-network.en.svg", svg)
    whole = network_figure(graph.network(EVENTS, NAMES.__contains__), _nodes(),
                           Caption("network", "Network", "Desc", "ar"), {"russia": "روسيا"}, "أخرى")
    _parsed(whole)
    _golden("network.ar.svg", whole)
    # Every counterpart is a link to its page; the hostile name arrives as text only.
    assert all(f'href="../{a}/"' in svg for a in ("patrushev", "wang", "lavrov"))
    assert "<script>" not in svg + whole


def _bars() -> list[Bar]:
    return [Bar(2023, 2, (("meeting", 1),), "#m2023-02", "February 2023: 1 events"),
            Bar(2023, 3, (("call", 1), ("conference", 1)), "#m2023-03", "March 2023: 2 events"),
            Bar(2023, 4, (), None, "April 2023: 0 events"),
            Bar(2023, 5, (("visit", 1), ("statement", 1)), "#m2023-05", HOSTILE)]


def test_golden_chart() -> None:
    names = {"meeting": "اجتماع", "call": "اتصال", "conference": "مؤتمر", "visit": "زيارة", "statement": "بيان"}
    svg = month_chart(_bars(), names, "chart", "الأحداث في كل شهر", "Desc", "ar")
    root = _parsed(svg)
    _golden("chart.ar.svg", svg)
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["#m2023-02", "#m2023-03", "#m2023-05"]  # a month without events has no link
    # Time runs right to left in the Arabic edition: February's bar is right of March's.
    xs = [float(r.get("x")) for a in root.iter(f"{SVG}a") for r in a.iter(f"{SVG}rect")][::3]
    assert xs == sorted(xs, reverse=True)


def test_chart_runs_left_to_right_in_english() -> None:
    root = _parsed(month_chart(_bars(), {}, "chart", "Events per month", "Desc", "en"))
    xs = [float(next(a.iter(f"{SVG}rect")).get("x")) for a in root.iter(f"{SVG}a")]
    assert xs == sorted(xs)


def test_strip_marks_every_event_with_a_link() -> None:
    marks = [Mark(e.date.year, e.date.month, e.type, f"../timeline/2023/#e-{e.id}", e.id) for e in EVENTS]
    root = _parsed(strip(marks, {}, "strip", "Events", "Desc", "en"))
    assert [a.get("href") for a in root.iter(f"{SVG}a")] == [m.href for m in marks]


def test_golden_map() -> None:
    markers = [Marker("Moscow", 55.76, 37.62, 3, "moscow/", "Moscow: 3 events"),
               Marker("طهران", 35.69, 51.39, 1, "tehran/", HOSTILE)]
    svg = place_map(markers, "../assets/briefing/world.svg", "map", "Map of places", "Desc", "en")
    root = _parsed(svg)
    _golden("map.en.svg", svg)
    assert [a.get("href") for a in root.iter(f"{SVG}a")] == ["moscow/", "tehran/"]
    assert next(root.iter(f"{SVG}image")).get("href") == "../assets/briefing/world.svg"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_same_input_gives_the_same_bytes(lang: str) -> None:
    def draw() -> str:
        return network_figure(graph.network(EVENTS, NAMES.__contains__), _nodes(),
                              Caption("n", "t", "d", lang), {}, "Other")
    assert draw() == draw()


def test_the_world_outline_is_small_and_inert() -> None:
    outline = REPO / "templates" / "assets" / "world.svg"
    data = outline.read_bytes()
    assert len(data) < 400_000
    root = ET.fromstring(data)
    assert {el.tag for el in root.iter()} <= {f"{SVG}svg", f"{SVG}rect", f"{SVG}path"}
