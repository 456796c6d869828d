"""Processes under faults: the main process killed, Ctrl-C, two builds at once, serve's forks.

Each case checks the exit code, one clear line and no traceback, site/
untouched or equal to a build from nothing, and no process of the command's
group left behind.
"""

from __future__ import annotations

import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from faultkit import (FULL, GONE_CAP_SECONDS, Launched, Lines, copy_tree, corpus_project, edit_one_briefing, files_of,
                      leftovers, moments, no_traceback, poll, problem_lines, reference_site, run_cli, sample_project,
                      wait_for_moment)
from generator.core.forks import ForkWithThreads, fork_pool, fork_process


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return corpus_project(tmp_path_factory.mktemp("corpus") / "p")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return reference_site(corpus, tmp_path_factory.mktemp("reference") / "p")


@pytest.mark.parametrize("moment", moments(["render"], ["render", "engine", "engine updating site"]))
def test_kill_9_of_the_main_process_leaves_no_worker(corpus: Path, reference: dict[str, bytes], tmp_path: Path,
                                                      moment: str) -> None:
    project = copy_tree(corpus, tmp_path / "p")
    if moment.endswith("updating site"):
        # MkDocs then runs from this process's threads (an update of a copy of site/), not from the workers.
        edit_one_briefing(project, "Edited before the first build.")
        assert run_cli("build", "-q", project=project).code == 0
        copy_tree(corpus / "content", project / "content.fresh")
        shutil.rmtree(project / "content")
        (project / "content.fresh").rename(project / "content")
    before = files_of(project / "site") if (project / "site").exists() else None
    run = Launched.start(project, "build")
    try:
        assert wait_for_moment(run, moment.split()[0])
        seen = run.children()
        run.kill_main()
        # Polled before reading the output: a worker left alive would hold the pipes open.
        assert poll(lambda: not run.members(), cap=GONE_CAP_SECONDS), f"left running: {run.members()} (were {seen})"
        run.finish()
    finally:
        run.stop()
    # site/ is as it was, or wholly new if the swap came before the kill.
    assert (files_of(project / "site") if (project / "site").exists() else None) in (before, reference)
    # What the killed build left in .build/ is not trusted wrongly: the next build is right.
    again = run_cli("build", "-q", project=project)
    assert again.code == 0, again.stderr
    assert files_of(project / "site") == reference


@pytest.mark.parametrize("moment", moments(["render"], ["start", "render", "engine"]))
def test_ctrl_c_exits_130_with_one_line_and_ends_every_child(corpus: Path, reference: dict[str, bytes],
                                                             tmp_path: Path, moment: str) -> None:
    project = copy_tree(corpus, tmp_path / "p")
    first = run_cli("build", "-q", project=project)
    assert first.code == 0, first.stderr
    before = files_of(project / "site")
    edit_one_briefing(project, "Edited before the interrupted build.")
    run = Launched.start(project, "build")
    try:
        assert wait_for_moment(run, moment)
        run.interrupt()
        code, stderr = run.finish()
        assert poll(lambda: not run.members(), cap=GONE_CAP_SECONDS), f"left running: {run.members()}"
    finally:
        run.stop()
    assert no_traceback(stderr), stderr
    site = files_of(project / "site")
    if code == 130:
        assert problem_lines(stderr) == ["briefing: interrupted"]
        assert site == before
    elif code == -signal.SIGINT:
        # Before the interpreter set its handler up (a shell shows 130 too): nothing was done yet.
        assert stderr == "" and site == before
    else:  # the build had ended before the signal came
        assert code == 0, stderr
    assert leftovers(project / ".build") == []
    again = run_cli("build", "-q", project=project)
    assert again.code == 0, again.stderr
    assert files_of(project / "site") == reference_site(project, tmp_path / "fresh")


@pytest.mark.parametrize("moment", moments(["render"], ["start", "render", "engine"]))
def test_two_builds_at_once_take_turns(corpus: Path, tmp_path: Path, moment: str) -> None:
    project = copy_tree(corpus, tmp_path / "p")
    first = Launched.start(project, "build", "-q")
    try:
        assert wait_for_moment(first, moment)
        edit_one_briefing(project, "Edited while another build ran.")
        second = Launched.start(project, "build", "-q")
        try:
            code2, err2 = second.finish()
        finally:
            second.stop()
        code1, err1 = first.finish()
    finally:
        first.stop()
    assert (code1, code2) == (0, 0), err1 + err2
    assert no_traceback(err1 + err2)
    if first.proc.returncode == 0 and "waiting for" in err2:
        assert problem_lines(err2) == [
            f"briefing: waiting for briefing build (pid {first.proc.pid}) to finish with .build/"
            " (one build at a time per project)"]
    # Whatever the interleaving, site/ is what a build from nothing makes of the final content.
    assert files_of(project / "site") == reference_site(project, tmp_path / "fresh")


def test_check_waits_for_a_build_and_reports_the_same(corpus: Path, tmp_path: Path) -> None:
    project = copy_tree(corpus, tmp_path / "p")
    expected = run_cli("check", project=project)
    build = Launched.start(project, "build", "-q")
    try:
        assert wait_for_moment(build, "render")
        during = run_cli("check", project=project)
        assert build.finish()[0] == 0
    finally:
        build.stop()
    assert (during.code, during.stdout) == (expected.code, expected.stdout)
    assert no_traceback(during.stderr)


def test_no_fork_while_another_thread_runs(tmp_path: Path) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, name="some-server")
    other.start()
    try:
        with pytest.raises(ForkWithThreads, match="some-server"):
            with fork_pool(1):
                pass
        with pytest.raises(ForkWithThreads):
            fork_process(lambda: None, name="x")
    finally:
        stop.set()
        other.join()


def test_serve_rebuilds_in_a_child_forked_before_its_server_thread(tmp_path: Path) -> None:
    # Every fork checks that one thread runs (forks.check_single_threaded raises otherwise): a real
    # rebuild under serve forks the editions' workers, which fails if it ran beside the HTTP thread.
    project = sample_project(tmp_path / "p")
    with _serving(project) as (run, lines):
        edit_one_briefing(project, "Edited while serving.")
        assert "rebuilt in" in lines.until("rebuilt in|error"), lines.seen
    assert no_traceback("\n".join(lines.seen))


@contextmanager
def _serving(project: Path) -> Iterator[tuple[Launched, Lines]]:
    """`briefing serve` once it serves; then Ctrl-C: it says "stopped", exits 0 and leaves no process of its own."""
    run = Launched.start(project, "serve", "-p", "0")
    try:
        lines = Lines(run)
        lines.until("serving on")
        yield run, lines
        run.interrupt()
        assert run.wait() == 0
        assert lines.rest() == ["stopped"]
        assert poll(lambda: not run.members(), cap=GONE_CAP_SECONDS), f"left running: {run.members()}"
    finally:
        run.stop()


def test_a_build_beside_serve_takes_turns_with_its_rebuilds(tmp_path: Path) -> None:
    # serve and build share .build/<lang>/: a build waits for a rebuild (and a rebuild for a build).
    project = sample_project(tmp_path / "p")
    with _serving(project) as (run, lines):
        edit_one_briefing(project, "Edited while serving.")
        lines.until("changed:")
        builds = [run_cli("build", "-q", project=project)]
        assert "rebuilt in" in lines.until("rebuilt in|error"), lines.seen
        if FULL:  # a second round: serve's rebuild after a build, then a build again
            edit_one_briefing(project, "Edited again while serving.")
            lines.until("changed:")
            builds.append(run_cli("build", "-q", project=project))
            assert "rebuilt in" in lines.until("rebuilt in|error"), lines.seen
    for result in builds:
        assert result.code == 0 and no_traceback(result.stderr), result.stderr
        assert problem_lines(result.stderr) in ([], [
            "briefing: waiting for briefing serve (pid {}) to finish with .build/ (one build at a time per project)"
            .format(run.proc.pid)])
    assert no_traceback("\n".join(lines.seen))
    assert files_of(project / "site") == reference_site(project, tmp_path / "fresh")
