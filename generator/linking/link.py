"""Stage 3: from the validated corpus to a linked site model (pure but for the report).

Every actor name, alias and office title in a briefing's text and key points
is linked to a profile (the first occurrence of each, per text); actors found
only in the text become the briefing's "mentioned" actors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Optional

from . import names
from ..core import urls
from ..core.diagnostics import Diagnostic, Report
from ..core.forks import can_fork, fork_pool, inherited
from ..text.markup import Renderer, clean, split_paragraphs
from ..text.mentions import Matcher, find_targets, link_html
from ..content.model import Briefing, Corpus, Document
from .events import Timeline, merge
from .linked import LinkedBriefing, LinkedDoc, involved
from .relations import Relations, related_briefings, relations


@dataclass(frozen=True)
class Site:
    corpus: Corpus
    briefings: tuple[LinkedBriefing, ...]  # newest first
    offices: Mapping[str, names.Office]
    relations: Relations
    timeline: Timeline
    by_slug: Mapping[str, int]  # index into briefings


# Below this many briefings a second process costs more than it saves.
PARALLEL_FROM = 400


@dataclass(frozen=True)
class _LinkedParts:
    """What a worker sends back for one briefing. The briefing itself stays
    out: the parent has it, and pickling the corpus back cost more than the
    linking saved."""

    docs: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]  # by language: paragraphs and key points as HTML
    involved: tuple[str, ...]
    mentioned: tuple[str, ...]
    problems: tuple[Diagnostic, ...]


def _link_chunk(bounds: tuple[int, int]) -> list[_LinkedParts]:
    # What the parent passed to fork_pool, inherited with the fork (nothing pickled).
    briefings, corpus, matcher, office_map = inherited()
    renderer = Renderer()
    start, end = bounds
    derived: list[_LinkedParts] = []
    for briefing in briefings[start:end]:
        report = Report()
        lb = _link_briefing(briefing, corpus, renderer, matcher, office_map, report)
        docs = {lang: (d.paragraphs, d.summary) for lang, d in lb.docs.items()}
        derived.append(_LinkedParts(docs, lb.involved, lb.mentioned, tuple(report.items)))
    return derived


def _rebuild(briefing: Briefing, parts: _LinkedParts) -> tuple[LinkedBriefing, list[Diagnostic]]:
    linked = {lang: LinkedDoc(briefing.document(lang), *parts.docs[lang]) for lang in parts.docs}  # type: ignore[arg-type]
    return LinkedBriefing(briefing, linked, parts.involved, parts.mentioned), list(parts.problems)


class LinkCache:
    """Linked briefings kept between builds (the live preview; .build/ for `briefing build`).

    A briefing's links depend on its own files, the actors (names, aliases,
    roles) and the places; entries are reused while all are unchanged."""

    def __init__(self) -> None:
        self._names: Optional[tuple[object, ...]] = None
        self._entries: dict[Briefing, tuple[LinkedBriefing, list[Diagnostic]]] = {}

    def link(self, corpus: Corpus, matcher: Matcher, office_map: Mapping[str, names.Office], report: Report,
             meanwhile: Optional[Callable[[], None]] = None) -> tuple[LinkedBriefing, ...]:
        # Names come from actors and places: a change to either relinks everything.
        names_in_use = (tuple(sorted(corpus.actors.items())), tuple(sorted(corpus.places.items())))
        if names_in_use != self._names:
            self._names, self._entries = names_in_use, {}
        missing = tuple(b for b in corpus.briefings if b not in self._entries)
        self._entries.update(zip(missing, _link_many(missing, corpus, matcher, office_map, meanwhile)))
        # Forget briefings that are gone or were edited.
        self._entries = {b: self._entries[b] for b in corpus.briefings}
        for _linked, items in self._entries.values():
            report.extend(items)
        return tuple(self._entries[b][0] for b in corpus.briefings)

    def entries(self) -> tuple[Optional[tuple[object, ...]], Mapping[Briefing, tuple[LinkedBriefing, list[Diagnostic]]]]:
        """(the names they were linked with, briefing -> (linked, messages)): what buildstate stores."""
        return self._names, self._entries

    @classmethod
    def restored(cls, names: Optional[tuple[object, ...]],
                 entries: Mapping[Briefing, tuple[LinkedBriefing, list[Diagnostic]]]) -> LinkCache:
        cache = cls()
        cache._names, cache._entries = names, dict(entries)
        return cache


def _link_many(briefings: tuple[Briefing, ...], corpus: Corpus, matcher: Matcher,
               office_map: Mapping[str, names.Office],
               meanwhile: Optional[Callable[[], None]] = None) -> list[tuple[LinkedBriefing, list[Diagnostic]]]:
    """Each briefing is linked on its own, so halves of the list go to the two cores.

    `meanwhile` runs here while they work (not at all when one process links)."""
    count = len(briefings)
    if count < PARALLEL_FROM or not can_fork():
        renderer = Renderer()
        out = []
        for briefing in briefings:
            report = Report()
            out.append((_link_briefing(briefing, corpus, renderer, matcher, office_map, report), report.items))
        return out
    half = count // 2
    with fork_pool(2, shared=(briefings, corpus, matcher, office_map)) as pool:
        pending = pool.map(_link_chunk, [(0, half), (half, count)])
        if meanwhile is not None:
            meanwhile()
        parts = list(pending)
    derived = [d for chunk in parts for d in chunk]
    return [_rebuild(b, d) for b, d in zip(briefings, derived)]


def link(corpus: Corpus, report: Report, cache: Optional[LinkCache] = None) -> Site:
    office_map = names.offices(corpus)
    matcher = names.matcher(corpus, office_map)
    unlinked: list[tuple[Timeline, list[tuple[int, ...]]]] = []

    def meanwhile() -> None:
        # What needs no mention links: done while the workers link, as this
        # process would otherwise wait.
        unlinked.append((merge(corpus.briefings, report), related_briefings(corpus.briefings)))

    linked = (cache or LinkCache()).link(corpus, matcher, office_map, report, meanwhile)
    if not unlinked:
        meanwhile()
    timeline, related = unlinked[0]
    by_slug = {lb.briefing.slug: index for index, lb in enumerate(linked)}
    return Site(corpus, linked, office_map, relations(linked, related), timeline, by_slug)


class _Linker:
    """Links one document's texts, remembering what it found and what it could not resolve."""

    def __init__(self, briefing: Briefing, doc: Document, corpus: Corpus, matcher: Matcher,
                 office_map: Mapping[str, names.Office], report: Report) -> None:
        self.briefing, self.doc, self.corpus = briefing, doc, corpus
        self.matcher, self.office_map, self.report = matcher, office_map, report
        self.found: dict[str, None] = {}
        self.line = doc.body_line
        self._here = urls.briefing(briefing.slug)

    def href(self, target: str) -> Optional[str]:
        if target.startswith(names.PLACE):
            return urls.relative(self._here, urls.place(target[len(names.PLACE):]))
        resolution = names.resolve(target, self.briefing.date, self.office_map, self.doc.lang)
        if resolution.actor_id is None:
            self.report.warning(self.doc.path, self.line, resolution.problem or "unresolved mention")
            return None
        if resolution.actor_id not in self.corpus.actors:
            return None
        self.found.setdefault(resolution.actor_id)
        return urls.relative(self._here, urls.actor(resolution.actor_id))

    def text(self, fragments: tuple[str, ...], lines: tuple[int, ...]) -> tuple[str, ...]:
        already: frozenset[str] = frozenset()
        out = []
        for fragment, line in zip(fragments, lines):
            self.line = line
            html, already = link_html(fragment, self.doc.lang, self.matcher, self.href, already)
            out.append(html)
        return tuple(out)

    def title(self) -> None:
        for target in sorted(find_targets(self.doc.title, self.doc.lang, self.matcher)):
            if target.startswith(names.PLACE):
                continue
            resolution = names.resolve(target, self.briefing.date, self.office_map, self.doc.lang)
            if resolution.actor_id:
                self.found.setdefault(resolution.actor_id)


def _link_briefing(briefing: Briefing, corpus: Corpus, renderer: Renderer, matcher: Matcher,
                   office_map: Mapping[str, names.Office], report: Report) -> LinkedBriefing:
    docs = {}
    found: dict[str, None] = {}
    for doc in (briefing.original, briefing.translation):
        if doc is None:
            continue
        linker = _Linker(briefing, doc, corpus, matcher, office_map, report)
        blocks = split_paragraphs(doc.body)
        paragraphs = linker.text(
            tuple(renderer.block(block.text) for block in blocks),
            tuple(doc.body_line + block.line for block in blocks),
        )
        summary = linker.text(tuple(clean(_inline(renderer, point)) for point in doc.summary), (1,) * len(doc.summary))
        linker.title()
        docs[doc.lang] = LinkedDoc(doc, paragraphs, summary)
        found.update(linker.found)
    tagged = involved(briefing)
    mentioned = tuple(actor_id for actor_id in found if actor_id not in tagged)
    return LinkedBriefing(briefing, docs, tagged, mentioned)


def _inline(renderer: Renderer, text: str) -> str:
    html = renderer.block(text)
    # A key point is one line: drop the paragraph wrapper Markdown adds.
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html
