"""Page paths and the relative links between them (the site must work under a sub-path)."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional


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


def actor_year(actor_id: str, year: int) -> str:
    """An actor's briefings and events of one year, when the actor's page lists only the latest."""
    return f"actors/{actor_id}/{year}/"


def place(place_id: str) -> str:
    return f"places/{place_id}/"


def topic(topic_id: str) -> str:
    return f"topics/{topic_id}/"


# Each edition's folder under the site root: English at the root, Arabic under ar/.
EDITION_ROOT = {"en": "", "ar": "ar/"}


def edition_root(lang: str) -> str:
    return EDITION_ROOT[lang]


def timeline_year(year: int) -> str:
    return f"timeline/{year}/"


def network(year: Optional[int] = None) -> str:
    """The whole network, or one year's."""
    return f"network/{year}/" if year is not None else "network/"


def event_anchor(event_id: str) -> str:
    return f"e-{event_id}"


def event(year: int, event_id: str) -> str:
    """An event's place on its year's timeline page."""
    return f"{timeline_year(year)}#{event_anchor(event_id)}"
