"""SVG primitives: every text and attribute escaped, every number written the same way.

Metadata (actor and place names, titles) comes from foreign outlets: nothing
reaches the SVG without html.escape, attributes included. Numbers are rounded
to one decimal and written without a trailing zero or a negative zero, so
that the same content gives the same bytes on every machine.
"""

from __future__ import annotations

import html
from typing import Iterable, Optional, Union

Number = Union[int, float]
Pairs = Iterable[tuple[str, Optional[Union[str, Number]]]]


def num(value: Number) -> str:
    """`value` rounded to one decimal: 12, 12.5, never 12.0 or -0."""
    rounded = round(float(value), 1)
    if rounded == 0:
        return "0"
    text = f"{rounded:.1f}"
    return text[:-2] if text.endswith(".0") else text


def esc(text: str) -> str:
    """Text or attribute value, escaped (quotes too)."""
    return html.escape(text, quote=True)


def attrs(pairs: Pairs) -> str:
    """` name="value"` for each pair whose value is not None, numbers through num()."""
    out = []
    for name, value in pairs:
        if value is None:
            continue
        shown = value if isinstance(value, str) else num(value)
        out.append(f' {name}="{esc(shown)}"')
    return "".join(out)


def element(tag: str, pairs: Pairs, inner: str = "") -> str:
    return f"<{tag}{attrs(pairs)}>{inner}</{tag}>" if inner else f"<{tag}{attrs(pairs)}/>"


def group(pairs: Pairs, inner: str) -> str:
    """A <g> whose presentation attributes its children inherit; nothing when it holds nothing."""
    return element("g", pairs, inner) if inner else ""


def text(x: Number, y: Number, content: str, lang: str, anchor: str = "start", paint: Pairs = ()) -> str:
    """A label in the edition's language `lang`. Its direction is the picture's (set once on the <svg>), its
    fill and size inherited unless `paint` says otherwise; text-anchor is written only when it is not the
    initial start, so no group sets one.

    An Arabic label keeps its own lang: the page's stylesheet gives Arabic text its font and size by
    [lang="ar"] (briefing.css), which an inherited lang does not match. Its size is then 1.08em of its
    parent's, so no group between it and the <svg> sets a font-size."""
    return element("text", [("x", x), ("y", y), ("text-anchor", None if anchor == "start" else anchor), *paint,
                            ("lang", lang if lang == "ar" else None)], esc(content))


def anchor(physical: str, lang: str) -> str:
    """text-anchor that puts a label's `physical` ("left" or "right") edge at
    its x: start and end follow the text's direction in SVG."""
    return "start" if (physical == "left") == (lang != "ar") else "end"


def link(href: str, inner: str, tip: Optional[str] = None) -> str:
    """A link inside a picture: out of the tab order (tabindex -1), as every
    target is also an ordinary link beside the picture (the text
    alternative), so that a keyboard does not pass each one twice; a
    screen reader and a pointer reach it in the picture."""
    title = f"<title>{esc(tip)}</title>" if tip else ""
    return f'<a href="{esc(href)}" tabindex="-1">{title}{inner}</a>'


def tip(inner: str, tip_text: str) -> str:
    """A group with a hover title (no link)."""
    return f"<g><title>{esc(tip_text)}</title>{inner}</g>"


# A picture shrinks with the column down to this share of its drawn size (labels of 12 units stay 9 px
# tall); below it, it scrolls inside its figure.
SMALLEST = 0.75


def picture(ident: str, width: Number, height: Number, title: str, desc: str, body: str, lang: str,
            css: str, least: Optional[float] = SMALLEST, defaults: Pairs = ()) -> str:
    """The <svg> element: a named graphic, named by its <title> and described by its <desc>.

    Its role is graphics-document (WAI-ARIA Graphics), not img: an img's
    children are presentational, so links inside one are hidden from
    assistive technology, which axe-core reports as nested-interactive
    (serious); a graphics-document is an image with a name and a
    description that may hold links. Sized by its viewBox; one that
    has a `least` share follows the column's width down to that share of its
    own (an inline style: the least width depends on the picture), and
    scrolls on a phone below it instead of shrinking into illegibility;
    without one it keeps its drawn size (the stylesheet says so for charts).

    Presentation attributes inherit: `defaults` (e.g. the labels' fill
    and size) are written here once rather than on every element, and the
    edition's direction with its lang, so that the browser shapes and
    orders Arabic labels in inline SVG."""
    head = attrs([
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", f"0 0 {num(width)} {num(height)}"),
        ("width", width), ("height", height), ("role", "graphics-document"),
        ("aria-labelledby", f"{ident}-title {ident}-desc"), ("class", css), ("lang", lang),
        ("direction", "rtl" if lang == "ar" else "ltr"),
        ("style", f"min-width:{num(width * least)}px" if least else None), *defaults,
    ])
    return (f"<svg{head}><title id=\"{esc(ident)}-title\">{esc(title)}</title>"
            f"<desc id=\"{esc(ident)}-desc\">{esc(desc)}</desc>{body}</svg>")
