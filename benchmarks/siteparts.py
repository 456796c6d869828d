"""A built site's bytes by part, both editions together: what each briefing costs to publish.

The parts, by the first folder of a file's path in its edition (the Arabic
edition's `ar/` prefix set aside):

- briefing pages: `briefings/<slug>/...` (the list `briefings/index.html` is in the rest)
- actor pages: `actors/<id>/...` (likewise the list)
- search: `search/` (each edition's index; the theme's search scripts under assets/ are in the rest)
- data/: the exports (English root only)
- the rest: home, lists, topics, places, timeline, feeds, sitemaps, 404 pages, assets
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.core.sitesize import walk_files

PARTS = ("briefing pages", "actor pages", "search", "data/", "the rest")
_ARABIC_ROOT = "ar/"
_PAGE_FOLDERS = {"briefings": "briefing pages", "actors": "actor pages"}


def part_of(path: str) -> str:
    """The part a file of the site belongs to, from its path relative to site/."""
    in_edition = path[len(_ARABIC_ROOT):] if path.startswith(_ARABIC_ROOT) else path
    folders = in_edition.split("/")
    if folders[0] in _PAGE_FOLDERS and len(folders) > 2:
        return _PAGE_FOLDERS[folders[0]]
    if folders[0] == "search" and len(folders) > 1:
        return "search"
    if folders[0] == "data" and len(folders) > 1 and not path.startswith(_ARABIC_ROOT):
        return "data/"
    return "the rest"


def site_parts(site: Path) -> dict[str, int]:
    """Bytes of each part of a built site (every part present, 0 when empty), in PARTS order."""
    totals = dict.fromkeys(PARTS, 0)
    for path, size in walk_files(site):
        totals[part_of(path)] += size
    return totals


def parts_table(parts: dict[str, int], briefings: int) -> str:
    """A Markdown table of the parts: kB per briefing and MB in all."""
    lines = ["| part | kB per briefing | MB |", "|---|---:|---:|"]
    for part, size in [*parts.items(), ("total", sum(parts.values()))]:
        lines.append(f"| {part} | {size / briefings / 1e3:.1f} | {size / 1e6:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="A built site's bytes per briefing, by part (both editions).")
    parser.add_argument("site", type=Path, help="the built site/ folder")
    parser.add_argument("--briefings", type=int, required=True, help="how many briefings the site was built from")
    args = parser.parse_args(argv)
    print(parts_table(site_parts(args.site), args.briefings))


if __name__ == "__main__":
    main()
