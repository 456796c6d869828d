"""The browser builds the index's normalised field with the same rules as generator/text/searchforms.py."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.text.searchforms import normalised_words

TEXTS = [
    "التقى الأدميرال علي شمخاني وباتروشيف في المفاوضات",
    "وللمجلس الأعلى للأمن القومي الإيراني، بالإستراتيجية والمُسَيَّرات",
    "إسرائيل اسرائيل ﺷﻤﺨﺎﻧﻲ شمـخاني موسى علی ٢٠٢٣",
    "Patrushev met Shamkhani in Moscow, 9 February 2023.",
    "لحفاوة الإستضافة الروسية لإجتماع الحوار الأمني الإقليمي الخامس",
]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to run the worker script")
def test_browser_forms_equal_python_forms(sample_site: Path) -> None:
    script = (sample_site / "ar/assets/javascripts/workers/briefing-search.js").read_text(encoding="utf-8")
    script = script[: script.rindex("importScripts(")]
    program = (
        "global.self = { addEventListener: function () {} };\n" + script +
        "\nconst texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        "process.stdout.write(JSON.stringify(texts.map(self.briefingSearchForms)));\n"
    )
    result = subprocess.run(["node", "-e", program], input=json.dumps(TEXTS), capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [normalised_words(text) for text in TEXTS]
