"""Dropping export files onto a widget (the 复盘 workspace) opens the import dialog with them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from livedesk.ui.i18n import tr

IMPORTABLE = (".csv", ".txt", ".tsv", ".xlsx", ".xls")


def dropped_paths(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in IMPORTABLE
    ]


class ImportDropFilter(QObject):
    """Event filter: accepts drags of importable files and opens ImportDialog on drop."""

    def __init__(self, widget: QWidget, context, on_imported: Callable[[list], None] | None = None) -> None:
        super().__init__(widget)
        self.widget, self.context, self.on_imported = widget, context, on_imported
        self.dialog = None

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_paths(event.mimeData()):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop:
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.open_dialog(paths)
                return True
        return False

    def open_dialog(self, paths: list[str]):
        from livedesk.ui.review.import_dialog import ImportDialog

        session_id = self.context.selection.session_id
        if not session_id:
            QMessageBox.information(
                self.widget, tr("Import files"), tr("Choose a session first, then drop its files.")
            )
            return None
        self.dialog = ImportDialog(self.context, session_id, paths, parent=self.widget)
        if self.on_imported is not None:
            self.dialog.import_finished.connect(self.on_imported)
        self.dialog.show()
        return self.dialog


def accept_import_drops(
    widget: QWidget, context, on_imported: Callable[[list], None] | None = None
) -> ImportDropFilter:
    """Let `widget` take dropped export files; `on_imported(summaries)` runs after files were stored."""
    widget.setAcceptDrops(True)
    drop_filter = ImportDropFilter(widget, context, on_imported)
    widget.installEventFilter(drop_filter)
    return drop_filter
