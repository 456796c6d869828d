"""Relative links between pages: the string arithmetic equals posixpath's answer."""

from __future__ import annotations

import itertools
import posixpath

from generator.core.urls import relative


def _reference(from_url: str, to_url: str) -> str:
    here = "/" + "/".join(part for part in from_url.split("/") if part)
    there = "/" + "/".join(part for part in to_url.split("/") if part)
    rel = posixpath.relpath(there, here)
    if to_url.endswith("/") or to_url == "":
        return "./" if rel == "." else rel + "/"
    return "./" if rel == "." else rel


def test_relative_equals_posixpath_on_every_pair() -> None:
    segments = ["", "a", "b", "briefings", "actors", "x.json"]
    urls = set()
    for depth in range(4):
        for combo in itertools.product(segments, repeat=depth):
            path = "/".join(s for s in combo if s)
            urls.update({path, path + "/" if path else ""})
    for from_url in urls:
        if from_url and not from_url.endswith("/"):
            continue  # pages live at directory URLs
        for to_url in urls:
            assert relative(from_url, to_url) == _reference(from_url, to_url), (from_url, to_url)


def test_common_cases() -> None:
    assert relative("briefings/x/", "actors/y/") == "../../actors/y/"
    assert relative("briefings/x/", "briefings/z/") == "../z/"
    assert relative("briefings/x/", "briefings/x/") == "./"
    assert relative("", "actors/y/") == "actors/y/"
    assert relative("timeline/2023/", "data/events.json") == "../../data/events.json"
