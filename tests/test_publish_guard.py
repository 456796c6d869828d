"""The guard before publishing: a site past extra.limits' max_site_bytes/max_site_files is a warning of the build.

Real builds of the sample project with the limits set tiny in its mkdocs.yml.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import PREVIOUS_SITE, REPO, SAMPLE_CONFIG, copy_project, files_of, plant_previous_site, run_cli
from generator.content.reading import Limits
from generator.core.sitesize import tree_size
from generator.engine.adapter import read_limits

CASE = REPO / "tests" / "fixtures" / "config" / "site-over-limits"
EXPECTED = (CASE / "expected.txt").read_text(encoding="utf-8").splitlines()


def _with_tiny_limits(project: Path) -> None:
    # limits.yml is a block under `extra:`, the last top-level key of the project's mkdocs.yml.
    with open(project / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write((CASE / "limits.yml").read_text(encoding="utf-8"))


def _diagnostics(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " in line or ": error: " in line]


def test_a_site_past_the_limits_is_built_with_one_warning(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    _with_tiny_limits(project)
    result = run_cli("build", project=project)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert _diagnostics(result.stderr) == EXPECTED
    assert result.stderr.rstrip().endswith("; 0 errors, 1 warning")
    assert (project / "site" / "index.html").is_file()


def test_strict_fails_and_leaves_a_first_site_untouched(tmp_path: Path) -> None:
    # No record of site/: the engine builds each edition apart, and the guard runs before they are assembled.
    project = copy_project(tmp_path / "p")
    _with_tiny_limits(project)
    site = plant_previous_site(project)
    result = run_cli("build", "--strict", project=project)
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert _diagnostics(result.stderr) == EXPECTED
    assert "build failed (0 errors, 1 warning); site/ was left as it was" in result.stderr
    assert files_of(site) == PREVIOUS_SITE


def test_strict_fails_and_leaves_a_built_site_untouched(tmp_path: Path) -> None:
    # site/ is the last output: MkDocs updates a hard-linked copy of it, measured before the swap.
    project = copy_project(tmp_path / "p")
    assert run_cli("build", "--strict", project=project).code == 0
    before = files_of(project / "site")
    briefing = next((project / "content" / "briefings").glob("*.en.md"))
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    _with_tiny_limits(project)
    result = run_cli("build", "--strict", project=project)
    assert result.code == 1
    assert _diagnostics(result.stderr) == EXPECTED
    assert files_of(project / "site") == before
    # Within the limits again, the same build succeeds and the edit is published.
    (project / "mkdocs.yml").write_text(SAMPLE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli("build", "--strict", project=project)
    assert result.code == 0, result.stderr
    assert files_of(project / "site") != before


def test_limits_default_below_the_hosts_and_are_validated_like_the_others(tmp_path: Path) -> None:
    assert (Limits().max_site_bytes, Limits().max_site_files) == (900_000_000, 180_000)
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  limits:\n    max_site_bytes: 5000\n    max_site_files: 0\n    max_files: nine\n")
    assert read_limits(config) == Limits(max_site_bytes=5000)


def test_tree_size_counts_every_file_once(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.html").write_bytes(b"x" * 10)
    (tmp_path / "two.json").write_bytes(b"y" * 3)
    os.link(tmp_path / "two.json", tmp_path / "a" / "hard-link.json")  # a hard link is published as a file too
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # not followed
    size = tree_size(tmp_path)
    assert (size.files, size.bytes) == (4, 10 + 3 + 3 + len(os.readlink(tmp_path / "loop")))
