"""The review workspace page (first version: the datasets imported for the selected session)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from livedesk.persistence.dataset_repository import list_datasets
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr


class ReviewPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._title = QLabel(tr("Imported data"))
        self._title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self._datasets = QListWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addWidget(self._datasets, 1)

    def show_session(self, session_id: int | None) -> None:
        self._datasets.clear()
        if not session_id:
            return
        with self._context.store.reading() as db:
            datasets = list_datasets(db, session_id)
        self._datasets.addItems([f"{d.kind.value}  {d.source_name}  {d.rows_stored}" for d in datasets])
