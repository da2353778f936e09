"""The wave at a glance: a step curve over the session, high where the room pulls viewers in (opening,
traffic items, interactions) and low where it sells (profit items), aligned with the timeline above it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from livedesk.domain.roles import Role, SegmentKind
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.ui.planner.timeline_widget import MARGIN, segment_colour, time_scale

HEIGHT = 80
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

    def sizeHint(self) -> QSize:
        return QSize(900, HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plan = self._document.plan
        top, bottom = 16.0, float(self.height() - 4)
        painter.setPen(QColor("#6B7785"))
        painter.drawText(
            QRectF(0, 0, self.width() - MARGIN, 14), Qt.AlignmentFlag.AlignRight, tr("Pull viewers in")
        )
        painter.drawText(
            QRectF(0, self.height() - 18, self.width() - MARGIN, 16), Qt.AlignmentFlag.AlignRight, tr("Sell")
        )
        if plan is None or not plan.segments:
            return
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
