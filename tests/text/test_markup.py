"""Article bodies: paragraph splitting and the plain-prose fast path of the renderer."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.text.markup import Renderer, clean, split_paragraphs

RENDERER = Renderer()


def test_pasted_body_without_blank_lines_is_one_paragraph_per_line() -> None:
    blocks = split_paragraphs("first line\nsecond line\nthird")
    assert [(b.text, b.line) for b in blocks] == [("first line", 0), ("second line", 1), ("third", 2)]


def test_blank_lines_separate_paragraphs() -> None:
    blocks = split_paragraphs("\n\na\nb\n\nc\n\n\nd")
    assert [(b.text, b.line) for b in blocks] == [("a\nb", 2), ("c", 5), ("d", 8)]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet="ab ـ،.,;:'\"()%$^=+-_*#<>&[]!`\\|~{}\n\t1290لمشخانيIiPe@/", min_size=1, max_size=60))
def test_fast_path_renders_exactly_what_markdown_would(text: str) -> None:
    blocks = split_paragraphs(text)
    for block in blocks:
        slow = clean(Renderer()._md.reset().convert(block.text))
        assert RENDERER.block(block.text) == slow, block.text


def test_markup_still_goes_through_markdown_and_the_sanitiser() -> None:
    assert RENDERER.block("**bold** <script>x</script>") == "<p><strong>bold</strong> </p>"
    assert RENDERER.block("plain & simple") == "<p>plain &amp; simple</p>"
    assert html.unescape(RENDERER.block("a < b")) == "<p>a < b</p>"


@settings(max_examples=2000, deadline=None, derandomize=True)
@given(st.text(alphabet="ab ـ،.,;:'\"()%$^=+-_*#<>&[]!`\\|~{}\n\t\u00a0\u2003\r1290١٢لمشخانيIiPe@/hwtps", max_size=40))
def test_plain_test_in_parts_equals_the_single_pattern(text: str) -> None:
    from generator.text.markup import _MARKUP, _is_plain

    assert _is_plain(text) == (not _MARKUP.search(text)), repr(text)


def test_plain_test_on_urls_and_line_shapes() -> None:
    from generator.text.markup import _MARKUP, _is_plain

    for text in ("see https://x.org", "www.x.org", "http:", "a\n- b", "a\n1. b", "1) a", "a  \nb", "a \n", "a\n", "\u00a0a"):
        assert _is_plain(text) == (not _MARKUP.search(text)) is False, repr(text)
    assert _is_plain("A plain sentence, with commas; and (brackets).")
