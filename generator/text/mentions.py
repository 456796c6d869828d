"""Finding mentions of actors and offices in article text, and linking them.

Names are matched on normalised text (generator.text.arabic) with one Aho-Corasick
automaton per language, then mapped back to the text as written, so links
wrap exactly the characters the outlet published, diacritics included.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from html import escape, unescape

import ahocorasick

from generator.text.arabic import normalize_mapped, original_span

# Two-letter keys ("Al", "UN", "علي" minus a letter) match far too much of
# ordinary prose to be useful as names.
MIN_PATTERN_CHARS = 3

# Arabic attaches conjunctions and prepositions to the next word: وباتروشيف
# is "and Patrushev". A match may follow up to three of them in its word.
_PROCLITICS = frozenset("وفبلك")
_MAX_PROCLITICS = 3
# ل + ال is written لل (للمجلس, "to the council"): the article's alef drops.
_ARTICLE = "ال"
_AFTER_LAM_PREFIXES = frozenset({"ل", "ول", "فل"})

# Curly and straight apostrophes are typed interchangeably in names (O'Brien).
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


@dataclass(frozen=True)
class Pattern:
    text: str  # a name, alias or office title as written by analysts
    lang: str  # "en" or "ar"
    target: str  # opaque key chosen by the caller (an actor id, or a role key)


class Match(NamedTuple):
    start: int  # offsets in the ORIGINAL text
    end: int
    target: str


@dataclass(frozen=True)
class _Entry:
    """What a key in the automaton stands for."""

    length: int
    target: str | None  # None: several targets share the key (ambiguous)
    after_lam: bool  # the key is an ال pattern without its alef, valid only after ل


class _Candidate(NamedTuple):
    # A tuple, not a frozen dataclass: made for every name occurrence, and
    # a frozen dataclass costs several times more to create.
    start: int  # offsets in the match view
    end: int
    target: str | None


def _is_word_char(char: str) -> bool:
    # Combining marks left after normalisation (accents not composed by NFKC)
    # belong to the letter before them. All of them are at U+0300 or above.
    return char.isalnum() or (char >= "\u0300" and unicodedata.category(char)[0] == "M")


_WHITESPACE = re.compile(r"\s+")
# Whitespace that _match_view changes: a run of two or more, or one that is not a space.
_ODD_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")


def _match_view(text: str) -> tuple[str, Sequence[int]]:
    """Normalised text with whitespace runs collapsed, plus original offsets.

    Markdown sources wrap lines anywhere, so a name may be split by a newline
    or a double space; collapsing here (not in arabic.normalize, which also
    serves search) lets "Ali\\nShamkhani" match "Ali Shamkhani".
    """
    normalised, offsets = normalize_mapped(text)
    if "\u2019" in normalised or "\u2018" in normalised or "\u02bc" in normalised:
        normalised = normalised.translate(_APOSTROPHES)
    runs = list(_ODD_WHITESPACE.finditer(normalised))
    if not runs:
        return normalised, offsets
    kept: list[int] = []
    previous = 0
    for run in runs:
        kept.extend(offsets[previous : run.start() + 1])
        previous = run.end()
    kept.extend(offsets[previous:])
    return _WHITESPACE.sub(" ", normalised), tuple(kept)


def pattern_key(text: str) -> str | None:
    """The key a pattern is indexed under, or None if it is too short to use.

    Public so that callers validating patterns apply the very same rule.
    """
    key = _match_view(text)[0].strip()
    if sum(1 for char in key if char.isalnum()) < MIN_PATTERN_CHARS:
        return None
    return key


def _proclitic_prefix(view: str, start: int) -> str:
    """The letters of the same word before `start`, capped at _MAX_PROCLITICS + 1."""
    if start == 0 or not _is_word_char(view[start]):
        return ""
    index = start
    # Stop one past the limit: a longer run is rejected whatever it holds, and
    # stopping keeps find() linear on long words.
    while index > 0 and _is_word_char(view[index - 1]) and start - index <= _MAX_PROCLITICS:
        index -= 1
    return view[index:start]


def _starts_at_boundary(view: str, start: int, entry: _Entry) -> bool:
    if start == 0 or not _is_word_char(view[start - 1]) or not _is_word_char(view[start]):
        # The common case, decided without collecting the prefix: there is none.
        return not entry.after_lam
    prefix = _proclitic_prefix(view, start)
    if entry.after_lam:
        return prefix in _AFTER_LAM_PREFIXES
    return len(prefix) <= _MAX_PROCLITICS and all(char in _PROCLITICS for char in prefix)


def _ends_at_boundary(view: str, end: int) -> bool:
    # No suffixes: a possessive "'s" passes because the apostrophe is not a
    # word character, while "Patrushevsky" fails.
    return end == len(view) or not (_is_word_char(view[end - 1]) and _is_word_char(view[end]))


def _longest_first(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, longest first then earliest, sorted by start."""
    chosen: list[_Candidate] = []
    starts: list[int] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        index = bisect.bisect_right(starts, candidate.start)
        if index > 0 and chosen[index - 1].end > candidate.start:
            continue
        if index < len(chosen) and chosen[index].start < candidate.end:
            continue
        starts.insert(index, candidate.start)
        chosen.insert(index, candidate)
    return chosen


def _build_automaton(keys: dict[str, set[str]]) -> ahocorasick.Automaton:
    entries: dict[str, list[_Entry]] = defaultdict(list)
    for key, targets in keys.items():
        target = next(iter(targets)) if len(targets) == 1 else None
        entries[key].append(_Entry(len(key), target, after_lam=False))
        if key.startswith(_ARTICLE) and len(key) > len(_ARTICLE) and _is_word_char(key[len(_ARTICLE)]):
            variant = key[1:]
            entries[variant].append(_Entry(len(variant), target, after_lam=True))
    automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY)
    for key, key_entries in entries.items():
        automaton.add_word(key, tuple(key_entries))
    automaton.make_automaton()
    return automaton


class Matcher:
    """Finds mentions of many names at once; built once, used on every text."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        keys_by_lang: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for pattern in patterns:
            key = pattern_key(pattern.text)
            if key is not None:
                keys_by_lang[pattern.lang][key].add(pattern.target)
        self._automata = {lang: _build_automaton(keys) for lang, keys in keys_by_lang.items()}
        ambiguous: dict[str, frozenset[str]] = {}
        targets: set[str] = set()
        for keys in keys_by_lang.values():
            for key, key_targets in keys.items():
                if len(key_targets) > 1:
                    ambiguous[key] = ambiguous.get(key, frozenset()) | key_targets
                else:
                    targets |= key_targets
        self._ambiguous = ambiguous
        self._targets = frozenset(targets)

    def targets(self) -> frozenset[str]:
        """Targets that find() can return (ambiguous-only targets cannot)."""
        return self._targets

    def ambiguous(self) -> dict[str, frozenset[str]]:
        """Pattern keys shared by several targets, which are never matched."""
        return dict(self._ambiguous)

    def find(self, text: str, lang: str) -> list[Match]:
        """Non-overlapping mentions in `text`, sorted by start, longest preferred."""
        automaton = self._automata.get(lang)
        if automaton is None or not text:
            return []
        view, offsets = _match_view(text)
        matches: list[Match] = []
        # Ambiguous candidates still take part in the longest-match contest:
        # a shorter name inside an ambiguous title must not be linked to a
        # person the title may not designate.
        for candidate in _longest_first(self._candidates(automaton, view)):
            if candidate.target is not None:
                start, end = original_span(offsets, candidate.start, candidate.end)
                matches.append(Match(start, end, candidate.target))
        return matches

    @staticmethod
    def _candidates(automaton: ahocorasick.Automaton, view: str) -> Iterator[_Candidate]:
        # span -> its target; None when ambiguous (a key shared by several
        # targets, or two readings of one span, e.g. ل+المجلس vs a pattern
        # "لمجلس": treated as ambiguous rather than guessed).
        spans: dict[tuple[int, int], str | None] = {}
        for last, entries in automaton.iter(view):
            end = last + 1
            if not _ends_at_boundary(view, end):
                continue
            for entry in entries:
                start = end - entry.length
                if not _starts_at_boundary(view, start, entry):
                    continue
                if entry.after_lam:
                    # The link covers the preposition's ل too: "للمجلس" is the
                    # whole written form of "to the council", and the span read
                    # on its own (as in an existing link) still matches.
                    start -= 1
                span = (start, end)
                if span not in spans:
                    spans[span] = entry.target
                elif spans[span] != entry.target:
                    spans[span] = None
        for (start, end), target in spans.items():
            yield _Candidate(start, end, target)


def find_targets(text: str, lang: str, matcher: Matcher) -> frozenset[str]:
    """All targets mentioned anywhere in plain `text`."""
    return frozenset(match.target for match in matcher.find(text, lang))


# --- HTML linking -----------------------------------------------------------

_ATTRIBUTES = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
# Tags, comments and raw-text elements (whose content is not HTML) as whole
# tokens; anything between tokens is a text node. Quoted attribute values may
# contain ">" (the sanitiser's serialiser does not escape it).
_TOKEN = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw>script|style|textarea|title)\b{_ATTRIBUTES}>.*?</(?P=raw)\s*>"
    rf"|</?[A-Za-z]{_ATTRIBUTES}>"
    r"|<![^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ATTRIBUTE = re.compile(
    r"\s([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))"
)
# Text in these is not prose (code) or already a link.
_SKIPPED = frozenset({"code", "pre", "a"})


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(tag):
        name, *values = match.groups()
        value = next((v for v in values if v is not None), "")
        found.setdefault(name.lower(), unescape(value))
    return found


def _anchor_href(tag: str) -> str | None:
    return _attributes(tag).get("href")


def _tokens(fragment: str) -> Iterator[tuple[bool, str]]:
    """(is_markup, raw source) pieces that concatenate back to `fragment`."""
    position = 0
    for token in _TOKEN.finditer(fragment):
        if token.start() > position:
            yield False, fragment[position : token.start()]
        yield True, token.group()
        position = token.end()
    if position < len(fragment):
        yield False, fragment[position:]


def _link_text(
    raw: str,
    lang: str,
    matcher: Matcher,
    href: Callable[[str], str | None],
    linked: set[str],
) -> str:
    text = unescape(raw)
    pieces: list[str] = []
    position = 0
    for match in matcher.find(text, lang):
        if match.target in linked:
            continue
        url = href(match.target)
        if url is None:
            continue
        linked.add(match.target)
        pieces.append(escape(text[position : match.start], quote=False))
        # No class on the link (it would be repeated on every mention of every page): the stylesheet
        # finds mentions as the site's own (relative) links inside the text.
        pieces.append(f'<a href="{escape(url, quote=True)}">')
        pieces.append(escape(text[match.start : match.end], quote=False))
        pieces.append("</a>")
        position = match.end
    if not pieces:
        # Untouched nodes keep their source bytes (entity spellings included).
        return raw
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)


def _note_existing_link(
    raw: str,
    lang: str,
    matcher: Matcher,
    href: Callable[[str], str | None],
    anchor_href: str,
    linked: set[str],
) -> None:
    # A mention linked by an earlier pass (or by hand, to the same page) is
    # the first occurrence: counting it is what makes link_html idempotent.
    for match in matcher.find(unescape(raw), lang):
        if anchor_href == href(match.target):
            linked.add(match.target)


def link_html(
    html: str,
    lang: str,
    matcher: Matcher,
    href: Callable[[str], str | None],
    already: frozenset[str] = frozenset(),
) -> tuple[str, frozenset[str]]:
    """Link the first mention of each target in a sanitised HTML fragment.

    Returns the new fragment and `already` plus the targets linked here
    (including those found inside existing mention links). Only text nodes
    outside <a>, <code> and <pre> are linked, each node on its own.
    """
    linked = set(already)
    out: list[str] = []
    skipped_depth = 0
    # The open <a>'s href ("" for none): text inside it is noted, never linked.
    anchor: str | None = None
    for is_markup, raw in _tokens(html):
        if is_markup:
            out.append(raw)
            tag = _TAG_NAME.match(raw)
            if tag is None or raw.endswith("/>"):
                continue
            closing, name = tag.group(1) == "/", tag.group(2).lower()
            if name not in _SKIPPED:
                continue
            if closing:
                skipped_depth = max(0, skipped_depth - 1)
                if name == "a":
                    anchor = None
            else:
                skipped_depth += 1
                if name == "a":
                    anchor = _anchor_href(raw) or ""
        elif anchor is not None:
            _note_existing_link(raw, lang, matcher, href, anchor, linked)
            out.append(raw)
        elif skipped_depth > 0 or not raw.strip():
            out.append(raw)
        else:
            out.append(_link_text(raw, lang, matcher, href, linked))
    return "".join(out), frozenset(linked)
