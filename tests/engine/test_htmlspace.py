"""Page HTML without the theme's indentation (generator/engine/htmlspace.py): runs with a line break become one, nothing else changes."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, strategies as st

from generator.engine.htmlspace import collapse_whitespace


def test_indentation_and_blank_lines_become_one_line_break() -> None:
    page = '<body>\n  \n    <div class="a">\n\n      <span>\n        Title\n      </span>\n    </div>\n</body>\n'
    assert collapse_whitespace(page) == '<body>\n<div class="a">\n<span>\nTitle\n</span>\n</div>\n</body>\n'


def test_spaces_without_a_line_break_stay() -> None:
    page = "<p>one  two\tthree</p> <p>four</p>"
    assert collapse_whitespace(page) == page


@pytest.mark.parametrize("element", ["pre", "textarea", "script", "style", "code", "kbd", "PRE"])
def test_preformatted_and_raw_elements_are_kept(element: str) -> None:
    inside = "a\n\n    b\n  c"
    page = f"<div>\n  <{element} class=\"x\">{inside}</{element}>\n  </div>"
    assert collapse_whitespace(page) == f"<div>\n<{element} class=\"x\">{inside}</{element}>\n</div>"


def test_code_inside_pre_and_tags_inside_script_are_kept() -> None:
    page = '<pre><code>x\n\n  y</code>\n\n  z</pre>\n  <script>if (a <b) {\n\n  c("</div>\n\n")}</script>'
    assert collapse_whitespace(page) == '<pre><code>x\n\n  y</code>\n\n  z</pre>\n<script>if (a <b) {\n\n  c("</div>\n\n")}</script>'


def test_attribute_values_are_kept() -> None:
    page = '<meta content="line one\n\n   line two">\n  <a title=\'x\n  y\' href="z">a</a>'
    assert collapse_whitespace(page) == '<meta content="line one\n\n   line two">\n<a title=\'x\n  y\' href="z">a</a>'


def test_a_quoted_value_holding_a_closing_bracket_is_kept_whole() -> None:
    page = '<a title="a > b\n\n  c" href="#">x</a>\n\n  y'
    assert collapse_whitespace(page) == '<a title="a > b\n\n  c" href="#">x</a>\ny'


def test_whitespace_between_attributes_may_go() -> None:
    assert collapse_whitespace('<div\n    class="a"\n    id="b">x</div>') == '<div\nclass="a"\nid="b">x</div>'


def test_the_edges_of_a_part_between_kept_elements() -> None:
    assert collapse_whitespace("<script>a</script>  x  \n\n  y  <style>b</style>") == "<script>a</script>  x\ny  <style>b</style>"
    assert collapse_whitespace("<script>a</script>\n  \n<style>b</style>") == "<script>a</script>\n<style>b</style>"
    assert collapse_whitespace("\n\n  x\n  ") == "\nx\n"
    assert collapse_whitespace("  \t ") == "  \t "


def test_an_element_left_open_is_kept_to_the_end() -> None:
    assert collapse_whitespace("<p>\n  a</p><pre> x\n\n  y") == "<p>\na</p><pre> x\n\n  y"
    assert collapse_whitespace("<p>\n  a</p><!-- x\n\n  y") == "<p>\na</p><!-- x\n\n  y"


def test_comments_are_kept() -> None:
    page = "<!-- a\n\n   b -->\n\n  <p>x</p>"
    assert collapse_whitespace(page) == "<!-- a\n\n   b -->\n<p>x</p>"


def test_no_break_and_other_unicode_spaces_are_text() -> None:
    page = "<p>a\u00a0\n\u00a0b\u2003\n\u2003c</p>"
    assert collapse_whitespace(page) == page


def test_carriage_returns_and_form_feeds_are_whitespace() -> None:
    assert collapse_whitespace("<p>a \r\n\f\t b</p>") == "<p>a\nb</p>"


_PIECES = st.sampled_from([
    "<p>", "</p>", "<div class=\"c\">", "</div>", "<pre>", "</pre>", "<b>", "</b>", " ", "\n", "  ", "\t", "word",
    "<!-- note -->", "<a href=\"x\ny\">", "</a>", "\u00a0", "<br>", "<script>x\n  y</script>", "<code>", "</code>",
    "<span\n  title='a\n b'>", "</span>", "\r\n", "<i\n class=\"z\">", "</i>",
])


@given(st.lists(_PIECES, max_size=40))
def test_the_text_a_reader_sees_is_unchanged(pieces: list[str]) -> None:
    page = "<html><body><div>" + "".join(pieces) + "</div></body></html>"
    collapsed = collapse_whitespace(page)
    assert collapse_whitespace(collapsed) == collapsed
    before, after = BeautifulSoup(page, "html.parser"), BeautifulSoup(collapsed, "html.parser")
    assert _shown(before) == _shown(after)
    assert [(el.name, el.attrs) for el in before.find_all(True)] == [(el.name, el.attrs) for el in after.find_all(True)]


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def _shown(soup: BeautifulSoup) -> list[str]:
    """The document's strings as a reader sees them: HTML whitespace runs as one space, <pre> as written."""
    return [text if text.find_parent("pre") else _HTML_SPACE.sub(" ", text) for text in soup.find_all(string=True)]
