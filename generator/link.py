"""Stage 3: from the validated corpus to a linked site model (pure: no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from .markup import Renderer, clean
from .model import Briefing, Corpus, Document


@dataclass(frozen=True)
class LinkedDoc:
    doc: Document
    paragraphs: tuple[str, ...]  # sanitised HTML, one per displayed paragraph
    summary: tuple[str, ...]  # sanitised HTML key points


@dataclass(frozen=True)
class LinkedBriefing:
    briefing: Briefing
    docs: Mapping[str, LinkedDoc]  # by language
    involved: tuple[str, ...]  # actor ids: tagged or event participants
    mentioned: tuple[str, ...]  # actor ids found in the text only

    def doc(self, lang: str) -> Optional[LinkedDoc]:
        return self.docs.get(lang)


@dataclass(frozen=True)
class Site:
    corpus: Corpus
    briefings: tuple[LinkedBriefing, ...]  # newest first


def link(corpus: Corpus) -> Site:
    renderer = Renderer()
    return Site(corpus, tuple(_link_briefing(b, renderer) for b in corpus.briefings))


def _involved(briefing: Briefing) -> tuple[str, ...]:
    ids = [ref.id for ref in briefing.actors]
    for event in briefing.events:
        ids.extend(ref.id for ref in event.participants)
    return tuple(dict.fromkeys(ids))


def _link_briefing(briefing: Briefing, renderer: Renderer) -> LinkedBriefing:
    docs = {}
    for doc in (briefing.original, briefing.translation):
        if doc is None:
            continue
        docs[doc.lang] = LinkedDoc(
            doc=doc,
            paragraphs=renderer.paragraphs(doc.body),
            summary=tuple(clean(_inline(renderer, point)) for point in doc.summary),
        )
    return LinkedBriefing(briefing, docs, _involved(briefing), ())


def _inline(renderer: Renderer, text: str) -> str:
    html = renderer.block(text)
    # A key point is one line: drop the paragraph wrapper Markdown adds.
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
