"""Normalisation used to match names: real spellings from the seed article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text.arabic import normalize, normalize_mapped, original_span


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("الإهتمام", "الاهتمام"),  # hamza under alef, as Nournews spells it
        ("الاهتمام", "الاهتمام"),
        ("أمين", "امين"),
        ("آية", "ايه"),  # madda alef and ta marbuta
        ("ٱلله", "الله"),  # alef wasla
        ("شَمْخَانِي", "شمخاني"),  # harakat
        ("أمينَ", "امين"),  # the seed article's accusative fatha
        ("شدّد", "شدد"),  # shadda
        ("هٰذا", "هذا"),  # superscript alef
        ("شمـخاني", "شمخاني"),  # tatweel
        ("موسى", "موسي"),  # alef maqsura
        ("علی", "علي"),  # Persian yeh
        ("کرمان", "كرمان"),  # Persian kaf
        ("ﺷﻤﺨﺎﻧﻲ", "شمخاني"),  # presentation forms from a PDF
        ("ﻻ", "لا"),  # lam-alef ligature expands
        ("٢٠٢٣", "2023"),  # Arabic-Indic digits
        ("۱۴۰۱", "1401"),  # Persian digits
        ("Patrushev", "patrushev"),
        ("STRAßE", "strasse"),  # casefold, not lower
        ("شمخ\u200cاني", "شمخاني"),  # zero-width non-joiner
        ("\u202bشمخاني\u202c", "شمخاني"),  # bidi embedding
        ("\u2067شمخاني\u2069", "شمخاني"),  # bidi isolate
        ("\ufeffشمخاني", "شمخاني"),  # BOM
        ("مسؤول", "مسؤول"),  # hamza on waw is kept
        ("رئيس", "رئيس"),  # hamza on yeh is kept
        ("", ""),
    ],
)
def test_normalize(written: str, expected: str) -> None:
    assert normalize(written) == expected


def test_equal_spellings_meet() -> None:
    assert normalize("الإهتمام") == normalize("الاهتمام")
    assert normalize("موسى") == normalize("موسي")
    assert normalize("علی") == normalize("علي")
    assert normalize("ﺷﻤﺨﺎﻧﻲ") == normalize("شمخاني") == normalize("شَمْخَانِي")


def test_decomposed_latin_composes() -> None:
    # Per-cluster NFKC still composes a base letter with its combining accent.
    assert normalize("Cafe\u0301") == normalize("Café") == "café"


def test_mapped_offsets_skip_diacritics() -> None:
    text = "شَمْخَانِي"
    normalised, offsets = normalize_mapped(text)
    assert normalised == "شمخاني"
    assert offsets == (0, 2, 4, 6, 7, 9, 10)


def test_mapped_ligature_expansion_shares_offset() -> None:
    normalised, offsets = normalize_mapped("aﻻb")
    assert normalised == "aلاb"
    assert offsets == (0, 1, 1, 2, 3)


def test_span_end_includes_trailing_haraka() -> None:
    text = "قال بَاتْرُوشِيفُ اليوم"
    normalised, offsets = normalize_mapped(text)
    i = normalised.index("باتروشيف")
    start, end = original_span(offsets, i, i + len("باتروشيف"))
    assert text[start:end] == "بَاتْرُوشِيفُ"


def test_span_at_end_of_text_includes_trailing_haraka() -> None:
    text = "شمخانيٌ"
    normalised, offsets = normalize_mapped(text)
    assert normalised == "شمخاني"
    assert original_span(offsets, 0, len(normalised)) == (0, len(text))


def test_span_never_cuts_a_ligature() -> None:
    text = "xﻻy"
    _, offsets = normalize_mapped(text)
    # Normalised "xلاy": a span ending after ل covers the whole ligature.
    assert original_span(offsets, 0, 2) == (0, 2)
    assert original_span(offsets, 1, 1) == (1, 1)


# Arabic block, presentation forms, controls, combining marks, Latin, and
# arbitrary code points: whatever copy and paste may bring.
_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
        st.sampled_from(list("aAßİ ﻻ\u200b\u200c\u200f\u202b\u2066\u2069\ufeff\u0301\u0651ـ")),
        st.characters(),
    ),
    max_size=60,
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_TEXT)
def test_normalize_agrees_with_mapped(text: str) -> None:
    assert normalize(text) == normalize_mapped(text)[0]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_TEXT)
def test_offsets_monotonic_and_in_bounds(text: str) -> None:
    normalised, offsets = normalize_mapped(text)
    assert len(offsets) == len(normalised) + 1
    assert offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(offsets, offsets[1:]))
    assert all(0 <= offset < len(text) for offset in offsets[:-1])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_TEXT, st.data())
def test_original_span_is_ordered_and_in_bounds(text: str, data: st.DataObject) -> None:
    normalised, offsets = normalize_mapped(text)
    i = data.draw(st.integers(0, len(normalised)))
    j = data.draw(st.integers(i, len(normalised)))
    start, end = original_span(offsets, i, j)
    assert 0 <= start <= end <= len(text)
    # The original span normalises to at least the matched characters.
    assert normalised[i:j] in normalize(text[start:end])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.text(
        st.one_of(
            st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
            st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        ),
        max_size=60,
    )
)
def test_normalize_is_idempotent_on_arabic_and_ascii(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
