"""Read-only tables of the review (segments, products, scorecards, plan vs actual) built from JSON rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


class ReviewTable(QTableWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)

    def fill(
        self,
        headers: list[str],
        rows: list[list[str]],
        tips: list[list[str]] | None = None,
        stretch: int | None = None,
    ) -> None:
        """`stretch`: the (name) column that takes the spare width, so numbers stay beside their names."""
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(str(text))
                if _is_number(str(text)):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if tips and tips[r][c]:
                    item.setToolTip(tips[r][c])
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for column in range(self.columnCount()):  # a long name column must not push the numbers off screen
            self.setColumnWidth(column, min(self.columnWidth(column), 360))
        header = self.horizontalHeader()
        for column in range(self.columnCount()):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch if column == stretch else QHeaderView.ResizeMode.Interactive,
            )

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item else ""


def _is_number(text: str) -> bool:
    """Numbers (¥1,234.00, -0.5, 12.3%, 20:10, —) align right so digits line up; words align left."""
    return bool(text) and (text[0].isdigit() or text[0] in "¥+-—.")
