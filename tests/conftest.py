"""Shared test helpers: the real CLI in a subprocess, and one real build of the sample site."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# The golden sample: a copy of the sample content that the tests own, so that
# analysts' edits to content/ never change what the tests see.
SAMPLE_CONTENT = REPO / "tests" / "fixtures" / "sample" / "content"
# The site configuration of the tests' projects, theirs too: the desk may rename the site or set its
# address in the project's mkdocs.yml, and no test may change with it.
SAMPLE_CONFIG = REPO / "tests" / "fixtures" / "sample" / "mkdocs.yml"
# The one file of content/ the tests read: the analysts' guide, documentation held to the checker's
# messages and the commands' real output. An edit to it is a code change for CI (.ci/pr-scope), so
# analysts' briefings, actors, places and topics never reach the tests.
GUIDE = REPO / "content" / "README.md"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, project: Path, env: dict[str, str] | None = None, timeout: float = 300) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "-C", str(project), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=REPO,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A throwaway project: the repo's templates (code), the tests' own mkdocs.yml, and some content (the golden sample by default)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "templates", target / "templates")
    shutil.copy2(SAMPLE_CONFIG, target / "mkdocs.yml")
    shutil.copytree(content or SAMPLE_CONTENT, target / "content", symlinks=True)
    return target


# What plant_previous_site leaves in site/: a failed build must leave exactly this.
PREVIOUS_SITE = {"index.html": b"previous site"}


def plant_previous_site(project: Path) -> Path:
    """A site/ as an earlier build left it (files_of it equals PREVIOUS_SITE); returns the folder."""
    site = project / "site"
    site.mkdir()
    for name, data in PREVIOUS_SITE.items():
        (site / name).write_bytes(data)
    return site


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (relative posix path -> bytes), to compare two builds byte for byte."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample content built once with --strict, like CI does."""
    project = copy_project(tmp_path_factory.mktemp("sample"))
    result = run_cli("build", "--strict", project=project)
    assert result.code == 0, result.stderr
    return project


@pytest.fixture(scope="session")
def sample_site(sample_project: Path) -> Path:
    return sample_project / "site"
