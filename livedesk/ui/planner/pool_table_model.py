"""The product pool (货盘) as an editable table; the role column carries the role's colour."""

from __future__ import annotations

import copy

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from livedesk.domain.money import fen_to_yuan, yuan_to_fen
from livedesk.domain.plan_edits import ReplaceProducts
from livedesk.domain.roles import parse_role
from livedesk.ui.i18n import tr
from livedesk.ui.planner.plan_document import PlanDocument
from livedesk.words import ROLES

COLUMNS = (
    "product_id",
    "name",
    "role",
    "sku",
    "daily_price_fen",
    "live_price_fen",
    "cost_fen",
    "stock",
    "mechanism",
    "selling_points",
    "pain_points",
    "endorsements",
    "faq",
)
MONEY = {"daily_price_fen", "live_price_fen", "cost_fen"}


_ROOT = QModelIndex()  # the invalid index Qt passes for the table's root
Index = QModelIndex | QPersistentModelIndex  # what Qt may pass a model


class PoolTableModel(QAbstractTableModel):
    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        document.plan_changed.connect(self._on_plan_changed)

    def _on_plan_changed(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:
        plan = self._document.plan
        return 0 if parent.isValid() or plan is None else len(plan.products)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {
            "product_id": tr("Product ID"),
            "name": tr("Name"),
            "role": tr("Role"),
            "sku": tr("SKU"),
            "daily_price_fen": tr("Daily price"),
            "live_price_fen": tr("Live price"),
            "cost_fen": tr("Cost"),
            "stock": tr("Stock"),
            "mechanism": tr("Mechanism"),
            "selling_points": tr("Selling points"),
            "pain_points": tr("Pain points"),
            "endorsements": tr("Endorsements"),
            "faq": tr("FAQ"),
        }[COLUMNS[section]]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        plan = self._document.plan
        if plan is None or not index.isValid():
            return None
        product = plan.products[index.row()]
        column = COLUMNS[index.column()]
        if column == "role" and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(ROLES[product.role].colour))
        if column == "role" and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#FFFFFF"))
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        value = getattr(product, column)
        if column == "role":
            return ROLES.word(product.role) if role == Qt.ItemDataRole.DisplayRole else product.role.value
        if column in MONEY:
            return "" if value is None else f"{fen_to_yuan(value)}"
        return "" if value is None else str(value)

    def setData(self, index: Index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        plan = self._document.plan
        if plan is None or role != Qt.ItemDataRole.EditRole:
            return False
        column, text = COLUMNS[index.column()], str(value).strip()
        products = copy.deepcopy(plan.products)
        product = products[index.row()]
        try:
            if column == "role":
                new = parse_role(text) or {ROLES.word(r): r for r in type(product.role)}.get(text)
                if new is None:
                    return False
                product.role = new
            elif column in MONEY:
                setattr(product, column, yuan_to_fen(text) if text else None)
            elif column == "stock":
                product.stock = int(text) if text else None
            elif column == "product_id":
                if not text or any(p.product_id == text for p in products if p is not product):
                    return False  # ids stay unique: the store keys the pool by them
                product.product_id = text
            else:
                setattr(product, column, text)
        except ValueError:
            return False
        if products == plan.products:
            return False
        self._document.push(ReplaceProducts(products), tr("Edit product"))
        return True
