"""Search forms of Arabic words: normalised, with their proclitics stripped (pure).

The index's hidden field (SEARCH_FIELD) holds these forms, and the browser
makes them with the same rules (templates/search/briefing-search.js, filled
in by the engine's hooks, which import this module and nothing heavier: no
linker, Aho-Corasick, nh3 or Markdown in the MkDocs processes).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .arabic import normalize

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
