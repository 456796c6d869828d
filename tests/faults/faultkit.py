"""What the fault tests share: a generated project, the real CLI started in a
process group of its own, the processes left in that group, and polling.

`BRIEFING_FAULTS=full` runs every case at every moment on a larger corpus;
by default each case runs at one or two moments on a small one (seconds).
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "tests") not in sys.path:
    sys.path.insert(0, str(REPO / "tests"))

from benchmarks.corpus import write_corpus  # noqa: E402
from conftest import copy_project, files_of, run_cli  # noqa: E402

from generator.engine.runs import RUNNER  # noqa: E402

FULL = os.environ.get("BRIEFING_FAULTS") == "full"
BRIEFINGS = 200 if FULL else 30
# A cap on how long a bounded wait polls: generous, as the machine is shared. Never a measured duration.
CAP_SECONDS = 30.0
GONE_CAP_SECONDS = 3.0  # children end at once when their parent dies; this only absorbs a busy machine


def corpus_project(target: Path, briefings: int = BRIEFINGS) -> Path:
    write_corpus(target, briefings)
    return target


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True,
                    ignore=shutil.ignore_patterns(".build", "site"))
    return target


def edit_one_briefing(project: Path, marker: str) -> None:
    """Change one briefing's text, so that a build after it differs from one before."""
    path = sorted((project / "content" / "briefings").glob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")


def reference_site(project: Path, scratch: Path) -> dict[str, bytes]:
    """The site a build from nothing makes of `project`'s content (in a copy, elsewhere)."""
    copy = copy_tree(project, scratch)
    result = run_cli("build", "-q", project=copy)
    assert result.code == 0, result.stderr
    return files_of(copy / "site")


@dataclass
class Launched:
    """The real CLI, leading a process group of its own (as a terminal's foreground job)."""

    proc: subprocess.Popen[str]

    @classmethod
    def start(cls, project: Path, *args: str) -> "Launched":
        proc = subprocess.Popen([sys.executable, "-m", "generator", "-C", str(project), *args], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        return cls(proc)

    @property
    def group(self) -> int:
        return self.proc.pid

    def members(self) -> list[tuple[int, str]]:
        """The group's living processes (pid, command line), the leader included while it lives."""
        return group_members(self.group)

    def children(self) -> list[tuple[int, str]]:
        return [(pid, cmd) for pid, cmd in self.members() if pid != self.proc.pid]

    def interrupt(self) -> None:
        """Ctrl-C: SIGINT to the whole group, as a terminal sends it."""
        os.killpg(self.group, signal.SIGINT)

    def kill_main(self) -> None:
        """SIGKILL to the main process alone."""
        os.kill(self.proc.pid, signal.SIGKILL)

    def finish(self) -> tuple[int, str]:
        _out, err = self.proc.communicate(timeout=300)
        return self.proc.returncode, err

    def wait(self) -> int:
        """The exit code, leaving stderr to a Lines reader."""
        return self.proc.wait(timeout=300)

    def stop(self) -> None:
        """Teardown: nothing of this group may outlive the test."""
        for pid, _cmd in self.members():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.wait(timeout=30)


class Lines:
    """A long-running command's stderr, line by line, read by a thread (a read never blocks the test for ever)."""

    def __init__(self, run: Launched) -> None:
        self.seen: list[str] = []
        self._queue: "queue.Queue[Optional[str]]" = queue.Queue()
        threading.Thread(target=self._read, args=(run,), daemon=True).start()

    def _read(self, run: Launched) -> None:
        assert run.proc.stderr is not None
        for line in run.proc.stderr:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def until(self, pattern: str, cap: float = CAP_SECONDS) -> str:
        deadline = time.monotonic() + cap
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                break
            self.seen.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r} in:\n" + "\n".join(self.seen))

    def rest(self) -> list[str]:
        """What follows, once the command has ended."""
        out = []
        while (line := self._queue.get(timeout=CAP_SECONDS)) is not None:
            out.append(line)
        self.seen.extend(out)
        return out


def sample_project(target: Path) -> Path:
    """The golden sample, small: for serve, whose first build comes before anything can be observed."""
    return copy_project(target)


def group_members(group: int) -> list[tuple[int, str]]:
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = (Path("/proc") / entry / "stat").read_text()
            cmdline = (Path("/proc") / entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == group and state != "Z":
            members.append((int(entry), cmdline.strip()))
    return members


def poll(predicate: Callable[[], bool], cap: float = CAP_SECONDS, step: float = 0.01) -> bool:
    """True as soon as `predicate` holds; False if it never did within `cap` seconds."""
    deadline = time.monotonic() + cap
    while True:
        if predicate():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(step)


def editions_rendering(run: Launched) -> bool:
    """The moment "while pages render": both edition workers are forked (the stage process may be there too)."""
    return len([cmd for _pid, cmd in run.children() if RUNNER not in cmd]) >= 2


def engine_running(run: Launched) -> bool:
    return any(RUNNER in cmd for _pid, cmd in run.children())


def problem_lines(stderr: str) -> list[str]:
    """stderr without the progress lines ("[   0.1s] load…")."""
    return [line for line in stderr.splitlines() if not line.startswith("[")]


def no_traceback(stderr: str) -> bool:
    return "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def leftovers(build: Path) -> list[str]:
    """Half-written files in .build/ (writer.replacing's temporary files)."""
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*.tmp")) if build.is_dir() else []


def moments(short: list[str], full: list[str]) -> list[str]:
    return full if FULL else short


def wait_for_moment(run: Launched, moment: str) -> bool:
    """Block until the build reaches `moment`: "start", "render" (pages render) or "engine" (MkDocs runs)."""
    if moment == "start":
        return True
    if moment == "render":
        return poll(lambda: editions_rendering(run) or run.proc.poll() is not None)
    if moment == "engine":
        return poll(lambda: engine_running(run) or run.proc.poll() is not None)
    raise ValueError(moment)
