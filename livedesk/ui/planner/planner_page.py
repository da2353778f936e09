"""The 计划 workspace: the run order (timeline, wave, table, step budgets, warnings, forecast), the product
pool and the session header of the selected session. Every edit is undoable and saved at once.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.domain.plan_edits import (
    DeleteSegment,
    DuplicateSegment,
    InsertSegment,
    ReplaceProducts,
    ReplaceSegments,
    new_segment,
)
from livedesk.domain.roles import SegmentKind
from livedesk.domain.wave import WaveConfig
from livedesk.services import planning
from livedesk.ui.context import AppContext
from livedesk.ui.i18n import tr
from livedesk.ui.planner.forecast_panel import ForecastPanel
from livedesk.ui.planner.header_form import SessionHeaderForm
from livedesk.ui.planner.labels import warning_text
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.ui.planner.planner_dialogs import WavePatternDialog
from livedesk.ui.planner.pool_import import PoolImporter
from livedesk.ui.planner.pool_table_model import PoolTableModel
from livedesk.ui.planner.segment_table_model import SegmentTableModel
from livedesk.ui.planner.side_panels import StepBudgetEditor
from livedesk.ui.planner.timeline_widget import TimelineWidget
from livedesk.ui.planner.wave_view import WaveView
from livedesk.ui.widgets.conflict_dialog import ConflictDialog
from livedesk.ui.widgets.error_report import describe_error
from livedesk.words import KINDS

INSERT_SECONDS = {
    SegmentKind.PITCH: 600,
    SegmentKind.INTERACTION: 120,
    SegmentKind.TRANSITION: 60,
    SegmentKind.ENCORE: 240,
    SegmentKind.OPENING: 600,
    SegmentKind.CLOSING: 900,
}


class PlannerPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        # the session document all workspaces share (app.py); a page built alone gets its own
        document = context.document or PlanDocument(context.store, self, writer=context.writer)
        if not isinstance(document, PlanDocument):  # app.py shares the planner's own document type
            raise TypeError(f"the planner edits a PlanDocument, not {type(document).__name__}")
        self.document = document
        self.title = QLabel(tr("No session selected"))
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.status = QLabel()
        self.status.setStyleSheet("color: #6B7785;")

        self.undo_action = self.document.undo_stack.createUndoAction(self, tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.document.undo_stack.createRedoAction(self, tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])

        toolbar = QHBoxLayout()
        toolbar.addWidget(self.title, 1)
        toolbar.addWidget(self.status)
        self.generate_button = self._button(tr("Generate wave plan…"), self._on_generate_clicked)
        toolbar.addWidget(self.generate_button)
        # A push button with a menu, not a tool button: its size hint leaves room for the arrow (a tool
        # button in InstantPopup mode painted its arrow over the last character) and it matches its neighbours.
        self.insert_button = QPushButton(tr("Insert"))
        menu = QMenu(self.insert_button)
        for kind in SegmentKind:
            menu.addAction(KINDS.word(kind), partial(self.insert_segment, kind))
        self.insert_button.setMenu(menu)
        toolbar.addWidget(self.insert_button)
        self.duplicate_button = self._button(tr("Duplicate"), self.duplicate_selected)
        self.delete_button = self._button(tr("Delete"), self.delete_selected)
        toolbar.addWidget(self.duplicate_button)
        toolbar.addWidget(self.delete_button)
        for action in (self.undo_action, self.redo_action):
            button = QToolButton()
            button.setDefaultAction(action)
            toolbar.addWidget(button)
        for label, suffix in (
            (tr("Export XLSX"), ".xlsx"),
            (tr("Export PDF"), ".pdf"),
            (tr("Export CSV"), ".csv"),
        ):
            toolbar.addWidget(self._button(label, lambda s=suffix: self._on_export_clicked(s)))

        self.timeline = TimelineWidget(self.document)
        self.wave = WaveView(self.document)
        self.segment_model = SegmentTableModel(self.document, self)
        self.segment_table = QTableView()
        self.segment_table.setModel(self.segment_model)
        self.segment_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.segment_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.segment_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.segment_table.horizontalHeader().setStretchLastSection(True)
        self.steps = StepBudgetEditor(self.document)
        self.warnings = QListWidget()
        self.forecast = ForecastPanel(self.document)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.steps)
        side_layout.addWidget(QLabel(tr("Warnings")))
        side_layout.addWidget(self.warnings, 1)
        side_layout.addWidget(self.forecast)
        # The side panel scrolls rather than forcing a tall window on small screens.
        side_scroll = QScrollArea()
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.segment_table)
        split.addWidget(side_scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        run_order = QWidget()
        run_layout = QVBoxLayout(run_order)
        run_layout.addWidget(self.timeline)
        run_layout.addWidget(self.wave)
        run_layout.addWidget(split, 1)

        self.pool_model = PoolTableModel(self.document, self)
        self.pool_table = QTableView()
        self.pool_table.setModel(self.pool_model)
        self.pool_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        pool = QWidget()
        pool_layout = QVBoxLayout(pool)
        pool_bar = QHBoxLayout()
        self.import_button = self._button(tr("Import pool…"), self._on_import_clicked)
        pool_bar.addWidget(self.import_button)
        pool_bar.addWidget(self._button(tr("Add product"), self.add_product))
        self.pool_status = QLabel()  # what the last import did, until the next one
        self.pool_status.setWordWrap(True)
        pool_bar.addWidget(self.pool_status, 1)
        pool_layout.addLayout(pool_bar)
        pool_layout.addWidget(self.pool_table, 1)

        self.pool_importer = PoolImporter(context, self.document, self)
        self.pool_importer.finished.connect(self.pool_status.setText)
        self.header_form = SessionHeaderForm(self.document)
        self.tabs = QTabWidget()
        self.tabs.addTab(run_order, tr("Run order"))
        self.tabs.addTab(pool, tr("Product pool"))
        self.tabs.addTab(self.header_form, tr("Session"))
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.tabs, 1)

        self.timeline.segment_selected.connect(self._on_segment_selected)
        self.segment_table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_segment_selected(current.row()) if current.isValid() else None
        )
        self.warnings.itemClicked.connect(self._on_warning_clicked)
        self.document.plan_changed.connect(self._on_plan_changed)
        self.document.saved.connect(lambda: self.status.setText(tr("All changes saved")))
        self.document.save_failed.connect(
            lambda reason: self.status.setText(tr("Not saved: {reason}").format(reason=reason))
        )
        self.document.conflicted.connect(self._on_conflicted)
        self.conflict_dialog: ConflictDialog | None = None
        self._on_plan_changed()

    def _on_conflicted(self, conflict) -> None:
        """A teammate saved the same field first: say so and let the user reload or keep their change."""
        self.status.setText(tr("Not saved: a teammate changed the same thing. Choose reload or keep mine."))
        if self.conflict_dialog is not None:
            self.conflict_dialog.close()
        self.conflict_dialog = ConflictDialog(conflict, self)
        self.conflict_dialog.reload_chosen.connect(self.document.reload)
        self.conflict_dialog.keep_mine_chosen.connect(self.document.keep_mine)
        self.conflict_dialog.open()

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- session ---------------------------------------------------------------------------------
    def show_session(self, session_id: int | None) -> None:
        if self.document.session_id != (session_id or None):
            self.document.load(session_id)  # the main window normally opened it in the background
        self.status.setText("")

    def selected_index(self) -> int | None:
        return self.timeline.selected_index

    def _on_plan_changed(self) -> None:
        plan = self.document.plan
        self.title.setText(plan.session.title if plan else tr("No session selected"))
        for widget in (
            self.generate_button,
            self.insert_button,
            self.duplicate_button,
            self.delete_button,
            self.import_button,
            self.tabs,
        ):
            widget.setEnabled(plan is not None)
        self.warnings.clear()
        for warning in self.document.warnings:
            item = QListWidgetItem(warning_text(warning))
            item.setData(Qt.ItemDataRole.UserRole, warning.segment_index)
            self.warnings.addItem(item)
        if not self.document.warnings and plan is not None:
            self.warnings.addItem(tr("No warnings"))
        index = self.timeline.selected_index
        if index is not None:
            self._select_row(index)
        self.steps.show_segment(index)

    def _on_segment_selected(self, index: int) -> None:
        if index < 0:
            return
        self.timeline.select(index)
        self._select_row(index)
        self.steps.show_segment(index)

    def _select_row(self, index: int) -> None:
        model_index = self.segment_model.index(index, 0)
        if model_index.isValid() and self.segment_table.currentIndex().row() != index:
            self.segment_table.selectionModel().setCurrentIndex(
                model_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _on_warning_clicked(self, item: QListWidgetItem) -> None:
        index = item.data(Qt.ItemDataRole.UserRole)
        if index is not None:
            self.tabs.setCurrentIndex(0)
            self._on_segment_selected(int(index))

    # --- edits -----------------------------------------------------------------------------------
    def insert_segment(self, kind: SegmentKind) -> None:
        plan = self.document.plan
        if plan is None:
            return
        selected = self.selected_index()
        at = selected + 1 if selected is not None else len(plan.segments)
        product = (
            plan.products[0].product_id
            if kind in (SegmentKind.PITCH, SegmentKind.ENCORE) and plan.products
            else None
        )
        self.document.push(
            InsertSegment(at, new_segment(kind, INSERT_SECONDS[kind], product)), tr("Insert segment")
        )
        self._on_segment_selected(at)

    def duplicate_selected(self) -> None:
        index = self.selected_index()
        if index is not None:
            self.document.push(DuplicateSegment(index), tr("Duplicate segment"))
            self._on_segment_selected(index + 1)

    def delete_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        self.document.push(DeleteSegment(index), tr("Delete segment"))
        count = len(self.document.current_plan().segments)
        self.timeline.select(min(index, count - 1) if count else None)
        self._on_plan_changed()

    def add_product(self) -> None:
        plan = self.document.plan
        if plan is None:
            return
        from livedesk.domain.product import Product
        from livedesk.domain.roles import Role

        taken = {p.product_id for p in plan.products}
        number = len(plan.products) + 1
        while f"NEW{number}" in taken:
            number += 1
        products = [*plan.products, Product(f"NEW{number}", tr("New product"), Role.PROFIT)]
        self.document.push(ReplaceProducts(products), tr("Add product"))

    def generate_wave(self, config: WaveConfig) -> None:
        """Replace the run order with a generated wave plan (one undoable step) and keep the settings."""
        plan = self.document.plan
        if plan is None or not plan.products:
            QMessageBox.information(
                self, tr("Generate wave plan"), tr("Add or import products to the pool first.")
            )
            return
        self.document.set_config(config)
        segments = planning.generate_segments(plan, config, self.document.history)
        self.document.push(ReplaceSegments(segments), tr("Generate wave plan"))

    def _on_generate_clicked(self) -> None:
        dialog = WavePatternDialog(self.document.config, self)
        config = dialog.config() if dialog.exec() else None  # the dialog is accepted only when it parses
        if config is not None:
            self.generate_wave(config)

    # --- pool import -----------------------------------------------------------------------------
    def import_pool(self, path: str | Path, mapping: dict[str, str] | None = None, mode=None) -> None:
        """Read a pool file in the background and bring it into the pool (one undoable step); when the pool
        already has products the director is asked replace / append / update by id (unless `mode` is given)."""
        self.pool_importer.start(path, mapping, mode)

    def _on_import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import pool"), "", tr("Pool files (*.csv *.xlsx)"))
        if path:
            self.import_pool(path)

    # --- export ----------------------------------------------------------------------------------
    def export_to(self, path: str | Path) -> None:
        """Write the run sheet in the background; the status line says when it is done."""
        plan = self.document.plan
        if plan is None:
            return
        import copy

        snapshot = copy.deepcopy(plan)
        target = Path(path)
        self.status.setText(tr("Exporting…"))
        self._context.tasks.submit(
            "planner-export",
            lambda control: planning.export_run_sheet(snapshot, target),
            on_done=lambda _rows: self.status.setText(tr("Exported {name}").format(name=target.name)),
            on_failed=lambda error: self.status.setText(
                tr("Export failed: {reason}").format(reason=describe_error(error))
            ),
        )

    def _on_export_clicked(self, suffix: str) -> None:
        plan = self.document.plan
        if plan is None:
            return
        name = f"{plan.session.title}_{plan.session.start:%Y%m%d}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Export run sheet"), name, f"*{suffix}")
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(path)
