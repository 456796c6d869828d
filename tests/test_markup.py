"""Article bodies: paragraph splitting and the plain-prose fast path of the renderer."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markup import Renderer, clean, split_paragraphs

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
