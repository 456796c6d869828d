"""Stage 4a: which pages each edition has, in the order they are rendered (pure view models)."""

from __future__ import annotations

from typing import Iterator

from ..content.model import Bilingual
from ..linking.link import Site
from .pages import briefing_page, briefings_index, home_page
from .parts import PageView, forget_links
from .profiles import profile_pages
from .timeline_pages import timeline_pages
from .network_pages import network_pages


def edition_pages(site: Site, lang: str, site_name: Bilingual, actor_list_max: int) -> Iterator[PageView]:
    forget_links()
    yield home_page(site, lang, site_name)
    yield briefings_index(site, lang)
    for index in range(len(site.briefings)):
        yield briefing_page(site, index, lang)
    yield from profile_pages(site, lang, actor_list_max)
    yield from timeline_pages(site, lang)
    yield from network_pages(site, lang)

