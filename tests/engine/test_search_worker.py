"""The search worker's wrapper is filled in from templates/search/briefing-search.js (engine/search_worker.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import REPO
from generator.engine.search_worker import WORKER_TEMPLATE, WorkerTemplateError, worker_script, worker_values
from generator.text.searchforms import PROCLITICS, SEARCH_FIELD

TEMPLATE = REPO.joinpath("templates", *WORKER_TEMPLATE).read_text(encoding="utf-8")


def test_every_placeholder_is_filled_with_json() -> None:
    script = worker_script(TEMPLATE, "search.0123abcd.min.js")
    assert re.search(r"__[A-Z_]+__", script) is None
    assert 'importScripts("search.0123abcd.min.js");' in script
    assert f"doc.{SEARCH_FIELD} = " in script
    assert f"var PROCLITICS = {json.dumps(list(PROCLITICS))};" in script


def test_a_worker_name_cannot_break_out_of_its_string() -> None:
    hostile = '");alert(1);//\u2028</script>'
    script = worker_script(TEMPLATE, hostile)
    line = next(line for line in script.splitlines() if line.startswith("importScripts("))
    assert json.loads(line[len("importScripts("):-len(");")]) == hostile
    assert line.isascii()


def test_the_built_site_has_the_filled_template(sample_site: Path) -> None:
    worker = sorted((sample_site / "assets/javascripts/workers").glob("search.*.min.js"))[0].name
    built = (sample_site / "assets/javascripts/workers/briefing-search.js").read_text(encoding="utf-8")
    assert built == worker_script(TEMPLATE, worker)


@pytest.mark.parametrize("template, problem", [
    (TEMPLATE.replace("__MIN_STEM__", "3"), "missing: ['MIN_STEM']"),
    (TEMPLATE + "\n__EXTRA__;\n", "unknown: ['EXTRA']"),
])
def test_a_template_with_other_placeholders_is_refused(template: str, problem: str) -> None:
    with pytest.raises(WorkerTemplateError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        worker_script(template, "search.js")


def test_values_are_json() -> None:
    values = worker_values("search.js")
    for name, text in values.items():
        if name != "SEARCH_FIELD":
            json.loads(text)
