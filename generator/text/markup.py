"""Article bodies: Markdown split into aligned paragraphs, rendered and sanitised.

Bodies come from foreign outlets by copy and paste, so whatever HTML they hold
goes through an allow-list sanitiser (nh3, the Rust ammonia library) before
any of it can reach a page.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from html import unescape as html_unescape
from dataclasses import dataclass

import markdown
import nh3

# Embedding/override/isolate controls (schema.BIDI_CONTROLS) could reorder the
# displayed text of a whole page; they are dropped from bodies.
from ..content.schema import BIDI_CONTROLS

_BLANK = re.compile(r"\n[ \t]*\n")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "u", "s", "sub", "sup", "mark", "small",
    "blockquote", "ul", "ol", "li", "a", "code", "pre", "hr",
    "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class Block:
    text: str  # Markdown source of one displayed paragraph
    line: int  # its first line, counted from the body's first line (0)


def split_paragraphs(body: str) -> list[Block]:
    """Blocks of Markdown source, one per displayed paragraph.

    Text pasted from news sites often has one paragraph per line and no blank
    lines at all; such a body is read as one paragraph per line.
    """
    lines = BIDI_CONTROLS.sub("", body).split("\n")
    one_per_line = not any(not line.strip() for line in lines[_first(lines):_last(lines)])
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for index, line in enumerate(lines + [""]):
        if line.strip() and not (one_per_line and current):
            if not current:
                start = index
            current.append(line)
            continue
        if current:
            blocks.append(Block("\n".join(current), start))
            current = []
        if line.strip():
            start, current = index, [line]
    return blocks


def _first(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line.strip()), len(lines))


def _last(lines: list[str]) -> int:
    return max((i + 1 for i, line in enumerate(lines) if line.strip()), default=0)


# Characters (and line shapes) that make Markdown do more than wrap a paragraph.
_MARKUP = re.compile(r"[\t\\`*_\[\]<>&!#|~{}]|^\s|\s$|^[-+=]|^\d+[.)]|  \n|\n\s|\s\n|\n[-+=>#]|\n\d+[.)]|https?:|www\.|@")
# The same test in parts, each a cheap scan (one alternation tried at every
# position cost more than the rest of linking a paragraph):
_MARKUP_CHARS = re.compile(r"[\t\\`*_\[\]<>&!#|~{}@]")
_MARKUP_LINES = re.compile(r"  \n|\n\s|\s\n|\n[-+=>#]|\n\d+[.)]")
_LIST_START = re.compile(r"\d+[.)]")
_URL = re.compile(r"https?:|www\.")


def _is_plain(source: str) -> bool:
    """Same answer as `not _MARKUP.search(source)` (a property test holds them equal)."""
    if not source:
        return True
    if source[0].isspace() or source[-1].isspace() or source[0] in "-+=" or _LIST_START.match(source):
        return False
    if _MARKUP_CHARS.search(source):
        return False
    if "\n" in source and _MARKUP_LINES.search(source):
        return False
    return not (("http" in source or "www." in source) and _URL.search(source))


class Renderer:
    """Renders Markdown blocks; one instance per process (Markdown objects are reusable)."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(extensions=["sane_lists"], output_format="html")

    def block(self, source: str) -> str:
        if _is_plain(source):
            # Most pasted paragraphs are plain prose: escaping gives what
            # Markdown and the sanitiser would, at a fraction of the cost.
            return "<p>" + html_escape(source, quote=False) + "</p>"
        html = self._md.reset().convert(source)
        return clean(html)



_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)?[^>]*>")
# Elements inside a line of text: their tags part no words (a name linked
# inside a word, بـ<a>يوسف</a>, reads بيوسف; "<a>Council</a>," reads "Council,").
_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "small",
                     "span", "strong", "sub", "sup", "time", "u"})


def plain(fragment: str) -> str:
    """The text of an HTML fragment, as a reader sees it."""
    return html_unescape(_TAG.sub(lambda tag: "" if (tag.group(2) or "").lower() in _INLINE else " ", fragment))


def clean(html: str) -> str:
    # h1 is the page's own title: a heading inside a body is demoted.
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()
