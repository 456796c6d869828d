"""The plain-MkDocs baseline: the same corpus as plain Markdown, no generator.

One .md per briefing per language (the original where there is no
translation, as on our site), under docs/en/ and docs/ar/ in the folder
structure of mkdocs-static-i18n, with a short nav of section index pages and
`reconfigure_search: false`; one `mkdocs build` renders both languages.  When
mkdocs-static-i18n is not installed, the baseline is two plain Material
projects (one per language) built one after the other.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from generator.core.sitesize import tree_size

LANGS = ("en", "ar")
NAMES = {"en": "English", "ar": "العربية"}
SECTION = {"en": ("Home", "Briefings"), "ar": ("الرئيسية", "الإحاطات")}


def have_static_i18n() -> bool:
    return importlib.util.find_spec("mkdocs_static_i18n") is not None


def _split(text: str) -> tuple[dict[str, Any], str]:
    import yaml

    _, front, body = text.split("---\n", 2)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(front, Loader=loader) or {}, body


def _page(meta: dict[str, Any], original: dict[str, Any], body: str) -> str:
    lines = [f"# {meta['title']}", "", f"*{original['date']} — {original['source']['name']}*", ""]
    lines.extend(f"- {point}" for point in meta.get("summary") or ())
    lines.extend(["", body.strip(), ""])
    return "\n".join(lines)


def write_project(corpus: Path, out: Path) -> dict[str, Any]:
    """Plain Markdown of `corpus` (a project made by benchmarks.corpus) into `out`."""
    shutil.rmtree(out, ignore_errors=True)
    docs = out / "docs"
    briefings: dict[str, dict[str, Path]] = {}
    for path in sorted((corpus / "content" / "briefings").glob("*.md")):
        slug, lang, _ = path.name.rsplit(".", 2)
        briefings.setdefault(slug, {})[lang] = path
    listing: dict[str, list[str]] = {lang: [] for lang in LANGS}
    for lang in LANGS:
        (docs / lang / "briefings").mkdir(parents=True)
    for slug, pair in briefings.items():
        parsed = {lang: _split(path.read_text(encoding="utf-8")) for lang, path in pair.items()}
        original = next(meta for meta, _ in parsed.values() if "date" in meta)
        fallback = next(lang for lang, (meta, _) in parsed.items() if "date" in meta)
        for lang in LANGS:
            meta, body = parsed.get(lang, parsed[fallback])
            (docs / lang / "briefings" / f"{slug}.md").write_text(_page(meta, original, body), encoding="utf-8")
            listing[lang].append(f"- [{meta['title']}]({slug}.md)")
    for lang in LANGS:
        home, section = SECTION[lang]
        (docs / lang / "index.md").write_text(f"# {home}\n\n[{section}](briefings/index.md)\n", encoding="utf-8")
        (docs / lang / "briefings" / "index.md").write_text(f"# {section}\n\n" + "\n".join(listing[lang]) + "\n", encoding="utf-8")
    theme = {
        "name": "material",
        "font": False,
        "features": ["navigation.top", "search.highlight"],
        "palette": {"scheme": "default", "primary": "indigo", "accent": "indigo"},
    }
    configs = []
    if have_static_i18n():
        config = {
            "site_name": "Security Diplomacy Briefings",
            "docs_dir": "docs",
            "site_dir": "site",
            "theme": theme,
            "nav": [{"Home": "index.md"}, {"Briefings": "briefings/index.md"}],
            "plugins": [
                "search",
                {"i18n": {
                    "docs_structure": "folder",
                    "reconfigure_search": False,
                    "languages": [
                        {"locale": "en", "default": True, "name": NAMES["en"], "build": True},
                        {"locale": "ar", "name": NAMES["ar"], "build": True,
                         "nav_translations": {"Home": SECTION["ar"][0], "Briefings": SECTION["ar"][1]}},
                    ],
                }},
            ],
        }
        configs.append(out / "mkdocs.yml")
        (out / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        mode = "mkdocs-static-i18n (one build, both languages)"
    else:
        for lang in LANGS:
            home, section = SECTION[lang]
            config = {
                "site_name": "Security Diplomacy Briefings",
                "docs_dir": f"docs/{lang}",
                "site_dir": "site" if lang == "en" else "site/ar",
                "theme": dict(theme, language=lang),
                "nav": [{home: "index.md"}, {section: "briefings/index.md"}],
                "plugins": [{"search": {"lang": [lang]}}],
            }
            path = out / f"mkdocs.{lang}.yml"
            path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
            configs.append(path)
        mode = "two plain Material builds, sequential (mkdocs-static-i18n not installed)"
    return {"configs": configs, "mode": mode, "pages": 2 * (len(briefings) + 2)}


def build(project: dict[str, Any]) -> dict[str, Any]:
    """Run the baseline's mkdocs build(s); wall time and the largest process's peak RSS."""
    started = time.perf_counter()
    peak_kib = 0
    outputs = []
    for config in project["configs"]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=config.parent,
        )
        output = proc.stdout.read() if proc.stdout else b""
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise RuntimeError(f"baseline mkdocs build failed: {output.decode(errors='replace')[-2000:]}")
        outputs.append(output.decode(errors="replace"))
        peak_kib = max(peak_kib, usage.ru_maxrss)
    total = time.perf_counter() - started
    site_mb, search_mb = site_sizes(project["configs"][0].parent / "site")
    return {
        "total": total,
        "peak_mb": peak_kib / 1024,
        "mode": project["mode"],
        "pages": project["pages"],
        "site_mb": site_mb,
        "search_mb": search_mb,
        "warnings": sum(line.startswith("WARNING") for out in outputs for line in out.splitlines()),
    }


def site_sizes(site: Path) -> tuple[float, dict[str, float]]:
    """A built site's size and its search index per edition (the English one at the root, the Arabic under ar/), MB.

    The index is the edition's search/ folder: Material's search_index.json
    (the baseline) or the generator's shards (docs/search.md)."""
    indexes = {lang: site / ("" if lang == "en" else "ar") / "search" for lang in LANGS}
    return dir_mb(site), {lang: (dir_mb(p) if p.exists() else 0.0) for lang, p in indexes.items()}


def dir_mb(folder: Path) -> float:
    return tree_size(folder).bytes / 1e6
