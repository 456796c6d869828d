"""Analyst workflow: scaffolding, status, annotations, pre-commit, the CI workflow and the analysts' docs."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import GUIDE, REPO, copy_project, run_cli

ARTICLE = "التقى الرئيس فلاديمير بوتين نظيره.\nوقال وزير الخارجية سيرغي لافروف إن المحادثات كانت بناءة.\n"


def test_new_briefing_round_trip(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    article = tmp_path / "article.txt"
    article.write_bytes(("\ufeff" + ARTICLE).replace("\n", "\r\n").encode())
    made = run_cli("new", "briefing", "putin-lavrov-talks", "--lang", "ar", "--from-file", str(article),
                   "--url", "https://example.org/a", project=project)
    assert made.code == 0, made.stderr
    assert made.stdout.splitlines() == ["wrote content/briefings/putin-lavrov-talks.ar.md", "wrote content/briefings/putin-lavrov-talks.en.md"]
    original = project / "content/briefings/putin-lavrov-talks.ar.md"
    translation = project / "content/briefings/putin-lavrov-talks.en.md"
    text = original.read_text(encoding="utf-8")
    assert f"date: {dt.date.today().isoformat()}" in text and "url: https://example.org/a" in text
    assert text.endswith(ARTICLE)

    unfilled = run_cli("check", project=project)
    assert unfilled.code == 1
    assert unfilled.stdout.splitlines() == [
        "content/briefings/putin-lavrov-talks.ar.md:2: error: 'title' is still a placeholder (TODO: the headline, in the language of t): write the real value",
        "content/briefings/putin-lavrov-talks.ar.md:5: error: 'source.name' is still a placeholder (TODO: the outlet): write the real value",
        "content/briefings/putin-lavrov-talks.ar.md:8: error: 'summary[1]' is still a placeholder (TODO: a key point): write the real value",
        "content/briefings/putin-lavrov-talks.en.md:2: error: 'title' is still a placeholder (TODO: the translated headline): write the real value",
        "content/briefings/putin-lavrov-talks.en.md:8: error: the body is still the placeholder: replace it with the text",
    ]

    original.write_text(text.replace('"TODO: the headline, in the language of the article"', "محادثات بوتين ولافروف")
                        .replace('"TODO: the outlet"', "Illustrative example (not a real report)")
                        .replace('"TODO: a key point"', "محادثات بناءة"), encoding="utf-8")
    ttext = translation.read_text(encoding="utf-8")
    translation.write_text(ttext.replace('"TODO: the translated headline"', "Putin and Lavrov talks")
                           .replace(ttext.split("---\n")[-1], "President Putin met his counterpart.\nLavrov said the talks were constructive.\n"),
                           encoding="utf-8")
    filled = run_cli("check", project=project)
    assert filled.code == 0, filled.stdout
    assert run_cli("build", "-q", project=project).code == 0
    assert (project / "site/ar/briefings/putin-lavrov-talks/index.html").exists()


def test_new_refuses_to_overwrite_and_validates_ids(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    existing = run_cli("new", "briefing", "shamkhani-patrushev-moscow-2023", "--lang", "ar", project=project)
    assert existing.code == 1
    assert existing.stderr.strip() == (
        "briefing new: a briefing 'shamkhani-patrushev-moscow-2023' already exists "
        "(shamkhani-patrushev-moscow-2023.ar.md, shamkhani-patrushev-moscow-2023.en.md): not overwritten"
    )
    bad = run_cli("new", "actor", "Vladimir_Putin", "--kind", "person", project=project)
    assert bad.code == 1 and "not a valid actor id" in bad.stderr
    assert run_cli("new", "actor", "iran", "--kind", "country", project=project).stderr.strip() == "briefing new: iran.yml already exists: not overwritten"
    made = run_cli("new", "actor", "vladimir-putin", "--kind", "person", project=project)
    assert made.code == 0
    check = run_cli("check", project=project)
    assert check.stdout.splitlines() == [
        "content/actors/vladimir-putin.yml:3: error: 'name.en' is still a placeholder (TODO: name in English): write the real value",
        "content/actors/vladimir-putin.yml:4: error: 'name.ar' is still a placeholder (TODO: الاسم بالعربية): write the real value",
    ]


def test_status_lists_open_work(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    briefings = project / "content/briefings"
    (briefings / "lonely.en.md").write_text(
        "---\ntitle: Illustrative example\ndate: 2024-01-01\nsource: {name: Illustrative example (not a real report)}\n---\n"
        "Foreign Minister Hossein Amir-Abdollahian met Nikolai Patrushev.\n", encoding="utf-8")
    (briefings / "drafted.en.md").write_text(
        "---\ntitle: Illustrative two\ndate: 2024-01-02\nsource: {name: Illustrative example (not a real report)}\n---\nOne.\n\nTwo.\n", encoding="utf-8")
    (briefings / "drafted.ar.md").write_text("---\ntitle: مثال\nstatus: draft\n---\nواحد.\n", encoding="utf-8")
    result = run_cli("status", project=project)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:8] == [
        "briefings without a translation: 1",
        "  content/briefings/lonely.en.md",
        "translations not reviewed: 1",
        "  content/briefings/drafted.ar.md (draft)",
        "paragraph counts that differ: 1",
        "  content/briefings/drafted.ar.md: 1 paragraphs, the original has 2",
        "actors in no briefing: 1",
        "  content/actors/sergei-shoigu.yml",
    ]
    assert lines[8].startswith("names that match no actor (possible new profiles): ")
    candidates = lines[9:]
    assert "  Foreign Minister Hossein Amir-Abdollahian (en, 1x, first in content/briefings/lonely.en.md)" in candidates
    assert not any("Patrushev" in line for line in candidates)


def test_check_github_annotations() -> None:
    case = REPO / "tests/fixtures/broken/unknown-id"
    result = run_cli("check", "--format", "github", project=case)
    assert result.code == 1
    assert result.stdout.splitlines()[0] == (
        "::error file=content/briefings/x.en.md,line=6::actors[1]: unknown actor 'ali-shamkhan' (did you mean 'ali-shamkhani'?)"
    )


def test_pre_commit_hooks_run_the_checker() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "briefing-check" and hooks[0]["entry"] == "briefing check" and hooks[0]["pass_filenames"] is False
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    local = config["repos"][0]["hooks"][0]
    assert local["entry"] == ".venv/bin/briefing check"
    assert re.match(local["files"], "content/briefings/x.en.md") and re.match(local["files"], "mkdocs.yml")


WORKFLOW = REPO / ".github/workflows/site.yml"
PR_SCOPE = REPO / ".ci/pr-scope"
CONTENT_ONLY = ["content/briefings/new-talks.ar.md", "content/briefings/new-talks.en.md",
                "content/actors/new-envoy.yml", "content/places.yml"]
CODE_CHANGES = {
    "generator": ["content/briefings/new-talks.en.md", "generator/loader.py"],
    "templates": ["templates/pages/briefing.md.j2"],
    "guide": ["content/README.md"],
    "locks": ["requirements.lock"],
    "nothing": [],
}


def _workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1).
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _scope_of(paths: list[str]) -> str:
    result = subprocess.run([sys.executable, str(PR_SCOPE)], input="".join(f"{path}\n" for path in paths),
                            capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_workflow_is_valid_and_deploys_with_the_official_actions() -> None:
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = WORKFLOW.read_text()
    for needle in ("actions/upload-pages-artifact@", "actions/deploy-pages@", "cache: pip", "pull_request", "briefing check --format github", "make test"):
        assert needle in text


def test_pr_scope_content_only_or_code() -> None:
    assert _scope_of(CONTENT_ONLY) == "content"
    for name, paths in CODE_CHANGES.items():
        assert _scope_of(paths) == "code", name


_CLAUSE = re.compile(r"^\s*([\w.-]+)\s*(==|!=)\s*'([^']*)'\s*$")


def _holds(condition: str | None, context: dict[str, str]) -> bool:
    """A job's `if:`, for the conditions this workflow uses: comparisons joined by &&."""
    if condition is None:
        return True
    clauses = condition.strip().removeprefix("${{").removesuffix("}}").split("&&")
    verdicts = []
    for clause in clauses:
        match = _CLAUSE.match(clause)
        assert match, f"condition {clause!r} is beyond this test's reading: extend _holds"
        name, operator, literal = match.groups()
        assert name in context, f"{name} is not set by the workflow"
        verdicts.append((context[name] == literal) == (operator == "=="))
    return all(verdicts)


def _jobs_that_run(workflow: dict, event: str, scope_output: str | None) -> set[str]:
    """The jobs GitHub starts for an event, every job succeeding, and a job skipped when one it needs was."""
    jobs = workflow["jobs"]
    context = {"github.event_name": event}
    ran: set[str] = set()
    pending = list(jobs)
    while pending:
        ready = [name for name in pending if set(_needs(jobs[name])) <= set(jobs) - set(pending)]
        assert ready, f"a cycle in needs: {pending}"
        for name in ready:
            pending.remove(name)
            if not set(_needs(jobs[name])) <= ran or not _holds(jobs[name].get("if"), context):
                continue
            ran.add(name)
            for output in jobs[name].get("outputs", {}):
                assert scope_output is not None, f"{name} sets outputs on a {event}"
                context[f"needs.{name}.outputs.{output}"] = scope_output
    return ran


def _needs(job: dict) -> list[str]:
    needs = job.get("needs", [])
    return [needs] if isinstance(needs, str) else needs


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_workflow_runs_what_each_scope_needs() -> None:
    workflow = _workflow()
    jobs = workflow["jobs"]
    scope_job = jobs["scope"]
    assert scope_job["outputs"] == {"scope": "${{ steps.scope.outputs.scope }}"}
    [scope_step] = [step for step in scope_job["steps"] if step.get("id") == "scope"]
    assert ".ci/pr-scope" in scope_step["run"] and '"$GITHUB_OUTPUT"' in scope_step["run"]

    content_pr = _jobs_that_run(workflow, "pull_request", _scope_of(CONTENT_ONLY))
    code_pr = _jobs_that_run(workflow, "pull_request", _scope_of(CODE_CHANGES["generator"]))
    push = _jobs_that_run(workflow, "push", None)
    assert content_pr == {"scope", "content"}
    assert code_pr == {"scope", "code"}
    assert push == {"build", "deploy"}

    content = _runs(jobs["content"])
    assert "briefing check --strict --format github" in content and "briefing build --strict" in content
    assert "make test" not in content and "pytest" not in content
    code = _runs(jobs["code"])
    for needed in ("briefing check --strict --format github", "briefing build --strict", "make test"):
        assert needed in code
    # The content job and the publishing job install the runtime set only.
    for name in ("content", "build"):
        installs = [line for line in _runs(jobs[name]).splitlines() if line.startswith("make ")]
        assert installs == ["make .venv/.project"], name


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("change", "expected"), [("content", "content"), ("code", "code"), ("moved-in", "code")])
def test_scope_step_reads_the_pull_requests_diff(tmp_path: Path, change: str, expected: str) -> None:
    """The workflow's own scope step, run in a throwaway repository with a base and a head commit."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(PR_SCOPE, repo / ".ci" / "pr-scope")
    for rel in ("content/briefings/old.en.md", "generator/helper.py"):
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(f"{rel}\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base")
    base = _git(repo, "rev-parse", "HEAD").strip()
    if change == "content":
        (repo / "content/briefings/old.en.md").write_text("edited\n", encoding="utf-8")
        (repo / "content/briefings/new.ar.md").write_text("جديد\n", encoding="utf-8")
    elif change == "code":
        (repo / "generator/helper.py").write_text("edited\n", encoding="utf-8")
    else:
        _git(repo, "mv", "generator/helper.py", "content/helper.md")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "head")

    [step] = [step for step in _workflow()["jobs"]["scope"]["steps"] if step.get("id") == "scope"]
    assert step["shell"] == "bash"
    output = tmp_path / "github_output"
    env = {"PATH": os.environ["PATH"], "BASE": base, "GITHUB_OUTPUT": str(output)}
    # GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                   cwd=repo, env=env, check=True, capture_output=True)
    assert output.read_text(encoding="utf-8") == f"scope={expected}\n"


def test_problem_matcher_reads_the_builds_problem_lines(tmp_path: Path) -> None:
    """The matcher of the workflow's build steps turns each problem line of a real build into an annotation."""
    matcher = json.loads((REPO / ".github/briefing-problems.json").read_text(encoding="utf-8"))
    [pattern] = matcher["problemMatcher"][0]["pattern"]
    regexp = re.compile(pattern["regexp"])
    case = REPO / "tests/fixtures/broken/unknown-id"
    project = copy_project(tmp_path / "p", case / "content")
    (project / "mkdocs.yml").unlink()  # a problem with no line number, too
    result = run_cli("build", "--strict", project=project)
    assert result.code == 1
    problems = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line or ": warning: " in line]
    annotations = []
    for line in problems:
        match = regexp.match(line)
        assert match, f"no annotation for {line!r}"
        annotations.append((match[pattern["file"]], match[pattern["line"]], match[pattern["severity"]], match[pattern["message"]]))
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        where, message = line.split(": error: ", 1)
        path, number = where.split(":")
        assert (path, number, "error", message) in annotations
    assert [annotation[1] for annotation in annotations if annotation[0] == "mkdocs.yml"] == [None]


def _skeleton(message: str) -> str:
    message = re.sub(r"'[^']*'", "Q", message)
    message = re.sub(r"\([^()]*\)", "", message)
    message = re.sub(r"[\d,.]+", "N", message)
    return " ".join(message.split())


def test_analyst_docs_explain_every_message() -> None:
    docs = GUIDE.read_text(encoding="utf-8")
    documented = {_skeleton(m) for m in re.findall(r"^\| `([^`]+)`", docs, re.M)}
    documented |= {_skeleton(m) for m in re.findall(r" / `([^`]+)`", docs)}
    for expected in sorted((REPO / "tests/fixtures").rglob("expected.txt")):
        for line in expected.read_text(encoding="utf-8").splitlines():
            message = line.split(": error: ", 1)[-1].split(": warning: ", 1)[-1]
            assert _skeleton(message) in documented, f"{expected.parent.name}: {message}"


def test_status_runs_on_content_with_errors(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    briefings = project / "content/briefings"
    source = "source: {name: Illustrative example (not a real report)}\n"
    (briefings / "lonely.en.md").write_text(f"---\ntitle: Illustrative\ndate: 2024-01-01\n{source}---\nOne.\n", encoding="utf-8")
    (briefings / "broken.en.md").write_text('---\ntitle: "unclosed\ndate: 2024-01-02\n---\nOne.\n', encoding="utf-8")
    (briefings / "broken.ar.md").write_text("---\ntitle: مثال\nstatus: draft\n---\nواحد.\n", encoding="utf-8")
    (briefings / "halfway.en.md").write_text(f"---\ntitle: Illustrative three\ndate: 2024-01-03\n{source}---\nOne.\n", encoding="utf-8")
    (briefings / "halfway.ar.md").write_text('---\ntitle: "TODO: the translated headline"\nstatus: draft\n---\nواحد.\n', encoding="utf-8")
    result = run_cli("status", project=project)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "errors (fix them first; the lists below leave out the files they are in): 2",
        "  content/briefings/broken.en.md:3: error: YAML syntax error: found unexpected end of stream"
        " (while scanning a quoted scalar started on line 2)",
        "  content/briefings/halfway.ar.md:2: error: 'title' is still a placeholder (TODO: the translated headline):"
        " write the real value",
        # halfway has a translation, broken: among the errors, not untranslated.
        "briefings without a translation: 1",
        "  content/briefings/lonely.en.md",
        "translations not reviewed: 0",
        "paragraph counts that differ: 0",
        "actors in no briefing: not computed until the errors are fixed (names in the text are linked only then)",
        "names that match no actor (possible new profiles): not computed until the errors are fixed"
        " (names in the text are linked only then)",
    ]
