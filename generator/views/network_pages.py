"""Stage 4a, continued: the whole network, at /network/ and per year at /network/<year>/ (pure view models)."""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ..core import urls
from ..linking.link import Site
from .figures import whole_network
from .i18n import t
from .parts import PageView, front_matter


def network_pages(site: Site, lang: str) -> Iterator[PageView]:
    events = site.timeline.events
    years = sorted({e.date.year for e in events})
    yield _page(site, lang, None, years)
    for year in years:
        yield _page(site, lang, year, years)


def _page(site: Site, lang: str, year: Optional[int], years: list[int]) -> PageView:
    here = urls.network(year)
    events = [e for e in site.timeline.events if year is None or e.date.year == year]
    title = t("network", lang) if year is None else t("network_year", lang, year=year)
    figure = whole_network(site, events, lang, here, "network", title)
    nav: list[dict[str, Any]] = [{"label": t("network_all", lang), "href": urls.relative(here, urls.network()),
                                  "current": year is None}]
    nav += [{"label": str(y), "href": urls.relative(here, urls.network(y)), "current": y == year} for y in years]
    return PageView(
        "network/index.md" if year is None else f"network/{year}.md",
        "network.md.j2",
        {"front": front_matter(title, t("network_text", lang), "network"), "title": title, "figure": figure,
         "years": nav},
    )
