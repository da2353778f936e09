"""Review charts drawn on a given Axes (Figure API, no pyplot) from the typed review (fen, epoch ms):
minute curves with segment bands and markers, funnel, per-product bars, plan-vs-actual Gantt, scorecards,
history trends. Every function takes `say` (English source → UI language; Chinese by default, from the
same translation files as the UI): call livedesk.charts.fonts.configure_matplotlib() first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from livedesk.analysis.metrics import MONEY_KEYS
from livedesk.analysis.review import Review
from livedesk.analysis.review_types import SegmentReview
from livedesk.charts.marker_lane import lay_out_lanes, marker_lane
from livedesk.translations import sayer
from livedesk.words import (
    FALLBACK_COLOUR,
    FUNNEL_STAGES,
    KINDS,
    ROLES,
    VERDICTS,
    clock,
    month_day,
    segment_colour,
    verdict_word,
)

if TYPE_CHECKING:  # the trend is read in services (sqlmodel), not at import time
    from livedesk.services.history import TrendPoint

Say = Callable[[str], str]
Draw = Callable[..., Axes]


def _lang(say: Say) -> str | None:
    """The language of `say` for the vocabulary's words (a UI `tr` has none: the current language)."""
    return getattr(say, "lang", None)


def review_segment_colour(segment: SegmentReview) -> str:
    """A review segment's colour by the one rule of livedesk.words (role for a pitch or encore, else kind)."""
    return segment_colour(segment.kind or "", segment.role)


def _minutes_since(moment_ms: int, origin_ms: int) -> float:
    return (moment_ms - origin_ms) / 60_000


def _yuan(fen: float | None) -> float:
    return 0.0 if fen is None else fen / 100


def _title(ax: Axes, text: str) -> None:
    # An explicit y turns off matplotlib's automatic title placement, which measures every tick label of
    # every Axes (twins included) on each draw: ~17 ms per Axes.
    ax.set_title(text, y=1.0, pad=5)


def _no_data(ax: Axes, say: Say) -> Axes:
    # No empty frame with made-up −0.04…0.04 ticks: only a grey sentence (the review page hides the chart).
    ax.set_axis_off()
    ax.text(0.5, 0.5, say("No data"), ha="center", va="center", transform=ax.transAxes, color="#888888")
    return ax


def _has_minute_data(review: Review) -> bool:
    curves = review.curves
    values = (*curves.online, *curves.gmv_fen)
    return bool(curves.minute_ms) and any(v is not None for v in values)


def draw_minute_curves(ax: Axes, review: Review, say: Say | None = None) -> Axes:
    """Online viewers (left axis) and GMV per minute in yuan (bars, right axis) over minutes from the start,
    with the actual segments as bands coloured by role (kind for non-product blocks) and markers as lines."""
    say = say or sayer()
    curves = review.curves
    minutes = curves.minute_ms
    if not _has_minute_data(review):
        return _no_data(ax, say)
    origin = minutes[0]
    x = list(range(len(minutes)))
    bands, colours = [], []
    for segment in review.segments:
        if segment.actual_start_ms is not None and segment.actual_seconds:
            start = _minutes_since(segment.actual_start_ms, origin)
            end = start + segment.actual_seconds / 60
            bands.append([(start, 0), (end, 0), (end, 1), (start, 1)])
            colours.append(review_segment_colour(segment))
    if bands:
        # One collection in (data x, axes y) instead of an axvspan per segment: a patch each cost ~2 ms a redraw.
        ax.add_collection(
            PolyCollection(
                bands, facecolors=colours, alpha=0.15, linewidths=0, transform=ax.get_xaxis_transform()
            ),
            autolim=False,
        )
    gmv = [_yuan(v) for v in curves.gmv_fen]
    twin = ax.twinx()
    if any(gmv):
        # One stepped area instead of a bar per minute: a 3-hour session would otherwise draw 180 patches.
        twin.fill_between(
            x, gmv, step="mid", color="#2E7D5B", alpha=0.45, lw=0, label=say("GMV per minute (yuan)")
        )
        twin.set_ylabel(say("GMV per minute (yuan)"))
    online = curves.online
    points = [(i, v) for i, v in enumerate(online) if v is not None]
    if points:
        ax.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            color="#1F4E79",
            lw=1.6,
            label=say("Online viewers"),
        )
    ax.set_ylabel(say("Online viewers"))
    ax.set_zorder(twin.get_zorder() + 1)
    ax.patch.set_visible(False)
    lane_title = marker_lane(ax, review.markers, origin, say)
    step = max(1, len(minutes) // 10)
    ax.set_xticks(x[::step])
    ax.set_xticklabels([clock(m, review.zone) for m in minutes[::step]], fontsize=8)
    ax.set_xlim(-0.5, len(minutes) - 0.5)
    _title(lane_title or ax, say("Minute curve: online viewers and GMV per minute"))
    if lane_title is not None and isinstance(ax.figure, Figure):
        lay_out_lanes(ax.figure)
    return ax


def draw_funnel(ax: Axes, review: Review, say: Say | None = None) -> Axes:
    """Horizontal funnel 直播间曝光 → 观看 → 商品曝光 → 点击 → 成交 (人数), with stage-to-stage rates."""
    say = say or sayer()
    stages = review.funnel
    if not any(s.value is not None for s in stages):
        return _no_data(ax, say)
    labels = [FUNNEL_STAGES.word(s.stage, _lang(say)) for s in stages]
    values = [s.value or 0 for s in stages]
    y = list(range(len(stages)))[::-1]
    ax.barh(y, values, color="#4A6FA5", height=0.6)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    previous = None
    for yi, stage in zip(y, stages, strict=False):
        value = stage.value
        text = "—" if value is None else f"{value:,}"
        if value is not None and previous:
            text += f"  ({value / previous:.2%})"
        ax.text(max(values) * 0.01 + (value or 0), yi, text, va="center", fontsize=8)
        previous = value if value is not None else None
    ax.set_xlim(0, max(values) * 1.35 or 1)
    ax.set_xticks([])  # every bar carries its number; tick labels of six-digit counts only collide
    _title(ax, say("Funnel (people)"))
    return ax


def draw_product_bars(ax: Axes, review: Review, limit: int = 15, say: Say | None = None) -> Axes:
    """GMV per product (yuan), largest first, coloured by role."""
    say = say or sayer()
    rows = [p for p in review.products if p.gmv is not None]
    if not rows:
        return _no_data(ax, say)
    rows = sorted(rows, key=lambda p: p.gmv or 0, reverse=True)[:limit]
    y = list(range(len(rows)))[::-1]
    colours = [ROLES.colour(p.role, FALLBACK_COLOUR) for p in rows]
    gmv = [_yuan(p.gmv) for p in rows]
    ax.barh(y, gmv, color=colours)
    ax.set_yticks(y)
    ax.set_yticklabels([str(p.name)[:14] for p in rows], fontsize=8)
    for yi, value in zip(y, gmv, strict=False):
        ax.text(value, yi, f" ¥{value:,.0f}", va="center", fontsize=7)
    ax.set_xlim(0, gmv[0] * 1.18 or 1)
    ax.set_xlabel(say("GMV (yuan)"))
    _title(ax, say("GMV by product"))
    return ax


def _box(left: float, width: float, bottom: float, height: float) -> list[tuple[float, float]]:
    return [(left, bottom), (left + width, bottom), (left + width, bottom + height), (left, bottom + height)]


def draw_gantt(ax: Axes, review: Review, say: Say | None = None) -> Axes:
    """Planned (hollow) vs actual (filled) bars per segment, in minutes from the planned start."""
    say = say or sayer()
    segments = review.segments
    if not segments:
        return _no_data(ax, say)
    origin = round(review.session.start.timestamp() * 1000)
    names = {p.product_id: str(p.name)[:10] for p in review.products}
    labels: list[str] = []
    planned: list[list[tuple[float, float]]] = []
    actual: list[list[tuple[float, float]]] = []
    planned_colours: list[str] = []
    actual_colours: list[str] = []
    for row, segment in enumerate(segments):
        y = len(segments) - 1 - row
        colour = review_segment_colour(segment)
        if segment.planned_start_ms is not None and segment.planned_seconds:
            planned.append(
                _box(
                    _minutes_since(segment.planned_start_ms, origin),
                    segment.planned_seconds / 60,
                    y + 0.02,
                    0.32,
                )
            )
            planned_colours.append(colour)
        if segment.actual_start_ms is not None and segment.actual_seconds:
            actual.append(
                _box(
                    _minutes_since(segment.actual_start_ms, origin),
                    segment.actual_seconds / 60,
                    y - 0.34,
                    0.32,
                )
            )
            actual_colours.append(colour)
        kind = KINDS.word(segment.kind, _lang(say))
        number = "" if segment.index is None else segment.index + 1
        product = names.get(segment.product_id or "", segment.product_id or "")
        labels.append(f"{number} {kind} {product}".strip())
    # Two collections instead of a barh call per segment (each builds a container and patches: ~5 ms apiece).
    ax.add_collection(PolyCollection(planned, facecolors="none", edgecolors=planned_colours, linewidths=1.2))
    ax.add_collection(PolyCollection(actual, facecolors=actual_colours, linewidths=0))
    ends = [x for box in planned + actual for x, _ in box]
    if ends:
        ax.set_xlim(min(0, min(ends)), max(ends) * 1.02)
    ax.set_ylim(-0.6, len(segments) - 0.4)
    ax.set_yticks(range(len(segments)))
    ax.set_yticklabels(labels[::-1], fontsize=7)
    ax.set_xlabel(say("Minutes from the planned start  (hollow = plan, filled = actual)"))
    _title(ax, say("Plan vs actual"))
    return ax


def draw_scorecards(ax: Axes, review: Review, say: Say | None = None) -> Axes:
    """One row per product scorecard: verdict by role (met green, not met red, unknown grey)."""
    say = say or sayer()
    cards = review.roles.scorecards
    if not _has_verdicts(review):
        return _no_data(ax, say)  # a column of grey "not enough data" bars says nothing
    ys = [len(cards) - 1 - row for row in range(len(cards))]
    ax.barh(
        ys, [1] * len(cards), color=[VERDICTS.colour(card.verdict or "unknown") for card in cards]
    )  # one call, not one per card
    for y, card in zip(ys, cards, strict=False):
        role = ROLES.word(card.role, _lang(say))
        ax.text(0.02, y, f"{role} · {str(card.name)[:16]}", va="center", fontsize=8, color="white")
        ax.text(
            0.98,
            y,
            verdict_word(card.verdict, _lang(say)),
            va="center",
            ha="right",
            fontsize=8,
            color="white",
        )
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, len(cards) - 0.4)
    ax.set_xticks([])
    ax.set_yticks([])
    _title(ax, say("Role scorecards"))
    return ax


def draw_history(
    ax: Axes,
    history: Sequence[TrendPoint],
    key: str = "gmv",
    label: str | None = None,
    say: Say | None = None,
) -> Axes:
    """A KPI over past sessions of the account (oldest first; money from fen); missing values leave gaps."""
    say = say or sayer()
    money = key in MONEY_KEYS
    points = [(i, h.kpis.get(key)) for i, h in enumerate(history)]
    points = [(i, v / 100 if money and v is not None else v) for i, v in points]
    if not any(v is not None for _, v in points):
        return _no_data(ax, say)
    xs = [i for i, v in points if v is not None]
    ax.plot(xs, [v for _, v in points if v is not None], marker="o", color="#1F4E79")
    ax.set_xticks(range(len(history)))
    ax.set_xticklabels([month_day(h.start, None) for h in history], fontsize=8)
    label = label or say("GMV (yuan)")
    ax.set_ylabel(label)
    _title(ax, say("Trend: {label}").format(label=label))
    return ax


def _has_verdicts(review: Review) -> bool:
    return any(c.verdict is not None for c in review.roles.scorecards)


def has_data(draw: Draw, review: Review) -> bool:
    """Whether chart `draw` has anything to show for `review`: without data a chart is not drawn at all (the
    review page and the reports say in a sentence what to import instead)."""
    checks: dict[Draw, Callable[[Review], bool]] = {
        draw_minute_curves: _has_minute_data,
        draw_funnel: lambda r: any(s.value is not None for s in r.funnel),
        draw_product_bars: lambda r: any(p.gmv is not None for p in r.products),
        draw_gantt: lambda r: bool(r.segments),
        draw_scorecards: _has_verdicts,
    }
    check = checks.get(draw)
    return check(review) if check else True


GUI_DPI = 90
# name → (draw function, size in inches at GUI_DPI) as the review page shows them.
GUI_CHARTS: dict[str, tuple[Draw, tuple[float, float]]] = {
    "minutes": (draw_minute_curves, (10, 3.2)),
    "funnel": (draw_funnel, (6, 3)),
    "gantt": (draw_gantt, (10, 4)),
    "products": (draw_product_bars, (8, 3.6)),
    "scorecards": (draw_scorecards, (6, 3.2)),
    "history": (draw_history, (8, 3)),
}
# Fixed margins in inches (left, bottom, right, top) sized for each chart's labels: tight_layout measured
# every text twice per redraw and was about half of each redraw's time.
Margins = tuple[float, float, float, float]
MARGINS: dict[Draw, Margins] = {
    draw_minute_curves: (0.75, 0.35, 0.85, 0.35),
    draw_funnel: (1.3, 0.3, 0.15, 0.35),  # room for "Product exposure" as well as 商品曝光
    draw_gantt: (1.75, 0.55, 0.15, 0.35),
    draw_product_bars: (1.6, 0.55, 0.15, 0.35),
    draw_scorecards: (0.1, 0.1, 0.1, 0.35),
    draw_history: (0.95, 0.35, 0.15, 0.35),
}
DEFAULT_MARGINS: Margins = (0.9, 0.5, 0.2, 0.35)


def apply_margins(figure: Figure, margins: Margins) -> None:
    """Place the single Axes `margins` inches from the figure edges (call again after a resize), with room on
    top for the minute curve's marker lane: its rows depend on the width, so the lane is laid out first."""
    width, height = figure.get_size_inches()
    left, bottom, right, top = margins
    _adjust(figure, width, height, left, bottom, right, top)
    lane = lay_out_lanes(figure)
    if lane:
        _adjust(figure, width, height, left, bottom, right, top + lane)
        lay_out_lanes(figure)


def _adjust(
    figure: Figure, width: float, height: float, left: float, bottom: float, right: float, top: float
) -> None:
    figure.subplots_adjust(
        left=min(left / width, 0.45),
        bottom=min(bottom / height, 0.45),
        right=max(1 - right / width, 0.55),
        top=max(1 - top / height, 0.55),
    )


def redraw(figure: Figure, draw: Draw, data: Any, margins: Margins | None = None) -> None:
    """Clear `figure` and draw one chart with fixed margins (no layout engine pass)."""
    figure.clear()
    draw(figure.add_subplot(1, 1, 1), data)
    apply_margins(figure, margins or MARGINS.get(draw, DEFAULT_MARGINS))
