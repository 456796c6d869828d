"""`briefing build` after an edit: reuses its stored work, and gives exactly what a build from nothing gives.

Each test builds a small generated project for real (MkDocs included), edits
it, builds again, and compares the whole site/ byte for byte with a build of
the same content in a fresh folder.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.corpus import write_corpus
from generator.core import stored
from generator.build import Project, Timings, build
from generator.buildstate import STATE_FILE
from generator.core.diagnostics import Report
from generator.engine.adapter import PAGES_ARCHIVE, clone_tree, start_folder_work
from generator.core.forks import can_fork
from tests.conftest import REPO, files_of

SIZE = 24


def _build(project: Path) -> Timings:
    timings = Timings()
    build(Project(project), Report(), timings=timings)
    return timings


def _assert_same_as_fresh_build(project: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(project / name, fresh / name)
    shutil.copy2(project / "mkdocs.yml", fresh / "mkdocs.yml")
    assert _build(fresh).counts["engine_dirty"] == 0
    mine, theirs = files_of(project / "site"), files_of(fresh / "site")
    assert sorted(mine) == sorted(theirs)
    different = [path for path in mine if mine[path] != theirs[path]]
    assert different == []


def _original(project: Path) -> Path:
    for path in sorted((project / "content" / "briefings").glob("*.md")):
        if "\nsource:" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError("no original briefing")


def _add_paragraph(path: Path, text: str) -> None:
    head, sep, body = path.read_text(encoding="utf-8").partition("\n---\n")
    path.write_text(head + sep + text + "\n\n" + body, encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    write_corpus(folder, SIZE, seed=5)
    first = _build(folder)
    assert first.counts["engine_dirty"] == 0
    assert first.counts["rendered_en"] == first.counts["pages"] // 2 > SIZE
    return folder


def test_nothing_changed_renders_nothing(project: Path, tmp_path: Path) -> None:
    before = files_of(project / "site")
    again = _build(project)
    assert again.counts["engine_dirty"] == 1
    assert again.counts["rendered_en"] == again.counts["rendered_ar"] == 0
    assert again.counts["written_en"] == again.counts["written_ar"] == 0
    assert files_of(project / "site") == before


def test_edit_renders_little_and_equals_fresh_build(project: Path, tmp_path: Path) -> None:
    source = _original(project)
    _add_paragraph(source, "A paragraph added by the incremental build test.")
    timings = _build(project)
    assert timings.counts["engine_dirty"] == 1
    # The page itself, in both editions, and the pages that show its text
    # (none: lists show titles); nothing else.
    assert 1 <= timings.counts["rendered_en"] <= 3
    assert 1 <= timings.counts["rendered_ar"] <= 3
    slug = source.name.split(".")[0]
    assert "A paragraph added by the incremental build test." in (
        project / "site" / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    _assert_same_as_fresh_build(project, tmp_path)


def test_title_edit_updates_every_list_that_shows_it(project: Path, tmp_path: Path) -> None:
    source = _original(project)
    text = source.read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    source.write_text(text.replace(title_line, 'title: "A retitled briefing for the incremental test"', 1),
                      encoding="utf-8")
    timings = _build(project)
    assert timings.counts["engine_dirty"] == 1
    assert timings.counts[f"rendered_{'ar' if source.name.endswith('.ar.md') else 'en'}"] > 2
    _assert_same_as_fresh_build(project, tmp_path)


def test_added_and_removed_briefings(project: Path, tmp_path: Path) -> None:
    source = _original(project)
    slug = source.name.split(".")[0]
    twin = source.with_name(source.name.replace(slug, slug + "-twin"))
    shutil.copy2(source, twin)
    assert _build(project).counts["engine_dirty"] == 1
    assert (project / "site" / "briefings" / (slug + "-twin") / "index.html").is_file()
    _assert_same_as_fresh_build(project, tmp_path)
    # A page that is gone would linger in an updated copy: the engine starts afresh.
    twin.unlink()
    assert _build(project).counts["engine_dirty"] == 0
    assert not (project / "site" / "briefings" / (slug + "-twin")).exists()
    _assert_same_as_fresh_build(project, tmp_path)


def test_live_site_is_never_written_in_place(project: Path, tmp_path: Path) -> None:
    # A hard-linked copy shares every file of site/: if the update wrote into
    # any of them, the copy would change too.
    held = tmp_path / "held"
    clone_tree(project / "site", held)
    before = files_of(held)
    _add_paragraph(_original(project), "Written while the old site stays as it was.")
    assert _build(project).counts["engine_dirty"] == 1
    assert files_of(held) == before
    assert files_of(project / "site") != before


def test_template_change_renders_everything_again(project: Path, tmp_path: Path) -> None:
    template = project / "templates" / "pages" / "briefing.md.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        '<article class="bf-page bf-briefing">', '<article class="bf-page bf-briefing" data-test="changed">'), encoding="utf-8")
    timings = _build(project)
    assert timings.counts["engine_dirty"] == 0
    assert timings.counts["rendered_en"] == timings.counts["pages"] // 2
    pages = list((project / "site" / "briefings").glob("*/index.html"))
    assert len(pages) == SIZE
    assert all('data-test="changed"' in page.read_text(encoding="utf-8") for page in pages)


def test_pages_archive_from_other_code_is_not_used(project: Path, tmp_path: Path) -> None:
    # An archive stamped with another code key (an upgrade of the generator) is ignored.
    archive = project / ".build" / "en" / PAGES_ARCHIVE
    pages = stored.read(archive, stored.PAGES, None, stored.Pages)
    assert pages
    stored.write(archive, stored.PAGES, "0" * 32, pages)
    timings = _build(project)
    assert timings.counts["rendered_en"] == timings.counts["pages"] // 2
    assert timings.counts["rendered_ar"] == 0
    _assert_same_as_fresh_build(project, tmp_path)


def test_stored_work_carried_to_a_fresh_checkout(project: Path, tmp_path: Path) -> None:
    # What CI restores (.github/workflows/site.yml): the state and the pages
    # archives, into a checkout whose files all have new modification times.
    fresh = tmp_path / "checkout"
    fresh.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(project / name, fresh / name, copy_function=shutil.copyfile)
    shutil.copyfile(project / "mkdocs.yml", fresh / "mkdocs.yml")
    cached = _actions_cache_paths()
    assert sorted(cached) == sorted([STATE_FILE, f"en/{PAGES_ARCHIVE}", f"ar/{PAGES_ARCHIVE}"])
    for rel in cached:
        (fresh / ".build" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project / ".build" / rel, fresh / ".build" / rel)
    timings = _build(fresh)
    assert timings.counts["rendered_en"] == timings.counts["rendered_ar"] == 0
    assert files_of(fresh / "site") == files_of(project / "site")


def _actions_cache_paths() -> list[str]:
    """The paths below .build/ that the publishing job keeps in the Actions cache."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job.get("steps", [])
             if str(step.get("uses", "")).startswith("actions/cache@")]
    assert len(steps) == 1
    return [line.strip().removeprefix(".build/") for line in steps[0]["with"]["path"].split("\n") if line.strip()]


def _dies() -> object:
    os._exit(3)  # in the stage's forked worker: as if it were killed
    yield "briefings/x/"


def _breaks() -> object:
    raise ValueError("not a disk error")
    yield "briefings/x/"


@pytest.mark.skipif(not can_fork(), reason="the folder work runs in a thread where fork is missing")
@pytest.mark.parametrize("folders", [_dies, _breaks])
def test_folder_work_that_did_not_finish_counts_as_failed(tmp_path: Path, folders: object) -> None:
    # The build then runs MkDocs in full rather than over missing folders,
    # and never waits for a worker that is gone.
    work = start_folder_work(tmp_path / ".build", tmp_path / "site", clone=False, folders=folders)  # type: ignore[arg-type]
    work.wait()
    work.join()
    assert work.failed
