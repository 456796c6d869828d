"""Page paths and the relative links between them (the site must work under a sub-path)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def _parts(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


@lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both relative to the edition root.

    Plain string work: posixpath.relpath asks the OS for the working
    directory on every call, and pages make hundreds of thousands of links.
    """
    here = _parts(from_url)
    if here and to_url and to_url[0] != "/" and "//" not in to_url and to_url.partition("/")[0] != here[0]:
        # The common case (no shared folder): straight up to the root and down.
        return "../" * len(here) + to_url
    there = _parts(to_url)
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    parts = [".."] * (len(here) - common) + list(there[common:])
    rel = "/".join(parts)
    if to_url.endswith("/") or to_url == "":
        return rel + "/" if rel else "./"
    return rel or "./"


def briefing(slug: str) -> str:
    return f"briefings/{slug}/"


def actor(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def place(place_id: str) -> str:
    return f"places/{place_id}/"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}/"
