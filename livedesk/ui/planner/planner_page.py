"""The plan workspace page (first version: the run order of the selected session, read-only)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from livedesk.domain.roles import KIND_NAMES_ZH, ROLE_NAMES_ZH
from livedesk.services.sessions import load_plan
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr


class PlannerPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._title = QLabel(tr("No session selected"))
        self._title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self._table = QTableWidget(0, 4)
        self._table.setHorizontalHeaderLabels([tr("Start"), tr("Segment"), tr("Product"), tr("Minutes")])
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._table, 1)

    def show_session(self, session_id: int | None) -> None:
        if not session_id:
            self._title.setText(tr("No session selected"))
            self._table.setRowCount(0)
            return
        plan = load_plan(self._context.store, session_id)
        self._title.setText(plan.session.title)
        self._table.setRowCount(len(plan.segments))
        for row, (start, segment) in enumerate(zip(plan.planned_starts(), plan.segments)):
            product = plan.product(segment.product_id)
            role = ROLE_NAMES_ZH[product.role] if product else ""
            cells = [f"{start:%H:%M}", KIND_NAMES_ZH[segment.kind], f"{product.name} {role}" if product else "",
                     f"{segment.planned_seconds / 60:.0f}"]
            for column, text in enumerate(cells):
                self._table.setItem(row, column, QTableWidgetItem(text))
