"""Page HTML without the theme's indentation: each run of whitespace that holds a line break becomes one line break.

Material's templates indent every line and leave blank lines where a block
was empty: about a tenth of a page's bytes. In the text of a page a run of
spaces and line breaks shows as one space, so one line break shows the same.
Left as they are:

- the inside of <pre>, <textarea>, <script> and <style>, and of <code> and
  <kbd>, which the theme sets in `white-space: pre-wrap`;
- comments;
- every tag with a quoted attribute, whole: a line break in an attribute's
  value is part of the value. (A tag without quotes has no value that can
  hold whitespace, so whitespace between its attributes may go.)

HTML's whitespace is space, tab, line feed, form feed and carriage return
only: a no-break space or any other Unicode space is text.
"""

from __future__ import annotations

import re

_KEPT = re.compile(
    r"""(<(?P<raw>pre|textarea|script|style|code|kbd)\b.*?</(?P=raw)\s*>"""
    r"""|<!--.*?-->"""
    r"""|<[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)+>)"""
    r"""|[ \t\n\r\f]*\n[ \t\n\r\f]*""",
    re.DOTALL | re.IGNORECASE,
)


def _kept_or_newline(match: re.Match[str]) -> str:
    return match.group(1) or "\n"


def collapse_whitespace(html: str) -> str:
    """`html` with every whitespace run holding a line break cut to one line break, outside the parts kept."""
    return _KEPT.sub(_kept_or_newline, html)
