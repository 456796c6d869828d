"""Time charts: events per month as stacked bars, and an actor's events as a strip.

Time runs in the reading direction of the edition: left to right in English,
right to left in Arabic, like the month names and the timeline's text around
it; a reader scans a chart where they would read the next word. Numbers stay
digits written left to right in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional, Sequence

from . import palette
from .svg import anchor, element, group, link, picture, text

CHART_HEIGHT, PLOT_TOP, PLOT_HEIGHT, SIDE = 250, 44, 150, 40
YEAR_PAINT = (("fill", palette.INK), ("font-size", 12))  # a chart's years: main text, as its legend


@dataclass(frozen=True)
class Bar:
    """One month of a chart: its events by type (palette.TYPE_ORDER), a link to its part of the timeline."""

    year: int
    month: int
    counts: tuple[tuple[str, int], ...]  # (event type, events), types with none left out
    href: Optional[str]  # None for a month without events
    tip: str  # e.g. "March 2024: 3 events"

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


@dataclass(frozen=True)
class Mark:
    """One event on an actor's strip."""

    year: int
    month: int
    kind: str
    href: str
    tip: str


def months_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every (year, month) from first to last, both included."""
    out = []
    year, month = first
    while (year, month) <= last:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _x(i: int, step: float, width: float, rtl: bool) -> float:
    """The left edge of column i, counted from the start of the time axis."""
    return width - SIDE - (i + 1) * step if rtl else SIDE + i * step


def _legend_width(kinds: Sequence[str], names: Mapping[str, str]) -> float:
    # By characters: a label's box is not measured at build time.
    return sum(34 + 8 * len(names.get(kind, kind)) for kind in kinds)


def _legend(kinds: Sequence[str], names: Mapping[str, str], lang: str, width: float, fill: Optional[str]) -> str:
    """The types shown, a box of each one's colour beside its name; `fill` the names' where the picture's
    default differs."""
    rtl = lang == "ar"
    out, offset = [], 0.0
    for kind in kinds:
        label = names.get(kind, kind)
        box = width - SIDE - offset - 12 if rtl else SIDE + offset
        out.append(element("rect", [("x", box), ("y", 8), ("width", 12), ("height", 12),
                                    ("fill", palette.event_colour(kind))]))
        out.append(text(box - 5 if rtl else box + 17, 18, label, lang, anchor("right" if rtl else "left", lang),
                        (("font-size", 12),)))
        offset += _legend_width([kind], names)
    return element("g", [("fill", fill)], "".join(out))


def _ticks(top: int) -> list[int]:
    if top <= 4:
        return list(range(top + 1))
    half = (top + 1) // 2
    return [0, half, top]


def month_chart(bars: Sequence[Bar], type_names: Mapping[str, str], ident: str, title: str, desc: str,
                lang: str) -> str:
    """Events per month, stacked by type, a link per month, a legend of the types shown."""
    rtl = lang == "ar"
    # Few months get wide bars (to at most 40 px), so that the chart fills its minimum width.
    step = min(40.0, (560 - 2 * SIDE) / len(bars)) if len(bars) <= 24 else 22.0 if len(bars) <= 40 else 12.0
    kinds = [kind for kind in palette.TYPE_ORDER if any(k == kind for bar in bars for k, _ in bar.counts)]
    width = max(2 * SIDE + len(bars) * step, 2 * SIDE + _legend_width(kinds, type_names))
    top = max((bar.total for bar in bars), default=0) or 1
    scale = PLOT_HEIGHT / top
    base = PLOT_TOP + PLOT_HEIGHT
    # Gridlines and their numbers (beside the plot: nothing overlaps) drawn in two groups.
    grid, numbers = [], []
    for value in _ticks(top):
        y = base - value * scale
        grid.append(element("line", [("x1", SIDE), ("y1", y), ("x2", width - SIDE), ("y2", y)]))
        numbers.append(text(width - SIDE + 6 if rtl else SIDE - 6, y + 4, str(value), lang,
                            anchor("left" if rtl else "right", lang)))
    parts = [group([("stroke", palette.GRID)], "".join(grid)), *numbers]
    for i, bar in enumerate(bars):
        x = _x(i, step, width, rtl)
        stack, y = [], base
        for kind, count in bar.counts:
            height = count * scale
            y -= height
            stack.append(element("rect", [("x", x + step * 0.15), ("y", y), ("width", step * 0.7), ("height", height),
                                          ("fill", palette.event_colour(kind))]))
        if stack and bar.href:
            # The whole column is the link's target area, not only the bar.
            hit = element("rect", [("x", x), ("y", PLOT_TOP), ("width", step), ("height", PLOT_HEIGHT),
                                   ("fill", "transparent")])
            parts.append(link(bar.href, hit + "".join(stack), bar.tip))
        if step >= 20 or bar.month == 1 or i == 0:
            label = str(bar.month) if step >= 20 else str(bar.year)
            parts.append(text(x + step / 2, base + 16, label, lang, "middle"))
        if step >= 20 and (bar.month == 1 or i == 0):
            parts.append(text(x + step / 2, base + 34, str(bar.year), lang, "middle", YEAR_PAINT))
    body = _legend(kinds, type_names, lang, width, palette.INK) + "".join(parts)
    # Most of a chart's text is secondary (numbers and months): that is the default.
    return picture(ident, width, CHART_HEIGHT, title, desc, body, lang, "bf-picture bf-picture--chart", least=None,
                   defaults=[("fill", palette.MUTED), ("font-size", 11)])


def strip(marks: Sequence[Mark], type_names: Mapping[str, str], ident: str, title: str, desc: str,
          lang: str) -> str:
    """An actor's events over time: a square per event in its month's column, coloured by type."""
    rtl = lang == "ar"
    first = min((m.year, m.month) for m in marks)
    last = max((m.year, m.month) for m in marks)
    months = months_between(first, last)
    while len(months) < 12:  # a year at least, so that a single event is not one wide column
        months.append(_next(months[-1]))
    column = {ym: i for i, ym in enumerate(months)}
    step = max(8.0, min(16.0, 880 / len(months)))
    kinds = [kind for kind in palette.TYPE_ORDER if any(m.kind == kind for m in marks)]
    width = max(2 * SIDE + len(months) * step, 2 * SIDE + _legend_width(kinds, type_names), 480)
    heights: dict[int, int] = {}
    cells = []
    for mark in marks:
        i = column[(mark.year, mark.month)]
        level = heights.get(i, 0)
        heights[i] = level + 1
        cells.append((i, level, mark))
    rows = max(heights.values())
    size = min(step - 2, 12.0)
    base = 34 + rows * (size + 2)
    # The axis and the years' ticks, below the squares (nothing overlaps), in one group of their colour.
    axis = [element("line", [("x1", SIDE), ("y1", base + 1), ("x2", width - SIDE), ("y2", base + 1)])]
    years = []
    for i, (year, month) in enumerate(months):
        if month == 1 or i == 0:
            x = _x(i, step, width, rtl)
            axis.append(element("line", [("x1", x if not rtl else x + step), ("y1", base + 1),
                                         ("x2", x if not rtl else x + step), ("y2", base + 7)]))
            years.append(text(x + (step if rtl else 0), base + 20, str(year), lang,
                              anchor("right" if rtl else "left", lang)))
    # The squares' group has the most frequent type's colour: a square of that type says none.
    frequent = _most_frequent([mark.kind for mark in marks])
    squares = []
    for i, level, mark in cells:
        x = _x(i, step, width, rtl) + (step - size) / 2
        y = base - (level + 1) * (size + 2)
        colour = palette.event_colour(mark.kind)
        square = element("rect", [("x", x), ("y", y), ("width", size), ("height", size),
                                  ("fill", None if colour == palette.event_colour(frequent) else colour)])
        squares.append(link(mark.href, square, mark.tip))
    body = (_legend(kinds, type_names, lang, width, None)
            + group([("stroke", palette.MUTED)], "".join(axis))
            + group([("fill", palette.event_colour(frequent))], "".join(squares)) + "".join(years))
    return picture(ident, width, base + 30, title, desc, body, lang, "bf-picture bf-picture--strip", least=None,
                   defaults=[("fill", palette.INK), ("font-size", 11)])


def _most_frequent(kinds: Sequence[str]) -> str:
    """The type of most events; of equal ones the first in palette.TYPE_ORDER (unknown types last, by name)."""
    order = {kind: i for i, kind in enumerate(palette.TYPE_ORDER)}
    return min(set(kinds), key=lambda kind: (-kinds.count(kind), order.get(kind, len(order)), kind))


def _next(ym: tuple[int, int]) -> tuple[int, int]:
    year, month = ym
    return (year + 1, 1) if month == 12 else (year, month + 1)

