"""`briefing suggest <slug> [--write]`: what the text shows but the front matter lacks, through the real CLI."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from generator.content.datelines import Dateline
from generator.content.loader import load
from generator.core.diagnostics import Report
from generator.suggesting import _dateline_day, suggestions

from conftest import GUIDE, REPO, copy_project, files_of, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "suggest"
HANDOVER = "patrushev-shoigu-handover"
HANDOVER_PATH = f"content/briefings/{HANDOVER}.en.md"
SAMPLE = "shamkhani-patrushev-moscow-2023"
TODAY = {**os.environ, "BRIEFING_TODAY": "2026-01-01"}

HANDOVER_SUGGESTIONS = [
    f"{HANDOVER_PATH}:9: suggestion: the dateline names 15 May: date: 2024-05-15 (not 2024-05-14)",
    f"{HANDOVER_PATH}:15: suggestion: the first paragraph names the place moscow: location: moscow",
    f"{HANDOVER_PATH}:15: suggestion: the text names nikolai-patrushev, not in actors",
    f"{HANDOVER_PATH}:15: suggestion: a meeting of nikolai-patrushev, sergei-shoigu on 2024-05-15 is not in events"
    " (id 2024-05-15-meeting-828198d8)",
]


def handover_project(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / f"{HANDOVER}.en.md", root / HANDOVER_PATH)
    return root


def test_suggest_lists_what_the_front_matter_lacks_and_changes_nothing(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    before = files_of(root)
    run = run_cli("suggest", HANDOVER, project=root, env=TODAY)
    assert (run.code, run.stdout.splitlines()) == (0, HANDOVER_SUGGESTIONS), run.stderr
    assert files_of(root) == before


def test_suggest_on_the_sample_names_the_bodies_its_text_names(tmp_path: Path) -> None:
    # The sample's date, place and meeting are recorded; the councils (named by
    # their secretaries' titles) and the two groupings it names are not tagged.
    root = copy_project(tmp_path / "project")
    run = run_cli("suggest", SAMPLE, project=root, env=TODAY)
    path = f"content/briefings/{SAMPLE}.ar.md"
    assert (run.code, run.stdout.splitlines()) == (0, [
        f"{path}:48: suggestion: the text names supreme-national-security-council, not in actors",
        f"{path}:48: suggestion: the text names security-council-of-russia, not in actors",
        f"{path}:53: suggestion: the text names sco, not in actors",
        f"{path}:53: suggestion: the text names brics, not in actors",
    ]), run.stderr


def test_suggest_write_keeps_comments_and_key_order(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    translation = (root / f"content/briefings/{SAMPLE}.en.md").read_bytes()
    run = run_cli("suggest", HANDOVER, "--write", project=root, env=TODAY)
    assert (run.code, run.stdout.splitlines()) == (0, HANDOVER_SUGGESTIONS), run.stderr
    assert run.stderr == f"wrote {HANDOVER_PATH} (4 suggestions applied): run briefing check\n"
    written = (root / HANDOVER_PATH).read_bytes()
    golden = FIXTURES / f"{HANDOVER}.en.expected.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(written)
    assert written == golden.read_bytes()
    # The body is the original's, byte for byte; no other file changed.
    original = (FIXTURES / f"{HANDOVER}.en.md").read_bytes()
    assert written.split(b"\n---\n", 1)[1] == original.split(b"\n---\n", 1)[1]
    assert (root / f"content/briefings/{SAMPLE}.en.md").read_bytes() == translation
    checked = run_cli("check", "--strict", project=root, env=TODAY)
    assert (checked.code, checked.stdout) == (0, ""), checked.stdout
    again = run_cli("suggest", HANDOVER, project=root, env=TODAY)
    assert (again.code, again.stdout) == (0, "")
    assert again.stderr == f"no suggestion: the front matter of {HANDOVER_PATH} records what the text shows\n"


def test_suggest_with_content_errors_prints_them_and_writes_nothing(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    (root / "content" / "places.yml").write_text("moscow: [\n", encoding="utf-8")
    before = files_of(root)
    run = run_cli("suggest", HANDOVER, "--write", project=root, env=TODAY)
    assert run.code == 1
    assert run.stdout and all(": error: " in line for line in run.stdout.splitlines()), run.stdout
    assert "suggestion" not in run.stdout and "Traceback" not in run.stderr
    assert run.stderr.endswith(": fix the errors first\n")
    assert files_of(root) == before


def test_suggest_an_unknown_slug_is_one_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    run = run_cli("suggest", "no-such-briefing", project=root, env=TODAY)
    assert (run.code, run.stdout, run.stderr) == (
        1, "", "briefing suggest: no briefing 'no-such-briefing' in content/briefings/\n")


def test_a_recorded_event_and_actors_are_not_suggested_again(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    assert run_cli("suggest", HANDOVER, "--write", project=root, env=TODAY).code == 0
    corpus = load(root, Report())
    briefing = next(b for b in corpus.briefings if b.slug == HANDOVER)
    assert suggestions(corpus, briefing) == []


def test_a_dateline_without_a_year_is_the_day_nearest_the_recorded_date() -> None:
    assert _dateline_day(Dateline(12, 31, None), dt.date(2024, 1, 2)) == dt.date(2023, 12, 31)
    assert _dateline_day(Dateline(1, 2, None), dt.date(2023, 12, 31)) == dt.date(2024, 1, 2)
    assert _dateline_day(Dateline(5, 15, 2022), dt.date(2024, 5, 14)) == dt.date(2022, 5, 15)
    assert _dateline_day(Dateline(2, 29, None), dt.date(2023, 3, 1)) == dt.date(2024, 2, 29)


def test_the_guides_suggest_example_is_what_the_command_prints_and_writes(tmp_path: Path) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    example = guide.split(".venv/bin/briefing suggest shoigu-takes-over\n", 1)[1]
    before = example.split("```markdown\n", 1)[1].split("```", 1)[0]
    printed = example.split("```text\n", 1)[1].split("```", 1)[0]
    after = example.split("--write` applies every", 1)[1].split("```markdown\n", 1)[1].split("```", 1)[0]
    root = copy_project(tmp_path / "project")
    path = root / "content" / "briefings" / "shoigu-takes-over.en.md"
    path.write_text(before, encoding="utf-8")
    run = run_cli("suggest", "shoigu-takes-over", project=root, env=TODAY)
    assert (run.code, run.stdout) == (0, printed), run.stderr
    assert run_cli("suggest", "shoigu-takes-over", "--write", project=root, env=TODAY).code == 0
    written = path.read_text(encoding="utf-8")
    assert written.startswith(after)
    assert written[len(after):] == before.split("\n---\n", 1)[1]
    assert run_cli("check", "--strict", project=root, env=TODAY).code == 0


CALL = "shamkhani-call"
CALL_PATH = f"content/briefings/{CALL}.ar.md"


def test_suggest_write_appends_to_lists_and_keeps_crlf_line_ends(tmp_path: Path) -> None:
    # An Arabic original with CRLF line ends, block lists with comments after
    # their last item, an event already recorded and a last key after it.
    root = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / f"{CALL}.ar.md", root / CALL_PATH)
    run = run_cli("suggest", CALL, "--write", project=root, env=TODAY)
    assert (run.code, run.stdout.splitlines()) == (0, [
        f"{CALL_PATH}:4: suggestion: the dateline names 15 March: date: 2023-03-15 (not 2023-03-14)",
        f"{CALL_PATH}:20: suggestion: the first paragraph names the place tehran: location: tehran",
        f"{CALL_PATH}:20: suggestion: the text names nikolai-patrushev, not in actors",
        f"{CALL_PATH}:22: suggestion: the text names supreme-national-security-council, not in actors",
        f"{CALL_PATH}:20: suggestion: a call of ali-shamkhani, nikolai-patrushev on 2023-03-15 is not in events"
        " (id 2023-03-15-call-c3ac9cef)",
    ]), run.stderr
    written = (root / CALL_PATH).read_bytes()
    golden = FIXTURES / f"{CALL}.ar.expected.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(written)
    assert written == golden.read_bytes()
    assert b"\n" not in written.replace(b"\r\n", b"")
    original = (FIXTURES / f"{CALL}.ar.md").read_bytes()
    assert written.split(b"\r\n---\r\n", 1)[1] == original.split(b"\r\n---\r\n", 1)[1]
    checked = run_cli("check", "--strict", project=root, env=TODAY)
    assert (checked.code, checked.stdout) == (0, ""), checked.stdout


def test_a_different_recorded_place_is_named_in_the_suggestion(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    path = root / HANDOVER_PATH
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2024-05-14", "date: 2024-05-15\nlocation: tehran"),
                    encoding="utf-8")
    run = run_cli("suggest", HANDOVER, project=root, env=TODAY)
    assert f"{HANDOVER_PATH}:10: suggestion: the first paragraph names the place moscow: location: moscow (not tehran)" \
        in run.stdout.splitlines(), run.stdout
    assert "dateline" not in run.stdout


def test_suggest_write_that_cannot_write_is_one_line_and_leaves_the_file(tmp_path: Path) -> None:
    root = handover_project(tmp_path)
    # The file is written beside the original first: a folder in that place makes the write fail, even for root.
    (root / f"{HANDOVER_PATH}.tmp").mkdir()
    before = files_of(root)
    run = run_cli("suggest", HANDOVER, "--write", project=root, env=TODAY)
    assert run.code == 1
    [line] = run.stderr.splitlines()
    assert line.startswith(f"{HANDOVER_PATH}.tmp: error: ") and line.endswith(": briefing suggest stopped"), line
    assert "Traceback" not in run.stderr
    assert files_of(root) == before
