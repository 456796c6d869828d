"""Page paths and the relative links between them (the site must work under a sub-path)."""

from __future__ import annotations

import posixpath


def page_url(docs_path: str) -> str:
    """URL of a generated Markdown file, relative to its edition's root (directory URLs)."""
    stem = docs_path[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both relative to the edition root."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    rel = posixpath.relpath(target, start)
    if to_url.endswith("/") or to_url == "":
        rel = rel + "/" if rel != "." else "./"
    return rel


def briefing(slug: str) -> str:
    return f"briefings/{slug}/"


def actor(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def place(place_id: str) -> str:
    return f"places/{place_id}/"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}/"
