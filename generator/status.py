"""`briefing status`: the desk's open work (pure: the checked content in, lines out)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Optional, Sequence

from .core.diagnostics import Diagnostic
from .linking.link import Site
from .linking.names import matcher as build_matcher, patterns
from .text.markup import split_paragraphs
from .text.mentions import find_targets
from .content.model import Briefing, Corpus, other

# Runs of two or more capitalised words: in English news text these are
# mostly names; Arabic has no capitals, so Arabic candidates are names after
# a title word.
_EN_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)+\b")
_AR_TITLED = re.compile(r"(?:الرئيس|وزير\s+\S+|السفير|الأدميرال|الجنرال|اللواء|العميد|السيد|السيدة|الشيخ)\s+(\S+\s+\S+)")
NAME_CANDIDATES = 20
ACTORS_UNUSED = "actors in no briefing"
NEW_NAMES = "names that match no actor (possible new profiles)"


def status_lines(corpus: Corpus, site: Optional[Site], errors: Sequence[Diagnostic] = ()) -> Iterator[str]:
    """The desk's open work. With errors, the lists hold what loaded, and the
    two that need linked mentions (`site`, None then) are not computed."""
    if errors:
        yield from _section("errors (fix them first; the lists below leave out the files they are in)",
                            [f"  {item.format()}" for item in errors])
    failed = {item.path for item in errors}
    untranslated, drafts, mismatched = [], [], []
    for b in corpus.briefings:
        if b.translation is None:
            # A translation that failed to load is among the errors, not untranslated.
            if _translation_path(b) not in failed:
                untranslated.append(f"  {b.original.path}")
            continue
        if b.translation.status != "reviewed":
            drafts.append(f"  {b.translation.path} ({b.translation.status or 'no status'})")
        counts = (len(split_paragraphs(b.original.body)), len(split_paragraphs(b.translation.body)))
        if counts[0] != counts[1]:
            mismatched.append(f"  {b.translation.path}: {counts[1]} paragraphs, the original has {counts[0]}")
    yield from _section("briefings without a translation", untranslated)
    yield from _section("translations not reviewed", drafts)
    yield from _section("paragraph counts that differ", mismatched)
    if site is None:
        for title in (ACTORS_UNUSED, NEW_NAMES):
            yield f"{title}: not computed until the errors are fixed (names in the text are linked only then)"
        return
    mentioned = {a for lb in site.briefings for a in lb.actors}
    never = [f"  {a.path}" for a in sorted(site.corpus.actors.values(), key=lambda a: a.id) if a.id not in mentioned]
    yield from _section(ACTORS_UNUSED, never)
    yield from _section(NEW_NAMES, list(_candidates(site)))


def _translation_path(briefing: Briefing) -> str:
    stem = briefing.original.path.removesuffix(f".{briefing.original.lang}.md")
    return f"{stem}.{other(briefing.original.lang)}.md"


def _section(title: str, lines: list[str]) -> Iterator[str]:
    yield f"{title}: {len(lines)}"
    yield from lines


def _candidates(site: Site) -> Iterator[str]:
    matcher = build_matcher(site.corpus, site.offices)
    # Parts of known names and titles ("Security Council") are not new names.
    known = " | ".join(p.text.casefold() for p in patterns(site.corpus, site.offices))
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], str] = {}
    for lb in site.briefings:
        for linked in lb.docs.values():
            doc = linked.doc
            pattern = _EN_NAME if doc.lang == "en" else _AR_TITLED
            for match in pattern.finditer(doc.body):
                name = match.group(match.lastindex or 0)
                name = re.sub(r"^(The|A|An) ", "", name)
                if " " not in name or name.casefold() in known or find_targets(name, doc.lang, matcher):
                    continue
                key = (doc.lang, name)
                counts[key] += 1
                first.setdefault(key, doc.path)
    for (lang, name), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:NAME_CANDIDATES]:
        yield f"  {name} ({lang}, {count}x, first in {first[(lang, name)]})"
