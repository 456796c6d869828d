"""The search index's files (generator/output/searchshards.py), read back as docs/search.md describes them."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from generator.output.searchindex import SearchDoc
from generator.output.searchshards import ShardSizes, search_files
from generator.text.arabic import DROPPED, FOLDED
from generator.text.searchforms import MIN_STEM, QUERY_PROCLITICS, index_terms, query_words
from searchreader import IndexFiles

FORMS = SearchDoc(
    "briefings/search-forms/",
    "مثال توضيحي لصيغ البحث",
    "جرت المفاوضاتُ بين الوفدين بحضور شمخاني وباتروشيف ولافروف. "
    "وتناول البحث ملف الطائرات المُسَيَّرات والتعاون بالإستراتيجية البحرية. "
    "وأشار المتحدث إلى موقف اسرائيل من المحادثات. وقال علی إن الاجتماع عقد في ٢٠٢٣.",
)
OTHER = SearchDoc("briefings/other/", "Patrushev meets Shamkhani", "Nikolai Patrushev met Ali Shamkhani in Moscow in 2023.")
HOSTILE = SearchDoc("actors/x/", 'A "quoted" <b>name</b> & co', "<script>alert(1)</script> onerror=x javascript:alert(1)")


def _filler(n: int) -> list[SearchDoc]:
    return [SearchDoc(f"briefings/b{i}/", f"Meeting number {i}", f"word{i % 37} common text {i} موسكو{i % 5}") for i in range(n)]


@pytest.mark.parametrize("query", [
    "باتروشيف", "لافروف", "مفاوضات", "المفاوضات", "استراتيجية", "الاستراتيجيه", "مسيرات", "مُسَيَّرات",
    "إسرائيل", "اسرائيل", "وأشار", "علي", "على", "2023", "٢٠٢٣",
])
def test_every_written_form_finds_the_page(query: str) -> None:
    index = IndexFiles(search_files([OTHER, FORMS, *_filler(50)], "ar", ShardSizes(shard_bytes=400, chunk=4)))
    assert FORMS.location in index.search(query)


def test_english_words_match_case_blind_and_by_prefix() -> None:
    index = IndexFiles(search_files([FORMS, OTHER], "en"))
    assert index.search("PATRUSHEV") == [OTHER.location]
    assert index.search("patru") == [OTHER.location]
    assert index.search("patrushev moscow") == [OTHER.location]
    assert index.search("patrushev tokyo") == []


def test_small_shards_cover_every_term_once_in_order() -> None:
    docs = [FORMS, OTHER, *_filler(200)]
    files = search_files(docs, "ar", ShardSizes(shard_bytes=300, chunk=8))
    index = IndexFiles(files)
    bounds = index.entry["shards"]
    assert bounds[0] == "" and bounds == sorted(bounds) and len(bounds) > 10
    seen: list[str] = []
    for i in range(len(bounds)):
        shard = json.loads(gzip.decompress(files[f"t/{i}.json.gz"]))
        assert all(term >= bounds[i] and (i + 1 == len(bounds) or term < bounds[i + 1]) for term in shard)
        seen += shard
    every = set().union(*(index_terms(d.title + " " + d.text) for d in docs))
    assert seen == sorted(every)
    assert index.entry["docs"] == len(docs)
    assert len([p for p in files if p.startswith("d/")]) == -(-len(docs) // 8)
    assert index.doc(len(docs) - 1)[0] == docs[-1].location


def test_postings_are_delta_coded_with_title_weight() -> None:
    docs = [OTHER, SearchDoc("b/", "Other", "patrushev patrushev patrushev"), SearchDoc("c/", "None", "nothing")]
    index = IndexFiles(search_files(docs, "en"))
    # Patrushev: once in the title and once in the text of doc 0; three times in doc 1's text.
    assert index.postings("patrushev") == {0: 2 * 2 + 1, 1: 2 * 3}
    shard = json.loads(gzip.decompress(index.files[f"t/{index.shard_of('patrushev')}.json.gz"]))
    assert shard["patrushev"] == [0, 5, 1, 6]


def test_the_same_documents_give_the_same_bytes() -> None:
    docs = [FORMS, OTHER, HOSTILE, *_filler(30)]
    first, second = search_files(docs, "ar", ShardSizes(500, 4)), search_files(list(docs), "ar", ShardSizes(500, 4))
    assert first == second
    assert all(data[4:8] == b"\0\0\0\0" for path, data in first.items() if path.endswith(".gz"))  # no timestamp
    changed = search_files([*docs[:-1], SearchDoc("briefings/new/", "t", "x")], "ar", ShardSizes(500, 4))
    assert json.loads(changed["index.json"])["stamp"] != json.loads(first["index.json"])["stamp"]


def test_text_is_kept_as_text() -> None:
    """Fragments hold the text as data, unescaped: the script inserts it with textContent, never as markup."""
    index = IndexFiles(search_files([HOSTILE], "en"))
    assert index.doc(0) == [HOSTILE.location, HOSTILE.title, HOSTILE.text]


def test_the_entry_carries_the_query_rules() -> None:
    rules = json.loads(search_files([OTHER], "en")["index.json"])["rules"]
    assert set(rules["dropped"]) == DROPPED
    assert rules["folded"] == FOLDED
    assert tuple(rules["articles"]) == QUERY_PROCLITICS
    assert rules["min_stem"] == MIN_STEM


def test_the_entry_carries_the_panel_words_in_the_edition_language() -> None:
    """The search panel takes its words from the entry, which the script fetches on opening, not from every page."""
    strings = json.loads(search_files([OTHER], "ar")["index.json"])["strings"]
    assert strings == {
        "placeholder": "بحث",
        "reset": "مسح كلي",
        "prompt": "اكتب لبدء البحث",
        "none": "لا توجد نتائج",
        "one": "نتائج البحث مستند واحد",
        "other": "نتائج البحث # مستندات",
        "more": "عرض مزيد من النتائج",
        "capped": "طابقت كلمة قصيرة بعض الكلمات التي تبدأ بها فقط: اكتب أحرفًا أكثر.",
    }
    assert json.loads(search_files([OTHER], "en")["index.json"])["strings"]["other"] == "# matching documents"


def test_query_words_strip_only_the_article() -> None:
    assert query_words("المفاوضات وباتروشيف بالإستراتيجية") == ["مفاوضات", "وباتروشيف", "استراتيجيه"]
    assert query_words("Patrushev, ٢٠٢٣!") == ["patrushev", "2023"]


def test_the_built_site_has_its_own_index_in_each_edition(sample_site: Path) -> None:
    for root in (sample_site, sample_site / "ar"):
        files = {p.relative_to(root / "search").as_posix(): p.read_bytes() for p in (root / "search").rglob("*") if p.is_file()}
        index = IndexFiles(files)
        assert index.entry["lang"] == ("ar" if root.name == "ar" else "en")
        assert "briefings/shamkhani-patrushev-moscow-2023/" in index.search("باتروشيف" if root.name == "ar" else "Patrushev")
        assert not (root / "search" / "search_index.json").exists()
    page = (sample_site / "index.html").read_text(encoding="utf-8")
    # Material's bundle starts its search (and fetches its whole index) only for this component.
    assert 'data-md-component="search"' not in page and "search_index.json" not in page
    # The script's address changes with the script, so no browser keeps an older copy.
    script = (sample_site / "assets/briefing/search.js").read_bytes()
    assert f'assets/briefing/search.js?v={hashlib.sha256(script).hexdigest()[:12]}"' in page
