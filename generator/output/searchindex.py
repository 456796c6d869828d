"""What each edition's search finds: one document per page, in the edition's language (pure).

Material's search plugin would parse every built page again and index both
columns of a briefing, split at every heading. The generator already has the
text, so it gives the index (searchshards.py) one document per briefing,
actor, topic and place, holding the text a reader of that edition searches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..core import urls
from ..linking.link import Site
from ..text.markup import plain
from ..content.model import other


@dataclass(frozen=True)
class SearchDoc:
    """A page as search sees it: its URL from the edition's root, its title and its plain text."""

    location: str
    title: str
    text: str


def _doc(location: str, title: str, text: str) -> SearchDoc:
    return SearchDoc(location, " ".join(title.split()), " ".join(text.split()))


def search_docs(site: Site, lang: str) -> Iterator[SearchDoc]:
    corpus = site.corpus
    for lb in site.briefings:
        doc = lb.shown(lang)
        text = " ".join(plain(p) for p in doc.summary + doc.paragraphs)
        yield _doc(urls.briefing(lb.briefing.slug), doc.doc.title, text)
    for actor in corpus.actors.values():
        parts = [actor.name.get(other(lang)), *actor.aliases.get(lang), *actor.aliases.get(other(lang))]
        parts += [role.title.get(lang) for role in actor.roles]
        if actor.bio:
            parts.append(actor.bio.get(lang))
        yield _doc(urls.actor(actor.id), actor.name.get(lang), " ".join(parts))
    for terms, url_of in ((corpus.topics, urls.topic), (corpus.places, urls.place)):
        for term in terms.values():
            yield _doc(url_of(term.id), term.name.get(lang), term.name.get(other(lang)))
