"""Page HTML without the theme's indentation: each run of whitespace that holds a line break becomes one line break.

Material's templates indent every line and leave blank lines where a block
was empty: about a tenth of a page's bytes. In the text of a page a run of
spaces and line breaks shows as one space, so one line break shows the same.
Left as they are:

- the inside of <pre>, <textarea>, <script> and <style>, and of <code> and
  <kbd>, which the theme sets in `white-space: pre-wrap`;
- comments;
- attribute values: a line break in one is part of the value. (Whitespace
  between attributes may go.)

HTML's whitespace is space, tab, line feed, form feed and carriage return
only: a no-break space or any other Unicode space is text.

Every page of the site goes through here, so the common case is done with
string methods: between the kept elements, a page whose attribute values
hold no line break is cut into lines, each stripped of the whitespace at its
ends, and joined again without the empty ones. A part where some attribute
value does hold one goes through a tokenizer that keeps every quoted tag
whole (either way the reader sees the same: tested).
"""

from __future__ import annotations

import re

# One left open is kept to the end of the page, as a browser reads it.
_KEPT_ELEMENTS = re.compile(r"<(pre|textarea|script|style|code|kbd)\b.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
                            re.DOTALL | re.IGNORECASE)
# An attribute value (in quotes) with a line break in it; it may also match text that only looks like one,
# which costs time, never a wrong result.
_VALUE_WITH_LINE_BREAK = re.compile(r"""=[ \t\n\r\f]*(?:"[^"]*\n|'[^']*\n)""")
_SPACE = " \t\r\f"
_TOKENS = re.compile(
    r"""(<[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)+>)"""
    r"""|[ \t\n\r\f]*\n[ \t\n\r\f]*""",
)


def collapse_whitespace(html: str) -> str:
    """`html` with every whitespace run holding a line break cut to one line break, outside the parts kept."""
    pieces = []
    position = 0
    for kept in _KEPT_ELEMENTS.finditer(html):
        pieces.append(_collapse_part(html[position:kept.start()]))
        pieces.append(kept.group())
        position = kept.end()
    pieces.append(_collapse_part(html[position:]))
    return "".join(pieces)


def _collapse_part(text: str) -> str:
    if "\n" not in text:
        return text
    if _VALUE_WITH_LINE_BREAK.search(text):
        return _TOKENS.sub(_tag_or_line_break, text)
    lines = text.split("\n")
    # The first line's start and the last line's end touch no line break here: they stay.
    first, last = lines[0].rstrip(_SPACE), lines[-1].lstrip(_SPACE)
    inner = "\n".join(line for line in (first, *(line.strip(_SPACE) for line in lines[1:-1]), last) if line)
    if not inner:
        return "\n"
    return ("\n" if not first else "") + inner + ("\n" if not last else "")


def _tag_or_line_break(match: re.Match[str]) -> str:
    return match.group(1) or "\n"
