"""A link checker for a built site: every internal link, asset and anchor must resolve."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(values[key] or "")
        for attr in ("href", "src"):
            url = values.get(attr)
            if url is not None:
                self.links.append((tag, attr, url))


def _parse(path: Path) -> _Collector:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def check_site(site: Path, root_path: str = "/") -> list[str]:
    """Problems found, as 'page: message' lines (empty when all links resolve)."""
    problems: list[str] = []
    parsed: dict[Path, _Collector] = {}

    def get(path: Path) -> _Collector:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    for page in sorted(site.rglob("*.html")):
        rel_page = page.relative_to(site).as_posix()
        for tag, attr, url in get(page).links:
            parts = urlsplit(url)
            if parts.scheme in ("mailto",):
                continue
            if parts.scheme or parts.netloc:
                if tag in ("script", "img", "iframe", "source", "link"):
                    problems.append(f"{rel_page}: third-party asset {url}")
                continue
            if not parts.path:
                target = page
            else:
                if parts.path.startswith("/"):
                    # Error pages are served at any depth, so MkDocs roots their
                    # links at site_url's path; anywhere else it would break a sub-path.
                    if not (page.name == "404.html" and parts.path.startswith(root_path)):
                        problems.append(f"{rel_page}: absolute path {url} breaks under a sub-path")
                        continue
                    joined = posixpath.normpath(unquote(parts.path)[len(root_path):] or ".")
                else:
                    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), unquote(parts.path)))
                if joined.startswith(".."):
                    problems.append(f"{rel_page}: {url} leaves the site")
                    continue
                target = site / joined
                if target.is_dir():
                    target = target / "index.html"
            if not target.exists():
                problems.append(f"{rel_page}: broken link {url}")
                continue
            if parts.fragment and target.suffix == ".html" and parts.fragment not in get(target).ids:
                problems.append(f"{rel_page}: missing anchor {url}")
    return problems


def unreachable_pages(site: Path, roots: tuple[str, ...] = ("index.html", "ar/index.html")) -> list[str]:
    """Pages (index.html files) no chain of links from the editions' home pages leads to."""
    pages = {page.relative_to(site).as_posix() for page in site.rglob("index.html")}
    seen: set[str] = set()
    pending = [root for root in roots if root in pages]
    while pending:
        rel_page = pending.pop()
        if rel_page in seen:
            continue
        seen.add(rel_page)
        for _tag, _attr, url in _parse(site / rel_page).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel_page), unquote(parts.path)))
            target = joined + "/index.html" if (site / joined).is_dir() else joined
            if target in pages and target not in seen:
                pending.append(target)
    return sorted(pages - seen)
