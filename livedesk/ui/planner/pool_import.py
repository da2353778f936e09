"""Importing a pool file into the open plan, off the UI thread: the file is read (once) by a background task;
unknown headers are mapped by hand; when the pool already has products the director chooses replace, append
or update by product id from a summary; the result is one undoable ReplaceProducts edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from livedesk.domain.plan_edits import ReplaceProducts
from livedesk.domain.pool_merge import PoolMergeMode, merge_pool
from livedesk.import_export.pool_reader import PoolRefused
from livedesk.services import planning
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.ui.planner.planner_dialogs import PoolMappingDialog
from livedesk.ui.planner.pool_merge_dialog import PoolMergeDialog, summary_text
from livedesk.ui.widgets.error_report import describe_error


def _headers_of(path: Path) -> list[str]:
    """The first row of a file whose headers LiveDesk did not recognise, to be mapped by hand."""
    from livedesk.import_export.pool_reader import _read_rows

    try:
        rows, _ = _read_rows(path)
    except Exception:
        return []
    return [h for h in (rows[0] if rows else []) if h]


class PoolImporter(QObject):
    """Drives one import at a time for a page; `finished(message)` carries the sentence for the status line."""

    finished = Signal(str)

    def __init__(self, context: AppContext, document: PlanDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._document = document
        self._parent = parent
        self._tasks = context.tasks.scope("pool-import")
        self.merge_dialog: PoolMergeDialog | None = None

    def start(
        self, path: str | Path, mapping: dict[str, str] | None = None, mode: PoolMergeMode | None = None
    ) -> None:
        """Read `path` in the background; `mode` given skips the question (scripted use and tests)."""
        target, store = Path(path), self._context.store
        self.finished.emit(tr("Reading {name}…").format(name=target.name))

        def job(_control):
            try:
                return planning.read_pool_file(store, target, mapping), []
            except PoolRefused as refused:
                # unknown headers: hand them to the mapping dialog instead of failing (only without a mapping)
                if mapping is not None:
                    raise
                headers = _headers_of(target)
                if not headers:
                    raise
                return refused, headers

        self._tasks.submit(
            "read",
            job,
            on_done=lambda found: self._on_read(target, mapping, mode, *found),
            on_failed=lambda error: self.finished.emit(
                tr("Not imported: {reason}").format(reason=describe_error(error))
            ),
        )

    def _on_read(self, path: Path, mapping, mode, result, headers: list[str]) -> None:
        unmapped = headers or (result.unmapped if mapping is None else [])
        if unmapped:
            dialog = PoolMappingDialog(unmapped, self._parent)
            if not dialog.exec():
                self.finished.emit(tr("Import cancelled."))
                return
            chosen = dialog.mapping()
            if dialog.remember.isChecked():
                planning.save_pool_mapping(self._context.store, chosen)
            self.start(path, chosen, mode)
            return
        self._merge(path, result, mode)

    def _merge(self, path: Path, result, mode: PoolMergeMode | None) -> None:
        plan = self._document.plan
        if plan is None:
            return
        notes = []
        if result.duplicates:
            notes.append(
                tr(
                    "These product ids appear more than once; only the first row of each was kept: {ids}"
                ).format(ids=", ".join(sorted(result.duplicates)))
            )
        if not plan.products:
            mode = PoolMergeMode.REPLACE  # nothing to lose: no question
        if mode is None:
            self.merge_dialog = PoolMergeDialog(plan, result.products, path.name, self._parent)
            self.merge_dialog.finished.connect(lambda _code: self._on_chosen(path, result, notes))
            self.merge_dialog.open()  # window-modal, and the event loop goes on
            return
        self._apply(mode, result, notes)

    def _on_chosen(self, path: Path, result, notes: list[str]) -> None:
        dialog, self.merge_dialog = self.merge_dialog, None
        if dialog is None or dialog.chosen is None:
            self.finished.emit(tr("Import cancelled; the pool is unchanged."))
            return
        self._apply(dialog.chosen, result, notes)

    def _apply(self, mode: PoolMergeMode, result, notes: list[str]) -> None:
        plan = self._document.plan
        if plan is None:
            return
        products, summary = merge_pool(plan, result.products, mode)
        self._document.push(ReplaceProducts(products), tr("Import pool"))
        sentences = [summary_text(summary), *notes]
        self.finished.emit("".join(s if s.endswith("。") else s + " " for s in sentences).strip())
