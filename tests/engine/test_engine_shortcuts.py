"""The engine's shortcuts for generated pages (the page template rendered once
per shape of page, no Markdown parser, a stand-in for the content while the
theme runs) give exactly the pages MkDocs and Material give without them."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from tests.conftest import copy_project, files_of, run_cli


@pytest.mark.parametrize("content", ["sample", "generated"])
def test_engine_shortcuts_change_no_byte(tmp_path: Path, content: str) -> None:
    projects = []
    for name in ("cached", "uncached"):
        folder = tmp_path / name
        if content == "sample":
            copy_project(folder)
        else:
            write_corpus(folder, 12, seed=9)
            _awkward_titles(folder)
        projects.append(folder)
    env = dict(os.environ, BRIEFING_PLAIN_ENGINE="1")
    assert run_cli("build", "-q", project=projects[0]).code == 0
    assert run_cli("build", "-q", project=projects[1], env=env).code == 0
    cached, uncached = files_of(projects[0] / "site"), files_of(projects[1] / "site")
    assert sorted(cached) == sorted(uncached)
    assert [path for path in cached if cached[path] != uncached[path]] == []
    # Pages at different places in the site: the home page, a section, a profile, a 404.
    assert {"index.html", "actors/index.html", "404.html", "ar/404.html"} <= set(cached)
    # The page memo (generator/engine/page_memo.py) served pages, and only with the shortcuts on.
    for lang in ("en", "ar"):
        stats = json.loads((projects[0] / ".build" / lang / "engine-stats.json").read_text(encoding="utf-8"))
        assert stats["memo"] > 0 and stats["shapes"] >= 2, stats
        plain = json.loads((projects[1] / ".build" / lang / "engine-stats.json").read_text(encoding="utf-8"))
        assert plain == {"memo": 0, "shapes": 0, "shapes refused": 0, "theme": 0}


def _awkward_titles(project: Path) -> None:
    """Titles holding what escaping changes, so that such pages take their own shapes in the page memo."""
    titles = ['Talks on "oil" & <gas> at Moscow\'s port', "Q&A: the <b>summit</b>", "It's 'settled' > not"]
    files = sorted((project / "content" / "briefings").glob("*.en.md"))[: len(titles)]
    for path, title in zip(files, titles):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r'^title: ".*"$', lambda _m: f"title: {json.dumps(title)}", text, count=1, flags=re.M),
                        encoding="utf-8")
