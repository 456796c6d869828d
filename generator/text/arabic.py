"""Normalisation of Arabic (and Latin) text for matching and search.

The normalised form is only ever a key: displayed text is never rewritten.
`normalize_mapped` keeps, for every normalised character, the index of the
original character it came from, so a match found on the key can be mapped
back to a span of the text as written.

Normalisation works cluster by cluster (a starter code point plus the
combining marks that follow it) rather than on the whole string, because that
is what makes the offset map exact: every output character comes from exactly
one cluster. NFKC applied per cluster agrees with whole-string NFKC for all
Arabic and Latin text met in practice (the clusters carry the combining marks
that composition needs); it differs only for scripts that compose across
starters, such as conjoining Hangul jamo, which this project never matches.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache


def _chars(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(code) for low, high in ranges for code in range(low, high + 1))


# Harakat and Quranic annotation marks vary freely between outlets (most write
# none, some vocalise names), tatweel is pure justification, and invisible
# format/bidi controls come along with copy and paste: none of them may stop
# a name from matching.
DROPPED = _chars(
    (0x064B, 0x065F),  # harakat, shadda, sukun, hamza/madda marks above and below
    (0x0670, 0x0670),  # superscript (dagger) alef
    (0x06D6, 0x06ED),  # Quranic annotation signs
    (0x0640, 0x0640),  # tatweel
    (0x200B, 0x200F),  # zero-width space/non-joiner/joiner, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # BOM / zero-width no-break space
    # Not in the original brief but of the same kind: the Arabic letter mark
    # is a bidi control, word joiner and soft hyphen are invisible too.
    (0x061C, 0x061C),
    (0x2060, 0x2060),
    (0x00AD, 0x00AD),
)

_ALEF = "\u0627"
_YEH = "\u064a"
_KAF = "\u0643"
_HEH = "\u0647"

# Spelling variants that writers (and Persian keyboards) use interchangeably.
# Hamza on waw (ؤ) and on yeh (ئ) are deliberately NOT folded: unlike hamza on
# alef they are written consistently, and folding them would merge distinct
# words (e.g. مسؤول must not become مسوول or collide with other roots).
FOLDED: dict[str, str] = {
    "\u0623": _ALEF,  # أ alef with hamza above
    "\u0625": _ALEF,  # إ alef with hamza below
    "\u0622": _ALEF,  # آ alef with madda
    "\u0671": _ALEF,  # ٱ alef wasla
    "\u0672": _ALEF,  # ٲ alef with wavy hamza above
    "\u0673": _ALEF,  # ٳ alef with wavy hamza below
    "\u0649": _YEH,  # ى alef maqsura: Egyptian spelling writes final ي as ى
    "\u0629": _HEH,  # ة ta marbuta: often typed as ه
    "\u06cc": _YEH,  # ی Farsi yeh
    "\u063d": _YEH,  # ؽ Farsi yeh with inverted v
    "\u063e": _YEH,  # ؾ Farsi yeh with two dots above
    "\u063f": _YEH,  # ؿ Farsi yeh with three dots above
    "\u06a9": _KAF,  # ک keheh (Persian kaf)
    "\u06aa": _KAF,  # ڪ swash kaf
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
}


def _fold_char(char: str) -> str:
    if char in DROPPED:
        return ""
    # casefold, not lower: "ß" and "ẞ" must meet "ss" in names like Strauß.
    return FOLDED.get(char, char).casefold()


@lru_cache(maxsize=16384)
def _normalize_cluster(cluster: str) -> str:
    # NFKC first: presentation forms from PDFs (ﺷ, ﻻ, ﺃ) become base letters
    # that the folding table knows about.
    return "".join(_fold_char(char) for char in unicodedata.normalize("NFKC", cluster))


def _clusters(text: str) -> Iterator[tuple[int, str]]:
    """(index of the starter, starter + following combining marks)."""
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not unicodedata.combining(text[index]):
            yield start, text[start:index]
            start = index


_FOLD_TABLE = {ord(key): value for key, value in FOLDED.items()}
_DROP_RE = re.compile("[" + "".join(re.escape(char) for char in sorted(DROPPED)) + "]")


def _fold_one_to_one(text: str) -> str | None:
    """The common case in C-speed steps: `text` folded and casefolded when it is
    NFKC and every character folds to one character (so positions are kept);
    else None, and the cluster loop below does it."""
    if not unicodedata.is_normalized("NFKC", text):
        return None
    folded = text.translate(_FOLD_TABLE).casefold()
    return folded if len(folded) == len(text) else None


def normalize(text: str) -> str:
    """Key used to compare names: see the module docstring for what is folded."""
    if text.isascii():
        # NFKC and the folding table leave ASCII alone; casefold is lower here.
        return text.lower()
    folded = _fold_one_to_one(text)
    if folded is not None:
        return _DROP_RE.sub("", folded)
    return "".join(_normalize_cluster(cluster) for _, cluster in _clusters(text))


def _fast_mapped(text: str) -> tuple[str, Sequence[int]] | None:
    """_fold_one_to_one plus the offsets of the characters kept (same result as the cluster loop)."""
    folded = _fold_one_to_one(text)
    if folded is None:
        return None
    drops = [match.start() for match in _DROP_RE.finditer(text)]
    if not drops:
        return folded, range(len(text) + 1)
    offsets: list[int] = []
    previous = 0
    for index in drops:
        offsets.extend(range(previous, index))
        previous = index + 1
    offsets.extend(range(previous, len(text) + 1))
    # Dropped characters are left alone by the folding, so they sit at the same places.
    return _DROP_RE.sub("", folded), tuple(offsets)


def normalize_mapped(text: str) -> tuple[str, Sequence[int]]:
    """`normalize(text)` plus the original index of each normalised character.

    The offsets (a range when nothing moved, to spare a copy per text) have
    one more entry than the normalised string, equal to len(text), so that a
    normalised span [i, j) maps to [offsets[i], offsets[j]).
    Characters dropped by normalisation (diacritics, tatweel, controls) belong
    to no normalised character, so a span ending just before them is extended
    over them by that rule: a vocalised name keeps its last haraka.
    """
    if text.isascii():
        return text.lower(), range(len(text) + 1)
    fast = _fast_mapped(text)
    if fast is not None:
        return fast
    pieces: list[str] = []
    offsets: list[int] = []
    for start, cluster in _clusters(text):
        piece = _normalize_cluster(cluster)
        pieces.append(piece)
        # One source character may expand into several (ﻻ -> لا): they all
        # point back to it.
        offsets.extend([start] * len(piece))
    offsets.append(len(text))
    return "".join(pieces), tuple(offsets)


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map the normalised span [start, end) to a span of the original text.

    Same as (offsets[start], offsets[end]) except when the span ends inside
    the expansion of one source character (a ligature): the end is then moved
    past that character, so the original span never cuts a code point's
    expansion in half.
    """
    original_start = offsets[start]
    if end <= start:
        return original_start, original_start
    last = offsets[end - 1]
    index = end
    # The final entry is len(text), greater than any character index, so this
    # loop always stops.
    while offsets[index] <= last:
        index += 1
    return original_start, offsets[index]
