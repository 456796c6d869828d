"""`new briefing --from-file FILE|-`: the front matter proposed from the text, through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import datetime as dt

import pytest
import yaml

from generator.content.loader import load
from generator.core.diagnostics import Report
from generator.drafting import propose as propose_from

from conftest import GUIDE, REPO, SAMPLE_CONTENT, copy_project, run_cli

SAMPLE = "shamkhani-patrushev-moscow-2023"
PROPOSED = "# proposed from the text: check it"

# Another Nournews briefing, so that the outlet is one already used in content/.
OTHER_NOURNEWS = """---
title: شمخاني في طهران
date: 2022-11-02
source:
  name: Nournews (نورنيوز)
---
نص قصير عن طهران.
"""


def sample_body() -> str:
    text = (SAMPLE_CONTENT / "briefings" / f"{SAMPLE}.ar.md").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def project(tmp_path: Path, keep_sample: bool = True, nournews: bool = False) -> Path:
    root = copy_project(tmp_path / "project")
    if not keep_sample:
        for path in (root / "content" / "briefings").glob(f"{SAMPLE}.*.md"):
            path.unlink()
    if nournews:
        (root / "content" / "briefings" / "shamkhani-tehran.ar.md").write_text(OTHER_NOURNEWS, encoding="utf-8")
    return root


def env(today: str) -> dict[str, str]:
    return {**os.environ, "BRIEFING_TODAY": today}


def propose(root: Path, tmp_path: Path, text: str, lang: str, today: str, *extra: str) -> tuple[dict, str, str]:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    run = run_cli("new", "briefing", "x", "--lang", lang, "--from-file", str(article), *extra, project=root, env=env(today))
    assert run.code == 0, run.stderr
    folder = root / "content" / "briefings"
    original = (folder / f"x.{lang}.md").read_text(encoding="utf-8")
    translation = (folder / f"x.{'en' if lang == 'ar' else 'ar'}.md").read_text(encoding="utf-8")
    return yaml.safe_load(original.split("---\n")[1]), original, translation


def test_sample_article_without_the_sample(tmp_path: Path) -> None:
    root = project(tmp_path, keep_sample=False, nournews=True)
    front, original, translation = propose(root, tmp_path, sample_body(), "ar", "2023-02-09")
    assert front["actors"][:2] == ["ali-shamkhani", "nikolai-patrushev"]
    assert {"supreme-national-security-council", "security-council-of-russia", "sco", "brics"} <= set(front["actors"])
    assert front["location"] == "moscow"
    assert front["source"]["name"] == "Nournews (نورنيوز)"
    [event] = front["events"]
    assert (event["type"], event["participants"], event["location"]) == ("meeting", ["ali-shamkhani", "nikolai-patrushev"], "moscow")
    assert event["id"].startswith("2023-02-09-meeting-")  # the merger's rule for an event without an id
    assert front["title"].startswith("TODO") and front["summary"][0].startswith("TODO")
    # Each proposed block says so, above it.
    lines = original.split("\n")
    for key in ("location:", "actors:", "topics:", "events:"):
        [index] = [n for n, line in enumerate(lines) if line.startswith(key)]
        assert lines[index - 1].startswith(PROPOSED)
    paragraphs = [p for p in translation.split("---\n", 2)[2].split("\n\n") if p.strip()]
    assert len(paragraphs) == 10 and all(p.startswith("TODO: translate paragraph") for p in paragraphs)


def test_sample_article_without_another_source_leaves_source_todo(tmp_path: Path) -> None:
    root = project(tmp_path, keep_sample=False)
    front, _original, _translation = propose(root, tmp_path, sample_body(), "ar", "2023-02-09")
    assert front["source"]["name"].startswith("TODO")


def test_the_sample_event_id_is_reused(tmp_path: Path) -> None:
    root = project(tmp_path)
    front, original, _translation = propose(root, tmp_path, sample_body(), "ar", "2023-02-09")
    assert front["events"][0]["id"] == "shamkhani-patrushev-2023-02-09"
    assert f"it is the event {SAMPLE} reports: its id is reused" in original


def test_standard_input_and_check_passes_once_title_and_summary_are_written(tmp_path: Path) -> None:
    root = project(tmp_path, keep_sample=False, nournews=True)
    run = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "new", "briefing", "x", "--lang", "ar", "--from-file", "-"],
        input=sample_body().encode(), capture_output=True, env=env("2023-02-09"), cwd=REPO, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    folder = root / "content" / "briefings"
    before = (folder / "x.ar.md").read_text(encoding="utf-8")
    failing = run_cli("check", project=root, env=env("2023-02-09"))
    assert failing.code == 1 and "still a placeholder" in failing.stdout
    original = before.replace('title: "TODO: the headline, in the language of the article"', "title: شمخاني يلتقي باتروشيف")
    original = original.replace('  - "TODO: a key point"', "  - التقى شمخاني باتروشيف.")
    (folder / "x.ar.md").write_text(original, encoding="utf-8")
    stub = (folder / "x.en.md").read_text(encoding="utf-8").replace("TODO: the translated headline", "Shamkhani meets Patrushev")
    stub = "\n".join(f"Paragraph {n}." if line.startswith("TODO: translate") else line for n, line in enumerate(stub.split("\n")))
    (folder / "x.en.md").write_text(stub, encoding="utf-8")
    passing = run_cli("check", project=root, env=env("2023-02-09"))
    assert passing.code == 0, passing.stdout + passing.stderr
    # Only the two lines were written: every proposed line is as proposed.
    assert [l for l in before.split("\n") if "TODO" not in l] == [l for l in original.split("\n") if "شمخاني يلتقي" not in l and "التقى شمخاني باتروشيف." not in l]


EN_CALL = """TEHRAN, March 15 (Tasnim) – The Secretary of Russia's Security Council spoke by phone with Admiral Shamkhani on Tuesday about regional security.

The two also discussed the talks held in Moscow last month.
"""


def test_english_dateline_office_title_and_call(tmp_path: Path) -> None:
    root = project(tmp_path)
    front, original, _translation = propose(root, tmp_path, EN_CALL, "en", "2024-01-10")
    # The year is the latest 15 March not after today; the title resolves on that day to Patrushev.
    assert front["date"].isoformat() == "2023-03-15"
    assert "the dateline names 15 March" in original and "correct it if the article is older" not in original
    assert front["actors"][:2] == ["nikolai-patrushev", "ali-shamkhani"]
    assert "security-council-of-russia" in front["actors"]
    assert front["topics"] == ["regional-security"]
    [event] = front["events"]
    assert (event["type"], event["date"].isoformat(), event["participants"]) == (
        "call", "2023-03-15", ["ali-shamkhani", "nikolai-patrushev"])
    # The dateline's TEHRAN, not Moscow, named only in passing after the first paragraph.
    assert front["location"] == "tehran"
    assert "location" not in event  # a call joins two places
    assert front["source"]["name"].startswith("TODO")  # Tasnim is no outlet of content/


def test_office_title_after_the_handover_is_the_successor(tmp_path: Path) -> None:
    root = project(tmp_path)
    text = "MOSCOW, 8 June 2024 – The Secretary of Russia's Security Council received Admiral Shamkhani in Moscow.\n"
    front, _original, _translation = propose(root, tmp_path, text, "en", "2024-07-01")
    assert front["actors"][0] == "sergei-shoigu" and "nikolai-patrushev" not in front["actors"]
    assert front["location"] == "moscow"
    assert front["events"][0]["participants"] == ["ali-shamkhani", "sergei-shoigu"]


def test_arabic_dateline_indic_digits_clitic_and_visit(tmp_path: Path) -> None:
    root = project(tmp_path)
    text = "موسكو ١٥ مارس (نورنيوز) - زار الأدميرال شمخاني موسكو حيث كان وباتروشيف في استقباله.\n\nوتناول الجانبان لاحقاً الوضع في طهران.\n"
    front, _original, translation = propose(root, tmp_path, text, "ar", "2024-01-10")
    assert front["date"].isoformat() == "2023-03-15"
    assert front["actors"] == ["ali-shamkhani", "nikolai-patrushev"]  # وباتروشيف: "and Patrushev"
    assert front["location"] == "moscow"
    assert front["source"]["name"] == "Nournews (نورنيوز)"
    assert front["events"][0]["type"] == "visit"
    assert translation.count("TODO: translate paragraph") == 2


def test_text_without_a_meeting_proposes_no_event_and_keeps_the_date_note(tmp_path: Path) -> None:
    root = project(tmp_path)
    text = "Shamkhani said on Tuesday that Patrushev's remarks on Afghanistan were welcome.\n"
    front, original, _translation = propose(root, tmp_path, text, "en", "2024-01-10", "--url", "https://www.example.org/a")
    assert "events" not in front
    assert front["actors"] == ["ali-shamkhani", "nikolai-patrushev"]
    assert front["topics"] == ["afghanistan"]
    assert front["date"].isoformat() == "2024-01-10"
    assert "# publication date: correct it if the article is older" in original
    assert front["source"]["url"] == "https://www.example.org/a"


def test_source_from_the_url_host(tmp_path: Path) -> None:
    root = project(tmp_path)
    sample = root / "content" / "briefings" / f"{SAMPLE}.ar.md"
    sample.write_text(sample.read_text(encoding="utf-8").replace(
        "  name: Nournews (نورنيوز)\n", "  name: Nournews (نورنيوز)\n  url: https://nournews.ir/ar/news/1\n"), encoding="utf-8")
    front, _original, _translation = propose(root, tmp_path, "No outlet named here.\n", "en", "2024-01-10",
                                             "--url", "https://www.nournews.ir/ar/news/2")
    assert front["source"]["name"] == "Nournews (نورنيوز)"


def test_empty_standard_input_is_an_error(tmp_path: Path) -> None:
    root = project(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "new", "briefing", "x", "--lang", "en", "--from-file", "-"],
        input=b"\n", capture_output=True, env=env("2024-01-10"), cwd=REPO, timeout=300,
    )
    assert (run.returncode, run.stderr.decode()) == (1, "briefing new: standard input: no text: paste the article\n")
    assert not (root / "content" / "briefings" / "x.en.md").exists()


# The proposal itself, a pure function of the loaded sample content and the text.


def test_two_places_in_the_first_paragraph_propose_no_location() -> None:
    corpus = load(SAMPLE_CONTENT.parent, Report())
    text = "Shamkhani flew from Tehran to Moscow and met Patrushev.\n\nLater in Tehran he spoke.\n"
    proposal = propose_from(corpus, text, "en", None, dt.date(2023, 2, 9))
    assert proposal.location is None and proposal.event is not None and proposal.event.location is None


def test_people_then_bodies_then_states_each_in_order_of_first_mention() -> None:
    corpus = load(SAMPLE_CONTENT.parent, Report())
    text = "Iran and the SCO welcomed it; Patrushev met Shamkhani.\n"
    proposal = propose_from(corpus, text, "en", None, dt.date(2023, 2, 9))
    assert proposal.actors == ("nikolai-patrushev", "ali-shamkhani", "sco", "iran")  # people, bodies, states
    assert proposal.paragraphs == 1 and not proposal.date.from_text


def test_the_guides_example_is_what_the_command_writes(tmp_path: Path) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    example = guide.split("`title` and `summary` stay `TODO`. For example, with the text", 1)[1]
    text = example.split("```text\n", 1)[1].split("```", 1)[0]
    shown = example.split("```markdown\n", 1)[1].split("```", 1)[0]
    root = project(tmp_path)
    _front, original, _translation = propose(root, tmp_path, text, "en", "2024-01-10")
    front_matter = original.split("\n---\n", 1)[0] + "\n---\n"
    assert shown.startswith(front_matter)


def test_a_place_with_a_clitic_in_the_first_paragraph() -> None:
    corpus = load(SAMPLE_CONTENT.parent, Report())
    text = "وصل شمخاني لموسكو في زيارة رسمية.\n\nوقال إن طهران ترحب.\n"
    proposal = propose_from(corpus, text, "ar", None, dt.date(2023, 2, 9))
    assert proposal.location == "moscow"  # لموسكو: "to Moscow"; Tehran comes later
    assert proposal.event is None  # one actor, and زيارة is a noun


def test_standard_input_not_utf8_is_one_line(tmp_path: Path) -> None:
    root = project(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(root), "new", "briefing", "x", "--lang", "en", "--from-file", "-"],
        input=b"MOSCOW \xff\n", capture_output=True, env=env("2024-01-10"), cwd=REPO, timeout=300,
    )
    assert (run.returncode, run.stderr.decode()) == (
        1, "briefing new: standard input: not valid UTF-8 (byte 0xff): save the file as UTF-8\n")


def test_after_a_build_the_stored_work_gives_the_same_proposal(tmp_path: Path) -> None:
    built = project(tmp_path / "built")
    assert run_cli("build", "-q", project=built, env=env("2023-02-09")).code == 0
    assert (built / ".build" / "cache" / "state.msgpack").is_file()
    fresh = project(tmp_path / "fresh")
    written = [propose(root, tmp_path, sample_body(), "ar", "2023-02-09")[1] for root in (built, fresh)]
    assert written[0] == written[1]


# Articles of our own, five or more in each language, with every field the
# proposal holds spelled out: (date, from the text, source, location, actors,
# topics, event as (type, date, location, participants) or None, paragraphs).
# Proposed on 10 January 2024 against the sample content.
PAIR = ("ali-shamkhani", "nikolai-patrushev")
ARTICLES = {
    "en: dateline with year and abbreviated month, a reception, an outlet in parentheses": (
        "en", "TEHRAN, Feb. 3, 2023 (Nournews) - Admiral Ali Shamkhani received Nikolai Patrushev in Tehran to discuss"
              " economic cooperation.\n\nPatrushev later flew on to Moscow.\n",
        ("2023-02-03", True, "Nournews (نورنيوز)", "tehran", PAIR, ("economic-cooperation",),
         ("meeting", "2023-02-03", "tehran", PAIR), 2)),
    "en: an office title instead of a name, day before month": (
        "en", "Moscow, 20 April 2023 - The Secretary of Iran's Supreme National Security Council held talks with"
              " Patrushev on Afghanistan.\n",
        ("2023-04-20", True, None, "moscow", PAIR + ("supreme-national-security-council",), ("afghanistan",),
         ("meeting", "2023-04-20", "moscow", PAIR), 1)),
    "en: other people with a known actor's first name": (
        "en", "TEHRAN, May 2 (IRNA) - Sergei Lavrov spoke by phone with Nikolai Patrushev. Ali Larijani met Shamkhani.\n",
        # Sergei is not Sergei Shoigu, Ali is not Ali Shamkhani; no sentence names two known actors.
        ("2023-05-02", True, None, "tehran", ("nikolai-patrushev", "ali-shamkhani"), (), None, 1)),
    "en: a phone call, a dateline without a place": (
        "en", "Feb 9, 2023 - Shamkhani and Patrushev spoke by phone about Iran–Russia relations.\n",
        ("2023-02-09", True, None, None, PAIR + ("iran", "russia"), ("iran-russia-relations",),
         ("call", "2023-02-09", None, PAIR), 1)),
    "en: a visit, ordinal day, a place named in passing later": (
        "en", "MOSCOW, 9th February 2023 - Shamkhani visited Moscow, where Patrushev welcomed him.\n\n"
              "He had stopped in Tehran on the way.\n",
        ("2023-02-09", True, None, "moscow", PAIR, (), ("visit", "2023-02-09", "moscow", PAIR), 2)),
    "en: no meeting, no dateline": (
        "en", "Iran and Russia signed nothing new, Shamkhani's office said.\n",
        ("2024-01-10", False, None, None, ("ali-shamkhani", "iran", "russia"), (), None, 1)),
    "ar: Levantine month, a reception, a place later": (
        "ar", "طهران - 3 شباط 2023 - استقبل علي شمخاني نيكولاي باتروشيف في طهران لبحث التعاون الاقتصادي.\n\n"
              "وتوجه باتروشيف بعد ذلك إلى موسكو.\n",
        ("2023-02-03", True, None, "tehran", PAIR, ("economic-cooperation",), ("meeting", "2023-02-03", "tehran", PAIR), 2)),
    "ar: an office title instead of a name, hamza in the month": (
        "ar", "موسكو، 20 أبريل 2023 - التقى أمين المجلس الأعلى للأمن القومي الإيراني باتروشيف لبحث الوضع في أفغانستان.\n",
        ("2023-04-20", True, None, "moscow", PAIR + ("supreme-national-security-council",), ("afghanistan",),
         ("meeting", "2023-04-20", "moscow", PAIR), 1)),
    "ar: other people with a known actor's first name": (
        "ar", "طهران - 2 مايو (إرنا) - أجرى سيرغي لافروف اتصالاً هاتفياً مع نيكولاي باتروشيف. والتقى علي لاريجاني شمخاني.\n",
        ("2023-05-02", True, None, "tehran", ("nikolai-patrushev", "ali-shamkhani"), (), None, 1)),
    "ar: a phone call, the date first": (
        "ar", "9 فبراير 2023 - أجرى شمخاني اتصالاً هاتفياً مع باتروشيف بحثا خلاله الأمن الإقليمي.\n",
        ("2023-02-09", True, None, None, PAIR, ("regional-security",), ("call", "2023-02-09", None, PAIR), 1)),
    "ar: a visit and a meeting, a clitic on the name and on a later place": (
        "ar", "موسكو 15 مارس - زار شمخاني موسكو والتقى بباتروشيف.\n\nوكان قد مر بطهران.\n",
        # The meeting on the visit is the event reported; بطهران, after the first paragraph, is no location.
        ("2023-03-15", True, None, "moscow", PAIR, (), ("meeting", "2023-03-15", "moscow", PAIR), 2)),
    "ar: no meeting, no dateline": (
        "ar", "قال شمخاني إن العلاقات الإيرانية الروسية تتطور.\n",
        ("2024-01-10", False, None, None, ("ali-shamkhani",), ("iran-russia-relations",), None, 1)),
}


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_every_proposed_field_of_our_articles(name: str) -> None:
    corpus = load(SAMPLE_CONTENT.parent, Report())
    lang, text, expected = ARTICLES[name]
    proposal = propose_from(corpus, text, lang, None, dt.date(2024, 1, 10))
    event = proposal.event
    assert (
        proposal.date.day.isoformat(), proposal.date.from_text, proposal.source_name, proposal.location,
        proposal.actors, proposal.topics,
        (event.type, event.date.isoformat(), event.location, event.participants) if event else None,
        proposal.paragraphs,
    ) == expected
    if event:
        # No briefing of the sample reports these: the id is the merger's rule, not a reused one.
        assert event.reused_from == () and event.id.startswith(f"{event.date.isoformat()}-{event.type}-")
    # Never proposed (and spelled out above): a known actor's namesake (Sergei
    # Lavrov is not Sergei Shoigu), a place named only after the first paragraph.
    assert "sergei-shoigu" not in proposal.actors


def test_our_articles_cover_each_language_five_times() -> None:
    for lang in ("en", "ar"):
        assert sum(1 for code, _text, _expected in ARTICLES.values() if code == lang) >= 5
