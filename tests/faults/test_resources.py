"""A full disk and a read-only folder, at each stage of a build, on a small tmpfs mounted by the test.

Mounting needs root (and a kernel that lets this process mount): the tests
are skipped, with the reason, where it cannot. Each case: exit 1, one line
naming the folder and the cause, no traceback, site/ untouched, no
half-written file in .build/, no process left; with space again, the next
build equals a build from nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from faultkit import (BRIEFINGS, FULL, GONE_CAP_SECONDS, Launched, copy_tree, corpus_project, edit_one_briefing, files_of,
                      leftovers, no_traceback, poll, problem_lines, reference_site, run_cli)

TMPFS_BYTES = 96 * 2**20
ONE_LINE = re.compile(r"^(\.build(/\S*)?|site): error: (?P<cause>[^:]+) \((?P<name>E[A-Z]+)\): "
                      r"the build stopped and site/ was left as it was$")


def _mount(folder: Path, options: str) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True, capture_output=True)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root and mount(8)")
    try:
        _mount(folder, f"size={TMPFS_BYTES}")
    except subprocess.CalledProcessError as exc:
        pytest.skip(f"cannot mount a tmpfs here: {exc.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False, capture_output=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Small in the short form: what matters is where the disk fills, not how much there is.
    return corpus_project(tmp_path_factory.mktemp("corpus") / "p", BRIEFINGS if FULL else 8)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return reference_site(corpus, tmp_path_factory.mktemp("reference") / "p")


def _free_bytes(folder: Path) -> int:
    info = os.statvfs(folder)
    return info.f_bavail * info.f_frsize


def _fill_to(folder: Path, free: int) -> Path:
    """A file that leaves `free` bytes of the disk free."""
    filler = folder / "filler"
    with open(filler, "wb") as handle:
        os.posix_fallocate(handle.fileno(), 0, max(_free_bytes(folder) - free, 1))
    return filler


def _build_needs(corpus: Path, tmpfs: Path) -> int:
    """Bytes a build from nothing takes on this disk (its .build/ and site/), measured, then removed."""
    project = copy_tree(corpus, tmpfs / "measure")
    before = _free_bytes(tmpfs)
    result = run_cli("build", "-q", project=project)
    assert result.code == 0, result.stderr
    needs = before - _free_bytes(tmpfs)
    shutil.rmtree(project)
    return needs


# Fractions of what a build needs: the disk fills while writing .build/, while the editions' pages are
# written, while MkDocs writes the site.
SHARES = (0.0, 0.05, 0.3, 0.55, 0.8, 0.95) if FULL else (0.05, 0.8)


def test_a_full_disk_at_each_stage_is_one_line(corpus: Path, reference: dict[str, bytes], tmpfs: Path) -> None:
    needs = _build_needs(corpus, tmpfs)
    causes = set()
    for share in SHARES:
        project = copy_tree(corpus, tmpfs / f"p{share}")
        (project / "site").mkdir()
        (project / "site" / "index.html").write_text("previous site")
        filler = _fill_to(tmpfs, int(needs * share))
        run = Launched.start(project, "build", "-q")
        try:
            code, stderr = run.finish()
            assert poll(lambda: not run.members(), cap=GONE_CAP_SECONDS), f"left running: {run.members()}"
        finally:
            run.stop()
        assert code == 1, f"{share}: {stderr}"
        assert no_traceback(stderr), stderr
        lines = problem_lines(stderr)
        assert len(lines) == 1 and ONE_LINE.match(lines[0]), f"{share}: {stderr}"
        causes.add(lines[0].split(": error:")[0])
        assert files_of(project / "site") == {"index.html": b"previous site"}
        assert leftovers(project / ".build") == []
        filler.unlink()
        again = run_cli("build", "-q", project=project)
        assert again.code == 0, again.stderr
        assert files_of(project / "site") == reference
        shutil.rmtree(project)
    # The shares reached different stages, each named by its folder.
    assert len(causes) >= 2, causes


def test_a_full_disk_during_an_update_of_site_leaves_it_as_it_was(corpus: Path, tmpfs: Path, tmp_path: Path) -> None:
    # site/ is the last build's output: MkDocs updates a hard-linked copy of it (the --dirty path).
    project = copy_tree(corpus, tmpfs / "p")
    assert run_cli("build", "-q", project=project).code == 0
    before = files_of(project / "site")
    edit_one_briefing(project, "Edited before the disk filled.")
    filler = _fill_to(tmpfs, 64 * 1024)
    result = run_cli("build", "-q", project=project)
    assert result.code == 1 and no_traceback(result.stderr), result.stderr
    assert len(problem_lines(result.stderr)) == 1 and ONE_LINE.match(problem_lines(result.stderr)[0]), result.stderr
    assert files_of(project / "site") == before
    filler.unlink()
    assert run_cli("build", "-q", project=project).code == 0
    assert files_of(project / "site") == reference_site(project, tmp_path / "fresh")


def test_a_read_only_project_is_one_line_and_check_still_works(corpus: Path, tmpfs: Path) -> None:
    project = copy_tree(corpus, tmpfs / "p")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True, capture_output=True)
    try:
        result = run_cli("build", "-q", project=project)
        assert result.code == 1 and no_traceback(result.stderr), result.stderr
        assert problem_lines(result.stderr) == [
            ".build: error: Read-only file system (EROFS): the build stopped and site/ was left as it was"
        ], result.stderr
        assert files_of(project / "site") == {"index.html": b"previous site"}
        # check writes nothing: a read-only project is checked as usual.
        checked = run_cli("check", project=project)
        assert checked.code == 0 and checked.stdout == "", checked.stderr
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=False, capture_output=True)
