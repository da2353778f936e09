"""The run order as a table beside the timeline: start, kind, product, role, length, owner, cues, notes.

Edits become undoable PlanEdits on the document; the model never writes the plan directly.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from livedesk.domain.plan_edits import ResizeSegment, SetSegmentField
from livedesk.domain.roles import SegmentKind
from livedesk.ui.i18n import tr
from livedesk.ui.planner.labels import mmss
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import KINDS, ROLES, owner_words

COLUMNS = ("start", "kind", "product", "role", "length", "owner", "cues", "notes")
EDITABLE = {"kind", "product", "length", "owner", "cues", "notes"}


def parse_minutes(text: str) -> int:
    """`12`, `12.5` (minutes) or `12:30` → seconds; ValueError otherwise."""
    text = str(text).strip()
    if ":" in text:
        minutes, seconds = text.split(":", 1)
        return int(minutes) * 60 + int(seconds)
    return round(float(text) * 60)


_ROOT = QModelIndex()  # the invalid index Qt passes for the table's root
Index = QModelIndex | QPersistentModelIndex  # what Qt may pass a model


class SegmentTableModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        document.plan_changed.connect(self._on_plan_changed)

    def _on_plan_changed(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        plan = self._document.plan
        return 0 if parent.isValid() or plan is None else len(plan.segments)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return {
            "start": tr("Start"),
            "kind": tr("Segment"),
            "product": tr("Product"),
            "role": tr("Role"),
            "length": tr("Length"),
            "owner": tr("Owner"),
            "cues": tr("Cues"),
            "notes": tr("Notes"),
        }[COLUMNS[section]]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in EDITABLE:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        plan = self._document.plan
        if plan is None or not index.isValid():
            return None
        segment = plan.segments[index.row()]
        column = COLUMNS[index.column()]
        product_role = plan.role_of(segment)
        if role == Qt.ItemDataRole.BackgroundRole and column == "role" and product_role is not None:
            return QBrush(QColor(ROLES[product_role].colour))
        if role == Qt.ItemDataRole.ForegroundRole and column == "role":
            return QBrush(QColor("#FFFFFF"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        product = plan.product(segment.product_id)
        if column == "start":
            return f"{plan.planned_starts()[index.row()]:%H:%M:%S}"
        if column == "kind":
            return KINDS.word(segment.kind) if role == Qt.ItemDataRole.DisplayRole else segment.kind.value
        if column == "product":
            if role == Qt.ItemDataRole.EditRole:
                return segment.product_id or ""
            return f"{product.name} ({product.product_id})" if product else (segment.product_id or "")
        if column == "role":
            return ROLES.word(product_role, missing="")
        if column == "length":
            return mmss(segment.planned_seconds)
        if column == "owner":
            return (
                segment.owner
                if role == Qt.ItemDataRole.EditRole
                else owner_words(segment.owner, plan.session.team)
            )
        if column == "cues":
            return " / ".join(segment.cues)
        return segment.notes

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        plan = self._document.plan
        if plan is None or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), COLUMNS[index.column()]
        segment = plan.segments[row]
        text = str(value).strip()
        if column == "length":
            try:
                seconds = parse_minutes(text)
            except ValueError:
                return False
            if seconds <= 0 or seconds == segment.planned_seconds:
                return False
            self._document.push(ResizeSegment(row, seconds), tr("Change segment length"))
            return True
        if column == "kind":
            kinds = {k.value: k for k in SegmentKind} | {KINDS.word(k): k for k in SegmentKind}
            if text not in kinds:
                return False
            edit, new = SetSegmentField(row, "kind", kinds[text]), kinds[text]
            if new == segment.kind:
                return False
        elif column == "product":
            if text and plan.product(text) is None:
                return False
            edit = SetSegmentField(row, "product_id", text or None)
        elif column == "cues":
            edit = SetSegmentField(
                row, "cues", [c.strip() for c in text.replace("，", "/").split("/") if c.strip()]
            )
        elif column in ("owner", "notes"):
            edit = SetSegmentField(row, column, text)
        else:
            return False
        self._document.push(edit, tr("Edit segment"))
        return True
