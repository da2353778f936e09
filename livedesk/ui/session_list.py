"""The session list beside the workspaces: every session in the store, newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from livedesk.services.sessions import list_sessions
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr


class SessionListPanel(QWidget):
    """Lists sessions; selecting one selects it for every workspace."""

    new_session_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._list = QListWidget()
        self._list.setObjectName("sessionList")
        self._list.currentItemChanged.connect(self._on_current_item_changed)
        heading = QLabel(tr("Sessions"))
        heading.setStyleSheet("font-weight: 600; font-size: 14px; padding: 4px 2px;")
        new_button = QPushButton(tr("New session…"))
        new_button.clicked.connect(self.new_session_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(heading)
        layout.addWidget(self._list, 1)
        layout.addWidget(new_button)
        context.selection.sessions_changed.connect(self.refresh)
        context.selection.session_changed.connect(self._on_session_changed)
        self.refresh()

    def refresh(self) -> None:
        selected = self._context.selection.session_id
        self._list.blockSignals(True)
        self._list.clear()
        for session in list_sessions(self._context.store):
            label = f"{session.start:%m-%d %H:%M}  {session.title}"
            if session.is_sample:
                label += "  " + tr("(sample)")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, session.id)
            item.setToolTip(
                f"#{session.id} · {session.platform} · {session.account} · {session.planned_seconds // 60} min"
            )
            self._list.addItem(item)
            if session.id == selected:
                self._list.setCurrentItem(item)
        self._list.blockSignals(False)

    def session_ids(self) -> list[int]:
        return [self._list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self._list.count())]

    def _on_current_item_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self._context.selection.select(int(current.data(Qt.ItemDataRole.UserRole)))

    def _on_session_changed(self, session_id: int) -> None:
        for i in range(self._list.count()):
            item = self._list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == session_id and self._list.currentItem() is not item:
                self._list.blockSignals(True)
                self._list.setCurrentItem(item)
                self._list.blockSignals(False)
