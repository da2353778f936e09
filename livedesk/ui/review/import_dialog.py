"""The import dialog: choose files, see what was detected (format, encoding, first rows), override the kind or
map the columns, then import off the UI thread with progress and cancel, ending with a summary of warnings.

Entry point for the review page: `ImportDialog(context, session_id, paths=None, parent=None)`; it emits
`import_finished(list[ImportSummary])` once files were stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from livedesk.ui.i18n import say, tr
from livedesk.ui.review.import_labels import kind_label
from livedesk.ui.review.import_mapping_editor import MappingEditor
from livedesk.ui.review.import_summary_text import summary_text
from livedesk.words import SOURCE_FORMATS

KINDS = ("orders", "products", "explanations", "minutes", "compass", "live-workbook", "log")
AUTO, MAPPED = "", "mapping"
FILE_FILTER = "CSV / Excel (*.csv *.txt *.tsv *.xlsx *.xls)"


class ImportDialog(QDialog):
    import_finished = Signal(object)  # list of ImportSummary for the files that were stored

    def __init__(self, context, session_id: int, paths=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._tasks = context.tasks.scope("import-dialog")  # two open dialogs never cancel each other
        self.session_id = session_id
        self._options: dict[str, dict] = {}  # path → {"kind": …, "mapping": …}
        self._done: list = []
        self.setWindowTitle(tr("Import files"))
        self.resize(980, 680)
        self._build()
        if paths:
            self.add_paths([str(p) for p in paths])

    # -- layout ---------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.files = QListWidget()
        self.files.currentRowChanged.connect(self._on_file_selected)
        self.add_button = QPushButton(tr("Add files…"))
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.detected = QLabel(tr("Choose files to import."))
        self.detected.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.addItem(tr("Detect automatically"), AUTO)
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.addItem(tr("Map columns myself"), MAPPED)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.preset = QComboBox()
        self.preset.currentIndexChanged.connect(self._on_preset_chosen)
        self.mapping_editor = MappingEditor(self.context)
        self.mapping_editor.preset_saved.connect(self._reload_presets)
        self.mapping_editor.mapping_changed.connect(self._on_mapping_edited)
        self.mapping_editor.setVisible(False)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.on_existing = QComboBox()
        self.on_existing.addItem(tr("Replace the earlier import of the same file"), "replace")
        self.on_existing.addItem(tr("Skip files imported before"), "skip")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel("")
        self.cancel_button = QPushButton(tr("Cancel import"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.import_button = QPushButton(tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start)
        self.close_button = QPushButton(tr("Close window"))
        self.close_button.clicked.connect(self.reject)

        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        left = QVBoxLayout()
        left.addWidget(self.files)
        left.addLayout(file_buttons)
        options = QFormLayout()
        options.addRow(tr("Detected"), self.detected)
        options.addRow(tr("The file holds"), self.kind)
        options.addRow(tr("Mapping preset"), self.preset)
        options.addRow(tr("Same file again"), self.on_existing)
        right = QVBoxLayout()
        right.addLayout(options)
        right.addWidget(self.mapping_editor)
        right.addWidget(QLabel(tr("First rows")))
        right.addWidget(self.preview, 1)
        left_widget, right_widget = QWidget(), QWidget()
        left_widget.setLayout(left)
        right_widget.setLayout(right)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 3)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.cancel_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 3)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary, 1)
        layout.addLayout(buttons)
        self._reload_presets()

    # -- files ----------------------------------------------------------------------------------------
    def add_paths(self, paths: list[str]) -> None:
        for path in paths:
            if path not in self._options:
                self._options[path] = {"kind": AUTO, "mapping": None}
                self.files.addItem(Path(path).name)
                self.files.item(self.files.count() - 1).setData(Qt.ItemDataRole.UserRole, path)
        if self.files.currentRow() < 0 and self.files.count():
            self.files.setCurrentRow(0)

    def paths(self) -> list[str]:
        return [self.files.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.files.count())]

    def _current_path(self) -> str | None:
        item = self.files.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, tr("Choose export files"), "", FILE_FILTER)
        self.add_paths(chosen)

    def _remove_selected(self) -> None:
        row = self.files.currentRow()
        if row >= 0:
            path = self.files.takeItem(row).data(Qt.ItemDataRole.UserRole)
            self._options.pop(path, None)

    def _on_file_selected(self, _row: int) -> None:
        path = self._current_path()
        if path is None:
            return
        option = self._options[path]
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(option["kind"]), 0))
        self.kind.blockSignals(False)
        self.mapping_editor.setVisible(option["kind"] == MAPPED)
        if option["mapping"]:
            self.mapping_editor.load(option["mapping"])
        self._run_preview()

    # -- detection preview ----------------------------------------------------------------------------
    def _run_preview(self) -> None:
        path = self._current_path()
        if path is None:
            return
        option = self._options[path]
        kind = option["kind"] if option["kind"] not in (AUTO, MAPPED) else None
        mapping = option["mapping"] if option["kind"] == MAPPED else None

        def job(_control):
            from livedesk.services.imports import preview_file

            return preview_file(path, kind=kind, mapping=mapping)

        self.detected.setText(tr("Reading…"))
        self._tasks.submit("preview", job, on_done=self._show_preview, on_failed=self._show_refusal)

    def _show_preview(self, detection) -> None:
        parts = [
            (SOURCE_FORMATS.word(detection.format) if detection.format in SOURCE_FORMATS else detection.label)
            if detection.format not in ("unknown", "mapped")
            else (
                tr("Not recognised: map the columns") if detection.format == "unknown" else tr("Mapped table")
            )
        ]
        if detection.encoding:
            parts.append(detection.encoding.upper().replace("-SIG", " BOM"))
        if detection.sheet:
            parts.append(tr("sheet {name}").format(name=detection.sheet))
        if detection.container == "workbook" and not detection.headers:
            parts.append(tr("{n} sheets").format(n=len(detection.sheets)))
        self.detected.setText(" · ".join(parts))
        self.detected.setStyleSheet("")
        self.preview.clear()
        self.preview.setColumnCount(len(detection.headers))
        self.preview.setHorizontalHeaderLabels(detection.headers)
        self.preview.setRowCount(len(detection.preview))
        for r, row in enumerate(detection.preview):
            for c, value in enumerate(row[: len(detection.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        if detection.headers and self.mapping_editor.headers != detection.headers:
            self.mapping_editor.set_headers(detection.headers)
            option = self._options.get(self._current_path() or "", {})
            if option.get("mapping"):
                self.mapping_editor.load(option["mapping"])
            elif detection.format == "unknown":
                self.mapping_editor.guess()

    def _show_refusal(self, error: BaseException) -> None:
        reason = getattr(error, "reason", None)
        self.detected.setText(say(reason) if reason is not None else str(error))
        # What the library said stays out of the sentence; a hover shows it for whoever asks support.
        self.detected.setToolTip(getattr(error, "details", None) or "")
        self.detected.setStyleSheet("color: #b00020;")
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)

    def _on_kind_changed(self, _index: int) -> None:
        path = self._current_path()
        if path is None:
            return
        self._options[path]["kind"] = self.kind.currentData()
        mapped = self.kind.currentData() == MAPPED
        self.mapping_editor.setVisible(mapped)
        if mapped:
            self._on_mapping_edited()
        self._run_preview()

    def _on_mapping_edited(self) -> None:
        path = self._current_path()
        if path is None or self._options[path]["kind"] != MAPPED:
            return
        try:
            self._options[path]["mapping"] = self.mapping_editor.mapping()
        except ValueError:
            self._options[path]["mapping"] = None

    def _reload_presets(self, *_args) -> None:
        from livedesk.services.imports import list_mapping_presets

        self._presets = list_mapping_presets(self.context.store)
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItem(tr("None"), "")
        for name in self._presets:
            self.preset.addItem(name, name)
        self.preset.blockSignals(False)

    def _on_preset_chosen(self, _index: int) -> None:
        name = self.preset.currentData()
        path = self._current_path()
        if not name or path is None:
            return
        self.kind.setCurrentIndex(self.kind.findData(MAPPED))
        self.mapping_editor.load(self._presets[name])
        self._options[path].update(kind=MAPPED, mapping=self._presets[name])
        self._run_preview()

    # -- import ---------------------------------------------------------------------------------------
    def start(self) -> None:
        jobs = [(path, dict(self._options[path])) for path in self.paths()]
        if not jobs:
            self.summary.setPlainText(tr("Choose files to import."))
            return
        missing = [Path(p).name for p, o in jobs if o["kind"] == MAPPED and not o["mapping"]]
        if missing:
            self.summary.setPlainText(
                tr("Finish the column mapping of {files} first.").format(files=", ".join(missing))
            )
            return
        on_existing = self.on_existing.currentData()
        session_id, store = self.session_id, self.context.store
        self._done = []
        done = self._done

        def job(control):
            from livedesk.import_export.errors import ImportRefused
            from livedesk.services.imports import ImportSummary, import_file

            for index, (path, option) in enumerate(jobs):
                step = _FileProgress(control, index, len(jobs), Path(path).name)
                kind = option["kind"] if option["kind"] not in (AUTO, MAPPED) else None
                mapping = option["mapping"] if option["kind"] == MAPPED else None
                try:
                    done.append(
                        import_file(
                            store,
                            session_id,
                            path,
                            kind=kind,
                            mapping=mapping,
                            on_existing=on_existing,
                            control=step,
                        )
                    )
                except ImportRefused as exc:
                    done.append(
                        ImportSummary(
                            file=Path(path).name,
                            format="",
                            refused=True,
                            message=exc.message,
                            refusal=exc.reason,
                            details=exc.details,
                        )
                    )
            return list(done)

        self._set_running(True)
        self.summary.clear()
        self._tasks.submit(
            "import", job, on_done=self._on_done, on_failed=self._on_failed, on_progress=self._on_progress
        )

    def cancel(self) -> None:
        self._tasks.cancel("import")

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 100))
        self.progress_text.setText(message)

    def _on_done(self, summaries: list) -> None:
        self._set_running(False)
        self.progress.setValue(100)
        self.summary.setPlainText(summary_text(summaries))
        stored = [s for s in summaries if not s.refused]
        if stored:
            self.import_finished.emit(stored)

    def _on_failed(self, error: BaseException) -> None:
        from livedesk.import_export.errors import ImportCancelled

        self._set_running(False)
        stored = [s for s in self._done if not s.refused]
        text = summary_text(self._done) + "\n" if self._done else ""
        if isinstance(error, ImportCancelled):
            self.summary.setPlainText(
                text + tr("Import cancelled: nothing of the file being read was stored.")
            )
        else:
            from livedesk.ui.widgets.error_report import describe_error

            # A store or file failure in the UI language with what to do, never the library's text.
            self.summary.setPlainText(
                text + tr("Import failed: {reason}").format(reason=describe_error(error))
            )
        if stored:
            self.import_finished.emit(stored)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.import_button.setEnabled(not running)
        self.add_button.setEnabled(not running)
        self.remove_button.setEnabled(not running)
        if running:
            self.progress.setValue(0)


class _FileProgress:
    """One file's progress as a share of the whole batch; cancellation is the batch's."""

    def __init__(self, control, index: int, count: int, name: str) -> None:
        self._control, self._index, self._count, self._name = control, index, count, name

    @property
    def cancelled(self) -> bool:
        return self._control.cancelled

    def progress(self, fraction: float, message: str = "") -> None:
        self._control.progress((self._index + fraction) / self._count, self._name)
