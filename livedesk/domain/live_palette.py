"""The colours of a live run, defined once for the console's windows and the browser views: the
countdown's phase colours and the colour of a segment (its product's role, else its kind)."""

from __future__ import annotations

from livedesk.domain.live_run import Level
from livedesk.domain.roles import KIND_COLOURS, ROLE_COLOURS, Role, SegmentKind

LEVEL_COLOURS = {
    Level.NORMAL: "#4CC38A",  # green: on time
    Level.WARNING: "#F5B840",  # amber: start wrapping up
    Level.DANGER: "#FF6B3D",  # orange-red: wrap up now
    Level.OVERTIME: "#FF3B5C",  # red: over time
}
FALLBACK_SEGMENT_COLOUR = "#9AA5B1"


def segment_colour(kind: SegmentKind, role: Role | None) -> str:
    """A pitch or encore takes its product's role colour; other segments their kind's."""
    if role is not None and kind in (SegmentKind.PITCH, SegmentKind.ENCORE):
        return ROLE_COLOURS[role]
    return KIND_COLOURS.get(kind, FALLBACK_SEGMENT_COLOUR)
