"""What a director does on the 复盘 page: save the verdicts on carried action items, save the team's
thresholds (a teammate's save in between is a conflict to settle), make an action item from a finding,
export a report, open meeting mode and import files (the button or a drop on the page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from livedesk.analysis.review_types import Finding
from livedesk.domain.action_item import ActionItem
from livedesk.ui.i18n import tr
from livedesk.ui.review.review_base import ReviewPageBase
from livedesk.words import finding_words


class ReviewActions(ReviewPageBase):
    """The ReviewPage's user actions; each stores through livedesk.services and refreshes the page."""

    def save_verdicts(self) -> None:
        """Store the verdicts on carried items (and the session's history summary) as this review found them."""
        if self.review is None:
            return
        from livedesk.domain.edit_conflict import EditConflict
        from livedesk.services.review import save_verdicts

        try:
            saved = save_verdicts(self._context.store, self.review)
        except EditConflict:
            self.status.setText(tr("An action item was changed meanwhile: refreshed, save again."))
        else:
            self.status.setText(tr("Saved {count} verdicts").format(count=len(saved)))
        self.refresh()

    # ---- user actions ---------------------------------------------------------------------------
    def _on_thresholds_saved(self, values: dict[str, float]) -> None:
        """Saved against the version the page read: a teammate's save in between is a conflict to settle,
        never silently overwritten."""
        from livedesk.domain.edit_conflict import EditConflict
        from livedesk.services.review import save_thresholds_checked
        from livedesk.ui.widgets.conflict_dialog import ConflictDialog

        try:
            _, self._thresholds_version = save_thresholds_checked(
                self._context.store, values, self._thresholds_version
            )
        except EditConflict as conflict:
            their_version = conflict.actual_version  # `conflict` is unbound once the except block ends
            dialog = self.conflict_dialog = ConflictDialog(conflict, self)
            dialog.reload_chosen.connect(self.refresh)
            dialog.keep_mine_chosen.connect(lambda: self._keep_my_thresholds(values, their_version))
            dialog.open()
            return
        self.refresh()

    def _keep_my_thresholds(self, values: dict[str, float], their_version: int | None) -> None:
        from livedesk.services.review import save_thresholds_checked

        _, self._thresholds_version = save_thresholds_checked(self._context.store, values, their_version)
        self.refresh()

    def selected_finding(self) -> Finding | None:
        item = self.findings_list.currentItem()
        found = item.data(Qt.ItemDataRole.UserRole) if item else None
        return found if isinstance(found, Finding) else None

    def _make_action(self) -> None:
        finding = self.selected_finding()
        if finding is None or self.session_id is None or self.review is None:
            return
        from livedesk.ui.review.action_dialog import ActionDialog

        dialog = self.action_dialog = ActionDialog(
            finding, finding_words(finding, self.names, self.review.zone), self
        )
        dialog.accepted.connect(lambda: self.add_action(finding, **dialog.values()))
        dialog.open()

    def add_action(self, finding: Finding, **values: Any) -> None:
        from livedesk.services.review import add_action

        if self.session_id is None:
            return
        add_action(self._context.store, self.session_id, finding, **values)
        self.refresh()

    def _edit_action(self, list_item: QListWidgetItem) -> None:
        """Open one of this session's action items to change what, who, the metric or the target."""
        item = list_item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(item, ActionItem):
            return  # the empty list's hint
        from livedesk.ui.review.action_dialog import ActionDialog

        dialog = self.action_dialog = ActionDialog.for_item(item, self._finding_text_of(item), self)
        dialog.accepted.connect(lambda: self.edit_action(item, **dialog.values()))
        dialog.open()

    def _finding_text_of(self, item: ActionItem) -> str:
        """The sentence of the finding the item was made from, when this review still shows it."""
        review = self.review
        found = next(
            (
                f
                for f in (review.findings if review else ())
                if f.code == item.finding_code and f.subject.action_key == item.subject
            ),
            None,
        )
        return finding_words(found, self.names, review.zone) if found and review else "—"

    def edit_action(self, item: ActionItem, **values: Any) -> None:
        """Store the changed action item at the version it was read (a teammate's save in between is said)."""
        from dataclasses import replace

        from livedesk.domain.edit_conflict import EditConflict
        from livedesk.services.review import update_action

        try:
            update_action(self._context.store, replace(item, **values))
        except EditConflict:
            self.status.setText(tr("An action item was changed meanwhile: refreshed, save again."))
        self.refresh()

    def _ask_export(self, suffix: str) -> None:
        if self.review is None:
            return
        name = f"{self.review.session.title}-复盘{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export report"), str(Path.home() / name))
        if path:
            self.export_report(Path(path) if Path(path).suffix else Path(path + suffix))

    def _on_export_failed(self, error: BaseException) -> None:
        from livedesk.ui.widgets.error_report import describe_error

        self.status.setText(tr("Export failed: {reason}").format(reason=describe_error(error)))

    def export_report(self, path: Path) -> None:
        review = self.review
        if review is None:
            return

        def job(_control: object) -> Path:
            from livedesk.services.review_reports import write_report

            return write_report(review, path)

        self.status.setText(tr("Exporting {name}…").format(name=path.name))
        self._context.tasks.submit(
            "review-export",
            job,
            on_done=lambda p: self.status.setText(tr("Exported {name}").format(name=p.name)),
            on_failed=self._on_export_failed,
        )

    def open_meeting_mode(self) -> None:
        if self.review is None:
            return
        from livedesk.ui.review.meeting_mode import MeetingWindow

        self.meeting = MeetingWindow(self.review)
        self.meeting.showFullScreen()

    def open_import_dialog(self, paths: list[str] | None = None) -> QWidget | None:
        if not self.session_id:
            return None
        try:
            from livedesk.ui.review.import_dialog import ImportDialog
        except ImportError:
            self.status.setText(tr("The import dialog is not available in this build."))
            return None
        dialog = ImportDialog(self._context, self.session_id, paths=paths, parent=self)
        dialog.import_finished.connect(lambda *_: self.refresh())
        dialog.show()
        return dialog

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.session_id:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_import_dialog(paths)
            event.acceptProposedAction()
