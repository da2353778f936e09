"""The wave at a glance: a step curve over the session, high where the room pulls viewers in (opening,
traffic items, interactions) and low where it sells (profit items), aligned with the timeline above it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from livedesk.domain.roles import Role, SegmentKind
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.ui.planner.timeline_widget import MARGIN, segment_colour, time_scale

HEIGHT = 80
LABEL_SHARE = 0.3  # the most of the width a scale label may take before it is elided
# 1.0 = pulling viewers in, 0.0 = selling hard; practice (DOMAIN.md §3) alternates the two.
ROLE_LEVEL = {Role.TRAFFIC: 1.0, Role.CLEARANCE: 0.7, Role.IMAGE: 0.45, Role.PROFIT: 0.1}
KIND_LEVEL = {
    SegmentKind.OPENING: 0.95,
    SegmentKind.INTERACTION: 0.85,
    SegmentKind.TRANSITION: 0.5,
    SegmentKind.CLOSING: 0.6,
    SegmentKind.ENCORE: 0.25,
    SegmentKind.PITCH: 0.3,
}


def segment_level(plan, segment) -> float:
    role = plan.role_of(segment)
    if segment.kind is SegmentKind.PITCH and role is not None:
        return ROLE_LEVEL[role]
    return KIND_LEVEL[segment.kind]


class WaveView(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self.setMinimumHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        document.plan_changed.connect(self.update)
        self._set_tooltip()

    def sizeHint(self) -> QSize:
        return QSize(900, HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plan = self._document.plan
        line = self.fontMetrics().height()
        top, bottom = float(line + 2), float(self.height() - 4)
        if plan is not None and plan.segments:
            self._draw_wave(painter, plan, top, bottom)
        # The two ends of the scale, drawn last on a white ground so the wave never covers them, each whole
        # or elided to what fits (the tooltip has them in full).
        self._draw_label(painter, tr("Pull viewers in"), 0)
        self._draw_label(painter, tr("Sell"), self.height() - line)

    def _draw_wave(self, painter: QPainter, plan, top: float, bottom: float) -> None:
        scale = time_scale(self.width(), plan)
        path = QPainterPath(QPointF(MARGIN, bottom))
        at = 0
        for segment in plan.segments:
            y = bottom - (bottom - top) * segment_level(plan, segment)
            x0, x1 = MARGIN + at * scale, MARGIN + (at + segment.planned_seconds) * scale
            colour = segment_colour(plan, segment)
            colour.setAlpha(60)
            painter.fillRect(QRectF(x0, y, x1 - x0, bottom - y), colour)
            path.lineTo(x0, y)
            path.lineTo(x1, y)
            at += segment.planned_seconds
        path.lineTo(MARGIN + at * scale, bottom)
        painter.setPen(QPen(QColor("#1F2933"), 1.5))
        painter.drawPath(path)

    def shown_label(self, text: str) -> str:
        """A scale label as drawn at the present width: whole, or elided when the strip is narrow."""
        metrics = self.fontMetrics()
        room = max(int(self.width() * LABEL_SHARE), metrics.horizontalAdvance("…") + 4)
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)

    def _draw_label(self, painter: QPainter, text: str, y: int) -> None:
        metrics = self.fontMetrics()
        shown = self.shown_label(text)
        width = metrics.horizontalAdvance(shown) + 6
        box = QRectF(self.width() - MARGIN - width, y, width, metrics.height())
        painter.fillRect(box, QColor(255, 255, 255, 220))
        painter.setPen(QColor("#4A5562"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, shown)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_tooltip()
            self.update()
        super().changeEvent(event)

    def _set_tooltip(self) -> None:
        self.setToolTip(
            tr("High: pulling viewers in (opening, traffic items, interaction). Low: selling (profit items).")
        )
