"""The site engines (generator/engine/choice.py) and the engine-neutral tree: real builds, compared byte for byte."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PREVIOUS_SITE, REPO, copy_project, files_of, plant_previous_site, run_cli
from sitecheck import check_site
from generator.buildstate import code_key
from generator.engine.choice import MKDOCS, PROPERDOCS, Engine, missing_engine_message
from generator.views.i18n import t

FIXTURES = REPO / "tests" / "fixtures" / "config"
LANGS = ("en", "ar")


def _generated_config(project: Path, lang: str) -> dict:
    return json.loads((project / ".build" / lang / "mkdocs.yml").read_text(encoding="utf-8"))


def test_properdocs_builds_the_sample_site_byte_for_byte(sample_site: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    result = run_cli("build", "--strict", "--engine", "properdocs", project=project)
    assert result.code == 0, result.stderr
    assert all(_generated_config(project, lang)["extra"]["briefing"]["engine"] == "properdocs" for lang in LANGS)
    assert files_of(project / "site") == files_of(sample_site)

    # An update of that site (dirty, one page changed) is still the same as a build from nothing.
    briefing = sorted((project / "content" / "briefings").glob("*.en.md"))[0]
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    updated = run_cli("build", "--strict", "--engine", "properdocs", project=project)
    assert updated.code == 0, updated.stderr
    assert "copy (wait)" in updated.stderr  # site/ was copied to be updated
    fresh = copy_project(tmp_path / "fresh", project / "content")
    assert run_cli("build", "-q", project=fresh).code == 0  # MkDocs, from nothing
    assert files_of(project / "site") == files_of(fresh / "site")


def test_the_default_engine_comes_from_mkdocs_yml(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("engine: mkdocs", "engine: properdocs"), encoding="utf-8")
    assert run_cli("build", "-q", project=project).code == 0
    assert _generated_config(project, "en")["extra"]["briefing"]["engine"] == "properdocs"
    # The command line overrides it; another engine is another code key, so
    # the site is built afresh rather than updated (no output of two engines mixed).
    assert code_key(project, MKDOCS) != code_key(project, PROPERDOCS) == code_key(project)
    record = project / ".build" / "cache" / "site.json"
    before = json.loads(record.read_text(encoding="utf-8"))["engine_key"]
    again = run_cli("build", "--engine", "mkdocs", project=project)
    assert again.code == 0, again.stderr
    assert _generated_config(project, "ar")["extra"]["briefing"]["engine"] == "mkdocs"
    # site/ is updated only when its record's engine key is the build's (publish.SiteRun.finish).
    assert json.loads(record.read_text(encoding="utf-8"))["engine_key"] != before


def test_an_unknown_engine_is_an_error_at_its_line(tmp_path: Path) -> None:
    case = FIXTURES / "unknown-engine"
    project = copy_project(tmp_path / "p")
    (project / "mkdocs.yml").write_bytes((case / "mkdocs.yml").read_bytes())
    site = plant_previous_site(project)
    result = run_cli("build", "-q", project=project)
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        *(case / "expected.txt").read_text(encoding="utf-8").splitlines(),
        "build failed (1 error, 0 warnings); site/ was left as it was",
    ]
    assert files_of(site) == PREVIOUS_SITE


def test_an_unknown_engine_on_the_command_line_is_refused(tmp_path: Path) -> None:
    result = run_cli("build", "--engine", "hugo", project=copy_project(tmp_path / "p"))
    assert result.code == 2
    assert "argument --engine: invalid choice: 'hugo'" in result.stderr and "properdocs" in result.stderr
    assert "Traceback" not in result.stderr


def test_properdocs_warnings_are_named_after_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join([*lines, "unknown_key: 1", ""]), encoding="utf-8")
    result = run_cli("build", "--engine", "properdocs", project=project)
    assert result.code == 0, result.stderr
    unknown = "Config value 'unknown_key': Unrecognised configuration name: unknown_key"
    assert f"mkdocs.yml:{len(lines) + 1}: warning: ProperDocs: {unknown}" in result.stderr.splitlines()


def test_the_runner_under_properdocs_runs_properdocs_code() -> None:
    # Inside the runner, `mkdocs.*` (the hooks', the theme's) must be ProperDocs' modules.
    script = ("import sys; from generator.engine.mkdocs_run import engine_api; api = engine_api(sys.argv[1]);"
              "import mkdocs.structure.pages as p; print(api.build.__module__, p.__name__)")
    for engine, expected in (("properdocs", "properdocs.commands.build properdocs.structure.pages"),
                             ("mkdocs", "mkdocs.commands.build mkdocs.structure.pages")):
        out = subprocess.run([sys.executable, "-c", script, engine], capture_output=True, text=True, cwd=REPO, check=True)
        assert out.stdout.split() == expected.split()


@pytest.fixture(scope="module")
def pages_as_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("files"))
    result = run_cli("build", "--strict", "--pages-as-files", project=project)
    assert result.code == 0, result.stderr
    return project


def test_pages_as_files_build_the_same_site(pages_as_files: Path, sample_site: Path) -> None:
    docs = pages_as_files / ".build" / "en" / "docs"
    assert (docs / "index.md").is_file() and any(docs.glob("briefings/*.md"))
    assert "pages" not in _generated_config(pages_as_files, "en")["extra"]["briefing"]
    assert files_of(pages_as_files / "site") == files_of(sample_site)


def test_an_update_with_pages_as_files_equals_a_build_from_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    assert run_cli("build", "-q", "--pages-as-files", project=project).code == 0
    briefing = sorted((project / "content" / "briefings").glob("*.en.md"))[0]
    briefing.write_text(briefing.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    updated = run_cli("build", "--strict", "--pages-as-files", project=project)
    assert updated.code == 0, updated.stderr
    assert "copy (wait)" in updated.stderr  # site/ was copied to be updated
    page = project / ".build" / "en" / "docs" / "briefings" / f"{briefing.name.split('.')[0]}.md"
    assert "One more paragraph." in page.read_text(encoding="utf-8")
    fresh = copy_project(tmp_path / "fresh", project / "content")
    assert run_cli("build", "-q", project=fresh).code == 0
    assert files_of(project / "site") == files_of(fresh / "site")


def test_plain_mkdocs_without_our_hooks_builds_the_files(pages_as_files: Path, tmp_path: Path) -> None:
    # Any engine that reads mkdocs.yml: here MkDocs itself, with no hook of ours.
    out = tmp_path / "out"
    for lang in LANGS:
        config = _generated_config(pages_as_files, lang)
        del config["hooks"]
        plain = pages_as_files / ".build" / lang / "plain.yml"
        plain.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        target = out if lang == "en" else out / "ar"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(target)],
                              capture_output=True, text=True, env=env, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
    assert check_site(out) == []
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html") if not p.is_relative_to(out / "ar"))
    assert "briefings/index.html" in pages and len(pages) > 10
    for page in pages:
        # The switcher on each page leads to the same page in the other edition, and back.
        en = (out / page).read_text(encoding="utf-8")
        ar = (out / "ar" / page).read_text(encoding="utf-8")
        up = "../" * page.count("/") or "./"
        url = page.removesuffix("index.html")
        assert f'class="bf-switch__link" href="{up}ar/{url}"' in en
        assert f'class="bf-switch__link" href="{up}../{url}"' in ar
    # The error pages' strings came from the generated config, not from a hook.
    assert t("page_not_found", "en") in (out / "404.html").read_text(encoding="utf-8")
    assert t("page_not_found", "ar") in (out / "ar" / "404.html").read_text(encoding="utf-8")


def test_an_engine_that_is_not_installed_is_named_as_such() -> None:
    # Real package metadata: MkDocs is installed, a made-up distribution is not.
    assert missing_engine_message(MKDOCS) is None
    absent = Engine("absent", "Absent", "briefing-no-such-distribution")
    assert missing_engine_message(absent) == (
        "the site engine absent (Absent) is not installed here: run make build, which installs"
        " requirements.lock, or choose another with --engine")
