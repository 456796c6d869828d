"""One fixture folder per broken input: exact messages, non-zero exit, no traceback, site/ untouched."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, copy_project, run_cli

FIXTURES = REPO / "tests" / "fixtures"
BROKEN = sorted(p for p in (FIXTURES / "broken").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_check_reports_exact_messages(case: Path) -> None:
    result = run_cli("check", project=case)
    assert result.code == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == (case / "expected.txt").read_text(encoding="utf-8")
    for line in result.stdout.splitlines():
        assert line.startswith("content/"), line


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_build_fails_and_leaves_site_untouched(case: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", case / "content")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    result = run_cli("build", project=project)
    assert result.code == 1
    assert "Traceback" not in result.stderr
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        assert line in result.stderr.splitlines()
    assert "site/ was left as it was" in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous site"


def test_crlf_and_bom_files_are_accepted() -> None:
    result = run_cli("check", project=FIXTURES / "valid" / "crlf-bom")
    assert result.code == 0, result.stdout
    assert result.stdout == ""


def test_very_large_file_is_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", FIXTURES / "valid" / "crlf-bom" / "content")
    big = project / "content" / "briefings" / "big.en.md"
    big.write_text("---\ntitle: Big\ndate: 2023-01-01\nsource: {name: X}\n---\n" + "word " * 600_000)
    result = run_cli("check", project=project)
    assert result.code == 1
    assert result.stdout.startswith("content/briefings/big.en.md: error: file is 3,000,0")
    assert "over the limit of 2,000,000 bytes" in result.stdout


def test_symlink_out_of_content_is_not_followed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", FIXTURES / "valid" / "crlf-bom" / "content")
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\ndate: 2023-01-01\nsource: {name: X}\n---\nsecret text\n")
    (project / "content" / "briefings" / "leak.en.md").symlink_to(secret)
    (project / "content" / "actors" / "linked").symlink_to(tmp_path, target_is_directory=True)
    result = run_cli("check", project=project)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "content/actors/linked: error: symbolic links to folders are not followed: copy the files instead",
        "content/briefings/leak.en.md: error: symbolic link points outside content/ (or nowhere): it is not read",
    ]
    build = run_cli("build", project=project)
    assert build.code == 1 and not (project / "site").exists()
    shutil.rmtree(project)
    assert secret.exists()


WARNINGS = sorted(p for p in (FIXTURES / "warnings").iterdir() if p.is_dir())
# The day the warnings fixtures are checked on (dates after it are in the future).
TODAY = dict(os.environ, BRIEFING_TODAY="2026-03-01")


@pytest.mark.parametrize("case", WARNINGS, ids=[p.name for p in WARNINGS])
def test_warnings_pass_unless_strict(case: Path) -> None:
    result = run_cli("check", project=case, env=TODAY)
    assert result.code == 0
    assert result.stdout == (case / "expected.txt").read_text(encoding="utf-8")
    assert all(": warning: " in line for line in result.stdout.splitlines())
    assert run_cli("check", "--strict", project=case, env=TODAY).code == 1


@pytest.mark.parametrize("case", WARNINGS, ids=[p.name for p in WARNINGS])
def test_check_after_a_build_reports_the_same(case: Path, tmp_path: Path) -> None:
    # check reads the work a build stored in .build/: its report must not change.
    project = copy_project(tmp_path / "p", case / "content")
    before = run_cli("check", project=project, env=TODAY)
    assert run_cli("build", "-q", project=project, env=TODAY).code == 0
    assert (project / ".build" / "cache" / "state.msgpack").is_file()
    after = run_cli("check", project=project, env=TODAY)
    assert (after.code, after.stdout) == (before.code, before.stdout)
    assert after.stdout == (case / "expected.txt").read_text(encoding="utf-8")


def test_check_after_a_build_sees_a_new_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert run_cli("build", "-q", project=project).code == 0
    source = sorted((project / "content" / "briefings").glob("*.md"))[0]
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("\ndate:", "\ndate: [unclosed\nx:", 1), encoding="utf-8")
    result = run_cli("check", project=project)
    assert result.code == 1
    assert result.stdout.startswith(f"content/briefings/{source.name}:")


def test_check_counts_broken_briefings_in_its_summary() -> None:
    # One briefing whose original does not parse: found, so counted.
    result = run_cli("check", project=FIXTURES / "broken" / "yaml-error-in-pair")
    assert result.code == 1
    assert re.fullmatch(r"checked 1 briefing, 3 actors, 1 place, 1 topic in \d+\.\d\ds: 2 errors, 0 warnings\n", result.stderr)


def test_future_dates_are_relative_to_today() -> None:
    case = FIXTURES / "warnings" / "future-dates"
    on_the_day = run_cli("check", project=case, env=dict(os.environ, BRIEFING_TODAY="2026-03-05"))
    assert (on_the_day.code, on_the_day.stdout) == (0, "")
    # The real clock: the fixture's dates are in the past by now.
    assert run_cli("check", project=case).stdout == ""
    day_before = run_cli("check", project=case, env=dict(os.environ, BRIEFING_TODAY="2026-03-04"))
    assert day_before.stdout.splitlines() == [
        "content/briefings/x.en.md:8: warning: events[1]: 'date' is 2026-03-05, a day still to come:"
        " record an event once it has taken place, or correct the date",
    ]


def test_a_malformed_briefing_today_is_an_error() -> None:
    result = run_cli("check", project=FIXTURES / "valid" / "crlf-bom", env=dict(os.environ, BRIEFING_TODAY="2026-3-5"))
    assert result.code == 1
    assert result.stdout == (
        "BRIEFING_TODAY: error: must be a date written YYYY-MM-DD (it stands in for today, for tests), not '2026-3-5'\n"
    )
