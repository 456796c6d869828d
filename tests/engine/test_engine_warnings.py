"""MkDocs' own warnings reach `briefing build`'s report, with their text, counted, and fail --strict (real builds)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from conftest import copy_project, files_of, run_cli
from generator.core.diagnostics import Report
from generator.engine.runs import OS_ERROR, OS_ERROR_EXIT, EngineMessage, EngineRun, report_engines

UNKNOWN_KEY = "Config value 'unknown_key': Unrecognised configuration name: unknown_key"


def _summary(stderr: str) -> str:
    return stderr.splitlines()[-1].rsplit("; ", 1)[-1]


def test_a_key_mkdocs_warns_about_is_a_warning_of_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    first = run_cli("build", project=project)
    assert first.code == 0, first.stderr
    assert _summary(first.stderr) == "0 errors, 0 warnings"
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join([*lines, "unknown_key: 1", ""]), encoding="utf-8")
    line = len(lines) + 1
    before = files_of(project / "site")

    warned = run_cli("build", project=project)
    assert warned.code == 0, warned.stderr
    # Both editions inherit mkdocs.yml: one warning, at the key's line.
    assert f"mkdocs.yml:{line}: warning: MkDocs: {UNKNOWN_KEY}" in warned.stderr.splitlines()
    assert _summary(warned.stderr) == "0 errors, 1 warning"

    strict = run_cli("build", "--strict", project=project)
    assert strict.code == 1
    aborted = "Aborted with 1 configuration warnings in 'strict' mode!"
    assert strict.stderr.splitlines()[-4:] == [
        f"mkdocs.yml: error: the site engine (MkDocs) failed on the ar edition: {aborted}",
        f"mkdocs.yml: error: the site engine (MkDocs) failed on the en edition: {aborted}",
        f"mkdocs.yml:{line}: warning: MkDocs: {UNKNOWN_KEY}",
        "build failed (2 errors, 1 warning); site/ was left as it was",
    ]
    assert files_of(project / "site") == before


def test_an_update_of_site_reports_no_warning_of_its_own(tmp_path: Path) -> None:
    # The second build updates a copy of site/ (MkDocs' dirty mode): the
    # notice MkDocs logs for every dirty run is not a problem of the site.
    project = copy_project(tmp_path / "p")
    assert run_cli("build", "-q", project=project).code == 0
    briefing = sorted((project / "content" / "briefings").glob("*.en.md"))[0]
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    update = run_cli("build", "--strict", project=project)
    assert update.code == 0, update.stderr
    assert _summary(update.stderr) == "0 errors, 0 warnings"
    assert "copy (wait)" in update.stderr  # it was an update of site/, not a build from nothing


def test_mkdocs_strictest_validation_has_nothing_to_say_about_the_generated_pages(tmp_path: Path) -> None:
    # Every check MkDocs can make of pages, links and nav, as warnings: the
    # generated tree gives none (the pages outside the nav are declared so).
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "validation:\n" + "".join(
        f"  {check}: warn\n" for check in ("omitted_files", "not_found", "absolute_links", "unrecognized_links", "anchors")
    ), encoding="utf-8")
    result = run_cli("build", "--strict", project=project)
    assert result.code == 0, result.stderr
    assert _summary(result.stderr) == "0 errors, 0 warnings"


def test_report_of_the_runs(tmp_path: Path) -> None:
    # The pure step from both editions' logged messages to the report.
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n", encoding="utf-8")
    shared = EngineMessage("WARNING", "Config value 'plugins': Plugin 'search' option 'x': Unrecognised configuration name: x")
    runs = [
        EngineRun("en", 0, (shared, EngineMessage("ERROR", "a plugin's error, built on anyway")), "", 1.0, Path("out")),
        EngineRun("ar", 1, (shared, EngineMessage("ERROR", "Aborted with a BuildError!")), "Traceback ...\nBuildError", 1.0, Path("out")),
        EngineRun("ar", 2, (), "", 1.0, Path("out")),
    ]
    report = Report()
    assert report_engines(runs[:2], report, config) is False
    assert [item.format() for item in report.items] == [
        "mkdocs.yml: error: the site engine (MkDocs) failed on the ar edition: Aborted with a BuildError!",
        "mkdocs.yml: warning: MkDocs (en edition): a plugin's error, built on anyway",
        f"mkdocs.yml:2: warning: MkDocs: {shared.message}",
    ]
    silent = Report()
    assert report_engines(runs[2:], silent, config) is False
    assert [item.format() for item in silent.items] == [
        "mkdocs.yml: error: the site engine (MkDocs) failed on the ar edition: exit code 2",
    ]


def test_an_operating_system_error_of_the_engine_is_raised_as_one(tmp_path: Path) -> None:
    # The runner's OSERROR line (a full disk in MkDocs' process) becomes the
    # OSError the command line reports in one line, naming the folder when the
    # error names no file.
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    full = EngineMessage(OS_ERROR, "No space left on device", errno.ENOSPC, None)
    run = EngineRun("ar", OS_ERROR_EXIT, (full,), "", 1.0, tmp_path / "out" / "ar")
    with pytest.raises(OSError) as raised:
        report_engines([run], Report(), config)
    assert (raised.value.errno, raised.value.strerror, raised.value.filename) == (
        errno.ENOSPC, "No space left on device", str(tmp_path / "out" / "ar"))
