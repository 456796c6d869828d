"""The generated Markdown of the sample content, compared with a golden copy.

After an intended change, refresh it with `UPDATE_GOLDEN=1 make test` and
review the difference with `git diff tests/golden`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import REPO

from generator.editions import archived_pages

GOLDEN = REPO / "tests" / "golden"


def _markdown(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.md"))
    }


def test_generated_markdown_matches_golden(sample_project: Path) -> None:
    for lang in ("en", "ar"):
        built = {path: data.decode("utf-8") for path, data in archived_pages(sample_project / ".build", lang).items()}
        golden_dir = GOLDEN / lang
        if os.environ.get("UPDATE_GOLDEN"):
            shutil.rmtree(golden_dir, ignore_errors=True)
            for rel, text in built.items():
                target = golden_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        golden = _markdown(golden_dir)
        assert sorted(built) == sorted(golden), "pages added or removed: refresh with UPDATE_GOLDEN=1"
        for rel in built:
            assert built[rel] == golden[rel], f"{lang}/{rel} differs from tests/golden: refresh with UPDATE_GOLDEN=1 and review git diff"
