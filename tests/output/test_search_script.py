"""The search script's normaliser agrees with Python's (templates/assets/search.js, run in node).

The index's terms are made by generator/text (arabic.normalize, searchforms);
the browser normalises a query with the rules index.json carries. Every code
point Python knows, and words in many written forms, must come out the same.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from typing import Sequence

import pytest

from conftest import REPO, SAMPLE_CONTENT
from generator.text.arabic import normalize
from generator.text.searchforms import query_rules, query_words, search_forms

NODE = shutil.which("node")
DRIVER = REPO / "tests" / "browser" / "search-core.js"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

_WORD = re.compile(r"\w+")


def distinct_query_words(query: str) -> list[str]:
    """searchforms.query_words, each word once (the script drops repeats: AND needs each word once)."""
    return list(dict.fromkeys(query_words(query)))


def run_script(words: list[str], texts: Sequence[tuple[str, str]] = (), order: Sequence[str] = (), **more: object) -> dict[str, list]:
    request = {"rules": query_rules(), "words": words, "texts": list(texts), "order": list(order), **more}
    proc = subprocess.run([str(NODE), str(DRIVER)], input=json.dumps(request), capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def known_code_points() -> list[str]:
    # Code points unassigned in Python's Unicode version may be assigned in the
    # browser's, and surrogates cannot stand alone.
    return [chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) not in ("Cn", "Cs", "Co")]


def sample_words() -> list[str]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SAMPLE_CONTENT.rglob("*")) if path.is_file())
    return sorted(set(re.findall(r"\S+", text)))


WRITTEN_FORMS = [
    "المفاوضاتُ", "وباتروشيف", "ولافروف", "بالإستراتيجية", "الاستراتيجيه", "المُسَيَّرات", "مُسَيَّرات", "إسرائيل",
    "اسرائيل", "آلاف", "ٱلرحمن", "مسؤول", "شئون", "للمجلس", "فالاتفاق", "كالعادة", "وللحكومة", "مصطفى", "مصطفي",
    "كیهان", "ڪتاب", "١٢٣٤", "۱۴۰۲", "ﻻ", "ﺷﻤﺨﺎﻧﻲ", "ﷲ", "ال", "الله", "والي", "بان", "الـــمفاوضات", "\u200fموسكو\u200e",
    "Straße", "STRASSE", "ẞ", "ΣΟΦΟΣ", "σοφός", "İstanbul", "ıspanak", "ﬁnance", "Ⅻ", "①", "x²", "ＡＢＣ", "Ꭰꭰ",
    "café", "cafe\u0301", "naïve", "Shamkhani-Patrushev", "U.S.", "2023-06-14", "snake_case", "𝐁𝐨𝐥𝐝", "😀",
    "e\u0301\u0327", "ا\u0654", "\u0627\u0653", "ي\u0654", "و\u0654", "ه\u0654",
]


def test_every_code_point_normalises_as_in_python() -> None:
    chars = known_code_points()
    out = run_script(chars)
    wrong = [(f"U+{ord(c):04X}", normalize(c), got) for c, got in zip(chars, out["normalised"]) if normalize(c) != got]
    assert not wrong, f"{len(wrong)} code points differ, e.g. {wrong[:20]}"
    # The words a query is split into: Python's \w and the script's pattern agree.
    split = [(f"U+{ord(c):04X}", distinct_query_words(c), got) for c, got in zip(chars, out["query"]) if distinct_query_words(c) != got]
    assert not split, f"{len(split)} code points split differently, e.g. {split[:20]}"


def test_words_normalise_and_strip_as_in_python() -> None:
    words = WRITTEN_FORMS + sample_words()
    words += [" ".join(words[i:i + 5]) for i in range(0, len(words), 5)]  # queries of several words
    out = run_script(words)
    assert [(w, normalize(w)) for w in words] == list(zip(words, out["normalised"]))
    assert [(w, distinct_query_words(w)) for w in words] == list(zip(words, out["query"]))


def test_written_forms_are_the_index_forms() -> None:
    words = [w for w in WRITTEN_FORMS + sample_words() if _WORD.fullmatch(normalize(w))]
    out = run_script(words)
    expected = [sorted(search_forms(normalize(w))) for w in words]
    assert [(w, e) for w, e in zip(words, expected)] == [(w, sorted(set(g))) for w, g in zip(words, out["forms"])]


def test_hits_are_the_words_as_written() -> None:
    texts = [
        ("جرت المفاوضاتُ بين الوفدين بحضور شمخاني وباتروشيف ولافروف.", "مفاوضات لافروف"),
        ("وتناول البحث ملف الطائرات المُسَيَّرات والتعاون بالإستراتيجية البحرية.", "مسيرات الاستراتيجيه"),
        ("Patrushev met Shamkhani; PATRUSHEV'S hosts", "patrushev"),
        ("ﻻ بد من الاتفاق", "لا"),
    ]
    out = run_script([], texts)
    assert out["hits"] == [
        ["المفاوضاتُ", "ولافروف"],
        ["المُسَيَّرات", "بالإستراتيجية"],
        ["Patrushev", "PATRUSHEV"],
        ["ﻻ"],
    ]


def test_terms_are_compared_in_code_point_order() -> None:
    terms = ["b", "a", "\uffff", "\U0001F600", "\ue000", "ab", "", "موسكو", "مفاوضات"]
    assert run_script([], order=terms)["order"] == sorted(terms)


def test_a_word_fetches_its_shard_and_at_most_four_for_a_prefix() -> None:
    shards = ["", "ba", "bad", "badb", "bade", "badf", "badg", "bb", "c"]
    ranges = [
        (shards, "a", True), (shards, "bac", False), (shards, "bad", False), (shards, "bad", True),
        (shards, "bb", True), (shards, "zzz", True), (shards, "b", True), ([""], "x", True),
    ]
    assert run_script([], ranges=ranges)["ranges"] == [
        [0, 0, False], [1, 1, False], [2, 2, False], [2, 5, True], [7, 7, False], [8, 8, False], [0, 3, True], [0, 0, False],
    ]


def pairs(*docs: tuple[int, int, bool]) -> list[int]:
    """docs/search.md's postings: (id, tf, in title) -> delta-coded (id, weight) pairs."""
    out, previous = [], 0
    for i, (doc, tf, title) in enumerate(docs):
        out += [doc if i == 0 else doc - previous, 2 * tf + int(title)]
        previous = doc
    return out


def test_results_rank_exact_before_prefix_then_by_weight_then_by_id() -> None:
    shard = {
        "talks": pairs((1, 1, False), (2, 1, False), (3, 5, False), (4, 1, True)),
        "talkshow": pairs((0, 9, True), (5, 1, False)),
        "moscow": pairs((1, 1, False), (2, 1, False), (3, 1, False), (4, 1, False), (5, 1, False)),
    }
    ranking = {"docs": 6, "words": [["talks", True, [shard]], ["moscow", False, [shard]]]}
    # 4: exact, in its title; 3: exact, tf 5; 1 and 2: exact, tied (by id); 5: only a prefix match; 0: no "moscow".
    assert run_script([], ranking=ranking)["ranked"] == [4, 3, 1, 2, 5]


def test_snippet_is_a_window_around_the_first_hit() -> None:
    text = " ".join(f"w{i}" for i in range(100)) + " hit " + " ".join(f"x{i}" for i in range(100))
    start = text.index("hit")
    pieces = run_script([], snippets=[(text, [[start, start + 3]]), ("short hit", [[6, 9]]), ("no hit here", [])])["snippets"]
    window, short, none = pieces
    assert window[0] == ["…", False] and window[-1] == ["…", False]
    assert ["hit", True] in window and sum(len(p[0]) for p in window) <= 190
    assert window[1][0].startswith("w") and not window[1][0].startswith(" ")  # starts at a word
    assert short == [["short ", False], ["hit", True]]
    assert none == [["no hit here", False]]
