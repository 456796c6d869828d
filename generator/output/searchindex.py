"""What each edition's search finds: one entry per page, in the edition's language (pure).

Material's search plugin would parse every built page again and index both
columns of a briefing, split at every heading. The generator already has the
text, so it writes the entries itself: one per briefing, actor, topic and
place, holding the text a reader of that edition searches. Arabic words get
a hidden field of their normalised, proclitic-stripped forms so that
باتروشيف finds وباتروشيف and مفاوضات finds المفاوضات; the query is
normalised the same way in the browser (see mkdocs_hooks.worker_script).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, Iterator

from ..core import urls
from ..text.arabic import normalize
from ..linking.link import Site
from ..text.markup import plain
from ..content.model import other

SEARCH_FIELD = "norm"
# Proclitics written joined to the next word: conjunctions, prepositions and
# the article, longest first. A word gets every stripped form whose rest keeps
# at least three letters (a form too many only costs a little precision).
PROCLITICS = tuple(sorted(
    ("و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل",
     "وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس"),
    key=len, reverse=True,
))
# Stripped from queries too: the article family only, since a query word
# that starts with و, ب, ل, ف or ك is far more often a word of its own.
QUERY_PROCLITICS = tuple(p for p in PROCLITICS if p.endswith("ال") or p.endswith("لل"))
MIN_STEM = 3

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=262144)
def search_forms(word: str) -> frozenset[str]:
    """The normalised word and its proclitic-stripped forms."""
    forms = {word}
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            forms.add(word[len(prefix):])
    return frozenset(forms)


def normalised_words(text: str) -> str:
    """Forms of the non-Latin words of `text` that a reader may type but the text does not contain."""
    written = {token.lower() for token in _WORD.findall(text)}
    words: dict[str, None] = {}
    for token in _WORD.findall(normalize(text)):
        if token.isascii():
            continue  # indexed as written: lunr lower-cases it
        for form in sorted(search_forms(token)):
            if form not in written:
                words.setdefault(form, None)
    return " ".join(words)


def _entry(location: str, title: str, text: str) -> dict[str, Any]:
    # The normalised forms (SEARCH_FIELD) are added by the browser when the
    # index loads (mkdocs_hooks.worker_script), with the same rules as
    # normalised_words here, which the tests hold the script to.
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
