"""What each edition's search finds: one entry per page, in the edition's language (pure).

Material's search plugin would parse every built page again and index both
columns of a briefing, split at every heading. The generator already has the
text, so it writes the entries itself: one per briefing, actor, topic and
place, holding the text a reader of that edition searches. Arabic words get
a hidden field of their normalised, proclitic-stripped forms so that
باتروشيف finds وباتروشيف and مفاوضات finds المفاوضات; the query is
normalised the same way in the browser (text/searchforms.py has the rules;
templates/search/briefing-search.js applies them in the browser).
"""

from __future__ import annotations

import html
from typing import Any, Iterator

from ..core import urls
from ..linking.link import Site
from ..text.markup import plain
from ..content.model import other

def _entry(location: str, title: str, text: str) -> dict[str, Any]:
    # The normalised forms (searchforms.SEARCH_FIELD) are added by the browser
    # when the index loads (templates/search/briefing-search.js), with the same
    # rules as searchforms.normalised_words, which the tests hold the script to.
    return {"location": location, "title": html.escape(title, quote=False), "text": html.escape(" ".join(text.split()), quote=False)}


def search_docs(site: Site, lang: str) -> Iterator[dict[str, Any]]:
    corpus = site.corpus
    for lb in site.briefings:
        doc = lb.shown(lang)
        text = " ".join(plain(p) for p in doc.summary + doc.paragraphs)
        yield _entry(urls.briefing(lb.briefing.slug), doc.doc.title, text)
    for actor in corpus.actors.values():
        parts = [actor.name.get(other(lang)), *actor.aliases.get(lang), *actor.aliases.get(other(lang))]
        parts += [role.title.get(lang) for role in actor.roles]
        if actor.bio:
            parts.append(actor.bio.get(lang))
        yield _entry(urls.actor(actor.id), actor.name.get(lang), " ".join(parts))
    for terms, url_of in ((corpus.topics, urls.topic), (corpus.places, urls.place)):
        for term in terms.values():
            yield _entry(url_of(term.id), term.name.get(lang), term.name.get(other(lang)))
