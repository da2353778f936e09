"""The run order as a timeline: one painted block per segment, width by length, coloured by role or kind.

Drag a block to reorder, drag its right edge to change its length (snapped to 30 s). Painted in
paintEvent with no child widget per segment, so 300 segments stay smooth; block positions are cached
and hit-tested with bisect.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from livedesk.domain.plan_edits import MoveSegment, ResizeSegment
from livedesk.ui.i18n import tr
from livedesk.ui.planner.labels import mmss
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import KINDS
from livedesk.words import segment_colour as words_colour

MARGIN = 10
AXIS_HEIGHT = 18
BLOCK_HEIGHT = 52
EDGE_GRAB = 5  # pixels either side of a right edge that start a resize
DRAG_START = 4  # pixels of movement before a press becomes a drag
SNAP_SECONDS = 30
MIN_SECONDS = 30


def segment_colour(plan, segment, products: dict | None = None) -> QColor:
    """The block's colour by livedesk.words' one rule; `products` (id → Product) spares a pool scan."""
    product = products.get(segment.product_id) if products is not None else plan.product(segment.product_id)
    return QColor(words_colour(segment.kind, product.role if product else None))


def fitted_label(name: str, seconds: int, width: float, metrics: QFontMetrics) -> tuple[str, str]:
    """The two lines a block of `width` pixels shows: what fits whole, never a lone "…" or a cut "4:0".

    The name is shortened with "…" only while at least two characters stay readable; the length falls back
    from 4:30 to 4′ (whole minutes) and then to nothing. The tooltip always has the full text."""
    if metrics.horizontalAdvance(name) <= width:
        top = name
    else:
        top = metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(width))
        if len(top.rstrip("…")) < 2 or not top.endswith("…"):
            top = ""
    bottom = ""
    minutes = f"{round(seconds / 60)}′"
    for candidate in (mmss(seconds), minutes):
        if metrics.horizontalAdvance(candidate) <= width:
            bottom = candidate
            break
    return top, bottom


def time_scale(width: int, plan) -> float:
    """Pixels per second so that the longer of slot and run order fits the width."""
    span = max(plan.session.planned_seconds, plan.total_planned_seconds, 1) if plan else 1
    return max(width - 2 * MARGIN, 1) / span


class TimelineWidget(QWidget):
    segment_selected = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._starts: list[int] = []  # cumulative start second of each segment
        self._products: dict = {}  # product id → Product, so painting never scans the pool
        self.selected_index: int | None = None
        self._press: QPointF | None = None
        self._mode: str | None = None  # None | "press" | "move" | "resize"
        self._source = -1
        self._insert_at: int | None = None
        self._preview_seconds: int | None = None
        self._drag_scale = 1.0
        self.setMouseTracking(True)
        self.setMinimumHeight(AXIS_HEIGHT + BLOCK_HEIGHT + 2 * MARGIN)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip(tr("Drag a block to move it; drag its right edge to change its length"))
        document.plan_changed.connect(self._on_plan_changed)
        self._on_plan_changed()

    def sizeHint(self) -> QSize:
        return QSize(900, AXIS_HEIGHT + BLOCK_HEIGHT + 2 * MARGIN)

    # --- geometry --------------------------------------------------------------------------------
    def _on_plan_changed(self) -> None:
        plan = self._document.plan
        self._products = {p.product_id: p for p in plan.products} if plan else {}
        self._starts, at = [], 0
        for segment in plan.segments if plan else []:
            self._starts.append(at)
            at += segment.planned_seconds
        if self.selected_index is not None and self.selected_index >= len(self._starts):
            self.selected_index = None
        self.update()

    def _scale(self) -> float:
        if self._mode == "resize":
            return self._drag_scale  # fixed during a resize so the edge stays under the mouse
        return time_scale(self.width(), self._document.plan)

    def _seconds(self, index: int) -> int:
        if self._mode == "resize" and index == self._source and self._preview_seconds is not None:
            return self._preview_seconds
        return self._document.current_plan().segments[index].planned_seconds

    def block_rect(self, index: int) -> QRectF:
        """Where segment `index` is drawn (public so tests and tools can aim at blocks)."""
        scale = self._scale()
        start = self._starts[index]
        if self._mode == "resize" and index > self._source and self._preview_seconds is not None:
            start += (
                self._preview_seconds - self._document.current_plan().segments[self._source].planned_seconds
            )
        return QRectF(
            MARGIN + start * scale, MARGIN + AXIS_HEIGHT, self._seconds(index) * scale, BLOCK_HEIGHT
        )

    def index_at(self, x: float) -> int | None:
        if not self._starts:
            return None
        second = (x - MARGIN) / self._scale()
        index = bisect_right(self._starts, second) - 1
        if index < 0 or second > self._starts[-1] + self._seconds(len(self._starts) - 1):
            return None
        return index

    def _edge_at(self, x: float) -> int | None:
        index = self.index_at(x)
        candidates = [i for i in (index, (index or 0) - 1) if i is not None and 0 <= i < len(self._starts)]
        for i in candidates:
            if abs(self.block_rect(i).right() - x) <= EDGE_GRAB:
                return i
        return None

    def _insertion_index(self, x: float) -> int:
        """The gap nearest to x, counted in the current order (0 = before the first block)."""
        count = len(self._starts)
        for i in range(count):
            if x < self.block_rect(i).center().x():
                return i
        return count

    def block_label(self, index: int) -> tuple[str, str]:
        """The name and length as segment `index` shows them at the current width (what paintEvent draws)."""
        text_width = self.block_rect(index).width() - 8
        if text_width <= 0:
            return "", ""
        return fitted_label(self._block_name(index), self._seconds(index), text_width, self._block_metrics())

    def block_tooltip(self, index: int) -> str:
        """The full text of a block, whatever its width: name, kind, clock times and length."""
        plan = self._document.current_plan()
        segment = plan.segments[index]
        start = plan.session.start + timedelta(seconds=self._starts[index])
        end = start + timedelta(seconds=segment.planned_seconds)
        return (
            self._block_name(index)
            + "\n"
            + tr("{kind} · {start}–{end} · {length}").format(
                kind=KINDS.word(segment.kind),
                start=f"{start:%H:%M:%S}",
                end=f"{end:%H:%M:%S}",
                length=mmss(segment.planned_seconds),
            )
        )

    def _block_name(self, index: int) -> str:
        segment = self._document.current_plan().segments[index]
        product = self._products.get(segment.product_id)
        return product.name if product else KINDS.word(segment.kind)

    def _block_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        return font

    def _block_metrics(self) -> QFontMetrics:
        return QFontMetrics(self._block_font())

    def event(self, event: QEvent) -> bool:
        # Over a block the tooltip is that block's full text; elsewhere the widget's own hint.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self._starts:
            index = self.index_at(event.pos().x())
            if index is not None and self.block_rect(index).contains(QPointF(event.pos())):
                QToolTip.showText(event.globalPos(), self.block_tooltip(index), self)
                return True
        return super().event(event)

    def select(self, index: int | None) -> None:
        self.selected_index = index
        self.update()

    # --- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._document.plan is None:
            return
        x = event.position().x()
        self._press = event.position()
        edge = self._edge_at(x)
        if edge is not None:
            self._mode, self._source = "resize", edge
            self._drag_scale = time_scale(self.width(), self._document.plan)
            self._preview_seconds = self._document.plan.segments[edge].planned_seconds
            return
        index = self.index_at(x)
        if index is not None:
            self._mode, self._source = "press", index
            self.select(index)
            self.segment_selected.emit(index)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._mode is None:
            on_edge = self._document.plan is not None and self._edge_at(x) is not None
            self.setCursor(Qt.CursorShape.SizeHorCursor if on_edge else Qt.CursorShape.ArrowCursor)
            return
        if self._mode == "press" and self._press is not None and abs(x - self._press.x()) >= DRAG_START:
            self._mode = "move"
        if self._mode == "move":
            self._insert_at = self._insertion_index(x)
            self.update()
        elif self._mode == "resize":
            left = self.block_rect(self._source).left()
            seconds = round((x - left) / self._drag_scale / SNAP_SECONDS) * SNAP_SECONDS
            self._preview_seconds = max(MIN_SECONDS, seconds)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        mode, source = self._mode, self._source
        insert_at, seconds = self._insert_at, self._preview_seconds
        self._mode, self._insert_at, self._preview_seconds, self._press = None, None, None, None
        if mode == "move" and insert_at is not None:
            target = insert_at - 1 if insert_at > source else insert_at
            if target != source:
                self.selected_index = target
                self._document.push(MoveSegment(source, target), tr("Move segment"))
                self.segment_selected.emit(target)
        elif (
            mode == "resize"
            and seconds is not None
            and seconds != self._document.current_plan().segments[source].planned_seconds
        ):
            self._document.push(ResizeSegment(source, seconds), tr("Change segment length"))
        self.update()

    # --- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FAFBFC"))
        plan = self._document.plan
        if plan is None or not plan.segments:
            painter.setPen(QColor("#6B7785"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No segments yet"))
            return
        scale = self._scale()
        self._paint_axis(painter, plan, scale)
        visible = event.rect()
        painter.setFont(self._block_font())
        first = max(0, (self.index_at(visible.left()) or 0) - 1)
        for index in range(first, len(plan.segments)):
            rect = self.block_rect(index)
            if rect.left() > visible.right():
                break
            segment = plan.segments[index]
            colour = segment_colour(plan, segment, self._products)
            if self._mode == "move" and index == self._source:
                colour.setAlpha(90)
            painter.fillRect(rect.adjusted(0, 0, -1, 0), colour)
            top, bottom = self.block_label(index)
            painter.setPen(QColor("#FFFFFF"))
            text_rect = rect.adjusted(4, 2, -4, -2)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, top)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, bottom)
        if self.selected_index is not None and self.selected_index < len(plan.segments):
            painter.setPen(QPen(QColor("#1F2933"), 2))
            painter.drawRect(self.block_rect(self.selected_index).adjusted(1, 1, -2, -1))
        slot_x = MARGIN + plan.session.planned_seconds * scale
        painter.setPen(QPen(QColor("#C0504D"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(slot_x, MARGIN), QPointF(slot_x, MARGIN + AXIS_HEIGHT + BLOCK_HEIGHT))
        if self._mode == "move" and self._insert_at is not None:
            count = len(plan.segments)
            x = (
                self.block_rect(self._insert_at).left()
                if self._insert_at < count
                else self.block_rect(count - 1).right()
            )
            painter.setPen(QPen(QColor("#1F2933"), 3))
            painter.drawLine(
                QPointF(x, MARGIN + AXIS_HEIGHT - 4), QPointF(x, MARGIN + AXIS_HEIGHT + BLOCK_HEIGHT + 4)
            )

    def _paint_axis(self, painter: QPainter, plan, scale: float) -> None:
        painter.setPen(QColor("#6B7785"))
        span = max(plan.session.planned_seconds, plan.total_planned_seconds)
        step = 1800 if span * scale / 1800 > 6 else 3600
        if span * scale / 900 > 24:
            step = 900
        start = plan.session.start
        for second in range(0, span + 1, step):
            x = MARGIN + second * scale
            painter.drawLine(QPointF(x, MARGIN + AXIS_HEIGHT - 4), QPointF(x, MARGIN + AXIS_HEIGHT))
            label = f"{start + timedelta(seconds=second):%H:%M}"
            if (
                x + 2 + painter.fontMetrics().horizontalAdvance(label) <= self.width()
            ):  # no cut "2" at the end
                painter.drawText(QPointF(x + 2, MARGIN + AXIS_HEIGHT - 6), label)
