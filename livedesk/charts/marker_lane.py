"""The marker lane above the minute curve: a short word per marker (福袋, 事故, 备注, 返场) in a strip of its own,
staggered on as many rows as needed so no two labels overlap, with a dotted line down into the plot.

Rows depend on how wide the plot is in inches, so they are laid out again whenever the margins change
(after a resize of the review page's canvas, after tight_layout in the reports): `lay_out_lanes(figure)`."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

from livedesk.analysis.actual_run import RunMarker

MARKER_LABELS = {
    "link_up": "Link up",
    "lucky_bag": "Lucky bag",
    "encore": "Encore",
    "incident": "Incident",
    "note": "Note",
}
MARKER_COLOURS = {
    "lucky_bag": "#B7791F",
    "encore": "#6B46C1",
    "incident": "#C0504D",
    "note": "#2B6CB0",
}
LANE_FONT_SIZE = 8
ROW_INCHES = 0.19
GAP_INCHES = 0.06  # blank space kept between two labels on one row

# figure → its lanes as (plot Axes, lane Axes); weak so a cleared or closed figure takes its lanes with it.
_LANES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def marker_lane(ax, markers: Sequence[RunMarker], origin_ms: int, say: Callable[[str], str]):
    """Draw the markers of the minute curve on `ax` (x in minutes from `origin_ms`, UTC epoch ms) and a
    labelled lane above it. Returns the lane Axes (the chart's title goes above it), or None when there is
    nothing to label."""
    at = {id(m): (m.at_ms - origin_ms) / 60_000 for m in markers}
    # 上链接 happens at nearly every pitch: a faint line without a label keeps the rarer markers readable.
    links = [at[id(m)] for m in markers if m.marker == "link_up"]
    if links:
        ax.vlines(links, 0, 1, transform=ax.get_xaxis_transform(), colors="#9AA5B1", lw=0.6, ls=":")
    labelled = sorted((m for m in markers if m.marker != "link_up"), key=lambda m: at[id(m)])
    if not labelled:
        return None
    colours = [MARKER_COLOURS.get(m.marker, "#C0504D") for m in labelled]
    ax.vlines(
        [at[id(m)] for m in labelled],
        0,
        1,
        transform=ax.get_xaxis_transform(),
        colors=colours,
        lw=0.8,
        ls="--",
        alpha=0.8,
    )
    figure = ax.figure
    lane = figure.add_axes((0, 0, 1, 0.05), sharex=ax)
    lane.set_facecolor("#F4F6F8")
    lane.tick_params(bottom=False, labelbottom=False, left=False, labelleft=False)
    for spine in lane.spines.values():
        spine.set_visible(False)
    for marker, colour in zip(labelled, colours, strict=True):
        label = say(MARKER_LABELS.get(marker.marker, "Note"))
        lane.text(
            at[id(marker)],
            0.5,
            label,
            ha="center",
            va="center",
            fontsize=LANE_FONT_SIZE,
            color="white",
            bbox={"boxstyle": "round,pad=0.15", "facecolor": colour, "edgecolor": "none"},
            gid="marker-label",
            clip_on=False,
        )
    _LANES.setdefault(figure, []).append((ax, lane))
    return lane


def _label_inches(text, renderer) -> float:
    if renderer is not None:
        return text.get_window_extent(renderer).width / text.figure.dpi
    # No renderer (a canvas-less Figure): a CJK glyph is about one font size wide, plus the box padding.
    return (len(text.get_text()) + 0.6) * text.get_fontsize() / 72


def _renderer(figure):
    get = getattr(figure.canvas, "get_renderer", None)
    return get() if get else None


def lay_out_lanes(figure) -> float:
    """Stagger every lane's labels on rows for the plot's current width, put each lane on top of its plot and
    return the tallest lane's height in inches (the room a caller keeps above the plot)."""
    tallest = 0.0
    renderer = _renderer(figure)
    width, height = figure.get_size_inches()
    # figure.clear() leaves the old pair behind: keep only lanes still on the figure.
    lanes = [(ax, lane) for ax, lane in _LANES.get(figure, []) if lane in figure.axes and ax in figure.axes]
    _LANES[figure] = lanes
    for ax, lane in lanes:
        box = ax.get_position()
        left, right = ax.get_xlim()
        minutes_per_inch = (right - left) / max(box.width * width, 0.1)
        row_ends: list[float] = []
        for text in lane.texts:
            half = (_label_inches(text, renderer) + GAP_INCHES) / 2 * minutes_per_inch
            x = text.get_position()[0]
            row = next((r for r, end in enumerate(row_ends) if end <= x - half), len(row_ends))
            if row == len(row_ends):
                row_ends.append(x + half)
            row_ends[row] = x + half
            text.set_y(row + 0.5)
        rows = max(1, len(row_ends))
        lane.set_ylim(0, rows)
        lane_inches = rows * ROW_INCHES
        lane.set_position((box.x0, box.y1, box.width, lane_inches / height))
        tallest = max(tallest, lane_inches)
    return tallest
