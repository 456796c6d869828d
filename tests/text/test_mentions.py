"""Mention matching and linking, on spellings from the seed Nournews article."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text.mentions import (
    Match,
    Matcher,
    Pattern,
    find_targets,
    link_html,
    pattern_key,
)

PATTERNS = (
    Pattern("علي شمخاني", "ar", "ali-shamkhani"),
    Pattern("شمخاني", "ar", "ali-shamkhani"),
    Pattern("نيكولاي باتروشيف", "ar", "nikolai-patrushev"),
    Pattern("باتروشيف", "ar", "nikolai-patrushev"),
    Pattern("شنغهاي", "ar", "sco"),
    Pattern("بريكس", "ar", "brics"),
    Pattern("موسى", "ar", "musa"),
    Pattern("مجلس الأمن القومي الروسي", "ar", "russian-security-council"),
    Pattern("أمين مجلس الأمن القومي الروسي", "ar", "role:russian-sc-secretary"),
    Pattern("المجلس الأعلى للأمن القومي", "ar", "snsc"),
    Pattern("Ali Shamkhani", "en", "ali-shamkhani"),
    Pattern("Shamkhani", "en", "ali-shamkhani"),
    Pattern("Nikolai Patrushev", "en", "nikolai-patrushev"),
    Pattern("Patrushev", "en", "nikolai-patrushev"),
    Pattern("Security Council of Russia", "en", "russian-security-council"),
    Pattern("Secretary of the Security Council of Russia", "en", "role:russian-sc-secretary"),
)

MATCHER = Matcher(PATTERNS)


def spans(text: str, lang: str, matcher: Matcher = MATCHER) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.target) for m in matcher.find(text, lang)]


def href(target: str) -> str | None:
    if target.startswith("role:"):
        return None  # an office nobody held on the date
    return f"/actors/{target}/"


# --- Matcher ----------------------------------------------------------------


def test_full_name_preferred_over_surname() -> None:
    text = "الأدميرال علي شمخاني"
    assert spans(text, "ar") == [("علي شمخاني", "ali-shamkhani")]
    only_surname = Matcher([Pattern("شمخاني", "ar", "ali-shamkhani")])
    assert spans(text, "ar", only_surname) == [("شمخاني", "ali-shamkhani")]


def test_match_offsets_refer_to_original_text() -> None:
    text = "الأدميرال علي شمخاني"
    assert MATCHER.find(text, "ar") == [Match(10, 20, "ali-shamkhani")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وباتروشيف", [("باتروشيف", "nikolai-patrushev")]),
        ("نيكولاي باتروشيف", [("نيكولاي باتروشيف", "nikolai-patrushev")]),
        ("منظمة شنغهاي للتعاون", [("شنغهاي", "sco")]),
        ("مثل شنغهاي وبريكس", [("شنغهاي", "sco"), ("بريكس", "brics")]),
        ("ولباتروشيف", [("باتروشيف", "nikolai-patrushev")]),
        ("فبباتروشيف", [("باتروشيف", "nikolai-patrushev")]),
        ("وكباتروشيف", [("باتروشيف", "nikolai-patrushev")]),
    ],
)
def test_arabic_proclitics(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text, "ar") == expected


def test_more_than_three_proclitic_letters_is_a_different_word() -> None:
    assert spans("وفبلباتروشيف", "ar") == []


def test_longest_title_wins_over_embedded_council() -> None:
    text = "التقى أمينَ مجلس الأمن القومي الروسي نيكولاي باتروشيف"
    assert spans(text, "ar") == [
        ("أمينَ مجلس الأمن القومي الروسي", "role:russian-sc-secretary"),
        ("نيكولاي باتروشيف", "nikolai-patrushev"),
    ]
    assert spans("مجلس الأمن القومي الروسي", "ar") == [
        ("مجلس الأمن القومي الروسي", "russian-security-council")
    ]


def test_longest_title_wins_in_english() -> None:
    text = "the Secretary of the Security Council of Russia said"
    assert spans(text, "en") == [
        ("Secretary of the Security Council of Russia", "role:russian-sc-secretary")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("للمجلس الأعلى للأمن القومي", "للمجلس الأعلى للأمن القومي"),
        ("وللمجلس الأعلى للأمن القومي", "للمجلس الأعلى للأمن القومي"),
        ("فللمجلس الأعلى للأمن القومي", "للمجلس الأعلى للأمن القومي"),
        ("المجلس الأعلى للأمن القومي", "المجلس الأعلى للأمن القومي"),
        ("والمجلس الأعلى للأمن القومي", "المجلس الأعلى للأمن القومي"),
        ("بالمجلس الأعلى للأمن القومي", "المجلس الأعلى للأمن القومي"),
    ],
)
def test_definite_article_after_lam(text: str, expected: str) -> None:
    assert spans(text, "ar") == [(expected, "snsc")]


def test_article_variant_needs_the_lam() -> None:
    # Without the preposition, "لمجلس" alone is not "المجلس".
    assert spans("لمجلس الأعلى للأمن القومي", "ar") == []
    assert spans("ولمجلس الأعلى للأمن القومي", "ar") == []


@pytest.mark.parametrize(
    "text",
    ["شَمْخَانِي", "شمـخاني", "ﺷﻤﺨﺎﻧﻲ", "شمخانی", "\u2067شمخاني\u2069"],
)
def test_spelling_variants_match(text: str) -> None:
    assert find_targets(text, "ar", MATCHER) == {"ali-shamkhani"}


def test_alef_maqsura_and_yeh_match_either_way() -> None:
    assert find_targets("موسي", "ar", MATCHER) == {"musa"}
    assert find_targets("موسى", "ar", Matcher([Pattern("موسي", "ar", "musa")])) == {"musa"}


def test_diacritics_kept_inside_span() -> None:
    text = "قال شَمْخَانِيٌ اليوم"
    assert spans(text, "ar") == [("شَمْخَانِيٌ", "ali-shamkhani")]


def test_no_match_inside_longer_word() -> None:
    assert spans("باتروشيفات", "ar") == []
    assert spans("Patrushevsky", "en") == []
    assert spans("xPatrushev", "en") == []
    assert spans("باتروشيف2", "ar") == []


@pytest.mark.parametrize("text", ["Patrushev's", "Patrushev’s", "PATRUSHEV's view"])
def test_english_possessive(text: str) -> None:
    assert [m.target for m in MATCHER.find(text, "en")] == ["nikolai-patrushev"]
    match = MATCHER.find(text, "en")[0]
    assert text[match.start : match.end].casefold() == "patrushev"


def test_first_name_alone_does_not_match() -> None:
    matcher = Matcher([Pattern("Ali Shamkhani", "en", "ali-shamkhani")])
    assert matcher.find("Ali said", "en") == []
    assert spans("ali  SHAMKHANI said", "en", matcher) == [("ali  SHAMKHANI", "ali-shamkhani")]


def test_name_wrapped_over_lines() -> None:
    assert spans("Admiral Ali\nShamkhani met", "en") == [("Ali\nShamkhani", "ali-shamkhani")]


def test_languages_are_separate() -> None:
    assert MATCHER.find("Patrushev", "ar") == []
    assert MATCHER.find("باتروشيف", "en") == []
    assert MATCHER.find("Patrushev", "fr") == []


def test_ambiguous_pattern_not_matched_and_reported() -> None:
    matcher = Matcher(
        [
            Pattern("Security Council", "en", "russian-security-council"),
            Pattern("Security Council", "en", "un-security-council"),
            Pattern("Council", "en", "some-council"),
            Pattern("Patrushev", "en", "nikolai-patrushev"),
        ]
    )
    assert matcher.ambiguous() == {
        "security council": frozenset({"russian-security-council", "un-security-council"})
    }
    # The ambiguous phrase still hides the shorter name inside it.
    assert matcher.find("the Security Council met", "en") == []
    assert find_targets("the Council and Patrushev", "en", matcher) == {
        "some-council",
        "nikolai-patrushev",
    }
    assert matcher.targets() == {"some-council", "nikolai-patrushev"}


def test_same_target_twice_is_not_ambiguous() -> None:
    matcher = Matcher([Pattern("Patrushev", "en", "p"), Pattern("PATRUSHEV", "en", "p")])
    assert matcher.ambiguous() == {}
    assert matcher.targets() == {"p"}


def test_short_patterns_ignored() -> None:
    matcher = Matcher([Pattern("Al", "en", "x"), Pattern("عَلِ", "ar", "y"), Pattern("  ", "en", "z")])
    assert matcher.targets() == frozenset()
    assert matcher.find("Al عل", "en") == []
    assert pattern_key("Al") is None
    assert pattern_key("  Ali   Shamkhani ") == "ali shamkhani"


def test_empty_matcher() -> None:
    assert Matcher([]).find("anything", "en") == []


def test_matches_sorted_and_non_overlapping() -> None:
    text = "Patrushev met Shamkhani; Ali Shamkhani thanked Nikolai Patrushev."
    found = MATCHER.find(text, "en")
    assert [text[m.start : m.end] for m in found] == [
        "Patrushev",
        "Shamkhani",
        "Ali Shamkhani",
        "Nikolai Patrushev",
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


# --- link_html --------------------------------------------------------------


def test_links_first_occurrence_only() -> None:
    html = "<p>علي شمخاني التقى باتروشيف. وقال شمخاني إن باتروشيف</p>"
    out, linked = link_html(html, "ar", MATCHER, href)
    assert out == (
        '<p><a href="/actors/ali-shamkhani/">علي شمخاني</a> التقى '
        '<a href="/actors/nikolai-patrushev/">باتروشيف</a>. '
        "وقال شمخاني إن باتروشيف</p>"
    )
    assert linked == {"ali-shamkhani", "nikolai-patrushev"}


def test_already_linked_targets_carry_over() -> None:
    first, linked = link_html("<p>Shamkhani</p>", "en", MATCHER, href)
    second, linked = link_html("<p>Shamkhani and Patrushev</p>", "en", MATCHER, href, linked)
    assert first == '<p><a href="/actors/ali-shamkhani/">Shamkhani</a></p>'
    assert second == (
        '<p>Shamkhani and <a href="/actors/nikolai-patrushev/">Patrushev</a></p>'
    )
    assert linked == {"ali-shamkhani", "nikolai-patrushev"}


def test_link_keeps_original_characters() -> None:
    out, _ = link_html("<p>قال شَمْخَانِيٌ وبَاتْرُوشِيفُ</p>", "ar", MATCHER, href)
    assert '<a href="/actors/ali-shamkhani/">شَمْخَانِيٌ</a>' in out
    assert 'و<a href="/actors/nikolai-patrushev/">بَاتْرُوشِيفُ</a>' in out


def test_link_after_lam_covers_the_written_word() -> None:
    out, _ = link_html(
        "<p>وللمجلس الأعلى للأمن القومي</p>", "ar", MATCHER, lambda t: f"/{t}/"
    )
    assert out == '<p>و<a href="/snsc/">للمجلس الأعلى للأمن القومي</a></p>'
    assert link_html(out, "ar", MATCHER, lambda t: f"/{t}/") == (out, frozenset({"snsc"}))


def test_skips_existing_links_code_and_attributes() -> None:
    html = (
        '<p><a href="https://example.org/Shamkhani" title="Shamkhani">Shamkhani</a> '
        "<code>Patrushev</code></p><pre>Patrushev</pre><p>Patrushev Shamkhani</p>"
    )
    out, linked = link_html(html, "en", MATCHER, href)
    assert out == (
        '<p><a href="https://example.org/Shamkhani" title="Shamkhani">Shamkhani</a> '
        "<code>Patrushev</code></p><pre>Patrushev</pre>"
        '<p><a href="/actors/nikolai-patrushev/">Patrushev</a> '
        '<a href="/actors/ali-shamkhani/">Shamkhani</a></p>'
    )
    assert linked == {"ali-shamkhani", "nikolai-patrushev"}


def test_hand_made_link_to_the_same_page_counts_as_first() -> None:
    html = '<p><a href="/actors/ali-shamkhani/">Shamkhani</a> and Shamkhani</p>'
    assert link_html(html, "en", MATCHER, href) == (html, frozenset({"ali-shamkhani"}))


def test_idempotent() -> None:
    html = "<p>Ali Shamkhani met Patrushev; Shamkhani &amp; Patrushev&#39;s aide</p>"
    once, linked_once = link_html(html, "en", MATCHER, href)
    twice, linked_twice = link_html(once, "en", MATCHER, href)
    assert twice == once
    assert linked_twice == linked_once == {"ali-shamkhani", "nikolai-patrushev"}
    assert once.count("<a ") == 2


def test_escaping_preserved() -> None:
    html = "<p>A &amp; B &lt;script&gt; Patrushev &quot;x&quot; &lt; Shamkhani</p>"
    out, _ = link_html(html, "en", MATCHER, lambda t: f"/a?x=1&y=\"{t}\"")
    assert out == (
        "<p>A &amp; B &lt;script&gt; "
        '<a href="/a?x=1&amp;y=&quot;nikolai-patrushev&quot;">Patrushev</a>'
        ' "x" &lt; '
        '<a href="/a?x=1&amp;y=&quot;ali-shamkhani&quot;">Shamkhani</a></p>'
    )


def test_untouched_nodes_keep_their_source() -> None:
    html = "<p>&#39;quoted&#39; &amp; Shamkhani</p><p>x &#x27;y&#x27;</p>"
    out, _ = link_html(html, "en", MATCHER, href)
    assert out.endswith("<p>x &#x27;y&#x27;</p>")


def test_href_none_not_linked_and_not_recorded() -> None:
    html = "<p>the Secretary of the Security Council of Russia said</p>"
    out, linked = link_html(html, "en", MATCHER, href)
    assert out == html
    assert linked == frozenset()


def test_matches_do_not_span_tags() -> None:
    html = "<p>Ali <em>Shamkhani</em></p>"
    out, _ = link_html(html, "en", MATCHER, href)
    assert out == '<p>Ali <em><a href="/actors/ali-shamkhani/">Shamkhani</a></em></p>'


def test_attribute_with_angle_bracket() -> None:
    html = '<p><a href="/x" title="a>Shamkhani">Shamkhani</a> Patrushev</p>'
    out, linked = link_html(html, "en", MATCHER, href)
    assert out == (
        '<p><a href="/x" title="a>Shamkhani">Shamkhani</a> '
        '<a href="/actors/nikolai-patrushev/">Patrushev</a></p>'
    )
    assert linked == {"nikolai-patrushev"}


# --- properties -------------------------------------------------------------


class _Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def inspect(html: str) -> _Inspector:
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    return inspector


def displayed(html: str) -> str:
    return "".join(inspect(html).text)


_WORDS = [
    "شمخاني", "شَمْخَانِي", "علي", "وباتروشيف", "باتروشيف", "للمجلس", "المجلس",
    "الأعلى", "للأمن", "القومي", "أمين", "مجلس", "الأمن", "الروسي", "و", "ل",
    "Patrushev", "Patrushev's", "Ali", "Shamkhani", "Secretary", "of", "the",
    "Security", "Council", "Russia", "&", "<", ">", '"', "'", "x", "\u200f",
]
_PLAIN = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from([" ", " ", "\n", ""])), max_size=12
).map("".join)
_TEXT_NODE = _PLAIN.map(lambda text: _escape_text(text))
_LINK = st.tuples(
    st.sampled_from(['<a href="https://example.org/">', '<a href="/actors/ali-shamkhani/">']),
    _TEXT_NODE,
).map(lambda parts: f"{parts[0]}{parts[1]}</a>")


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(
        st.sampled_from(["p", "em", "strong", "code", "pre", "blockquote"]),
        st.lists(children, max_size=4),
    ).map(lambda parts: f"<{parts[0]}>{''.join(parts[1])}</{parts[0]}>")


_FRAGMENT = st.lists(
    st.recursive(st.one_of(_TEXT_NODE, _LINK), _element, max_leaves=12), max_size=4
).map("".join)


def _href(target: str) -> str | None:
    return None if target.startswith("role:") else f"/actors/{target}/"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_FRAGMENT, st.sampled_from(["ar", "en"]))
def test_link_html_properties(html: str, lang: str) -> None:
    once, linked_once = link_html(html, lang, MATCHER, _href)
    assert inspect(once).max_depth <= 1
    assert displayed(once) == displayed(html)
    twice, linked_twice = link_html(once, lang, MATCHER, _href)
    assert twice == once
    assert linked_twice == linked_once


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_PLAIN, st.sampled_from(["ar", "en"]))
def test_find_properties(text: str, lang: str) -> None:
    found = MATCHER.find(text, lang)
    assert all(0 <= m.start < m.end <= len(text) for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    # A mention read on its own is still the same mention.
    assert all(
        [m.target for m in MATCHER.find(text[m.start : m.end], lang)] == [m.target] for m in found
    )
