"""Column mapping editor: each canonical field picks one of the file's columns; saved as a named preset."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from livedesk.import_export.mapped_table import FIELDS_BY_KIND, MAPPABLE_KINDS, parse_mapping
from livedesk.import_export.values import normalise_header
from livedesk.ui.i18n import say, tr
from livedesk.ui.review.import_labels import field_label, kind_label

NONE = ""


class MappingEditor(QWidget):
    """Edits one mapping for a given header; `mapping()` returns the JSON-shaped dict or raises ValueError."""

    mapping_changed = Signal()
    preset_saved = Signal(str)

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.headers: list[str] = []
        self.kind = QComboBox()
        for kind in MAPPABLE_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(self._rebuild)
        self.time_format = QLineEdit()
        self.time_format.setPlaceholderText(tr("automatic (e.g. %d/%m/%Y %H:%M)"))
        self.cancel_prefix = QLineEdit()
        self.cancel_prefix.setPlaceholderText(tr("e.g. C for cancelled invoices"))
        self.preset_name = QLineEdit()
        self.preset_name.setPlaceholderText(tr("Preset name"))
        self.save_button = QPushButton(tr("Save preset"))
        self.save_button.clicked.connect(self._save_preset)
        self.status = QLabel("")
        self.fields_form = QFormLayout()
        self.pickers: dict[str, QComboBox] = {}
        top = QFormLayout()
        top.addRow(tr("The file holds"), self.kind)
        top.addRow(tr("Time format"), self.time_format)
        top.addRow(tr("Cancellation prefix"), self.cancel_prefix)
        save_row = QHBoxLayout()
        save_row.addWidget(self.preset_name)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.fields_form)
        layout.addLayout(save_row)
        layout.addWidget(self.status)
        self._rebuild()

    def set_headers(self, headers: list[str]) -> None:
        self.headers = [h for h in headers if h]
        self._rebuild()

    def load(self, mapping: dict) -> None:
        index = self.kind.findData(mapping.get("kind"))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        self._rebuild()
        for name, header in mapping.get("columns", {}).items():
            if name in self.pickers:
                self._choose(self.pickers[name], header)
        self.time_format.setText(mapping.get("time_format") or "")
        self.cancel_prefix.setText(mapping.get("cancel_prefix") or "")

    def guess(self) -> None:
        """Pick columns whose header is the field's own name (English or as labelled)."""
        for name, picker in self.pickers.items():
            for header in self.headers:
                if normalise_header(header).lower() in (name, normalise_header(field_label(name)).lower()):
                    self._choose(picker, header)

    def mapping(self) -> dict:
        columns = {
            name: picker.currentData() for name, picker in self.pickers.items() if picker.currentData()
        }
        data = {"kind": self.kind.currentData(), "columns": columns}
        if self.time_format.text().strip():
            data["time_format"] = self.time_format.text().strip()
        if self.cancel_prefix.text().strip():
            data["cancel_prefix"] = self.cancel_prefix.text().strip()
        return parse_mapping(data).to_dict()

    def _choose(self, picker: QComboBox, header: str) -> None:
        index = picker.findData(header)
        if index < 0:
            picker.addItem(header, header)
            index = picker.count() - 1
        picker.setCurrentIndex(index)

    def _rebuild(self, *_args) -> None:
        kept = {name: picker.currentData() for name, picker in self.pickers.items()}
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        self.pickers = {}
        for name in FIELDS_BY_KIND[self.kind.currentData()]:
            picker = QComboBox()
            picker.addItem("—", NONE)
            for header in self.headers:
                picker.addItem(header, header)
            if kept.get(name):
                self._choose(picker, kept[name])
            picker.currentIndexChanged.connect(self.mapping_changed)
            self.pickers[name] = picker
            self.fields_form.addRow(field_label(name), picker)
        self.mapping_changed.emit()

    def _save_preset(self) -> None:
        from livedesk.services.imports import save_mapping_preset

        name = self.preset_name.text().strip()
        if not name:
            self.status.setText(tr("Give the preset a name."))
            return
        try:
            save_mapping_preset(self.context.store, name, self.mapping())
        except ValueError as exc:
            coded = getattr(exc, "reason", None)
            reason = say(coded) if coded is not None else str(exc)
            self.status.setText(tr("The mapping is incomplete: {reason}").format(reason=reason))
            return
        self.status.setText(tr("Preset saved."))
        self.preset_saved.emit(name)
