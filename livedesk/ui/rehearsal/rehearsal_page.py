"""The rehearse/run workspace page (first version: the products to rehearse)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from livedesk.services.sessions import load_plan
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr


class RehearsalPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._title = QLabel(tr("No session selected"))
        self._title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self._products = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._products, 1)

    def show_session(self, session_id: int | None) -> None:
        self._products.clear()
        if not session_id:
            self._title.setText(tr("No session selected"))
            return
        plan = load_plan(self._context.store, session_id)
        self._title.setText(plan.session.title)
        self._products.addItems([f"{p.product_id}  {p.name}" for p in plan.products])
