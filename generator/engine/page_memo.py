"""Material's page template, rendered once per shape of generated page (runs inside the engine).

Material's base template walking its blocks for every page was most of an
edition's engine CPU. Briefing, profile, place and topic pages in one
folder differ, as far as the template goes, in three values it inserts as they
are: the page's slug (in its URLs), its title and its description. So the first
page of each shape is rendered twice, as itself and with stand-ins for the
three values, and the stand-in rendering, cut at the stand-ins, serves the
shape's other pages. It is kept only when

- filled with the first page's values, it gives that page's own rendering
  exactly, and
- none of the first page's values appears in it (nothing read them another
  way, which the stand-ins would not have replaced).

Otherwise every page of that shape is rendered by the theme. The shape's
second page is rendered by the theme too and must equal its filled template.
A shape is all the template may treat differently: the template, the page's
folder, its other metadata and the rest of the template's context, whether
its HTML holds an <h1>, and for each value what a filter may act on (empty or
not, upper and lower case, digits, spaces, non-ASCII letters, punctuation,
each of & < > " '). What no shape can hold is a filter that acts on a value's
length (truncate): the theme and our overrides have none, and a test builds
sites with and without the memo and compares every byte.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any, Optional

SLOTS = ("slug", "title", "description")
# Letters only: no filter or URL function changes them.
STAND_INS = {"slug": "briefingslotslugq", "title": "briefingslottitleq", "description": "briefingslotdescriptionq"}
_STAND_IN_SLOT = {text: slot for slot, text in STAND_INS.items()}
_SPLIT = re.compile("(" + "|".join(STAND_INS.values()) + ")")
_SPECIAL = "&<>\"'"
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s")
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")
# Generated pages one level down: briefings/<slug>.md -> briefings/<slug>/.
_PAGE = re.compile(r"(?P<folder>[a-z]+)/(?P<slug>[a-z0-9][a-z0-9-]*)\.md")

# A shape's template: literal text and slot names, in turn; None: render every page.
Parts = Optional[tuple[str, ...]]
_RETRY = object()
_TRIES = 3


def page_values(page: Any) -> Optional[dict[str, str]]:
    """The slot values of a page the memo may serve; None for any other page."""
    file = getattr(page, "file", None)
    if not getattr(file, "briefing_page", False):
        return None
    match = _PAGE.fullmatch(file.src_uri)
    meta = page.meta or {}
    title, description = meta.get("title"), meta.get("description")
    if match is None or not isinstance(title, str) or not isinstance(description, str):
        return None
    if match["slug"] == "index" or page.url != f"{match['folder']}/{match['slug']}/":
        return None
    return {"slug": match["slug"], "title": title, "description": description}


def _value_shape(value: str) -> tuple[Any, ...]:
    """What a filter may act on in a value (escaping, case, URL quoting, tags)."""
    return (
        bool(value), value.lower() != value, value.upper() != value, bool(_DIGIT.search(value)),
        bool(_SPACE.search(value)), not value.isascii(), bool(_PUNCTUATION.search(value)),
        "".join(c for c in _SPECIAL if c in value),
    )


_SMALL = 16


def _context_shape(context: Any) -> tuple[Any, ...]:
    # Plain values as they are, and small lists and mappings of them (a
    # plugin's per-page value makes every page a shape of its own). Anything
    # else by type and size: MkDocs' nav, config and list of all pages are the
    # same for every page (reading them whole here, per page, would make the
    # engine quadratic), and what the template reads of the page is in _shape.
    def plain(value: Any) -> Any:
        if value is None or isinstance(value, (str, int, float, bool)):
            return value
        if isinstance(value, (list, tuple)) and len(value) <= _SMALL:
            return tuple(plain(item) for item in value)
        if isinstance(value, dict) and len(value) <= _SMALL:
            return tuple(sorted((str(key), plain(item)) for key, item in value.items()))
        size = len(value) if isinstance(value, (list, tuple, dict)) else None
        return type(value).__name__, size

    return tuple(sorted((key, plain(value)) for key, value in context.items() if key != "page"))


def _shape(template: Any, context: Any, page: Any, values: dict[str, str]) -> tuple[Any, ...]:
    other = {k: v for k, v in page.meta.items() if k not in ("title", "description")}
    return (
        template.name,
        page.url.split("/", 1)[0],
        json.dumps(other, sort_keys=True, default=str),
        _context_shape(context),
        "<h1" in (page.content or ""),
        bool(page.toc),
        page.previous_page is not None or page.next_page is not None,
        tuple(_value_shape(values[slot]) for slot in SLOTS),
    )


class _StandInPage:
    """The page as the template sees it, with stand-ins for the slot values."""

    def __init__(self, page: Any, values: dict[str, str]) -> None:
        self._page = page
        self.meta = {**page.meta, "title": STAND_INS["title"], "description": STAND_INS["description"]}
        # MkDocs' title is the metadata's when it has one.
        self.title = STAND_INS["title"] if page.title == values["title"] else page.title
        url = page.url
        self.url = url[: -len(values["slug"]) - 1] + STAND_INS["slug"] + "/"
        self.canonical_url = _swap_suffix(page.canonical_url, url, self.url)
        self.abs_url = _swap_suffix(page.abs_url, url, self.url)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


def _swap_suffix(text: Optional[str], old: str, new: str) -> Optional[str]:
    if text is None or not text.endswith(old):
        return text
    return text[: len(text) - len(old)] + new


def fill(parts: tuple[str, ...], values: dict[str, str]) -> str:
    # Even positions are literal text, odd ones slot names.
    return "".join(values[part] if index % 2 else part for index, part in enumerate(parts))


class PageMemo:
    def __init__(self) -> None:
        self.shapes: dict[tuple[Any, ...], Parts] = {}
        self.checked: set[tuple[Any, ...]] = set()  # shapes whose second page matched too: served
        self.tries: Counter[tuple[Any, ...]] = Counter()
        self.counts: Counter[str] = Counter()

    def stats(self) -> dict[str, int]:
        """Pages rendered by the theme and served by the memo; shapes served and refused."""
        refused = sum(1 for parts in self.shapes.values() if parts is None)
        return {"memo": self.counts["memo"], "shapes": len(self.checked), "shapes refused": refused,
                "theme": self.counts["theme"]}

    def render(self, template: Any, context: Any) -> str:
        page = context.get("page")
        values = page_values(page) if page is not None else None
        shape = _shape(template, context, page, values) if values is not None else None
        parts = self.shapes.get(shape) if shape is not None else None
        if parts is not None and shape in self.checked:
            self.counts["memo"] += 1
            return fill(parts, values)  # type: ignore[arg-type]
        output = template.render(context)
        self.counts["theme"] += 1
        if shape is not None:
            self._observe(template, context, page, values, shape, output)  # type: ignore[arg-type]
        return output

    def _observe(self, template: Any, context: Any, page: Any, values: dict[str, str], shape: tuple[Any, ...],
                 output: str) -> None:
        """What the theme's rendering of a page tells about its shape."""
        if shape not in self.shapes:
            parts = self._learn(template, context, page, values, output)
            self.tries[shape] += 1
            # A value found in the stand-in rendering may be there by chance (a
            # short title): the shape's next pages get a few more tries.
            if parts is not _RETRY or self.tries[shape] >= _TRIES:
                self.shapes[shape] = None if parts is _RETRY else parts
        elif self.shapes[shape] is not None:
            # The shape's second page, rendered by the theme too.
            if fill(self.shapes[shape], values) == output:  # type: ignore[arg-type]
                self.checked.add(shape)
            else:
                self.shapes[shape] = None

    def _learn(self, template: Any, context: Any, page: Any, values: dict[str, str], output: str) -> Any:
        stand_in = template.render(dict(context, page=_StandInPage(page, values)))
        if any(value and value in stand_in for value in values.values()):
            return _RETRY
        pieces = _SPLIT.split(stand_in)
        parts = tuple(_STAND_IN_SLOT[piece] if index % 2 else piece for index, piece in enumerate(pieces))
        return parts if fill(parts, values) == output else None


class MemoTemplate:
    """Stands for the page template MkDocs asks for (see mkdocs_hooks.on_env)."""

    def __init__(self, template: Any, memo: PageMemo) -> None:
        self._template, self._memo = template, memo

    def render(self, context: Any) -> str:
        return self._memo.render(self._template, context)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)
