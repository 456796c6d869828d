"""Search terms: words normalised, Arabic ones also with their proclitics stripped (pure).

The search index (output/searchshards.py) holds these terms; the browser
normalises a query with the same rules, which the index's entry file carries
as data (QUERY_RULES; docs/search.md).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import chain

from .arabic import DROPPED, FOLDED, normalize

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
# A query word this long or longer also matches the terms it begins, as
# Material's search did; shorter ones would fetch too much of the index.
MIN_PREFIX = 3

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=262144)
def search_forms(word: str) -> frozenset[str]:
    """The normalised word and its proclitic-stripped forms."""
    forms = {word}
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            forms.add(word[len(prefix):])
    return frozenset(forms)


@lru_cache(maxsize=262144)
def _piece_terms(piece: str) -> tuple[str, ...]:
    terms: list[str] = []
    for token in _WORD.findall(normalize(piece)):
        terms.extend((token,) if token.isascii() else sorted(search_forms(token)))
    return tuple(terms)


def index_terms(text: str) -> Counter[str]:
    """Each term of `text` and how often it occurs: the normalised words, and the proclitic-stripped forms of Arabic ones."""
    # Normalised a whitespace-separated piece at a time, through a cache: the
    # corpus repeats its words, and one character that needs the slow
    # normalisation then costs only its own piece. Counted by Counter's C loop.
    return Counter(chain.from_iterable(map(_piece_terms, text.split())))


def query_rules() -> dict[str, object]:
    """What the browser needs to normalise a query as the index was normalised (docs/search.md)."""
    return {
        "dropped": "".join(sorted(DROPPED)),
        "folded": dict(sorted(FOLDED.items())),
        "articles": list(QUERY_PROCLITICS),
        # The forms a written word is indexed under: the browser marks a hit through them.
        "proclitics": list(PROCLITICS),
        "min_stem": MIN_STEM,
        "min_prefix": MIN_PREFIX,
    }


def query_words(query: str) -> list[str]:
    """A query's words as the index holds them: normalised, Arabic ones without a leading article (the browser's rule too)."""
    words = []
    for token in _WORD.findall(normalize(query)):
        if not token.isascii():
            for article in QUERY_PROCLITICS:
                if token.startswith(article) and len(token) - len(article) >= MIN_STEM:
                    token = token[len(article):]
                    break
        words.append(token)
    return words
