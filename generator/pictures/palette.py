"""The pictures' colours: dark enough on white for text and marks (at least 4.5:1), and distinct in print."""

from __future__ import annotations

INK = "#1b1f24"  # labels, axes
MUTED = "#57606a"  # secondary text, gridline labels
GRID = "#d0d7de"
HALO = "#fff"  # the outline that keeps a label readable over lines
CENTER = "#1f2a44"
# Groups in order of size: the first seven get a colour each, the rest OTHER.
GROUPS = ("#0b5cad", "#b3261e", "#1b7a3a", "#8a4b00", "#6a3d9a", "#00738a", "#a1306b")
OTHER = "#57606a"
EVENT_TYPES = {
    "meeting": "#0b5cad",
    "visit": "#1b7a3a",
    "call": "#8a4b00",
    "conference": "#6a3d9a",
    "agreement": "#b3261e",
    "statement": "#57606a",
}
TYPE_ORDER = ("meeting", "visit", "call", "conference", "agreement", "statement")
LAND = "#e6e9ed"
BORDER = "#9aa4ae"
MARKER = "#b3261e"


def event_colour(kind: str) -> str:
    return EVENT_TYPES.get(kind, OTHER)
