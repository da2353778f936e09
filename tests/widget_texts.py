"""What a person reads in a window: every widget's texts, tooltips, placeholders, tab titles, actions, and the
headers and cells of its tables, listed in tree order with where each came from (shared by the language
tests)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

MAX_ROWS = 60  # enough rows of a table to see every kind of cell


def widget_texts(root: QWidget, *, visible_only: bool = False) -> list[tuple[str, str]]:
    """(where, text) for `root` and every widget under it; `visible_only` keeps what is on screen now."""
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if visible_only and not widget.isVisible():
            continue
        if isinstance(widget, QMenu) and isinstance(widget.parent(), QMenuBar) and not widget.title():
            continue  # Qt's own overflow menu of a narrow menu bar, filled when Qt lays the bar out
        where = f"{type(widget).__name__}:{widget.objectName()}"

        def add(kind: str, text: str, where=where) -> None:
            if text and text.strip():
                found.append((f"{where}.{kind}", text))

        add("windowTitle", widget.windowTitle() if widget.isWindow() or isinstance(widget, QMenu) else "")
        add("toolTip", widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add("text", widget.text())
        if isinstance(widget, QGroupBox):
            add("title", widget.title())
        if isinstance(widget, QMenu):
            add("title", widget.title())
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            add("placeholder", widget.placeholderText())
        if isinstance(widget, QTextEdit) and widget.isReadOnly():
            add("text", widget.toPlainText())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add("item", widget.itemText(i))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add("tab", widget.tabText(i))
                add("tabToolTip", widget.tabToolTip(i))
        if isinstance(widget, QSpinBox | QDoubleSpinBox):
            add("suffix", widget.suffix())
            add("prefix", widget.prefix())
        if isinstance(widget, QAbstractSpinBox):
            add("special", widget.specialValueText())
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            for kind, text in model_texts(widget.model()):
                add(kind, text)
        for action in widget.actions():
            if not visible_only or action.isVisible():
                add("action", action.text().replace("&", ""))
                add("actionTip", action.toolTip() if action.toolTip() != action.text() else "")
    return found


def model_texts(model) -> list[tuple[str, str]]:
    found = []
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        found.append(("header", str(text) if text is not None else ""))
    for row in range(min(model.rowCount(QModelIndex()), MAX_ROWS)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role, kind in (
                (Qt.ItemDataRole.DisplayRole, "cell"),
                (Qt.ItemDataRole.ToolTipRole, "cellTip"),
            ):
                value = model.data(index, role)
                if isinstance(value, str):
                    found.append((kind, value))
    return found
