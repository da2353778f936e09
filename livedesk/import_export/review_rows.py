"""The review's table rows as people read them, written once for the review page and the reports: a segment
as planned and run (times of day in the session's zone, minutes, money from fen) and a scorecard check's
value. Pure functions of the typed review; the language is the caller's (the UI's current one, or the
report's)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple, dataclass

from livedesk.analysis.review_types import SegmentReview
from livedesk.domain.session import Session
from livedesk.words import KINDS, MISSING, ROLES, SEGMENT_STATUSES, clock, money_words, show


def minutes(seconds: float | None) -> str:
    """Seconds as minutes with one decimal ("12.5"); "—" when unknown."""
    return MISSING if seconds is None else f"{seconds / 60:.1f}"


def segment_name(segment: SegmentReview, names: Mapping[str, str], lang: str | None = None) -> str:
    """The plan's title when it has one (it already names the product: "引流款：山野 红糖姜枣茶"), with the product
    added only when the title does not name it; otherwise the kind and the product."""
    product = names.get(segment.product_id or "", segment.product_id or "")
    if segment.title:
        return segment.title if (not product or product in segment.title) else f"{segment.title}（{product}）"
    return " ".join(part for part in (KINDS.word(segment.kind, lang), product) if part)


@dataclass(frozen=True, slots=True)
class SegmentRow:
    """One segment's cells, as text. `plan_cells` is the plan-vs-actual view, `figure_cells` what sold while
    it ran, `cells` both (the report's one wide table)."""

    number: str
    name: str
    role: str
    status: str
    planned_start: str
    planned_minutes: str
    actual_start: str
    actual_minutes: str
    delta_minutes: str
    gmv: str
    orders: str
    units: str
    on_air_share: str
    online_start: str
    online_end: str
    gmv_per_minute: str

    @property
    def cells(self) -> list[str]:
        return list(astuple(self))

    @property
    def plan_cells(self) -> list[str]:
        return self.cells[:9]

    @property
    def figure_cells(self) -> list[str]:
        return [self.number, self.name, *self.cells[9:]]


def segment_row(
    segment: SegmentReview, names: Mapping[str, str], zone: str, lang: str | None = None
) -> SegmentRow:
    """A segment's row: planned start to the minute, actual start to the second (both in `zone`)."""
    return SegmentRow(
        number="" if segment.index is None else str(segment.index + 1),
        name=segment_name(segment, names, lang),
        role=ROLES.word(segment.role, lang),
        status=SEGMENT_STATUSES.word(segment.status, lang),
        planned_start=clock(segment.planned_start_ms, zone),
        planned_minutes=minutes(segment.planned_seconds),
        actual_start=clock(segment.actual_start_ms, zone, seconds=True),
        actual_minutes=minutes(segment.actual_seconds),
        delta_minutes=minutes(segment.delta_seconds),
        gmv=money_words(segment.gmv_fen, lang),
        orders=show("orders", segment.orders, lang),
        units=show("units", segment.units, lang),
        on_air_share=show("on_air_share", segment.on_air_share, lang),
        online_start=show("x", segment.online_start, lang),
        online_end=show("x", segment.online_end, lang),
        gmv_per_minute=money_words(segment.gmv_per_minute_fen, lang),
    )


def check_value(check: str, value: float | None) -> str:
    """A scorecard check's value or threshold: a multiple for the GMV-per-minute comparison (1.20×), a
    percentage for the others (12.5%)."""
    if value is None:
        return MISSING
    return f"{value:.2f}×" if check == "gmv_per_minute_ratio" else f"{value * 100:.1f}%"


def targets_of(session: Session) -> dict[str, float | None]:
    """The session's targets by metric key, in the review's units (money in fen)."""
    targets = session.targets
    return {
        "gmv": targets.gmv_fen,
        "uv": targets.uv,
        "uv_value": targets.uv_value_fen,
        "watch_to_buy_rate": targets.conversion,
        "roi": targets.roi,
    }
