"""Stage 4a, continued: what the home page shows beside the latest briefings — the latest events,
the most active actors of the last twelve months and a small network of them (pure view models)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from markupsafe import Markup, escape

from ..core import urls
from ..linking.link import Site
from ..text.markup import plain
from .figures import whole_network
from .i18n import format_date, t
from .parts import actor_link
from .timeline_pages import event_href, event_title

HOME_EVENTS = 8
HOME_ACTORS = 10
HOME_NETWORK = 12
# "The last twelve months" end at the newest event, not at the build's day: the same content gives the same page.
YEAR = dt.timedelta(days=365)


def first_key_point(site: Site, index: int, lang: str) -> str:
    """The first key point of a briefing in the edition's language (else the original's), as plain text."""
    lb = site.briefings[index]
    mine = lb.doc(lang)
    doc = mine if mine is not None and mine.doc.summary else lb.docs[lb.briefing.original.lang]
    return plain(doc.doc.summary[0]) if doc.doc.summary else ""


def with_point(item_html: Markup, point: str) -> Markup:
    """A briefing's list item with its first key point inside it, escaped."""
    assert item_html.endswith("</li>")
    if not point:
        return item_html
    return Markup(f'{item_html[:-5]}<p class="bf-home__point">{escape(point)}</p></li>')


def home_extras(site: Site, lang: str, here: str) -> dict[str, Any]:
    events = site.timeline.events
    latest = [
        {"href": event_href(e, here), "title": event_title(site, e, lang), "iso": e.date.isoformat(),
         "date": format_date(e.date, lang), "type": t(f"event_{e.type}", lang)}
        for e in reversed(events[-HOME_EVENTS:])
    ]
    recent = [e for e in events if events and e.date > events[-1].date - YEAR]
    counts: Counter[str] = Counter(a for e in recent for a in e.participants if a in site.corpus.actors)
    active = [
        {**link, "count": n}
        for actor_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:HOME_ACTORS]
        if (link := actor_link(site, actor_id, lang, here))
    ]
    network = whole_network(site, recent, lang, here, "home-network", t("home_network", lang), limit=HOME_NETWORK,
                            small=True) if recent else None
    return {
        "events": latest,
        "active": active,
        "network": network,
        "links": {"timeline": urls.relative(here, "timeline/"), "network": urls.relative(here, urls.network())},
    }
