"""Odd entries under content/ that cannot live in git, made here: a named pipe and symbolic link loops.

(A folder named like a briefing file, an empty file and an upper-case
extension are fixtures under tests/fixtures/broken/, run by
test_broken_inputs.py.) Each: one exact error line from check and build,
exit 1, no traceback, no hang, site/ untouched.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

from faultkit import REPO, files_of, no_traceback, run_cli
from conftest import copy_project

VALID = REPO / "tests" / "fixtures" / "valid" / "crlf-bom" / "content"


def _fifo(content: Path) -> str:
    os.mkfifo(content / "briefings" / "f.en.md")
    return "content/briefings/f.en.md: error: is a named pipe, not a plain file: it is not read"


def _loop_to_itself(content: Path) -> str:
    (content / "briefings" / "l.en.md").symlink_to("l.en.md")
    return "content/briefings/l.en.md: error: symbolic link loop (the link leads back to itself): it is not read"


def _loop_of_two(content: Path) -> str:
    (content / "actors" / "a.yml").symlink_to("b.yml")
    (content / "actors" / "b.yml").symlink_to("a.yml")
    return ("content/actors/a.yml: error: symbolic link loop (the link leads back to itself): it is not read\n"
            "content/actors/b.yml: error: symbolic link loop (the link leads back to itself): it is not read")


def _folder_loop(content: Path) -> str:
    (content / "briefings" / "again").symlink_to(".", target_is_directory=True)
    return "content/briefings/again: error: symbolic links to folders are not followed: copy the files instead"


CASES: dict[str, Callable[[Path], str]] = {
    "fifo": _fifo, "symlink-loop": _loop_to_itself, "symlink-loop-of-two": _loop_of_two, "folder-loop": _folder_loop,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_odd_file_is_one_error_line(case: str, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", VALID)
    expected = CASES[case](project / "content")
    checked = run_cli("check", project=project, timeout=60)
    assert checked.code == 1 and no_traceback(checked.stderr), checked.stderr
    assert checked.stdout == expected + "\n"
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("previous site")
    built = run_cli("build", "-q", project=project, timeout=60)
    assert built.code == 1 and no_traceback(built.stderr), built.stderr
    assert built.stderr.splitlines() == [*expected.splitlines(),
                                         "build failed (" + ("2 errors" if "\n" in expected else "1 error")
                                         + ", 0 warnings); site/ was left as it was"]
    assert files_of(project / "site") == {"index.html": b"previous site"}
